// After a failure: what failed and why, then the choices the executor offers
// (skip appears only where the procedure allows it). A rollback is asked once more, with its
// steps, before it starts: it changes the server too. Its manual steps are marked: they are
// the operator's to do, not commands run on the server.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { t } from '../../i18n.js';
import type { FailureChoice } from '../../../model/interaction.js';
import type { Plan, PlannedStep } from '../../../model/plan.js';
import { choiceLabel, rollbackConfirmLines } from '../../../run/choices.js';
import { SelectList } from '../../components/SelectList.js';
import { YesNo } from '../../components/YesNo.js';
import { Lines, para, type Line } from '../../lines.js';
import { truncate } from '../../text.js';

/** The rollback's steps as the run screen numbers them (and as they will run). */
const numbered = (n: number): string => `  ${String(n).padStart(2)}. `;

/** The attempt's line, from the second attempt on (not for a step a crash cut off). */
function againLines(attempt: number | undefined, interrupted: boolean, width: number): Line[] {
  return attempt && attempt > 1 && !interrupted ? para(t('ui.failure.again', { attempt }), width, { color: 'red', bold: true }, 2) : [];
}

/**
 * The rows the panel takes in full: the steps done before get the rest of the screen (on a tall
 * terminal they were cut to three rows, above some thirty blank ones).
 */
export function failurePanelRows(step: PlannedStep, plan: Plan, error: string, choices: FailureChoice[], width: number, attempt?: number, confirming = false): number {
  const interrupted = choices.includes('markDone');
  const again = againLines(attempt, interrupted, width).length;
  if (confirming) {
    const [question = '', ...steps] = rollbackConfirmLines(step, plan, numbered);
    return 1 + again + para(question, width).length + steps.reduce((n, s) => n + para(s, width).length, 0) + 1;
  }
  return 1 + again + para(error, width, {}, 2).length + 1 + choices.length;
}

export function FailurePanel({
  step,
  number,
  rollback = false,
  attempt,
  error,
  choices,
  plan,
  width,
  height,
  onChoose,
  onConfirming,
}: {
  step: PlannedStep;
  number: number;
  /** The failed step is one of a rollback's. */
  rollback?: boolean;
  /** The attempt that failed, from the second on: a retry that failed again must not look like the first failure. */
  attempt?: number;
  error: string;
  choices: FailureChoice[];
  plan: Plan;
  width: number;
  height: number;
  onChoose: (choice: FailureChoice) => void;
  /** Told when the rollback's yes/no is shown or left, for the key help. */
  onConfirming?: (confirming: boolean) => void;
}) {
  const [confirming, setConfirmingState] = useState(false);
  const setConfirming = (value: boolean) => {
    setConfirmingState(value);
    onConfirming?.(value);
  };
  // A step a crash cut off (resume offers markDone) has not failed: the operator says how it ended.
  const interrupted = choices.includes('markDone');
  const headKey = interrupted ? 'ui.failure.interrupted' : rollback ? 'ui.failure.headRollback' : 'ui.failure.head';
  const head = (
    <Text color={interrupted ? 'yellow' : 'red'} bold wrap="truncate-end">
      {truncate(`${interrupted ? '⚠' : '✗'} ${t(headKey, { number, title: step.title })}`, width)}
    </Text>
  );
  const again = againLines(attempt, interrupted, width);
  if (confirming) {
    const [question = '', ...steps] = rollbackConfirmLines(step, plan, numbered);
    return (
      <Box flexDirection="column">
        {head}
        <Lines width={width} lines={again} />
        <Lines width={width} lines={[...para(question, width, { bold: true }), ...steps.flatMap((s) => para(s, width))].slice(0, Math.max(1, height - 2 - again.length))} />
        <YesNo onSubmit={(yes) => (yes ? onChoose('rollback') : setConfirming(false))} />
      </Box>
    );
  }
  const room = Math.max(1, height - choices.length - 2 - again.length);
  const errorLines = para(error, width, { color: interrupted ? 'yellow' : 'red' }, 2);
  // The end of an error is where the cause usually is.
  const shown = errorLines.length > room ? errorLines.slice(errorLines.length - room) : errorLines;
  return (
    <Box flexDirection="column">
      {head}
      <Lines width={width} lines={again} />
      <Lines width={width} lines={shown} />
      <Text bold>{t('run.choice.what')}</Text>
      <SelectList
        width={width}
        items={choices.map((c) => ({ value: c, label: choiceLabel(c, step, plan) }))}
        onSubmit={(c) => (c === 'rollback' ? setConfirming(true) : onChoose(c))}
      />
    </Box>
  );
}
