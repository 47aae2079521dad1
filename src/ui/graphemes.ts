// Grapheme segmentation for the libraries that measure and cut the screens' text (string-width,
// slice-ansi, Ink's ANSI tokenizer): the bundle puts this class where they construct an
// Intl.Segmenter (scripts/dist/bundle.mjs). Creating the first Intl object of a Node.js process
// builds V8's set of every ICU locale, some 90 million instructions (8-10 ms) before the first
// screen, for text in which each code point is a cluster of its own anyway.

/**
 * Code points that form a grapheme cluster of their own next to any other of the set: Unicode's
 * Grapheme_Cluster_Break is Other or Control for each (not CR, which joins LF; no Extend, ZWJ,
 * SpacingMark, Prepend, Regional_Indicator or Hangul jamo, no surrogates), so no rule of UAX #29
 * joins two of them. The Latin, Greek and Cyrillic letters, punctuation, arrows, box drawing,
 * shapes and symbols, kana (not its combining sound marks), CJK ideographs and full-width forms:
 * what the screens of both languages draw. test/ui/graphemes.test.ts checks every one against ICU.
 */
const ALONE = /^[\0-\x0C\x0E-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2029\u202F-\u205F\u2070-\u20CF\u2100-\u2BFF\u3000-\u3029\u3030-\u303F\u3041-\u3096\u309B-\u30FF\u3105-\u312F\u3190-\u31FF\u3200-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF9D\uFFE0-\uFFEE]*$/;

/** True when every code point of text is a grapheme cluster of its own, whatever its neighbours. */
export function standsAlone(text: string): boolean {
  return ALONE.test(text);
}

/** What Intl.Segmenter#segment returns, for text of ALONE: each UTF-16 unit is one cluster. */
class AloneSegments implements Iterable<Intl.SegmentData> {
  constructor(private readonly input: string) {}

  containing(codeUnitIndex: unknown = 0): Intl.SegmentData | undefined {
    // As ECMA-402 reads the index (ToIntegerOrInfinity): fractions cut, NaN and -0 are 0.
    const i = Math.trunc(Number(codeUnitIndex)) || 0;
    if (!(i >= 0 && i < this.input.length)) return undefined;
    return { segment: this.input[i] as string, index: i, input: this.input };
  }

  *[Symbol.iterator](): Iterator<Intl.SegmentData> {
    const { input } = this;
    for (let i = 0; i < input.length; i++) yield { segment: input[i] as string, index: i, input };
  }
}

/** Intl.Segmenter's grapheme segmentation, which creates the real one only for text it needs. */
export class GraphemeSegmenter {
  private real: Intl.Segmenter | undefined;
  private readonly args: ConstructorParameters<typeof Intl.Segmenter>;

  constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
    this.args = args;
  }

  segment(input: string): Iterable<Intl.SegmentData> & { containing(codeUnitIndex?: number): Intl.SegmentData | undefined } {
    const text = String(input);
    const grapheme = (this.args[1]?.granularity ?? 'grapheme') === 'grapheme';
    if (grapheme && standsAlone(text)) return new AloneSegments(text);
    this.real ??= new Intl.Segmenter(...this.args);
    return this.real.segment(text);
  }
}
