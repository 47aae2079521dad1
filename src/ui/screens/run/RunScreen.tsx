// The run: finished steps above (✓ done, – skipped, ✗ failed), the running step with a
// progress bar or a spinner and the tail of its output, or the prompt the executor waits on.
// A rollback started after a failure is a phase of its own below the run's steps: a line
// saying where it goes and how far it is, its steps numbered within it, its own count above.
import { useCallback, useState } from 'react';
import { Box, Text } from 'ink';
import { t } from '../../i18n.js';
import type { Plan } from '../../../model/plan.js';
import { useRunState, type FinishedStep, type RollbackState, type RunState, type RunStore } from '../../bridge.js';
import { Frame, bodyColumns, bodyRows } from '../../components/Frame.js';
import { countOf, countText } from '../../count.js';
import { Elapsed, ProgressBar, Spinner, progressText } from '../../components/Progress.js';
import { Lines, para } from '../../lines.js';
import { useTermSize } from '../../size.js';
import { displayWidth, oneLine, truncate, truncateKeepingEnd, truncatePart } from '../../text.js';
import { DiffPanel, diffPanelRows } from './DiffPanel.js';
import { FailurePanel, failurePanelRows } from './FailurePanel.js';
import { ManualPanel, manualPanelMinRows, manualPanelRows } from './ManualPanel.js';

const MARK: Record<FinishedStep['status'], { mark: string; color: string }> = {
  done: { mark: '✓', color: 'green' },
  skipped: { mark: '–', color: 'yellow' },
  failed: { mark: '✗', color: 'red' },
  declined: { mark: '■', color: 'yellow' },
};

function FinishedLine({ step, width }: { step: FinishedStep; width: number }) {
  const { mark, color } = MARK[step.status];
  // One row each: a detail of several lines (an exit code, then the command's message) would
  // push the screen past the terminal's height, and Ink then draws over its own lines.
  const room = width - 2;
  const head = `${String(step.number).padStart(2)}. ${oneLine(step.title)}`;
  let text: string;
  if (step.status === 'done') {
    // A step that passed only when retried says so: its failed attempts are in the journal and report.
    text = step.attempt ? truncateKeepingEnd(head, `  (${t('ui.run.onAttempt', { attempt: step.attempt })})`, room) : truncate(head, room);
  } else {
    // How the step ended opens the parenthesis and is never cut: the title gives way to it, and
    // the detail to both. "after a retry, attempt 2" there read as a step that passed on attempt 2.
    const again = step.attempt && step.status !== 'declined';
    const status = again ? t(`ui.run.status.${step.status}Again`, { attempt: step.attempt ?? 2 }) : t(`ui.run.status.${step.status}`);
    const opening = `  (${status}`;
    const detail = step.detail ? `: ${oneLine(step.detail)}` : '';
    const whole = `${head}${opening}${detail})`;
    const left = room - displayWidth(head + opening) - 1;
    if (displayWidth(whole) <= room) text = whole;
    else if (detail !== '' && left >= 6) text = `${head}${opening}${truncate(detail, left)})`;
    else text = truncateKeepingEnd(head, `${opening}${detail ? ': …' : ''})`, room);
  }
  return (
    <Text wrap="truncate-end">
      <Text color={color}>{`${mark} `}</Text>
      <Text>{text}</Text>
    </Text>
  );
}

function PhaseLine({ rollback, width }: { rollback: RollbackState; width: number }) {
  const count = countText({ ended: rollback.done, skipped: rollback.skipped ?? 0, total: rollback.total });
  const values = { point: rollback.title, count, total: rollback.total };
  const text =
    rollback.outcome === 'failed'
      ? t('ui.run.rollbackFailed', values)
      : rollback.outcome === 'done'
        ? t(rollback.skipped ? 'ui.run.rolledBackSkipped' : 'ui.run.rolledBack', values)
        : t('ui.run.rollingBack', values);
  return (
    <Text bold color={rollback.outcome === 'failed' ? 'red' : 'yellow'} wrap="truncate-end">
      {/* The restore point's title gives way: the count after it stays whole. */}
      {truncatePart(`↺ ${text}`, rollback.title, width)}
    </Text>
  );
}

export type StepRow = { kind: 'step'; step: FinishedStep } | { kind: 'earlier'; count: number } | { kind: 'phase' };

/** How many rows the steps above the running one would take in full (the phase line too). */
export function stepRowCount(state: Pick<RunState, 'finished' | 'rollback'>): number {
  return state.finished.length + (state.rollback ? 1 : 0);
}

/**
 * The rows above the running step, at most `rows`: the newest steps, and a line counting those
 * not shown. In a rollback its line stays in view, with the rollback's steps below it, before
 * any of the run's steps; where even those do not fit, the line comes first.
 */
