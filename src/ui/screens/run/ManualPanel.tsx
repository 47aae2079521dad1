// A manual step: the instructions (with the output of the step before, when it printed
// any) and a checklist the operator ticks item by item; Enter confirms only once every item
// is ticked. s stops the run here; k skips a step the procedure calls optional, once y says so.
// The wizard's own action awaiting an OK (delete-files, step.manual false) is shown the same
// way, tagged as the plan tags it, with the action itself as the item to tick.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../../keys.js';
import { getLang, t } from '../../i18n.js';
import type { PlannedStep } from '../../../model/plan.js';
import type { StepOutput } from '../../bridge.js';
import { ScrollView, scrollPosition, useScroll } from '../../components/Scroll.js';
import { Lines, para, type Line } from '../../lines.js';
import { useOnce, useRefState } from '../../hooks.js';
import { truncate, wrap } from '../../text.js';

/** Where an item's text starts: after '› [x] '. */
const ITEM_INDENT = '      ';
/** The title and one spare row around the instructions and the checklist. */
const FIXED_ROWS = 2;

// The run screen sizes the panel (manualPanelMinRows, manualPanelRows) before the panel lays
// itself out, on every frame: the three ask for the same layout, wrapped once.
let laidOut: { step: PlannedStep; width: number; previous: StepOutput | undefined; lang: string; value: ReturnType<typeof layout> } | undefined;

function content(step: PlannedStep, width: number, previous?: StepOutput): ReturnType<typeof layout> {
  const lang = getLang();
  if (laidOut?.step !== step || laidOut.width !== width || laidOut.previous !== previous || laidOut.lang !== lang) {
    laidOut = { step, width, previous, lang, value: layout(step, width, previous) };
  }
  return laidOut.value;
}

function layout(step: PlannedStep, width: number, previous?: StepOutput) {
  const items = step.checklist && step.checklist.length > 0 ? step.checklist : [t('ui.manual.doneItem')];
  const optional = step.skippable ? para(t('ui.manual.optional'), width, { color: 'yellow' }) : [];
  // The question k asks takes the hint's place: room for the longer of the two.
  const optionalRows = step.skippable ? Math.max(optional.length, wrap(t('ui.manual.skipAsk', { number: 99, title: step.title }), width).length) : 0;
  const instructions: Line[] = step.instructions ? para(step.instructions, width, {}, 2) : [];
  // The step before's output follows the instructions, in the same scrolled text: they say
  // what to check in it.
  const output: Line[] = previous
    ? [
        ...para(t('ui.manual.outputOf', { number: previous.number, title: previous.title }), width, { dim: true, bold: true }, 2),
        ...previous.lines.flatMap((line) => para(line, width, { dim: true }, 2, { text: '│ ', dim: true })),
      ]
    : [];
  const text = [...instructions, ...output];
  // An item wraps under its text (a long path must be read whole before it is ticked).
  const itemRows = items.map((item) => wrap(item, width - ITEM_INDENT.length));
  const checklistRows = itemRows.reduce((n, rows) => n + rows.length, 0);
  // The status line wraps (Japanese ones are long): its rows are those of its longest form.
  const n = items.length;
  const statusRows = Math.max(
    ...[progressText(step, n, n), t('ui.manual.allTicked'), t('ui.manual.tickAll', { done: n, total: n })].map((x) => wrap(x, width).length),
  );
  return { items, text, itemRows, optional, belowRows: checklistRows + statusRows + optionalRows };
}

function progressText(step: PlannedStep, done: number, total: number): string {
  // "Tick each item when it is done" would ask for the wizard's own action to be done by hand.
  return step.manual ? t('ui.manual.progress', { done, total }) : t('ui.manual.confirmProgress');
}

/** The least height it can do with: the title, a row of text and its marker, the checklist. */
export function manualPanelMinRows(step: PlannedStep, width: number, previous?: StepOutput): number {
  const { text, belowRows } = content(step, width, previous);
  return 1 + Math.min(2, text.length) + belowRows;
}

/** The height at which the instructions (and the output shown with them) need no scrolling. */
export function manualPanelRows(step: PlannedStep, width: number, previous?: StepOutput): number {
  const { text, belowRows } = content(step, width, previous);
  return text.length + belowRows + FIXED_ROWS;
}

