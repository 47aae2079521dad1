// The bundle's string-width (patchStringWidth of scripts/dist/bundle.mjs) sums code points where
// each is a cluster of its own: Ink must measure every text as the library does, or the screens
// would wrap and cut differently. The patched copy and the original, side by side.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueTexts } from '../helpers/catalogue.js';
import { standsAlone } from '../../src/ui/graphemes.js';
import { repoRoot } from '../helpers/cli.js';

type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;

const original = join(repoRoot, 'node_modules/string-width');
let dir: string;
let ours: Width;
let theirs: Width;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uw-width-'));
  cpSync(original, join(dir, 'string-width'), { recursive: true });
  // strip-ansi and get-east-asian-width resolve from the repository's node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  const { patchStringWidth } = (await import(pathToFileURL(join(repoRoot, 'scripts/dist/bundle.mjs')).href)) as { patchStringWidth(s: string, p: string): string };
  const file = join(dir, 'string-width/index.js');
  writeFileSync(file, patchStringWidth(readFileSync(file, 'utf8'), file));
  ours = ((await import(pathToFileURL(file).href)) as { default: Width }).default;
  theirs = ((await import(pathToFileURL(join(original, 'index.js')).href)) as { default: Width }).default;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the bundle's string-width", () => {
  it('measures every code point as the library does, alone and between others, ambiguous ones narrow or wide', () => {
    const off: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      const c = String.fromCharCode(cp);
      for (const text of [c, `a${c}あ`, `${c}${c}`]) {
        for (const ambiguousIsNarrow of [true, false]) {
          if (ours(text, { ambiguousIsNarrow }) !== theirs(text, { ambiguousIsNarrow })) off.push(`U+${cp.toString(16).toUpperCase()} in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(off).toEqual([]);
  });

  it('measures every message of both languages, and text it cannot sum (emoji, marks, Hangul, controls, ANSI codes), as the library does', () => {
    const texts = [
      ...catalogueTexts(),
      ...['e\u0301', '✔\uFE0F', '👨‍👩‍👧', 'a\r\nb', '🇯🇵', 'ｶﾞ', '한국어', '\u1100\u1161\u11A8', '1\u20E3'],
      // Each a cluster of its own, but not summed: an emoji.
      'a cup of ☕ for ⌚',
      'a\u00ADb\tc\u0007d\u009Be\u0085f',
      '\u001B[31m赤い\u001B[39m • ─── …',
      'インストール先：/opt/sharetask　（全角）ｱｲｳ',
    ];
    // Both ways: most messages are summed, the mixed ones go through the clusters.
    expect(texts.filter((t) => standsAlone(t)).length).toBeGreaterThan(1000);
    expect(texts.filter((t) => !standsAlone(t)).length).toBeGreaterThan(8);
    for (const text of texts) expect(ours(text), JSON.stringify(text)).toBe(theirs(text));
  });
});
