// End to end with --apply: what lands on disk, byte for byte.
import { chmodSync, chownSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { isRoot, runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { copyFixture, makeConf, SEED_DB_CONF } from './conf-dir.js';

const MARKER = /# (Migrated|Changed) for ShareTask 5\.5 by upgrade-wizard migrate-config on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(procedure 3\.8\)/g;
/** The written bytes with the (time-dependent) comment lines normalised. */
const normalised = (buf: Buffer): Buffer => Buffer.from(buf.toString('latin1').replace(MARKER, '# $1 STAMP'), 'latin1');
const DB_LINE = 'SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable';

describe('migrate-config --apply', () => {
  test('writes system.conf, keeps the original as a backup, leaves db.conf untouched; a second run changes nothing', async () => {
    const fx = copyFixture();
    const sys = join(fx.conf, 'system.conf');
    const original = readFileSync(sys);
    const dbBefore = snapshotTree(fx.conf)['db.conf'];
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--apply']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const backups = readdirSync(fx.conf).filter((n) => /^system\.conf\.bak-\d{14}$/.test(n));
    expect(backups).toHaveLength(1);
    expect(Buffer.compare(readFileSync(join(fx.conf, backups[0] as string)), original)).toBe(0);
    expect(r.stdout).toContain(`written: ${sys} (original kept as ${join(fx.conf, backups[0] as string)})`);
    expect(r.stdout).toContain('\n+SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable\n');
    expect(snapshotTree(fx.conf)['db.conf']).toEqual(dbBefore);
    const text = iconv.decode(readFileSync(sys), 'euc-jp');
    expect(text).toContain(`\n${DB_LINE}\nSUID_METHOD = sudo\n\n# サイト名\n`);

    const after = snapshotTree(fx.dir);
    const again = await runCli(['migrate-config', '--conf', fx.conf, '--apply']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('already migrated: nothing to change');
    expect(again.stdout).toContain('The configuration is already migrated: nothing to write.');
    expect(snapshotTree(fx.dir)).toEqual(after);
  });

  test.skipIf(!isRoot)('keeps the owner and mode of system.conf (nobody:nogroup 0640)', async () => {
    const fx = copyFixture();
    const sys = join(fx.conf, 'system.conf');
    chownSync(sys, 65534, 65534);
    chmodSync(sys, 0o640);
    expect((await runCli(['migrate-config', '--conf', fx.conf, '--apply'])).exitCode).toBe(0);
    const st = statSync(sys);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  });

  // Each variant: the original bytes, and the bytes expected after migration.
  const eucComment = iconv.encode('# 設定ファイル', 'euc-jp');
  const sjisComment = iconv.encode('# 設定ファイル', 'cp932');
  const cat = (...parts: (string | Buffer)[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
  const block = (eol: string): string => `# Migrated STAMP${eol}${DB_LINE}${eol}SUID_METHOD = sudo${eol}`;
  test.each([
    ['EUC-JP comments, LF', cat(eucComment, '\n\nA = 1\n', eucComment, '\n'), cat(eucComment, '\n\n', block('\n'), '\nA = 1\n', eucComment, '\n')],
    ['Shift_JIS comments, CRLF', cat(sjisComment, '\r\n\r\nA = 1\r\n', sjisComment, '\r\n'), cat(sjisComment, '\r\n\r\n', block('\r\n'), '\r\nA = 1\r\n', sjisComment, '\r\n')],
    ['UTF-8 with BOM', cat('\xEF\xBB\xBFA = 1\n'), cat('\xEF\xBB\xBF', block('\n'), '\nA = 1\n')],
    ['no final newline', cat('# c\n\nA = 1\nB = ', eucComment), cat('# c\n\n', block('\n'), '\nA = 1\nB = ', eucComment)],
    ['mixed endings keep theirs', cat('A = 1\r\nB = 2\nC = 3\r\n'), cat(block('\r\n'), '\r\nA = 1\r\nB = 2\nC = 3\r\n')],
  ])('%s: untouched lines keep their exact bytes', async (_name, original, expected) => {
    const { conf } = makeConf(SEED_DB_CONF, original);
    const r = await runCli(['migrate-config', '--conf', conf, '--apply']);
    expect(r.exitCode).toBe(0);
    const written = readFileSync(join(conf, 'system.conf'));
    expect(Buffer.compare(normalised(written), expected)).toBe(0);
    const backup = readdirSync(conf).find((n) => n.startsWith('system.conf.bak-')) as string;
    expect(Buffer.compare(readFileSync(join(conf, backup)), original)).toBe(0);
  });

  test('a different SHARETASK_DB is a conflict: exit 2, both values shown masked, nothing changed', async () => {
    const { dir, conf } = makeConf(SEED_DB_CONF.replace('dbpass =', 'dbpass = newSecret1'), 'SHARETASK_DB = stask_mpi:oldhost:5432:stask_mpi:oldSecret2:prefer\n');
    const before = snapshotTree(dir);
    const r = await runCli(['migrate-config', '--conf', conf, '--apply']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${conf}/system.conf line 1: SHARETASK_DB is already set to another value.`);
    expect(r.stderr).toContain('Now: stask_mpi:oldhost:5432:stask_mpi:****:prefer.');
    expect(r.stderr).toContain('From db.conf: stask_mpi:localhost:5432:stask_mpi:****:disable.');
    expect(r.stderr).toContain('Differs in: dbhost, dbpass, sslmode.');
    expect(r.stderr).toContain('--force');
    expect(r.stdout + r.stderr).not.toMatch(/newSecret1|oldSecret2/);
    expect(snapshotTree(dir)).toEqual(before);
    // The dry run refuses the same way.
    expect((await runCli(['migrate-config', '--conf', conf])).exitCode).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('--force replaces the conflicting SHARETASK_DB in place', async () => {
    const { conf } = makeConf(SEED_DB_CONF, 'A = 1\nSHARETASK_DB = other:::u::prefer\nB = 2\n');
    const r = await runCli(['migrate-config', '--conf', conf, '--apply', '--force']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/SHARETASK_DB: other:::u::prefer -> stask_mpi:localhost:5432:stask_mpi:.* \(replaced, --force; differs in: dbname, dbhost, dbport, dbuser, sslmode\)/);
    expect(normalised(readFileSync(join(conf, 'system.conf'))).toString('latin1')).toBe(
      `# Migrated STAMP\nSUID_METHOD = sudo\n\nA = 1\n# Changed STAMP\n${DB_LINE}\nB = 2\n`,
    );
  });

  test('CUSTOM from --custom-archive or --custom, and the user-prefs parameters', async () => {
    const fx = copyFixture();
    const archive = join(fx.dir, 'custom_NAB_20120401.tar.gz');
    (await import('node:fs')).writeFileSync(archive, '');
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--custom-archive', archive, '--user-prefs-dir', '/home/sharetask/sharetask_users', '--apply']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('CUSTOM = NAB (from custom_NAB_20120401.tar.gz)');
    const text = readFileSync(join(fx.conf, 'system.conf'), 'latin1');
    expect(text).toContain(`${DB_LINE}\nSUID_METHOD = sudo\nCUSTOM = NAB\nENABLE_USER_PREFS = 1\nUSER_PREFS_DIR = /home/sharetask/sharetask_users\n\n`);
    const same = await runCli(['migrate-config', '--conf', fx.conf, '--custom', 'NAB', '--user-prefs-dir', '/home/sharetask/sharetask_users', '--apply']);
    expect(same.stdout).toContain('already migrated');
  });
});
