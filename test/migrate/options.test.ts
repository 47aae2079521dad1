import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { catalogueKeys, setLang, t } from '../../src/i18n/index.js';
import { migrateMessages } from '../../src/i18n/messages/migrate.js';
import { isCustomUid, uidFromArchiveName } from '../../src/migrate/custom.js';
import { parseMigrateOptions } from '../../src/migrate/options.js';

describe('options', () => {
  test('defaults', () => {
    expect(parseMigrateOptions(['--conf', 'c'])).toMatchObject({ conf: 'c', apply: false, force: false, json: false, verifyDb: false, installDir: '/home/sharetask/sharetask_server' });
  });

  test.each([
    [[], /--conf DIR is required/],
    [['--conf', 'c', '--bogus'], /invalid option/],
    [['--conf', 'c', 'extra'], /invalid option/],
    [['--conf', ''], /--conf needs a non-empty value/],
    [['--conf', 'c', '--custom', 'NAB', '--custom-archive', 'x'], /either --custom or --custom-archive/],
    [['--conf', 'c', '--custom', 'nab'], /3 or 4 capital letters/],
    [['--conf', 'c', '--custom', 'ABCDE'], /3 or 4 capital letters/],
    [['--conf', 'c', '--user-prefs-dir', 'relative'], /absolute path/],
    [['--conf', 'c', '--user-prefs-dir', '/a\nb'], /absolute path/],
    [['--conf', 'c', '--user-prefs-dir', '/a:b'], /absolute path/],
    [['--conf', 'c', '--install-dir', '/a b'], /--install-dir/],
  ])('%j is refused (exit 2)', (args, message) => {
    setLang('en');
    expect(() => parseMigrateOptions(args as string[])).toThrow(InputError);
    expect(() => parseMigrateOptions(args as string[])).toThrow(message);
  });

  test('--help needs nothing else', () => {
    expect(parseMigrateOptions(['--help']).help).toBe(true);
  });
});

describe('custom part UID (3.8.2)', () => {
  test.each([
    ['custom_NAB_20120401.tar.gz', 'NAB'],
    ['custom_ABCD_1.tar.gz', 'ABCD'],
    ['custom_AB_20120401.tar.gz', undefined],
    ['custom_ABCDE_20120401.tar.gz', undefined],
    ['custom_nab_20120401.tar.gz', undefined],
    ['custom_NAB_2012-04-01.tar.gz', undefined],
    ['custom_NAB_20120401.tgz', undefined],
    ['xcustom_NAB_20120401.tar.gz', undefined],
  ])('%s -> %s', (name, uid) => {
    expect(uidFromArchiveName(name)).toBe(uid);
  });
  test('direct UIDs', () => {
    expect(isCustomUid('XYZ')).toBe(true);
    expect(isCustomUid('XY')).toBe(false);
  });
});

describe('catalogue', () => {
  test('every migrate message exists in English and Japanese', () => {
    expect(Object.keys(migrateMessages.ja).sort()).toEqual(Object.keys(migrateMessages.en).sort());
    const { en, ja } = catalogueKeys();
    for (const key of Object.keys(migrateMessages.en)) {
      expect(en).toContain(key);
      expect(ja).toContain(key);
    }
  });

  test('the same {slots} in both languages', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(migrateMessages.en)) {
      expect(slots(migrateMessages.ja[key as keyof typeof migrateMessages.ja]), key).toEqual(slots(en));
    }
  });

  test('every finding code the migrators can emit has a message', () => {
    const codes = ['duplicateKey', 'duplicateKeyIgnored', 'badKey', 'noEquals', 'noEqualsUnnamed', 'unknownDbKey', 'colonInValue', 'missingKey', 'emptyKey', 'badPort', 'badSslmode', 'sslmodeAssumed', 'alreadySet', 'conflict', 'replacedForced', 'replaced', 'added', 'alreadyMigrated'];
    for (const code of codes) for (const lang of ['en', 'ja'] as const) expect(() => t(`migrate.${code}`, {}, lang)).not.toThrow();
  });
});