export function stepRows(state: Pick<RunState, 'finished' | 'rollback'>, rows: number): StepRow[] {
  const steps = (list: FinishedStep[]): StepRow[] => list.map((step) => ({ kind: 'step', step }));
  const tail = (list: FinishedStep[], room: number): StepRow[] => {
    if (list.length <= room) return steps(list);
    if (room <= 0) return [];
    const shown = room - 1;
    return [{ kind: 'earlier', count: list.length - shown }, ...steps(list.slice(list.length - shown))];
  };
  if (rows <= 0) return [];
  if (!state.rollback) return tail(state.finished, rows);
  const run = state.finished.filter((f) => !f.rollback);
  const back = state.finished.filter((f) => f.rollback);
  if (run.length + 1 + back.length <= rows) return [...steps(run), { kind: 'phase' }, ...steps(back)];
  // The run's steps give up their rows first, down to the line that counts them.
  if (back.length + 2 <= rows) return [...tail(run, rows - 1 - back.length), { kind: 'phase' }, ...steps(back)];
  return [{ kind: 'phase' }, ...tail(back, rows - 1)];
}

/** Whether a step is one of the rollback's (they are not the plan's steps). */
function isRollbackStep(state: RunState, id: string): boolean {
  return state.rollback !== undefined && id.startsWith(`${state.rollback.point}/`);
}

