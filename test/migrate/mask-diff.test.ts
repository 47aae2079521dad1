import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { describe, expect, test } from 'vitest';
import { colourDiff, unifiedDiff, wantColour } from '../../src/migrate/diff.js';
import { maskLine, maskText } from '../../src/migrate/mask.js';

describe('masking and diffs', () => {
  test('SHARETASK_DB passwords and other secrets are masked, layout kept', () => {
    expect(maskLine('SHARETASK_DB = d:h:5432:u:p@ss:prefer')).toBe('SHARETASK_DB = d:h:5432:u:****:prefer');
    expect(maskLine('  LDAP_BIND_PASSWORD=abc  ')).toBe('  LDAP_BIND_PASSWORD=****  ');
    expect(maskLine('dbpass = abc')).toBe('dbpass = ****');
    expect(maskLine('SITE_NAME = pass')).toBe('SITE_NAME = pass');
    expect(maskLine('#SHARETASK_DB = d:h:5432:u:p@ss:prefer')).toBe('#SHARETASK_DB = d:h:5432:u:****:prefer');
    expect(maskLine('# dbpass = old')).toBe('# dbpass = ****');
    expect(maskLine('# the password = below')).toBe('# the password = below');
  });

  test('tokens and keys are secrets too, here and in what the executor logs (one list for both)', async () => {
    const { Redactor } = await import('../../src/run/redact.js');
    for (const line of ['API_TOKEN = tok_abcdef', 'MAIL_API_KEY = k-123', 'SSL_PRIVATE_KEY = /etc/x.key', 'LDAP_CREDENTIALS = c']) {
      const masked = maskLine(line);
      expect(masked).toMatch(/= \*\*\*\*$/);
      expect(new Redactor().text(line)).toBe(masked);
    }
    expect(new Redactor().text('curl --api-key=k-123 https://x')).toBe('curl --api-key=**** https://x');
    expect(maskLine('SORT_KEYS = name')).toBe('SORT_KEYS = name');
  });

  test('the diff is computed on masked text: no password in any hunk, context included', () => {
    const before = 'A = 1\nLDAP_BIND_PASSWORD = ctx-secret\nB = 2\n';
    const after = 'SHARETASK_DB = d:h:1:u:new-secret:prefer\nA = 1\nLDAP_BIND_PASSWORD = ctx-secret\nB = 2\n';
    const patch = unifiedDiff('f', 'f', before, after);
    expect(patch).toContain('+SHARETASK_DB = d:h:1:u:****:prefer');
    expect(patch).toContain(' LDAP_BIND_PASSWORD = ****');
    expect(patch).not.toMatch(/secret/);
    expect(patch).toMatch(/^--- f\n\+\+\+ f\n@@ -1,3 \+1,4 @@/);
  });

  test('diffing only the changed region gives the same patch as diffing whole files', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `K${i} = ${i}`);
    const text = (l: string[], end = '\n') => l.join('\n') + end;
    const cases: [string, string][] = [
      [text(lines), text(['# new', 'X = 1', ...lines])],
      [text(lines), text([...lines.slice(0, 20), 'X = 1', ...lines.slice(20)])],
      [text(lines), text([...lines, 'X = 1'])],
      [text(lines, ''), text([...lines, 'X = 1'], '')],
      [text(lines, ''), text(lines)],
      [text(lines), text(lines.map((l, i) => (i === 5 || i === 30 ? `${l}!` : l)))],
      [text(['dbpass = a', ...lines]), text(['dbpass = b', 'X = 1', ...lines])],
      ['', 'A = 1\n'],
      ['A = 1', 'B = 1'],
      [text(lines), text(['X = 1', ...lines])],
      [text(['', '', ...lines]), text(['', '', 'X = 1', ...lines])],
      [text(lines), text([...lines.slice(0, 38), 'X = 1', ...lines.slice(38)])],
      [text(lines), text([...lines.slice(0, 2), 'K2 = 2!', ...lines.slice(3)])],
      [text(lines), text(lines.slice(1))],
      [text(lines), text(lines.slice(0, 39))],
      [text([...lines, ...lines]), text([...lines, 'X = 1', ...lines])],
      [text(Array.from({ length: 6000 }, (_, i) => `K${i} = ${i}`)), text(['# h', ...Array.from({ length: 6000 }, (_, i) => (i === 3000 ? 'K = !' : `K${i} = ${i}`))])],
      [text(['A = 1\r', 'B = 2\r', ...lines]), text(['A = 1\r', 'X = 1', 'B = 2\r', ...lines])],
    ];
    // The reference: the whole files diffed as they are, then every line of the patch masked.
    const maskPatch = (patch: string): string =>
      patch.split('\n').map((l) => (/^[ +-](?!-- |\+\+ )/.test(l) ? l.charAt(0) + maskText(l.slice(1)) : l)).join('\n');
    for (const [before, after] of cases) {
      const whole = maskPatch(createTwoFilesPatch('f', 'f', before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }));
      expect(unifiedDiff('f', 'f', before, after)).toBe(whole);
    }
  });

  test('a line whose only change is a masked secret shows as removed and added, still masked', () => {
    const patch = unifiedDiff('f', 'f', 'A = 1\nSHARETASK_DB = d:h::u:OldPass:prefer\nB = 2\n', 'A = 1\nSHARETASK_DB = d:h::u:NewPass#1:prefer\nB = 2\n');
    expect(patch).toContain('\n-SHARETASK_DB = d:h::u:****:prefer\n+SHARETASK_DB = d:h::u:****:prefer\n');
    expect(patch).not.toMatch(/OldPass|NewPass/);
    expect(unifiedDiff('f', 'f', 'dbpass = a\n', 'dbpass = b\n')).toContain('-dbpass = ****\n+dbpass = ****');
  });

  test('colour: ANSI codes on added and removed lines', () => {
    const coloured = colourDiff('--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n z');
    expect(coloured).toContain('\x1b[31m-x\x1b[0m');
    expect(coloured).toContain('\x1b[32m+y\x1b[0m');
    expect(coloured).toContain(' z');
  });

  test('colour only on a TTY and without NO_COLOR', () => {
    expect(wantColour(true, {})).toBe(true);
    expect(wantColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(wantColour(true, { NO_COLOR: '' })).toBe(true);
    expect(wantColour(false, {})).toBe(false);
    expect(wantColour(undefined, {})).toBe(false);
  });

  test('maskText keeps lines', () => {
    expect(maskText('a\ndbpass = x\n')).toBe('a\ndbpass = ****\n');
  });
});
