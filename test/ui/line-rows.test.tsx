// Lines that fit their row share one Text (src/ui/lines.tsx), for speed: the screen must look
// exactly as with a Text a line, colours and cut ends included.
import { vi, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';

// Before Ink and chalk load: the frames are compared with their colour codes.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const { Box, Text } = await import('ink');
const { render } = await import('ink-testing-library');
const { Lines, LineView, fitsAsWritten, blank } = await import('../../src/ui/lines.js');
const { ScrollView } = await import('../../src/ui/components/Scroll.js');
const { displayWidth } = await import('../../src/ui/text.js');
const { standsAlone } = await import('../../src/ui/graphemes.js');
type Line = import('../../src/ui/lines.js').Line;

/** Every BMP code point that may share a Text. */
const agreed = Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp)).filter((c) => fitsAsWritten([{ text: c }], 2));

describe('which lines share a Text', () => {
  it('only lines of code points that Ink measures as the screens do, each a grapheme cluster of its own', () => {
    expect(agreed.length).toBeGreaterThan(20_000);
    for (const ch of ['a', ' ', '•', '…', '─', '›', '→', '⚠', 'あ', 'ア', 'ー', '漢', '。', '！', 'ｱ']) expect(agreed).toContain(ch);
    expect(agreed.filter((c) => stringWidth(c) !== displayWidth(c) || !standsAlone(c))).toEqual([]);
    const all = agreed.join('');
    expect(stringWidth(all)).toBe(displayWidth(all));
    // Ink measures these otherwise (an emoji, a combining accent, a soft hyphen, a tab, a
    // half-width voiced mark that joins its kana): such a line keeps a Text of its own.
    for (const text of ['\u2615', '\u25FD', '\u{1F680}', 'e\u0301', 'a\u00ADb', 'a\tb', 'ｶﾞ', '\u0007']) expect(fitsAsWritten([{ text }], 40)).toBe(false);
  });

  it('not a line wider than its row', () => {
    expect(fitsAsWritten([{ text: '  ' }, { text: 'x'.repeat(18) }], 20)).toBe(true);
    expect(fitsAsWritten([{ text: '  ' }, { text: 'x'.repeat(19) }], 20)).toBe(false);
    expect(fitsAsWritten([{ text: '日本語'.repeat(3) }, { text: 'ab' }], 20)).toBe(true);
    expect(fitsAsWritten([{ text: '日本語'.repeat(3) }, { text: 'abc' }], 20)).toBe(false);
  });
});

const LINES: Line[] = [
  [{ text: 'The first line' }],
  blank,
  [{ text: '' }, { text: 'ShareTask', color: 'cyan' }],
  [{ text: ' ' }, { text: '• ', color: 'green' }, { text: 'version: 5.4.3' }],
  [{ text: '   ' }, { text: 'evidence: /opt/st', dim: true }],
  [{ text: '' }],
  [{ text: 'A line far wider than the twenty-four columns of this test', bold: true }],
  [{ text: 'インストール先', color: 'yellow' }, { text: '：/opt' }],
  [{ text: 'wide emoji \u2615 here' }],
  [],
  [{ text: 'The last line', dim: true }],
];

/** The frame of `lines` at 24 columns, with a row of text below to show what they push. */
function frame(lines: Line[], each: boolean): string {
  const r = render(
    <Box flexDirection="column" width={24}>
      {each ? lines.map((line, i) => <LineView key={i} line={line} />) : <Lines lines={lines} width={24} />}
      <Text>below</Text>
    </Box>,
  );
  const out = r.lastFrame() ?? '';
  r.unmount();
  return out;
}

describe('Lines', () => {
  it('draws the same frame as a Text a line: colours, blank rows, cut ends', () => {
    const together = frame(LINES, false);
    expect(together).toBe(frame(LINES, true));
    expect(together).toContain('\u001B[36mShareTask');
    // eslint-disable-next-line no-control-regex
    const rows = together.replace(/\u001B\[[0-9;]*m/g, '').split('\n');
    expect(rows).toEqual([
      'The first line',
      '',
      'ShareTask',
      ' • version: 5.4.3',
      '   evidence: /opt/st',
      '',
      'A line far wider than t…',
      'インストール先：/opt',
      'wide emoji ☕ here',
      '',
      'The last line',
      'below',
    ]);
  });

  it('keeps the row of a blank line at the end', () => {
    expect(frame([[{ text: 'one' }], [{ text: '' }]], false)).toBe('one\n\nbelow');
    expect(frame([[]], false)).toBe('\nbelow');
  });
});

describe('ScrollView', () => {
  it('shows `height` lines from `offset`, as a Text a line would', () => {
    const long: Line[] = Array.from({ length: 30 }, (_, i) => (i === 12 ? [{ text: `line ${i} `.repeat(6), color: 'red' }] : [{ text: `line ${i}` }]));
    const view = (offset: number) => {
      const r = render(
        <Box width={24}>
          <ScrollView lines={long} width={24} height={5} offset={offset} />
        </Box>,
      );
      const out = r.lastFrame() ?? '';
      r.unmount();
      return out;
    };
    expect(view(10)).toBe(frame(long.slice(10, 15), true).replace(/\nbelow$/, ''));
    // eslint-disable-next-line no-control-regex
    expect(view(10).replace(/\u001B\[[0-9;]*m/g, '').split('\n')).toEqual(['line 10', 'line 11', 'line 12 line 12 line 12…', 'line 13', 'line 14']);
  });
});
