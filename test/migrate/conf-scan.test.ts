import { describe, expect, test } from 'vitest';
import { findEntry, parseConf, plainlyValid } from '../../src/migrate/conf-parse.js';
import { splitBom, splitLines } from '../../src/migrate/lines.js';

// The whole-text scans must read a file exactly as the line-by-line parse does: the migrator
// trusts them to say "nothing to report" and to find the lines it rewrites.
const TEXTS: [string, string][] = [
  ['plain', '# h\n\nA = 1\nB=2\n'],
  ['CRLF', '# h\r\n\r\nA = 1\r\nB = 2\r\n'],
  ['no final newline', 'A = 1\nB = 2'],
  ['empty', ''],
  ['blank lines of blanks', 'A = 1\n \t \n\t\r\nB = 2\n   '],
  ['indented comment and key', '  # h\n\tA = 1\n  B.c-d = 2\n'],
  ['indented duplicate', 'A = 1\n  A = 2\n'],
  ['duplicate', 'A = 1\nB = 2\nA = 3\n'],
  ['duplicate on the first line', 'A = 1\nA = 2'],
  ['line without "="', 'A = 1\nBROKEN LINE\n'],
  ['bad key', 'A = 1\n1A = 2\n'],
  ['bad first line', 'x\nA = 1\n'],
  ['lone CR inside a line', 'A = 1\rB = 2\nC = 3\n'],
  ['lone CR hiding a duplicate', 'A = 1\rA = 2\n'],
  ['lone CR as a last line', 'A = 1\n\r'],
  ['CR CR LF', 'A = 1\r\r\nB = 2\n'],
  ['CR line', 'A = 1\n\r\nB = 2\n\r\r\n'],
  ['"=" in the value, "#" in the value', 'A = b=c # d\nB = \n'],
  ['EUC-JP bytes', '# \xA4\xB3\xA4\xEC\nA = \xA4\xA2\n'],
  ['BOM', `\xEF\xBB\xBFA = 1\nB = 2\n`],
  ['BOM and a bad line', `\xEF\xBB\xBFx\n`],
];

describe('whole-text scans of KEY = VALUE files', () => {
  test.each(TEXTS)('%s: plainlyValid says what the line-by-line parse finds', (_name, text) => {
    const { body } = splitBom(text);
    expect(plainlyValid(body)).toBe(parseConf(splitLines(text).lines).problems.length === 0);
  });

  test.each(TEXTS)('%s: findEntry finds the first entry of a key as the parse reads it', (_name, text) => {
    const { body } = splitBom(text);
    const lines = splitLines(text).lines;
    for (const key of ['A', 'B', 'C', 'B.c-d', 'Z']) {
      const entry = parseConf(lines).entries.find((e) => e.key === key);
      const found = findEntry(body, key);
      expect(found && { key: found.key, value: found.value, line: found.line }).toEqual(entry && { key: entry.key, value: entry.value, line: entry.line });
      if (found && entry) expect(body.slice(found.start, found.end)).toBe(lines[entry.index]?.text);
    }
  });
});
