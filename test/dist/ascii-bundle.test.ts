// asciiOnly (scripts/dist/bundle.mjs): the executable's script has every character beyond ASCII
// written as a \u escape (esbuild leaves them in regular expressions), and means the same.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { asciiOnly } from '../../scripts/dist/bundle.mjs';

const escape = asciiOnly as (code: string) => string;

describe('asciiOnly', () => {
  it('escapes the Japanese of a regular expression, which then matches as before', () => {
    const code = "[/^#\\s*(\\S+) の回答 \\(upgrade-wizard/m.exec('# sharetask の回答 (upgrade-wizard')[1], /[あ-ん]+/.test('かな'), 'ファイル', /😀/u.test('a😀b')]";
    const escaped = escape(code);
    expect(escaped).toMatch(/^[\x00-\x7f]*$/);
    expect(escaped).toContain('\\u306e\\u56de\\u7b54');
    expect(runInNewContext(escaped)).toEqual(runInNewContext(code));
    expect(runInNewContext(escaped)).toEqual(['sharetask', true, 'ファイル', true]);
  });

  it('leaves ASCII as it is', () => {
    expect(escape('const a = /x\\u3042/;')).toBe('const a = /x\\u3042/;');
  });
});
