// End to end, the real binary on a copy of the seed's example: the dry run, --json, languages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { execa } from 'execa';
import { findOnPath } from '../../src/io/which.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { copyFixture } from './conf-dir.js';

describe('migrate-config without --apply', () => {
  test('shows findings and a unified diff, writes nothing', async () => {
    const fx = copyFixture();
    const before = snapshotTree(fx.dir);
    const r = await runCli(['migrate-config', '--conf', fx.conf]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('dry run: nothing is written');
    expect(r.stdout).toContain('SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable (TCP connection to localhost)');
    expect(r.stdout).toContain(`--- ${fx.conf}/system.conf\tcurrent`);
    expect(r.stdout).toContain(`+++ ${fx.conf}/system.conf\tmigrated`);
    expect(r.stdout).toMatch(/^\+# Migrated for ShareTask 5\.5 by upgrade-wizard migrate-config on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(procedure 3\.8\)$/m);
    expect(r.stdout).toContain('\n+SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable\n+SUID_METHOD = sudo\n');
    // EUC-JP context lines are shown decoded.
    expect(r.stdout).toContain('\n # サイト名\n');
    expect(r.stdout).toContain('1 file(s) would change. Run again with --apply');
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stderr).toBe('');
    expect(snapshotTree(fx.dir)).toEqual(before);
  });

  test('the UNIX-socket example of 3.8.1, and an sslmode it had to assume', async () => {
    const fx = copyFixture();
    writeFileSync(join(fx.conf, 'db.conf'), '# 5.4\ndbhost =\ndbport =\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass =\n');
    const r = await runCli(['migrate-config', '--conf', fx.conf]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`info: ${fx.conf}/db.conf: no sslmode given: assumed "prefer" (PostgreSQL's default)`);
    expect(r.stdout).toContain('SHARETASK_DB = stask_mpi:::stask_mpi::prefer (UNIX socket connection)');
    expect(r.stdout).toContain('\n+SHARETASK_DB = stask_mpi:::stask_mpi::prefer\n');
  });

  test('--json prints one JSON document with English keys', async () => {
    const fx = copyFixture();
    const before = snapshotTree(fx.dir);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--json', '--custom', 'NAB', '--lang', 'ja']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ command: 'migrate-config', ok: true, exitCode: 0, apply: false, alreadyMigrated: false, written: [], sudoers: null });
    expect(doc.sharetaskDb).toBe('stask_mpi:localhost:5432:stask_mpi::disable');
    expect(doc.files[0]).toMatchObject({ path: join(fx.conf, 'system.conf'), changed: true });
    expect(doc.files[0].diff).toContain('+CUSTOM = NAB');
    expect(doc.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['sharetaskDbBuilt', 'dbConfKept', 'added']));
    // Messages in the chosen language, keys in English.
    expect(doc.findings.find((f: { code: string }) => f.code === 'dbConfKept').message).toContain('廃止');
    expect(snapshotTree(fx.dir)).toEqual(before);
  });

  test('Japanese output with --lang ja and from LANG', async () => {
    const fx = copyFixture();
    for (const run of [
      () => runCli(['migrate-config', '--conf', fx.conf, '--lang', 'ja']),
      () => runCli(['migrate-config', '--conf', fx.conf], { env: { LANG: 'ja_JP.UTF-8' } }),
    ]) {
      const r = await run();
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('確認のみ: 書き込みません');
      expect(r.stdout).toContain('変更内容:');
      expect(r.stdout).toContain('1 個のファイルが変更されます');
    }
  });

  test('--help in both languages', async () => {
    const en = await runCli(['migrate-config', '--help']);
    expect(en.exitCode).toBe(0);
    expect(en.stdout).toContain('Usage: upgrade-wizard migrate-config --conf DIR');
    expect(en.stdout).toContain('--verify-db');
    const ja = await runCli(['migrate-config', '--help', '--lang', 'ja']);
    expect(ja.stdout).toContain('使い方: upgrade-wizard migrate-config --conf DIR');
  });

  test('--shipped reports, per file, new, changed and unknown parameters, and db.conf as retired', async () => {
    const fx = copyFixture();
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--shipped', fx.shipped]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`Compared with the shipped configuration (${fx.shipped}):`);
    expect(r.stdout).toContain('  db.conf: retired in 5.5');
    expect(r.stdout).toContain('    shipped default differs: SESSION_TIMEOUT: yours 3600, shipped 1800');
    expect(r.stdout).toContain('    not known to 5.5 any more: OLD_TOOLBAR = 1');
    expect(r.stdout).toContain('    new in 5.5, not in yours: LDAP_PORT = 389');
    expect(r.stdout).toContain('  mail.conf: new file in 5.5');
    // What the migration adds is not reported as a difference.
    expect(r.stdout).not.toMatch(/(differs|not known).*(SHARETASK_DB|SUID_METHOD)/);
    const json = JSON.parse((await runCli(['migrate-config', '--conf', fx.conf, '--shipped', fx.shipped, '--json'])).stdout);
    const system = json.shipped.files.find((f: { file: string }) => f.file === 'system.conf');
    expect(system.removed).toEqual([{ key: 'OLD_TOOLBAR', value: '1' }]);
  });

  test('no password in the terminal, the JSON or the diff; written only to system.conf', async () => {
    const fx = copyFixture();
    const secret = 'Pa55-w0rd!x';
    const db = join(fx.conf, 'db.conf');
    writeFileSync(db, readFileSync(db, 'utf8').replace('dbpass =', `dbpass = ${secret}`));
    const args = ['migrate-config', '--conf', fx.conf, '--shipped', fx.shipped];
    for (const extra of [[], ['--json'], ['--lang', 'ja']]) {
      const r = await runCli([...args, ...extra]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain('Ldap-Secret-1');
      expect(r.stdout).toContain('stask_mpi:localhost:5432:stask_mpi:****:disable');
    }
    const applied = await runCli([...args, '--apply']);
    expect(applied.stdout + applied.stderr).not.toContain(secret);
    const holders = Object.entries(snapshotTree(fx.dir))
      .filter(([, n]) => n.content !== undefined && Buffer.from(n.content, 'hex').includes(secret))
      .map(([p]) => p)
      .sort();
    expect(holders).toEqual(['conf/db.conf', 'conf/system.conf']);
  });
});

// A real terminal through Python's pty module (argv, no shell); skipped where python3 is missing.
const python = await findOnPath('python3');
describe.skipIf(!python)('colour on a terminal', () => {
  const inPty = async (conf: string, env: Record<string, string | undefined>) => {
    const script = 'import pty, sys; pty.spawn(sys.argv[1:])';
    const argv = [process.execPath, join(repoRoot, 'bin', 'upgrade-wizard.js'), 'migrate-config', '--conf', conf];
    const r = await execa(python as string, ['-c', script, ...argv], { env: { LANG: 'C', NO_COLOR: undefined, ...env }, reject: false, stdin: 'ignore' });
    return String(r.stdout);
  };

  test('the diff is coloured on a TTY, and plain with NO_COLOR', async () => {
    const fx = copyFixture();
    expect(await inPty(fx.conf, {})).toContain('\x1b[32m+SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable\x1b[0m');
    const plain = await inPty(fx.conf, { NO_COLOR: '1' });
    expect(plain).toContain('+SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable');
    expect(plain).not.toContain('\x1b[');
  });
});
