// --sudoers: the dry run checks the candidate with the real visudo too (nothing written, not even
// a temp file), and a rejection names the real file and its cause: a file that was already
// invalid, or a SHARETASK alias defined in an included file.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findOnPath } from '../../src/io/which.js';
import { visudoCheck } from '../../src/io/visudo.js';
import { sharetaskSudoersLines } from '../../src/migrate/sudoers.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { copyFixture } from './conf-dir.js';

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const visudo = await findOnPath('visudo', SYSTEM_PATH);
const env = { PATH: SYSTEM_PATH };
const BLOCK = sharetaskSudoersLines('/home/sharetask/sharetask_server');

describe.skipIf(!visudo && !process.env.CI)('visudo checks in the dry run', () => {
  test('a sudoers file that is already invalid: the dry run says so (exit 2) instead of promising a change; --apply the same', async () => {
    const fx = copyFixture();
    writeFileSync(fx.sudoers, `${readFileSync(fx.sudoers, 'utf8')}this is not sudoers syntax\n`);
    const before = snapshotTree(fx.dir);
    for (const apply of [[], ['--apply']]) {
      const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, ...apply], { env });
      expect(r.exitCode, r.stdout).toBe(2);
      expect(r.stdout).not.toContain('would change');
      expect(r.stderr).toContain(`${fx.sudoers} already fails visudo -c as it is, before any change; nothing was written. Fix: correct it first (visudo -f ${fx.sudoers}), then run again. visudo said: ${fx.sudoers}:13:`);
      expect(r.stderr).not.toMatch(/\.tmp|stdin/);
      expect(snapshotTree(fx.dir)).toEqual(before);
    }
    const ja = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--lang', 'ja'], { env });
    expect(ja.stderr).toContain(`${fx.sudoers} は変更前の時点ですでに visudo -c の検査に通りません。`);
  });

  test('the SHARETASK alias in a file included with @includedir: named, in the dry run and with --apply; nothing written', async () => {
    const fx = copyFixture();
    const dropIn = join(fx.dir, 'sudoers.d');
    mkdirSync(dropIn);
    writeFileSync(join(dropIn, 'sharetask'), `${BLOCK.slice(2).join('\n')}\n`);
    chmodSync(join(dropIn, 'sharetask'), 0o440);
    writeFileSync(fx.sudoers, `${readFileSync(fx.sudoers, 'utf8')}@includedir ${dropIn}\n`);
    const before = snapshotTree(fx.dir);
    for (const apply of [[], ['--apply']]) {
      const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, ...apply], { env });
      expect(r.exitCode, r.stdout).toBe(2);
      expect(r.stderr).toContain(
        `Cmnd_Alias SHARETASK is already defined in ${join(dropIn, 'sharetask')}, which ${fx.sudoers} includes (@include / @includedir): appending the block would define it twice; nothing was written. Fix: if the block is complete there, run again without --sudoers`,
      );
      expect(r.stderr).not.toMatch(/\.tmp/);
      expect(snapshotTree(fx.dir)).toEqual(before);
    }
  });

  test('a relative @includedir is read beside the sudoers file, as when it is installed: the valid candidate passes', async () => {
    const fx = copyFixture();
    mkdirSync(join(fx.dir, 'sudoers.d'));
    writeFileSync(join(fx.dir, 'sudoers.d', 'other'), 'Cmnd_Alias OTHER = /bin/true\n');
    writeFileSync(fx.sudoers, `${readFileSync(fx.sudoers, 'utf8')}@includedir sudoers.d\n`);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers], { env, cwd: '/' });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${fx.sudoers}: visudo -c accepts the result`);
    expect(r.stdout).toContain('2 file(s) would change');
    const applied = await runCli(['migrate-config', '--conf', fx.conf, '--sudoers', fx.sudoers, '--apply'], { env, cwd: '/' });
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(readFileSync(fx.sudoers, 'latin1')).toContain(BLOCK[2]);
  });

  test('visudo\'s words about a temp candidate name the real file', async () => {
    const fx = copyFixture();
    const temp = join(fx.dir, '.sudoers.1234.abcd.tmp');
    writeFileSync(temp, 'this is not sudoers syntax\n');
    const result = await visudoCheck(visudo as string, temp, fx.sudoers);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`${fx.sudoers}:1:`);
    expect(result.output).not.toContain('.tmp');
  });
});
