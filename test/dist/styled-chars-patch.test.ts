// The bundle's guard in Ink's cell-to-text step (patchStyledChars of scripts/dist/bundle.mjs)
// must give the very text the library gives: the patched copy and the original, side by side,
// on rows with styles that start, change, end and repeat, blank cells, bold and dim together.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

type Lib = {
  tokenize(s: string): unknown[];
  styledCharsFromTokens(t: unknown[]): { styles: unknown[] }[];
  styledCharsToString(c: { styles: unknown[] }[]): string;
};

const original = join(repoRoot, 'node_modules/@alcalzone/ansi-tokenize/build');
let dir: string;
let ours: Lib;
let theirs: Lib;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uw-styled-'));
  cpSync(original, join(dir, 'build'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  // Without their source maps, and without the comments that point to them.
  for (const name of readdirSync(join(dir, 'build')).filter((f) => f.endsWith('.js'))) {
    const file = join(dir, 'build', name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''));
  }
  // ansi-styles and the rest resolve from the repository's node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const { patchStyledChars } = (await import(pathToFileURL(join(repoRoot, 'scripts/dist/bundle.mjs')).href)) as { patchStyledChars(s: string, p: string): string };
  const file = join(dir, 'build/styledChars.js');
  writeFileSync(file, patchStyledChars(readFileSync(file, 'utf8'), file));
  ours = (await import(pathToFileURL(join(dir, 'build/index.js')).href)) as Lib;
  theirs = (await import(pathToFileURL(join(original, 'index.js')).href)) as Lib;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const E = '\u001B[';
const rows = [
  '',
  'plain text only',
  `${E}1m${E}36mupgrade-wizard: welcome${E}39m${E}22m        ${E}2mlines 1-20${E}22m`,
  `${E}31m✗${E}39m ${E}1mbold ${E}2mand dim${E}22m both end at 22m`,
  `${E}32mgreen${E}39m${E}32mgreen again${E}39m then plain`,
  `${E}31mred${E}32mgreen${E}39m: one colour for another, as many codes`,
  `${E}4munderlined to the end`,
  `${E}33m${E}1mtwo${E}22m one${E}39m none ${E}7minverse${E}27m`,
  `日本語 ${E}36mの${E}39m 行 • ─── ${E}90mgrey${E}39m`,
];

describe('the styled-chars guard of the bundle', () => {
  it('turns every row into the same text as the library', () => {
    for (const row of rows) {
      const chars = (lib: Lib) => lib.styledCharsFromTokens(lib.tokenize(row));
      expect(ours.styledCharsToString(chars(ours)), JSON.stringify(row)).toBe(theirs.styledCharsToString(chars(theirs)));
      // Ink's rows are the text's cells after blank ones, each with its own empty styles.
      const padded = (lib: Lib) => [...Array.from({ length: 5 }, () => ({ type: 'char', value: ' ', fullWidth: false, styles: [] })), ...chars(lib)];
      expect(ours.styledCharsToString(padded(ours))).toBe(theirs.styledCharsToString(padded(theirs)));
    }
  });
});