export function ManualPanel({
  step,
  number,
  previous,
  width,
  height,
  onConfirm,
  onStop,
  onSkip,
  onAsking,
}: {
  step: PlannedStep;
  number: number;
  /** The output of the automatic step just before, to judge here. */
  previous?: StepOutput;
  width: number;
  height: number;
  onConfirm: () => void;
  onStop: () => void;
  /** Called only for a step the procedure calls optional (step.skippable). */
  onSkip?: () => void;
  /** Whether the skip question is on screen: the key help then shows its keys only. */
  onAsking?: (asking: boolean) => void;
}) {
  const { items, text, itemRows, optional, belowRows } = content(step, width, previous);
  const skip = step.skippable ? onSkip : undefined;
  // k asks first: a skipped backup cannot be taken back once the run goes on.
  const [asking, setAsking, askingRef] = useRefState(false);
  const [ticked, setTicked, tickedRef] = useRefState<boolean[]>(() => items.map(() => false));
  const [index, setIndex, indexRef] = useRefState(0);
  const once = useOnce();
  const [nudge, setNudge] = useState(false);
  const count = ticked.filter(Boolean).length;
  // The instructions get what is left and scroll with PgUp/PgDn; cut short, their last row says
  // where they are and that more follows (a sentence cut off mid-way read as the whole of it).
  // The spare row goes to the text when it does not fit.
  const room = Math.max(2, height - belowRows - FIXED_ROWS + 1);
  const cut = text.length > room;
  const textRows = cut ? room - 1 : text.length;
  const offset = useScroll(text.length, textRows, true, false);
  const position = scrollPosition(offset, textRows, text.length);
  const marker = offset + textRows >= text.length ? t('ui.manual.textEnd', { position }) : t('ui.manual.textMore', { position });
  useKeys((input, key) => {
    if (askingRef.current) {
      if (input === 'y' || input === 'Y') {
        if (skip) once(skip);
      } else if (input === 'n' || input === 'N' || key.escape || key.return) {
        setAsking(false);
        onAsking?.(false);
      }
      return;
    }
    if (key.upArrow) setIndex((i) => Math.max(0, i - 1));
    else if (key.downArrow) setIndex((i) => Math.min(items.length - 1, i + 1));
    else if (input === ' ' || input === 'x') {
      // Only the item under the cursor: Space then Down then Space must tick the first two,
      // as every other checklist (and the terminal prompts) does.
      const at = indexRef.current;
      setTicked((prev) => prev.map((v, i) => (i === at ? !v : v)));
      setNudge(false);
    } else if (input === 'k' && skip) {
      setAsking(true);
      onAsking?.(true);
    } else if (key.return) {
      if (tickedRef.current.every(Boolean)) once(onConfirm);
      else setNudge(true);
    } else if (input === 's') once(onStop);
  });
  return (
    <Box flexDirection="column">
      <Text color="yellow" bold wrap="truncate-end">
        {truncate(`▸ ${String(number).padStart(2)}. [${t(step.manual ? 'ui.plan.manual' : 'ui.plan.auto')}] ${step.title}`, width)}
      </Text>
      <ScrollView width={width} lines={text} height={textRows} offset={offset} />
      {cut ? (
        <Text color="cyan" wrap="truncate-end">
          {truncate(`  ${marker}`, width)}
        </Text>
      ) : null}
      {itemRows.flatMap((rows, i) =>
        rows.map((row, r) => (
          <Text key={`${i}:${r}`} wrap="truncate-end" color={i === index ? 'cyan' : undefined} bold={i === index}>
            {r === 0 ? `${i === index ? '›' : ' '} ${ticked[i] ? '[x]' : '[ ]'} ${row}` : `${ITEM_INDENT}${row}`}
          </Text>
        )),
      )}
      <Lines
        width={width}
        lines={para(
          nudge
            ? t('ui.manual.tickAll', { done: count, total: items.length })
            : count === items.length
              ? t('ui.manual.allTicked')
              : progressText(step, count, items.length),
          width,
          nudge ? { color: 'red' } : { dim: true },
        )}
      />
      {asking ? <Lines width={width} lines={para(t('ui.manual.skipAsk', { number, title: step.title }), width, { color: 'yellow', bold: true })} /> : <Lines width={width} lines={optional} />}
    </Box>
  );
}
