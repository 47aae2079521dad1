// --sudoers: the SHARETASK block of 3.8.3, validated by the real visudo before it is installed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { findOnPath } from '../../src/io/which.js';
import { sharetaskSudoersLines } from '../../src/migrate/sudoers.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { copyFixture } from './conf-dir.js';

const SYSTEM_PATH = `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;
const visudo = await findOnPath('visudo', SYSTEM_PATH);
const BLOCK = sharetaskSudoersLines('/home/sharetask/sharetask_server');

// CI installs sudo; elsewhere, without visudo, these are skipped (the refusal test below is not).
describe.skipIf(!visudo && !process.env.CI)('with visudo', () => {
  const env = { PATH: SYSTEM_PATH };

  test('appends the block, validated with visudo -cf, keeping mode 0440 and a backup', async () => {
    const fx = copyFixture();
    const original = readFileSync(fx.sudoers);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${fx.sudoers}: 4 line(s) of the SHARETASK block to append (see the diff)`);
    expect(r.stdout).toContain(`+${BLOCK[2]}`);
    const text = readFileSync(fx.sudoers, 'latin1');
    expect(text.startsWith(original.toString('latin1'))).toBe(true);
    expect(text).toMatch(new RegExp(`\\n\\n# ShareTask 5\\.5 \\(procedure 3\\.8\\.3\\), added by upgrade-wizard migrate-config on [0-9: -]+\\n${BLOCK.map((l) => l.replace(/[()]/g, '\\$&')).join('\\n')}\\n$`));
    expect(statSync(fx.sudoers).mode & 0o7777).toBe(0o440);
    const backup = readdirSync(fx.dir).find((n) => n.startsWith('sudoers.bak-')) as string;
    expect(Buffer.compare(readFileSync(join(fx.dir, backup)), original)).toBe(0);
    expect((await execa(visudo as string, ['-c', '-f', fx.sudoers], { reject: false })).exitCode).toBe(0);
    // The second run finds the block and changes nothing.
    const after = snapshotTree(fx.dir);
    const again = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('the SHARETASK block is already there: nothing to add');
    expect(snapshotTree(fx.dir)).toEqual(after);
  });

  test('an equivalent block already there (other layout) is left alone', async () => {
    const fx = copyFixture();
    const bin = '/home/sharetask/sharetask_server/cgi-common/bin';
    writeFileSync(
      fx.sudoers,
      `${readFileSync(fx.sudoers, 'utf8')}Defaults:apache !env_reset, !requiretty\nCmnd_Alias SHARETASK = ${bin}/explorer, ${bin}/auth_pam, \\\n  ${bin}/make_user_subdir, ${bin}/delete_user_file, ${bin}/chown_template\napache  ALL=(ALL:ALL) NOPASSWD: SHARETASK\n`,
    );
    const before = snapshotTree(fx.dir);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('the SHARETASK block is already there');
    const now = snapshotTree(fx.dir);
    expect(now['sudoers']).toEqual(before['sudoers']);
    expect(Object.keys(now).filter((k) => k.startsWith('sudoers.bak'))).toEqual([]);
  });

  test('a candidate visudo rejects is not installed, and nothing else is written either', async () => {
    const fx = copyFixture();
    writeFileSync(fx.sudoers, `${readFileSync(fx.sudoers, 'utf8')}this is not sudoers syntax\n`);
    const before = snapshotTree(fx.dir);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${fx.sudoers} already fails visudo -c as it is, before any change; nothing was written.`);
    expect(r.stderr).toContain(`visudo said: ${fx.sudoers}:13:`);
    expect(r.stderr).toMatch(/syntax error/);
    expect(snapshotTree(fx.dir)).toEqual(before);
  });

  test('a SHARETASK alias with other commands is a conflict', async () => {
    const fx = copyFixture();
    writeFileSync(fx.sudoers, `${readFileSync(fx.sudoers, 'utf8')}Cmnd_Alias SHARETASK = /bin/true\n`);
    const before = snapshotTree(fx.dir);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${fx.sudoers} line 13: Cmnd_Alias SHARETASK already exists with other commands`);
    expect(snapshotTree(fx.dir)).toEqual(before);
  });

  test('the dry run shows the sudoers diff and writes nothing', async () => {
    const fx = copyFixture();
    const before = snapshotTree(fx.dir);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers], { env });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`--- ${fx.sudoers}\tcurrent`);
    expect(r.stdout).toContain('+apache ALL=(ALL) NOPASSWD: SHARETASK');
    expect(r.stdout).toContain('2 file(s) would change');
    expect(snapshotTree(fx.dir)).toEqual(before);
  });
});

describe('without visudo', () => {
  test('refuses to touch sudoers (or anything), printing the block to add by hand', async () => {
    const fx = copyFixture();
    const before = snapshotTree(fx.dir);
    const env = { PATH: '/nonexistent' };
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`visudo was not found on PATH, so ${fx.sudoers} is not touched`);
    for (const line of BLOCK) expect(r.stderr).toContain(`\n    ${line}`);
    expect(snapshotTree(fx.dir)).toEqual(before);
    const json = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: 2, sudoersLines: BLOCK });
  });
});
