// Bad input: exit 2, a message on stderr naming the file, the line and the fix, nothing changed.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { execa } from 'execa';
import iconv from 'iconv-lite';
import { isRoot, repoRoot, runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { chattrWorks, whileImmutable } from '../helpers/chattr.js';
import { makeConf, PLAIN_SYSTEM_CONF, SEED_DB_CONF } from './conf-dir.js';

/** Runs with --apply (the strictest case) and checks exit 2 and an unchanged tree. */
async function refused(dir: string, args: string[], runAs?: string) {
  const before = snapshotTree(dir);
  const r = await runCli(['migrate-config', ...args, '--apply'], { user: runAs });
  expect(r.exitCode, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^error: /);
  expect(snapshotTree(dir)).toEqual(before);
  return r.stderr;
}

// nobody must be able to read the checkout (a clone under /root would not be).
const nobodyCanRun =
  isRoot &&
  (await execa('runuser', ['-u', 'nobody', '--', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'build', 'cli.js'))})`], { reject: false })).exitCode === 0;

const db = (extra: string) => `dbname = stask_mpi\ndbuser = stask_mpi\n${extra}`;

describe('bad input to migrate-config', () => {
  test('missing conf directory', async () => {
    const { dir } = makeConf();
    expect(await refused(dir, ['--conf', join(dir, 'nope')])).toContain(`${join(dir, 'nope')}: not found. Fix: check the path (the conf directory given with --conf)`);
  });

  test('--conf is a file', async () => {
    const { dir, conf } = makeConf();
    expect(await refused(dir, ['--conf', join(conf, 'db.conf')])).toContain('not a directory');
  });

  test('missing db.conf', async () => {
    const { dir, conf } = makeConf(null);
    expect(await refused(dir, ['--conf', conf])).toContain(`${conf}/db.conf: not found. Fix: check the path (db.conf of ShareTask 5.4 in the --conf directory, copied from the old conf with cp -a as in procedure 3.8)`);
  });

  test('missing system.conf', async () => {
    const { dir, conf } = makeConf(SEED_DB_CONF, null);
    expect(await refused(dir, ['--conf', conf])).toContain(`${conf}/system.conf: not found.`);
  });

  test('system.conf is a directory', async () => {
    const { dir, conf } = makeConf(SEED_DB_CONF, null);
    mkdirSync(join(conf, 'system.conf'));
    expect(await refused(dir, ['--conf', conf])).toContain(`${conf}/system.conf: is a directory, a file was expected. Fix: system.conf in the --conf directory must be a regular file`);
  });

  test.each([
    ['lacking dbname', 'dbuser = u\n', 'db.conf: dbname is missing. Fix: add "dbname = VALUE"'],
    ['lacking dbuser', 'dbname = d\n', 'db.conf: dbuser is missing. Fix: add "dbuser = VALUE"'],
    ['an empty dbname', 'dbname =\ndbuser = u\n', 'db.conf line 1: dbname is empty. Fix:'],
    ['a duplicated key', db('dbhost = a\ndbhost = b\n'), 'db.conf line 4: "dbhost" is set again (first on line 3). Fix: keep one'],
    ['a key without "="', db('dbhost localhost\n'), 'db.conf line 3: "dbhost" has no "=". Fix: write dbhost = VALUE'],
    ['a port of 0', db('dbport = 0\n'), 'db.conf line 3: dbport "0" is not a port number. Fix: give a number from 1 to 65535'],
    ['a port of 65536', db('dbport = 65536\n'), 'db.conf line 3: dbport "65536" is not a port number.'],
    ['a port that is not a number', db('dbport = pg\n'), 'db.conf line 3: dbport "pg" is not a port number.'],
    ['a bad sslmode', db('sslmode = on\n'), 'db.conf line 3: sslmode "on" is not valid. Fix: use one of disable, allow, prefer, require, verify-ca, verify-full'],
    ['a ":" in dbpass', db('dbpass = a:b\n'), 'db.conf line 3: the value of dbpass contains ":", which SHARETASK_DB cannot carry (":" separates its fields). Fix: change dbpass so it has no ":"'],
    ['a ":" in dbhost (IPv6)', db('dbhost = ::1\n'), 'db.conf line 3: the value of dbhost contains ":"'],
  ])('db.conf with %s', async (_name, text, message) => {
    const { dir, conf } = makeConf(text);
    const stderr = await refused(dir, ['--conf', conf]);
    expect(stderr).toContain(`${conf}/${message}`);
    expect(stderr).not.toContain('a:b');
  });

  test('a duplicated key or a line without "=" in system.conf', async () => {
    const dup = makeConf(SEED_DB_CONF, 'SUID_METHOD = sudo\nSUID_METHOD = suidperl\n');
    expect(await refused(dup.dir, ['--conf', dup.conf])).toContain('system.conf line 2: "SUID_METHOD" is set again (first on line 1)');
    const noEq = makeConf(SEED_DB_CONF, `${PLAIN_SYSTEM_CONF}JUST_A_WORD\n`);
    expect(await refused(noEq.dir, ['--conf', noEq.conf])).toContain('system.conf line 5: the line has no "=" and is neither a comment (#) nor blank');
  });

  test('a stray line in system.conf (a wrapped password) is not echoed, and the advice fits it', async () => {
    const { dir, conf } = makeConf(SEED_DB_CONF, `${PLAIN_SYSTEM_CONF}LDAP_BIND_PASSWORD = part1\n  S3cretPw!\n`);
    const stderr = await refused(dir, ['--conf', conf]);
    expect(stderr).toContain(
      `${conf}/system.conf line 6: the line has no "=" and is neither a comment (#) nor blank (its text is not shown: it may be a password). Fix: look at this line: if it is the rest of the value on the line above, join the two`,
    );
    expect(stderr).not.toContain('S3cretPw');
    const ja = await runCli(['migrate-config', '--conf', conf, '--lang', 'ja']);
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('system.conf 6 行目: "=" がなく、コメント (#) でも空行でもない行です (パスワードの可能性があるため内容は表示しません)');
    expect(ja.stdout + ja.stderr).not.toContain('S3cretPw');
  });

  test('a value in Shift_JIS or EUC-JP is quoted as the file has it, not as mojibake', async () => {
    const sjis = makeConf(Buffer.concat([Buffer.from('dbname = a\ndbuser = a\ndbport = '), iconv.encode('５４３２', 'cp932'), Buffer.from('\n')]));
    expect(await refused(sjis.dir, ['--conf', sjis.conf])).toContain('db.conf line 3: dbport "５４３２" is not a port number.');
    const euc = makeConf(SEED_DB_CONF, Buffer.concat([Buffer.from(`${PLAIN_SYSTEM_CONF}# `), iconv.encode('日本語の設定', 'euc-jp'), Buffer.from('\nSUID_METHOD = '), iconv.encode('日本', 'euc-jp'), Buffer.from('\n')]));
    const r = await runCli(['migrate-config', '--conf', euc.conf]);
    expect(r.stdout).toMatch(/SUID_METHOD .*日本/);
    expect(r.stdout).not.toContain('ÆüËÜ');
  });

  test('unknown keys in db.conf are a warning only', async () => {
    const { conf } = makeConf(`${SEED_DB_CONF}dbtimeout = 5\n`);
    const r = await runCli(['migrate-config', '--conf', conf]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`warning: ${conf}/db.conf line 7: unknown parameter "dbtimeout" ignored`);
  });

  test('a custom archive name that does not match', async () => {
    const { dir, conf } = makeConf();
    const archive = join(dir, 'custom_nab_2012.tar.gz');
    writeFileSync(archive, '');
    expect(await refused(dir, ['--conf', conf, '--custom-archive', archive])).toContain(
      'custom_nab_2012.tar.gz: not a custom archive name. Fix: give custom_{UID}_{DATE}.tar.gz with a UID of 3 or 4 capital letters',
    );
  });

  test('a custom archive that does not exist', async () => {
    const { dir, conf } = makeConf();
    expect(await refused(dir, ['--conf', conf, '--custom-archive', join(dir, 'custom_NAB_20120401.tar.gz')])).toContain('custom_NAB_20120401.tar.gz: not found');
  });

  test('bad options are exit 2 too', async () => {
    const { dir, conf } = makeConf();
    expect(await refused(dir, ['--conf', conf, '--custom', 'nab'])).toContain('3 or 4 capital letters');
    expect(await refused(dir, ['--conf', conf, '--nonsense'])).toContain('invalid option');
  });

  test('messages in Japanese', async () => {
    const { conf } = makeConf(db('dbport = 0\n'));
    const r = await runCli(['migrate-config', '--conf', conf, '--lang', 'ja']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`エラー: ${conf}/db.conf 3 行目: dbport "0" はポート番号ではありません。対処: 1～65535`);
  });

  test('--json on bad input: a JSON document with the error, and the message on stderr', async () => {
    const { conf } = makeConf(db('dbport = 0\n'));
    const r = await runCli(['migrate-config', '--conf', conf, '--json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 2, error: expect.stringContaining('db.conf line 3') });
    expect(r.stderr).toContain('db.conf line 3');
  });

  describe.skipIf(!chattrWorks)('an immutable system.conf (chattr +i; skipped where chattr cannot work)', () => {
    test('root is told to look at the attributes, not at the permissions', async () => {
      const { dir, conf } = makeConf();
      const file = join(conf, 'system.conf');
      const message = await whileImmutable(file, () => refused(dir, ['--conf', conf]));
      expect(message).toContain(`${file}: not even root may change it. Fix: check its attributes and its directory's with lsattr`);
      expect(message).not.toContain('permission denied');
    });

    test('a sudoers that could be written is not, when system.conf cannot be (both are checked first)', async () => {
      const { dir, conf } = makeConf();
      const sudoers = join(dir, 'sudoers');
      writeFileSync(sudoers, 'root ALL=(ALL) ALL\n', { mode: 0o440 });
      const file = join(conf, 'system.conf');
      const message = await whileImmutable(file, () => refused(dir, ['--conf', conf, '--sudoers', sudoers]));
      expect(message).toContain(`${file}: not even root may change it.`);
    });

    test('an append-only system.conf (chattr +a) is refused before anything is written, too', async () => {
      const { dir, conf } = makeConf();
      const file = join(conf, 'system.conf');
      execFileSync('chattr', ['+a', file]);
      try {
        expect(await refused(dir, ['--conf', conf])).toContain(`${file}: not even root may change it.`);
      } finally {
        execFileSync('chattr', ['-a', file]);
      }
    });
  });

  // Tests run as root in CI, where permission bits do not bind: the binary runs as nobody.
  describe.skipIf(!nobodyCanRun)('permission denied (the binary runs as nobody via runuser; skipped unless root and the checkout is readable by nobody)', () => {
    test('an unreadable db.conf', async () => {
      const { dir, conf } = makeConf();
      chmodSync(join(conf, 'db.conf'), 0o600);
      expect(await refused(dir, ['--conf', conf], 'nobody')).toContain(`${conf}/db.conf: permission denied. Fix: run as root or as the owner`);
    });

    test('a directory nobody may write to (with --apply)', async () => {
      const { dir, conf } = makeConf();
      expect(await refused(dir, ['--conf', conf], 'nobody')).toContain(`${conf}: permission denied.`);
    });

    test('an unreadable conf directory', async () => {
      const { dir, conf } = makeConf();
      chmodSync(conf, 0o700);
      expect(await refused(dir, ['--conf', conf], 'nobody')).toContain('permission denied');
    });
  });
});

