import { describe, expect, test } from 'vitest';
import { migrateSystemConf, wantedParams } from '../../src/migrate/system-conf.js';

const STAMP = '2024-05-01 10:00:00';
const MARK = `# Migrated for ShareTask 5.5 by upgrade-wizard migrate-config on ${STAMP} (procedure 3.8)`;
const DB = 'stask_mpi:localhost:5432:stask_mpi:pw:prefer';

function migrate(text: string, o: { custom?: string; userPrefsDir?: string; force?: boolean; db?: string } = {}) {
  const r = migrateSystemConf({
    text,
    file: 'system.conf',
    wanted: wantedParams({ sharetaskDb: o.db ?? DB, custom: o.custom, userPrefsDir: o.userPrefsDir }),
    force: o.force ?? false,
    stamp: STAMP,
  });
  return r;
}

describe('system.conf migration (3.8.1-3.8.4)', () => {
  test('new parameters go together after the header comment, with a dated comment line', () => {
    const r = migrate('# header\n# more\n\nA = 1\nB = 2\n', { custom: 'NAB', userPrefsDir: '/home/sharetask/sharetask_users' });
    expect(r.text).toBe(
      `# header\n# more\n\n${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo\nCUSTOM = NAB\nENABLE_USER_PREFS = 1\nUSER_PREFS_DIR = /home/sharetask/sharetask_users\n\nA = 1\nB = 2\n`,
    );
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'added', params: { keys: 'SHARETASK_DB, SUID_METHOD, CUSTOM, ENABLE_USER_PREFS, USER_PREFS_DIR' } }));
  });

  test('CUSTOM and the user-prefs lines only when asked for', () => {
    expect(migrate('A = 1\n').text).toBe(`${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo\n\nA = 1\n`);
  });

  test('a header directly followed by a parameter gets blank lines around the block', () => {
    expect(migrate('# header\nA = 1\n').text).toBe(`# header\n\n${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo\n\nA = 1\n`);
  });

  test('an empty file', () => {
    expect(migrate('').text).toBe(`${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo\n`);
  });

  test('inserted lines use the file\'s CRLF endings; other lines keep theirs', () => {
    const r = migrate('# h\r\n\r\nA = 1\r\nB = 2\n');
    expect(r.text).toBe(`# h\r\n\r\n${MARK}\r\nSHARETASK_DB = ${DB}\r\nSUID_METHOD = sudo\r\n\r\nA = 1\r\nB = 2\n`);
  });

  test('a file of comments only, without a final newline, keeps having none', () => {
    expect(migrate('# only a comment').text).toBe(`# only a comment\n\n${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo`);
  });

  test('a BOM stays first and untouched lines keep their EUC-JP bytes', () => {
    const text = '\xEF\xBB\xBF# \xA4\xB3\xA4\xEC\n\nA = \xA4\xA2\n';
    const r = migrate(text);
    expect(r.text.startsWith('\xEF\xBB\xBF# \xA4\xB3\xA4\xEC\n\n# Migrated')).toBe(true);
    expect(r.text.endsWith('\nA = \xA4\xA2\n')).toBe(true);
  });

  test('already migrated: no change, and it says so', () => {
    const once = migrate('A = 1\n', { custom: 'NAB' });
    const twice = migrate(once.text, { custom: 'NAB' });
    expect(twice.changed).toBe(false);
    expect(twice.text).toBe(once.text);
    expect(twice.findings.map((f) => f.code)).toContain('alreadyMigrated');
  });

  test('a partial migration adds only what is missing', () => {
    const r = migrate(`SHARETASK_DB = ${DB}\nA = 1\n`);
    expect(r.text).toBe(`${MARK}\nSUID_METHOD = sudo\n\nSHARETASK_DB = ${DB}\nA = 1\n`);
  });

  test('a different SHARETASK_DB is a conflict showing both values masked', () => {
    const r = migrate('SHARETASK_DB = other:h:1:u:oldpw:prefer\n');
    expect(r.changed).toBe(false);
    const conflict = r.findings.find((f) => f.code === 'conflict');
    expect(conflict).toMatchObject({ level: 'error', line: 1, params: { old: 'other:h:1:u:****:prefer', new: 'stask_mpi:localhost:5432:stask_mpi:****:prefer', fields: 'dbname, dbhost, dbport, dbuser, dbpass' } });
    expect(JSON.stringify(r.findings)).not.toMatch(/oldpw|:pw:/);
  });

  test('--force replaces it in place, keeping the line\'s own spacing and ending', () => {
    const r = migrate('A = 1\r\nSHARETASK_DB=old:::u::prefer\r\n', { force: true });
    expect(r.text).toContain(`\r\n# Changed for ShareTask 5.5 by upgrade-wizard migrate-config on ${STAMP} (procedure 3.8)\r\nSHARETASK_DB=${DB}\r\n`);
    expect(r.findings.map((f) => f.code)).toContain('replacedForced');
  });

  test('SUID_METHOD = suidperl becomes sudo (suidperl is deprecated, 3.8.3), with a warning', () => {
    const r = migrate(`SHARETASK_DB = ${DB}\nSUID_METHOD = suidperl\n`);
    expect(r.text).toContain('# Changed for ShareTask 5.5');
    expect(r.text).toContain('\nSUID_METHOD = sudo\n');
    expect(r.findings).toContainEqual(expect.objectContaining({ level: 'warning', code: 'replaced', params: { key: 'SUID_METHOD', old: 'suidperl', new: 'sudo' } }));
  });

  test('a line changed where the new block goes keeps its "Changed" comment right above it', () => {
    const changed = `# Changed for ShareTask 5.5 by upgrade-wizard migrate-config on ${STAMP} (procedure 3.8)`;
    expect(migrate('# header\nSUID_METHOD = suidperl\n').text).toBe(`# header\n\n${MARK}\nSHARETASK_DB = ${DB}\n\n${changed}\nSUID_METHOD = sudo\n`);
    expect(migrate('SUID_METHOD = suidperl\r\nA = 1\r\n').text).toBe(`${MARK}\r\nSHARETASK_DB = ${DB}\r\n\r\n${changed}\r\nSUID_METHOD = sudo\r\nA = 1\r\n`);
  });

  test('a later run puts its block right after the block of an earlier run, not above it', () => {
    const first = migrate('# header\n\nA = 1\n').text;
    expect(first).toBe(`# header\n\n${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo\n\nA = 1\n`);
    const second = migrateSystemConf({ text: first, file: 'system.conf', wanted: wantedParams({ sharetaskDb: DB, custom: 'NAB', userPrefsDir: '/home/x' }), force: false, stamp: '2024-06-01 09:00:00' });
    const MARK2 = MARK.replace(STAMP, '2024-06-01 09:00:00');
    expect(second.text).toBe(
      `# header\n\n${MARK}\nSHARETASK_DB = ${DB}\nSUID_METHOD = sudo\n${MARK2}\nCUSTOM = NAB\nENABLE_USER_PREFS = 1\nUSER_PREFS_DIR = /home/x\n\nA = 1\n`,
    );
    // CRLF, and an earlier block that ends the file without a final newline.
    expect(migrate(`${MARK}\r\nSHARETASK_DB = ${DB}\r\nSUID_METHOD = sudo`, { custom: 'NAB' }).text).toBe(
      `${MARK}\r\nSHARETASK_DB = ${DB}\r\nSUID_METHOD = sudo\r\n${MARK}\r\nCUSTOM = NAB`,
    );
  });

  test('a duplicated managed key is an error; other duplicates a warning', () => {
    expect(migrate('SUID_METHOD = sudo\nSUID_METHOD = sudo\n').findings).toContainEqual(expect.objectContaining({ level: 'error', code: 'duplicateKey', line: 2 }));
    const r = migrate('A = 1\nA = 2\n');
    expect(r.changed).toBe(true);
    expect(r.findings).toContainEqual(expect.objectContaining({ level: 'warning', code: 'duplicateKeyIgnored', line: 2 }));
  });

  test('a line without "=" is an error naming the line, never its text (it may be a wrapped password)', () => {
    const r = migrate('A = 1\nBROKEN LINE\n');
    expect(r.changed).toBe(false);
    expect(r.findings).toContainEqual(expect.objectContaining({ level: 'error', code: 'noEqualsUnnamed', line: 2, params: {} }));
  });
});
