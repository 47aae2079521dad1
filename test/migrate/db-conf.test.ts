import { describe, expect, test } from 'vitest';
import { readDbConf } from '../../src/migrate/db-conf.js';
import { splitLines } from '../../src/migrate/lines.js';
import { formatSharetaskDb, maskSharetaskDb, differingFields } from '../../src/migrate/sharetask-db.js';
import { SEED_DB_CONF } from './conf-dir.js';

const read = (text: string) => readDbConf(splitLines(text).lines, 'db.conf');
const codes = (text: string) => read(text).findings.map((f) => [f.level, f.code, f.line]);
const base = 'dbname = stask_mpi\ndbuser = stask_mpi\n';

describe('db.conf -> SHARETASK_DB (3.8.1)', () => {
  test('the seed example (TCP): every value from db.conf, sslmode kept', () => {
    const r = read(SEED_DB_CONF);
    expect(formatSharetaskDb(r.params!)).toBe('stask_mpi:localhost:5432:stask_mpi::disable');
    expect(r.findings.filter((f) => f.level !== 'info')).toEqual([]);
  });

  test('UNIX socket (empty host and port) gives empty fields; missing sslmode is prefer, and said so', () => {
    const r = read('dbhost =\ndbport =\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass =\n');
    expect(formatSharetaskDb(r.params!)).toBe('stask_mpi:::stask_mpi::prefer');
    expect(r.findings.map((f) => f.code)).toContain('sslmodeAssumed');
  });

  test('missing keys entirely are empty fields too', () => {
    expect(formatSharetaskDb(read(base).params!)).toBe('stask_mpi:::stask_mpi::prefer');
  });

  test('blank lines, # comments, CRLF and odd spacing are fine; "=" inside a value stays', () => {
    const r = read('# db settings\r\n\r\n  dbname=stask_mpi  \r\n\tdbuser =stask_mpi\r\n   # indented comment\r\ndbpass = a=b#c\r\n');
    expect(formatSharetaskDb(r.params!)).toBe('stask_mpi:::stask_mpi:a=b#c:prefer');
  });

  test('unknown keys are a warning, not an error', () => {
    const r = read(`${base}timeout = 5\n`);
    expect(r.params).toBeDefined();
    expect(codes(`${base}timeout = 5\n`)).toContainEqual(['warning', 'unknownDbKey', 3]);
  });

  test.each([
    ['dbuser = u\n', 'missingKey'],
    ['dbname = d\n', 'missingKey'],
    ['dbname =\ndbuser = u\n', 'emptyKey'],
  ])('%j lacks dbname or dbuser: %s', (text, code) => {
    const r = read(text);
    expect(r.params).toBeUndefined();
    expect(r.findings.map((f) => f.code)).toContain(code);
  });

  test('a duplicated key names both lines (case-insensitive)', () => {
    const r = read(`${base}dbport = 5432\nDBPORT = 5433\n`);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'duplicateKey', line: 4, params: { key: 'DBPORT', firstLine: 3 } }));
  });

  test('a key without "=" is an error naming the line', () => {
    expect(codes(`${base}dbhost localhost\n`)).toContainEqual(['error', 'noEquals', 3]);
  });

  test('a stray word that is not a known key is not echoed (it could be a password)', () => {
    const r = read(`${base}Secret123\n`);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'noEqualsUnnamed', line: 3, params: {} }));
    expect(JSON.stringify(r.findings)).not.toContain('Secret123');
  });

  test.each(['0', '65536', '99999', 'abc', '-1', '5432x', '+80'])('port %s is refused', (port) => {
    expect(codes(`${base}dbport = ${port}\n`)).toContainEqual(['error', 'badPort', 3]);
  });

  test.each(['1', '5432', '65535'])('port %s is fine', (port) => {
    expect(read(`${base}dbport = ${port}\n`).params?.dbport).toBe(port);
  });

  test.each(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'])('sslmode %s is fine', (mode) => {
    expect(read(`${base}sslmode = ${mode}\n`).params?.sslmode).toBe(mode);
  });

  test.each(['Prefer', 'on', 'true', 'verify'])('sslmode %s is refused', (mode) => {
    expect(codes(`${base}sslmode = ${mode}\n`)).toContainEqual(['error', 'badSslmode', 3]);
  });

  test.each(['dbhost', 'dbport', 'dbname', 'dbuser', 'dbpass', 'sslmode'])('a ":" in %s is refused, naming the key but not the value', (key) => {
    const lines = { dbname: 'd', dbuser: 'u', [key]: 'x:Y-value' };
    const r = read(Object.entries(lines).map(([k, v]) => `${k} = ${v}\n`).join(''));
    expect(r.params).toBeUndefined();
    const colon = r.findings.find((f) => f.code === 'colonInValue');
    expect(colon?.params).toEqual({ key });
    expect(JSON.stringify(r.findings)).not.toContain('Y-value');
  });

  test('all problems are reported at once', () => {
    const r = read('dbname = a:b\ndbport = 0\nsslmode = x\nnoeq\n');
    expect(r.findings.filter((f) => f.level === 'error').map((f) => f.code).sort()).toEqual(
      ['badPort', 'badSslmode', 'colonInValue', 'missingKey', 'noEqualsUnnamed'].sort(),
    );
  });
});

describe('SHARETASK_DB masking', () => {
  test('the password field is masked, an empty one stays empty', () => {
    expect(maskSharetaskDb('d:h:1:u:pw:prefer')).toBe('d:h:1:u:****:prefer');
    expect(maskSharetaskDb('d:::u::prefer')).toBe('d:::u::prefer');
  });
  test('a value of the wrong shape is masked whole', () => {
    expect(maskSharetaskDb('d:h:u:secret')).toBe('****');
  });
  test('differing fields are named, so a conflict hidden by masking is explained', () => {
    expect(differingFields('d:h:1:u:a:prefer', 'd:h:1:u:b:prefer')).toEqual(['dbpass']);
    expect(differingFields('x', 'd:h:1:u:b:prefer')).toEqual(['format']);
  });
});