export function RunScreen({ store, plan, product }: { store: RunStore; plan: Plan; product: string }) {
  const state = useRunState(store);
  const size = useTermSize();
  const width = bodyColumns(size);
  const prompt = state.prompt;
  const cur = state.current;
  // The diff whose end has been on screen (by its prompt's seq): from then on a accepts.
  const [readDiff, setReadDiff] = useState(-1);
  const onReadToEnd = useCallback(() => setReadDiff(prompt?.seq ?? -1), [prompt?.seq]);
  // The failure whose rollback is being confirmed (by seq): its keys are yes/no.
  const [confirming, setConfirming] = useState(-1);
  // The manual step whose skip is being asked (by seq): its keys are yes/no.
  const [askingSkip, setAskingSkip] = useState(-1);
  // A manual step right after an automatic one that printed something shows that output.
  const last = state.finished[state.finished.length - 1];
  // Not across the start of a rollback: the failed step's output says nothing about its first step.
  const samePhase = last !== undefined && prompt !== undefined && Boolean(last.rollback) === isRollbackStep(state, prompt.step.id);
  const previous = prompt?.kind === 'manual' && samePhase && state.lastOutput && last?.id === state.lastOutput.id ? state.lastOutput : undefined;

  let keys = t('ui.keys.run');
  if (prompt?.kind === 'manual') keys = askingSkip === prompt.seq ? t('ui.keys.skipAsk') : t(prompt.step.skippable ? 'ui.keys.manualSkip' : 'ui.keys.manual');
  else if (prompt?.kind === 'diff') keys = readDiff === prompt.seq ? t(prompt.review.readOnly ? 'ui.keys.diffRead' : 'ui.keys.diff') : t('ui.keys.diffUnread');
  else if (prompt?.kind === 'failure') keys = t(confirming === prompt.seq ? 'ui.keys.yesno' : 'ui.keys.select');
  // After a first Ctrl-C the prompt's keys still work: the notice comes in addition to them.
  if (state.stop !== 'none') keys = prompt ? `${keys} · ${t('ui.keys.abort')}` : t('ui.keys.abort');

  const stopLines = state.stop === 'none' ? [] : para(t(state.stop === 'requested' ? 'ui.run.stopping' : 'ui.run.aborting'), width, { color: 'yellow', bold: true });
  const rows = bodyRows(size, keys) - stopLines.length;
  const printed = cur ? cur.output.length + (cur.partial ? 1 : 0) : 0;
  // The number the step runs under (a rollback's steps are numbered within the rollback).
  const number = prompt ? (cur?.step.id === prompt.step.id ? cur.number : plan.steps.findIndex((s) => s.id === prompt.step.id) + 1) : 0;
  // The attempt the prompt's step is on (set from the first retry).
  const attempt = prompt && cur?.step.id === prompt.step.id ? cur.attempt : undefined;
  // Rows the prompt or the running step do not need go to the steps done before. A diff to read
  // and a manual step with output to judge take all the others but one (which says how many are
  // done); a manual step without keeps three, as a failure does at least. A running step keeps a
  // third of the screen for its output, and more as its output grows.
  const wanted =
    prompt?.kind === 'diff'
      ? Math.max(1, rows - diffPanelRows(prompt.step, number, prompt.review, width))
      : prompt?.kind === 'manual'
        ? Math.max(previous ? 1 : 3, rows - manualPanelRows(prompt.step, width, previous))
        : prompt?.kind === 'failure'
          ? Math.max(3, rows - failurePanelRows(prompt.step, plan, prompt.error, prompt.choices, width, attempt, confirming === prompt.seq))
          : Math.max(Math.floor(rows / 3), rows - (cur ? 2 + printed : 0));
  // The steps done give up their rows before a checklist is squeezed below its least height.
  const least = prompt?.kind === 'manual' ? manualPanelMinRows(prompt.step, width, previous) : 0;
  const above = stepRows(state, Math.max(0, Math.min(stepRowCount(state), wanted, rows - least)));
  const room = rows - above.length;
  const respond = store.respond.bind(store);

  let body = null;
  if (prompt?.kind === 'manual') {
    body = (
      <ManualPanel
        key={prompt.seq}
        step={prompt.step}
        number={number}
        previous={previous}
        width={width}
        height={room}
        onConfirm={() => respond(true)}
        onStop={() => respond(false)}
        onSkip={() => respond('skip')}
        onAsking={(yes) => setAskingSkip(yes ? prompt.seq : -1)}
      />
    );
  } else if (prompt?.kind === 'diff') {
    body = (
      <DiffPanel
        key={prompt.seq}
        step={prompt.step}
        number={number}
        review={prompt.review}
        width={width}
        height={room}
        onAccept={() => respond(true)}
        onStop={() => respond(false)}
        onReadToEnd={onReadToEnd}
      />
    );
  } else if (prompt?.kind === 'failure') {
    body = (
      <FailurePanel
        key={prompt.seq}
        step={prompt.step}
        number={number}
        rollback={isRollbackStep(state, prompt.step.id)}
        attempt={attempt}
        error={prompt.error}
        choices={prompt.choices}
        plan={plan}
        width={width}
        height={room}
        onChoose={(c) => respond(c)}
        onConfirming={(yes) => setConfirming(yes ? prompt.seq : -1)}
      />
    );
  } else if (cur) {
    const measurable = cur.progress?.total !== undefined && cur.progress.total > 0;
    const tailRows = Math.max(0, room - 2);
    const tail = [...cur.output, ...(cur.partial ? [cur.partial] : [])].slice(-tailRows);
    body = (
      <Box flexDirection="column">
        <Text bold wrap="truncate-end">
          <Text color="cyan">{'▸ '}</Text>
          {cur.attempt
            ? truncateKeepingEnd(`${String(cur.number).padStart(2)}. ${cur.step.title}`, `  (${t('ui.run.retrying', { attempt: cur.attempt })})`, width - 2)
            : truncate(`${String(cur.number).padStart(2)}. ${cur.step.title}`, width - 2)}
        </Text>
        <Box paddingLeft={2}>
          {measurable && cur.progress ? (
            <Text>
              <ProgressBar progress={cur.progress} width={Math.max(5, Math.min(30, width - 40))} />
              {cur.step.manual ? null : (
                <>
                  {'  '}
                  <Elapsed since={cur.startedAt} />
                </>
              )}
            </Text>
          ) : (
            <Text>
              <Spinner />
              <Text dimColor>{` ${cur.step.manual ? t('ui.run.waiting') : t('ui.run.working')}${cur.progress ? `  ${progressText(cur.progress)}` : ''}`}</Text>
              {/* A command's time, not the operator's: a manual step waits as long as it takes. */}
              {cur.step.manual ? null : (
                <>
                  {' '}
                  <Elapsed since={cur.startedAt} />
                </>
              )}
            </Text>
          )}
        </Box>
        {tail.map((line, i) => (
          <Text key={i} dimColor wrap="truncate-end">
            {truncate(`  │ ${line}`, width)}
          </Text>
        ))}
      </Box>
    );
  }
  const runCount = countOf(state.finished.filter((f) => !f.rollback), state.total);
  const rb = state.rollback;
  const title = !rb ? 'ui.run.title' : rb.outcome === 'done' ? 'ui.run.titleRolledBack' : rb.outcome === 'failed' ? 'ui.run.titleRollbackFailed' : 'ui.run.titleRollback';
  return (
    <Frame
      title={t(title, { product })}
      subject={product}
      // In a rollback the title says so, and the count is the rollback's.
      right={countText(rb ? { ended: rb.done, skipped: rb.skipped ?? 0, total: rb.total } : runCount)}
      keys={keys}
    >
      {above.map((row, i) =>
        row.kind === 'earlier' ? (
          <Text key={`earlier:${i}`} dimColor>
            {t('ui.run.earlier', { count: row.count })}
          </Text>
        ) : row.kind === 'phase' && rb ? (
          <PhaseLine key="phase" rollback={rb} width={width} />
        ) : row.kind === 'step' ? (
          <FinishedLine key={`${i}:${row.step.id}`} step={row.step} width={width} />
        ) : null,
      )}
      <Box flexDirection="column" height={room} overflow="hidden">
        {body}
      </Box>
      <Lines width={width} lines={stopLines} />
    </Frame>
  );
}
