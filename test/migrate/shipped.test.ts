import { describe, expect, test } from 'vitest';
import { compareShipped } from '../../src/migrate/shipped.js';

describe('comparison with the shipped conf (conf.ORG)', () => {
  const yours = [
    { name: 'system.conf', text: 'A = 1\nB = 2\nOLD = x\nSHARETASK_DB = d:::u:pw:prefer\n' },
    { name: 'db.conf', text: 'dbname = d\ndbpass = secret\n' },
    { name: 'ldap.conf', text: 'LDAP_BIND_PASSWORD = hunter2\n' },
    { name: 'local.conf', text: 'X = 1\n' },
  ];
  const shipped = [
    { name: 'system.conf', text: '# 5.5\nA = 1\nB = 3\nNEW =\nSHARETASK_DB = stask:::stask::prefer\n' },
    { name: 'ldap.conf', text: 'LDAP_BIND_PASSWORD = example\n' },
    { name: 'httpd.example', text: '<VirtualHost *:80>\n  DocumentRoot /x\n</VirtualHost>\n' },
  ];
  const result = compareShipped(yours, shipped, new Map([['system.conf', new Set(['SHARETASK_DB'])]]));
  const byFile = Object.fromEntries(result.map((r) => [r.file, r]));

  test('per file: new parameters, other defaults, parameters 5.5 no longer knows', () => {
    expect(byFile['system.conf']).toEqual({
      file: 'system.conf',
      status: 'compared',
      added: [{ key: 'NEW', value: '""' }],
      changed: [{ key: 'B', yours: '2', shipped: '3' }],
      removed: [{ key: 'OLD', value: 'x' }],
    });
  });

  test('db.conf is retired, not compared key by key', () => {
    expect(byFile['db.conf']).toEqual({ file: 'db.conf', status: 'retired' });
  });

  test('files on one side only, and files that are not NAME = VALUE', () => {
    expect(byFile['local.conf']?.status).toBe('onlyYours');
    expect(byFile['httpd.example']?.status).toBe('onlyShipped');
  });

  test('secrets are masked', () => {
    expect(byFile['ldap.conf']).toMatchObject({ changed: [{ key: 'LDAP_BIND_PASSWORD', yours: '****', shipped: '****' }] });
    expect(JSON.stringify(result)).not.toMatch(/hunter2|secret|:pw:/);
  });

  test('a file that is not key = value on both sides is reported as such', () => {
    const r = compareShipped([{ name: 'x', text: 'just text\nmore text\n' }], [{ name: 'x', text: 'just text\n' }]);
    expect(r).toEqual([{ file: 'x', status: 'notKeyValue' }]);
  });
});
