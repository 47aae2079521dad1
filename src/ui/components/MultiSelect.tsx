// A checklist selection: ↑/↓ move, Space toggles, Enter accepts the ticked set.
import { Box, Text } from 'ink';
import { useKeys } from '../keys.js';
import { useOnce, useRefState } from '../hooks.js';
import { displayWidth, truncate } from '../text.js';
import type { Item } from './SelectList.js';

export function MultiSelect({
  items,
  initial = [],
  onSubmit,
  width = 78,
  isActive = true,
}: {
  items: Item[];
  initial?: string[];
  onSubmit: (values: string[]) => void;
  width?: number;
  isActive?: boolean;
}) {
  const [index, setIndex, indexRef] = useRefState(0);
  const [chosen, setChosen, chosenRef] = useRefState<Set<string>>(() => new Set(initial));
  const once = useOnce();
  useKeys(
    (input, key) => {
      if (key.upArrow) setIndex((i) => (i - 1 + items.length) % items.length);
      else if (key.downArrow) setIndex((i) => (i + 1) % items.length);
      else if (input === ' ') {
        const item = items[indexRef.current];
        if (!item) return;
        setChosen((prev) => {
          const next = new Set(prev);
          if (next.has(item.value)) next.delete(item.value);
          else next.add(item.value);
          return next;
        });
      } else if (key.return) once(() => onSubmit(items.filter((i) => chosenRef.current.has(i.value)).map((i) => i.value)));
    },
    { isActive },
  );
  return (
    <Box flexDirection="column">
      {items.map((item, i) => {
        const focused = i === index;
        const box = chosen.has(item.value) ? '[x]' : '[ ]';
        const text = truncate(`${focused ? '›' : ' '} ${box} ${item.label}`, width);
        return (
          <Text key={item.value} wrap="truncate-end">
            <Text color={focused ? 'cyan' : undefined} bold={focused}>
              {text}
            </Text>
            {item.hint ? <Text dimColor>{truncate(`  ${item.hint}`, Math.max(0, width - displayWidth(text)))}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
