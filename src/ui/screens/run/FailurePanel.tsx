// After a failure: what failed and why, then the choices the executor offers
// (skip appears only where the procedure allows it). A rollback is asked once more, with its
// steps, before it starts: it changes the server too.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { t } from '../../i18n.js';
import type { FailureChoice } from '../../../model/interaction.js';
import type { Plan, PlannedStep } from '../../../model/plan.js';
import { choiceLabel, rollbackConfirmLines } from '../../../run/choices.js';
import { SelectList } from '../../components/SelectList.js';
import { YesNo } from '../../components/YesNo.js';
import { Lines, para } from '../../lines.js';
import { truncate } from '../../text.js';

export function FailurePanel({
  step,
  number,
  error,
  choices,
  plan,
  width,
  height,
  onChoose,
}: {
  step: PlannedStep;
  number: number;
  error: string;
  choices: FailureChoice[];
  plan: Plan;
  width: number;
  height: number;
  onChoose: (choice: FailureChoice) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const head = (
    <Text color="red" bold wrap="truncate-end">
      {truncate(`✗ ${t('ui.failure.head', { number, title: step.title })}`, width)}
    </Text>
  );
  if (confirming) {
    const [question = '', ...steps] = rollbackConfirmLines(step, plan);
    return (
      <Box flexDirection="column">
        {head}
        <Lines lines={[...para(question, width, { bold: true }), ...steps.flatMap((s) => para(s, width))].slice(0, Math.max(1, height - 2))} />
        <YesNo onSubmit={(yes) => (yes ? onChoose('rollback') : setConfirming(false))} />
      </Box>
    );
  }
  const room = Math.max(1, height - choices.length - 2);
  const errorLines = para(error, width, { color: 'red' }, 2);
  // The end of an error is where the cause usually is.
  const shown = errorLines.length > room ? errorLines.slice(errorLines.length - room) : errorLines;
  return (
    <Box flexDirection="column">
      {head}
      <Lines lines={shown} />
      <Text bold>{t('run.choice.what')}</Text>
      <SelectList
        width={width}
        items={choices.map((c) => ({ value: c, label: choiceLabel(c, step, plan) }))}
        onSubmit={(c) => (c === 'rollback' ? setConfirming(true) : onChoose(c))}
      />
    </Box>
  );
}
