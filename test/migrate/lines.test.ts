import { describe, expect, test } from 'vitest';
import { dominantEol, joinLines, splitLines } from '../../src/migrate/lines.js';

describe('byte-exact lines', () => {
  test.each([
    ['LF', 'a\nb\n'],
    ['CRLF', 'a\r\nb\r\n'],
    ['no final newline', 'a\nb'],
    ['mixed endings', 'a\r\nb\nc'],
    ['BOM', '\xEF\xBB\xBFa = 1\r\n'],
    ['empty', ''],
    ['lone CR kept inside a line', 'a\rb\n'],
    ['EUC-JP and Shift_JIS bytes', '# \xA4\xB3\xA4\xEC\n# \x82\xB1\x82\xEA\r\n'],
  ])('%s round-trips', (_name, text) => {
    expect(joinLines(splitLines(text))).toBe(text);
  });

  test('the BOM is kept apart from the first line', () => {
    const s = splitLines('\xEF\xBB\xBFKEY = 1\n');
    expect(s.bom).toBe('\xEF\xBB\xBF');
    expect(s.lines[0]).toEqual({ text: 'KEY = 1', eol: '\n' });
  });

  test('dominant ending', () => {
    expect(dominantEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantEol('a\r\nb\nc\n')).toBe('\n');
    expect(dominantEol('a\r\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantEol('a')).toBe('\n');
  });
});
