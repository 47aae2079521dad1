// Pre-wrapped, styled lines: screens lay their content out as Line[] so that they know
// its exact height, and can scroll it or keep it inside 24 rows.
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

export function LineView({ line }: { line: Line }) {
  // An empty Text takes no row in Ink; a blank line must still take its row.
  if (line.every((seg) => seg.text === '')) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((seg, i) => (
        <Text key={i} color={seg.color} bold={seg.bold} dimColor={seg.dim}>
          {seg.text}
        </Text>
      ))}
    </Text>
  );
}

export function Lines({ lines }: { lines: Line[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <LineView key={i} line={line} />
      ))}
    </Box>
  );
}
