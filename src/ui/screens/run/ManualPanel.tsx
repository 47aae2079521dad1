// A manual step: the instructions and a checklist the operator ticks item by item;
// Enter confirms only once every item is ticked. s stops the run here.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../../keys.js';
import { t } from '../../i18n.js';
import type { PlannedStep } from '../../../model/plan.js';
import { ScrollView, useScroll } from '../../components/Scroll.js';
import { para, type Line } from '../../lines.js';
import { useOnce, useRefState } from '../../hooks.js';
import { truncate, wrap } from '../../text.js';

/** Where an item's text starts: after '› [x] '. */
const ITEM_INDENT = '      ';
/** The title, the status line and one spare row around the instructions and the checklist. */
const FIXED_ROWS = 3;

function content(step: PlannedStep, width: number) {
  const items = step.checklist && step.checklist.length > 0 ? step.checklist : [t('ui.manual.doneItem')];
  const instructions: Line[] = step.instructions ? para(step.instructions, width, {}, 2) : [];
  // An item wraps under its text (a long path must be read whole before it is ticked).
  const itemRows = items.map((item) => wrap(item, width - ITEM_INDENT.length));
  const checklistRows = itemRows.reduce((n, rows) => n + rows.length, 0);
  return { items, instructions, itemRows, checklistRows };
}

/** The height at which the instructions need no scrolling. */
export function manualPanelRows(step: PlannedStep, width: number): number {
  const { instructions, checklistRows } = content(step, width);
  return instructions.length + checklistRows + FIXED_ROWS;
}

export function ManualPanel({
  step,
  number,
  width,
  height,
  onConfirm,
  onStop,
}: {
  step: PlannedStep;
  number: number;
  width: number;
  height: number;
  onConfirm: () => void;
  onStop: () => void;
}) {
  const { items, instructions, itemRows, checklistRows } = content(step, width);
  const [ticked, setTicked, tickedRef] = useRefState<boolean[]>(() => items.map(() => false));
  const [index, setIndex, indexRef] = useRefState(0);
  const once = useOnce();
  const [nudge, setNudge] = useState(false);
  const count = ticked.filter(Boolean).length;
  // The instructions get what is left and scroll with PgUp/PgDn.
  const room = Math.max(2, height - checklistRows - FIXED_ROWS);
  const offset = useScroll(instructions.length, room, true, false);
  useKeys((input, key) => {
    if (key.upArrow) setIndex((i) => Math.max(0, i - 1));
    else if (key.downArrow) setIndex((i) => Math.min(items.length - 1, i + 1));
    else if (input === ' ' || input === 'x') {
      const at = indexRef.current;
      const wasTicked = tickedRef.current[at] === true;
      setTicked((prev) => prev.map((v, i) => (i === at ? !v : v)));
      setNudge(false);
      // Ticking moves on to the next item, so Space Space … walks down the list.
      if (!wasTicked) setIndex((i) => Math.min(items.length - 1, i + 1));
    } else if (key.return) {
      if (tickedRef.current.every(Boolean)) once(onConfirm);
      else setNudge(true);
    } else if (input === 's') once(onStop);
  });
  return (
    <Box flexDirection="column">
      <Text color="yellow" bold wrap="truncate-end">
        {truncate(`▸ ${String(number).padStart(2)}. [${t('ui.plan.manual')}] ${step.title}`, width)}
      </Text>
      <ScrollView lines={instructions} height={Math.min(room, instructions.length)} offset={offset} />
      {itemRows.flatMap((rows, i) =>
        rows.map((row, r) => (
          <Text key={`${i}:${r}`} wrap="truncate-end" color={i === index ? 'cyan' : undefined} bold={i === index}>
            {r === 0 ? `${i === index ? '›' : ' '} ${ticked[i] ? '[x]' : '[ ]'} ${row}` : `${ITEM_INDENT}${row}`}
          </Text>
        )),
      )}
      <Text color={nudge ? 'red' : undefined} dimColor={!nudge} wrap="truncate-end">
        {nudge
          ? t('ui.manual.tickAll', { done: count, total: items.length })
          : count === items.length
            ? t('ui.manual.allTicked')
            : t('ui.manual.progress', { done: count, total: items.length })}
      </Text>
    </Box>
  );
}
