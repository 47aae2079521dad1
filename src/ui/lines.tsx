// Pre-wrapped, styled lines: screens lay their content out as Line[] so that they know
// its exact height, and can scroll it or keep it inside 24 rows.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { displayWidth, wrap, wrapCommand } from './text.js';

export interface Seg {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}
export type Line = Seg[];
type Style = Omit<Seg, 'text'>;

/**
 * Wraps text (paragraphs split at \n) to `width` columns. The first line starts with
 * `indent` spaces and the optional prefix; continuation lines align under the text.
 */
export function para(text: string, width: number, style: Style = {}, indent = 0, prefix?: Seg): Line[] {
  const prefixW = prefix ? displayWidth(prefix.text) : 0;
  const lead = ' '.repeat(indent);
  const out: Line[] = [];
  let first = true;
  for (const paragraph of text.split('\n')) {
    for (const chunk of wrap(paragraph, width - indent - prefixW)) {
      const head: Seg[] = [{ text: lead }];
      if (prefix) head.push(first ? prefix : { text: ' '.repeat(prefixW) });
      out.push([...head, { text: chunk, ...style }]);
      first = false;
    }
  }
  return out;
}

/**
 * A shell command laid out as para does, but broken only between its arguments (wrapCommand),
 * its rows joined by `continuation` so that a copy of them still runs as one command. A row of
 * one argument too wide for the indented row moves left, as far as the margin, to stay whole.
 */
export function commandPara(text: string, width: number, style: Style = {}, indent = 0, prefix?: Seg, continuation = '\\'): Line[] {
  const prefixW = prefix ? displayWidth(prefix.text) : 0;
  const room = width - indent - prefixW;
  return wrapCommand(text, room, { full: width - (prefix ? prefixW : 0), continuation }).map((chunk, i): Line => {
    const over = Math.max(0, displayWidth(chunk) - room);
    const head: Seg[] = [{ text: ' '.repeat(Math.max(0, indent - over)) }];
    if (prefix) head.push(i === 0 ? prefix : { text: ' '.repeat(prefixW) });
    return [...head, { text: chunk, ...style }];
  });
}

export const blank: Line = [{ text: ' ' }];

/** A line with no text: an empty Text takes no row in Ink, so it is drawn as one space. */
const isEmpty = (line: Line): boolean => line.every((seg) => seg.text === '');

export function LineView({ line }: { line: Line }) {
  if (isEmpty(line)) return <Text> </Text>;
  return <Text wrap="truncate-end">{line.map(segment)}</Text>;
}

function segment(seg: Seg, key: number | string): ReactNode {
  return (
    <Text key={key} color={seg.color} bold={seg.bold} dimColor={seg.dim}>
      {seg.text}
    </Text>
  );
}

// Code points that are one grapheme cluster each and as wide as displayWidth() says by Ink's
// string-width too (test/ui/line-rows.test.tsx checks every one): a line of only these that is
// no wider than its row is drawn by Ink exactly as written, so it can share a Text.
const AGREED = /^[\x20-\x7e\xa0-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f\u25a0-\u25fc\u26a0\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d\uffe0-\uffe6]*$/;

/** The line is drawn as written in `width` columns, without Ink cutting it. */
export function fitsAsWritten(line: Line, width: number): boolean {
  let w = 0;
  for (const seg of line) {
    if (!AGREED.test(seg.text)) return false;
    w += displayWidth(seg.text);
  }
  return w <= width;
}

/**
 * The lines, `width` columns wide (what they were wrapped to), in as few Texts as Ink allows:
 * each Text is a node for yoga to lay out and a text for Ink to measure and cut, and one a line
 * made the welcome's first frame some 2 ms slower. Lines that fit as written share one Text, a row
 * each; any other line keeps a Text of its own, which Ink cuts at the edge.
 */
export function LineRows({ lines, width, keyBase = 0 }: { lines: Line[]; width: number; keyBase?: number }) {
  const rows: ReactNode[] = [];
  let run: ReactNode[] = [];
  let runKey = 0;
  const close = (): void => {
    if (run.length > 0) rows.push(<Text key={runKey}>{run}</Text>);
    run = [];
  };
  lines.forEach((line, i) => {
    if (!fitsAsWritten(line, width)) {
      close();
      rows.push(<LineView key={keyBase + i} line={line} />);
      return;
    }
    if (run.length === 0) runKey = keyBase + i;
    else run.push('\n');
    if (isEmpty(line)) run.push(' ');
    else for (const [j, seg] of line.entries()) run.push(seg.color !== undefined || seg.bold || seg.dim ? segment(seg, `${i}.${j}`) : seg.text);
  });
  close();
  return <>{rows}</>;
}

export function Lines({ lines, width }: { lines: Line[]; width: number }) {
  return (
    <Box flexDirection="column">
      <LineRows lines={lines} width={width} />
    </Box>
  );
}
