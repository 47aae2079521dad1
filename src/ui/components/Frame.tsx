// The frame every screen sits in: a title line, a rule, the body, and the key hints (a line,
// or more on a narrow terminal).
// It keeps the whole screen one row shorter than the terminal so Ink never has to scroll.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useTermSize, type TermSize } from '../size.js';
import { displayWidth, truncatePart, wrapKeys } from '../text.js';

/** The rows of the key help line: it wraps rather than lose keys on a narrow terminal. */
export function keyRows(keys: string, size: TermSize): string[] {
  return wrapKeys(keys, size.columns - 1);
}

/**
 * Rows left for a screen's body inside the frame, below the title and the rule, above the key
 * help (`keys`: what the screen passes to Frame, or a longer one it might pass).
 */
export function bodyRows(size: TermSize, keys = ''): number {
  return Math.max(6, size.rows - 3 - keyRows(keys, size).length);
}

/** Columns available to a screen's body (one column of margin on the left). */
export function bodyColumns(size: TermSize): number {
  return Math.max(20, size.columns - 2);
}

/** `subject`, a part of `title` (the product), is what gets shortened when the title is too long. */
export function Frame({
  title,
  subject = '',
  right,
  keys,
  children,
}: {
  title: string;
  subject?: string;
  right?: string;
  keys: string;
  children: ReactNode;
}) {
  const size = useTermSize();
  const width = size.columns - 1;
  const rightText = right ? ` ${right}` : '';
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text bold color="cyan" wrap="truncate-end">
          {truncatePart(title, subject, width - displayWidth(rightText))}
        </Text>
        <Text dimColor>{rightText}</Text>
      </Box>
      <Text dimColor>{'─'.repeat(width)}</Text>
      <Box flexDirection="column" height={bodyRows(size, keys)} paddingLeft={1}>
        {children}
      </Box>
      {keyRows(keys, size).map((row, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {row}
        </Text>
      ))}
    </Box>
  );
}
