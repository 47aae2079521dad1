// The bundle's stand-in for Intl.Segmenter (src/ui/graphemes.ts) must cut text exactly as ICU
// does, or string-width, slice-ansi and Ink would measure and cut the screens differently.
import { describe, expect, it } from 'vitest';
import { catalogueTexts } from '../helpers/catalogue.js';
import { GraphemeSegmenter, standsAlone } from '../../src/ui/graphemes.js';

const icu = new Intl.Segmenter();

const cut = (segments: Iterable<Intl.SegmentData>) => [...segments].map((s) => [s.segment, s.index]);

/** Every BMP code point the stand-in cuts on its own. */
const alone = Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp)).filter((c) => standsAlone(c));

describe('GraphemeSegmenter', () => {
  it('takes only code points that no rule of UAX #29 joins to a neighbour of the set (each checked against ICU)', () => {
    // Latin, kana, ideographs, box drawing, bullets: the screens' text in both languages.
    expect(alone.length).toBeGreaterThan(30_000);
    for (const ch of ['a', '•', '─', '│', 'あ', 'ア', 'ー', '漢', '！', '→', '✔']) expect(standsAlone(ch)).toBe(true);
    // Neighbours that reveal each joining class: a letter after (Extend, ZWJ, SpacingMark) and
    // before (Prepend), Hangul jamo (L, V, T), itself (Regional_Indicator), LF (CR).
    const joined: string[] = [];
    for (const c of alone) {
      for (const pair of [`a${c}`, `${c}a`, `${c}${c}`, `${c}\u1161`, `${c}\u11A8`, `\u1100${c}`, `\u1161${c}`, `${c}\n`]) {
        if (cut(icu.segment(pair)).length !== 2) joined.push(`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in ${JSON.stringify(pair)}`);
      }
    }
    expect(joined).toEqual([]);
  });

  it('refuses what joins: combining marks, ZWJ and variation selectors, CR LF, Hangul jamo, surrogate pairs', () => {
    for (const text of ['e\u0301', 'か\u3099', '\u200D', '\uFE0F', '\r\n', '\u1100\u1161', '👍', 'ｶﾞ']) expect(standsAlone(text)).toBe(false);
  });

  it('cuts every message of both catalogues, and text that needs ICU, as Intl.Segmenter does', () => {
    const ours = new GraphemeSegmenter();
    const catalogue = catalogueTexts();
    expect(catalogue.length).toBeGreaterThan(1000);
    const texts = [...catalogue, 'e\u0301 ✔\uFE0F 👨‍👩‍👧 \r\n 🇯🇵 ｶﾞ 한국어 \u1100\u1161\u11A8', '\u001B[31mred\u001B[39m • ─', ''];
    expect(texts.filter((t) => !standsAlone(t)).length).toBeGreaterThan(0);
    for (const text of texts) expect(cut(ours.segment(text)), text).toEqual(cut(icu.segment(text)));
  });

  it('finds the cluster containing an index as Intl.Segmenter does, at every index and beyond both ends', () => {
    const ours = new GraphemeSegmenter(undefined, { granularity: 'grapheme' });
    for (const text of ['Enter で続行 • ─ ok', 'e\u0301 👍 x']) {
      const [a, b] = [ours.segment(text), icu.segment(text)];
      for (const i of [-1, -0.5, 0, 1, 2.7, 5, text.length - 1, text.length, text.length + 3, undefined, Number.NaN]) {
        const [x, y] = [a.containing(i), b.containing(i)];
        expect(x && { segment: x.segment, index: x.index, input: x.input }, `${text} @ ${i}`).toEqual(y && { segment: y.segment, index: y.index, input: y.input });
      }
    }
  });

  it('can be iterated more than once, as Intl.Segmenter#segment can', () => {
    const segments = new GraphemeSegmenter().segment('abc');
    expect(cut(segments)).toEqual(cut(segments));
    expect(cut(segments)).toEqual([['a', 0], ['b', 1], ['c', 2]]);
  });

  it('leaves word and sentence segmentation to Intl.Segmenter', () => {
    const words = new GraphemeSegmenter('en', { granularity: 'word' });
    expect(cut(words.segment('two words'))).toEqual([['two', 0], [' ', 3], ['words', 4]]);
  });
});
