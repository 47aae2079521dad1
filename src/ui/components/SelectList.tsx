// A vertical list: ↑/↓ move, Enter chooses. The focused item is marked with › so the
// choice stays visible without colour.
import { useEffect } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../keys.js';
import { useOnce, useRefState } from '../hooks.js';
import { displayWidth, truncate } from '../text.js';

export interface Item<V extends string = string> {
  value: V;
  label: string;
  /** A note after the label, e.g. "detected: …". */
  hint?: string;
  disabled?: boolean;
}

export function SelectList<V extends string>({
  items,
  initial,
  onSubmit,
  width = 78,
  maxRows = 10,
  isActive = true,
  onHighlight,
}: {
  items: Item<V>[];
  initial?: V;
  onSubmit: (value: V) => void;
  /** Told which item is focused, as it moves. */
  onHighlight?: (value: V) => void;
  width?: number;
  maxRows?: number;
  isActive?: boolean;
}) {
  const start = Math.max(0, items.findIndex((i) => i.value === initial));
  const [index, setIndex, indexRef] = useRefState(start);
  const once = useOnce();
  const focused = items[index]?.value;
  useEffect(() => {
    if (focused !== undefined) onHighlight?.(focused);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a move of the focus is news
  }, [focused]);
  useKeys(
    (input, key) => {
      if (key.upArrow) setIndex((i) => (i - 1 + items.length) % items.length);
      else if (key.downArrow) setIndex((i) => (i + 1) % items.length);
      else if (key.home) setIndex(0);
      else if (key.end) setIndex(items.length - 1);
      else if (key.return) {
        const item = items[indexRef.current];
        if (item && !item.disabled) once(() => onSubmit(item.value));
      } else if (/^[1-9]$/.test(input)) {
        const n = Number(input) - 1;
        if (n < items.length) setIndex(n);
      }
    },
    { isActive },
  );
  const top = Math.min(Math.max(0, index - maxRows + 1), Math.max(0, items.length - maxRows));
  const shown = items.slice(top, top + maxRows);
  return (
    <Box flexDirection="column">
      {shown.map((item, i) => {
        const focused = top + i === index;
        const text = truncate(`${focused ? '›' : ' '} ${item.label}`, width);
        return (
          <Text key={item.value} wrap="truncate-end">
            <Text color={item.disabled ? 'gray' : focused ? 'cyan' : undefined} bold={focused}>
              {text}
            </Text>
            {item.hint ? <Text dimColor>{truncate(`  ${item.hint}`, Math.max(0, width - displayWidth(text)))}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
