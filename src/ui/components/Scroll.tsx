// Scrolling of pre-wrapped lines: ↑/↓ one line, PgUp/PgDn a page, Home/End the ends.
// No mouse: everything works over a plain SSH session.
import { useEffect, useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../keys.js';
import { LineRows, type Line } from '../lines.js';
import { t } from '../i18n.js';
import { displayWidth } from '../text.js';

export function useScroll(total: number, height: number, isActive = true, arrows = true): number {
  const max = Math.max(0, total - height);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (offset > max) setOffset(max);
  }, [offset, max]);
  useKeys(
    (_input, key) => {
      const page = Math.max(1, height - 1);
      if (arrows && key.upArrow) setOffset((o) => Math.max(0, o - 1));
      else if (arrows && key.downArrow) setOffset((o) => Math.min(max, o + 1));
      else if (key.pageUp) setOffset((o) => Math.max(0, o - page));
      else if (key.pageDown) setOffset((o) => Math.min(max, o + page));
      else if (key.home) setOffset(0);
      else if (key.end) setOffset(max);
    },
    { isActive },
  );
  return Math.min(offset, max);
}

/** "lines 1–20 of 57" when there is more than one page, else "". */
export function scrollPosition(offset: number, height: number, total: number, steady = false): string {
  if (total <= height) return '';
  const text = t('ui.scroll.position', { from: offset + 1, to: Math.min(total, offset + height), total });
  if (!steady) return text;
  // Beside a title: as wide on every page as on the widest, so the title is cut the same way
  // on each page instead of jumping by a character as the numbers grow.
  const widest = t('ui.scroll.position', { from: total, to: total, total });
  return ' '.repeat(Math.max(0, displayWidth(widest) - displayWidth(text))) + text;
}

/** `height` of the lines from `offset` on, `width` columns wide (what they were wrapped to). */
export function ScrollView({ lines, width, height, offset }: { lines: Line[]; width: number; height: number; offset: number }) {
  return (
    <Box flexDirection="column" height={height}>
      <LineRows lines={lines.slice(offset, offset + height)} width={width} keyBase={offset} />
    </Box>
  );
}
