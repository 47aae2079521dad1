// The run: finished steps above (✓ done, – skipped, ✗ failed), the running step with a
// progress bar or a spinner and the tail of its output, or the prompt the executor waits on.
import { useCallback, useState } from 'react';
import { Box, Text } from 'ink';
import { t } from '../../i18n.js';
import type { Plan } from '../../../model/plan.js';
import { useRunState, type FinishedStep, type RunStore } from '../../bridge.js';
import { Frame, bodyColumns, bodyRows } from '../../components/Frame.js';
import { ProgressBar, Spinner, progressText } from '../../components/Progress.js';
import { Lines, para } from '../../lines.js';
import { useTermSize } from '../../size.js';
import { truncate } from '../../text.js';
import { DiffPanel, diffPanelRows } from './DiffPanel.js';
import { FailurePanel } from './FailurePanel.js';
import { ManualPanel, manualPanelMinRows, manualPanelRows } from './ManualPanel.js';

const MARK: Record<FinishedStep['status'], { mark: string; color: string }> = {
  done: { mark: '✓', color: 'green' },
  skipped: { mark: '–', color: 'yellow' },
  failed: { mark: '✗', color: 'red' },
};

function FinishedLine({ step, width }: { step: FinishedStep; width: number }) {
  const { mark, color } = MARK[step.status];
  const status = step.status === 'done' ? '' : `  (${t(`ui.run.status.${step.status}`)}${step.detail ? `: ${step.detail}` : ''})`;
  return (
    <Text wrap="truncate-end">
      <Text color={color}>{`${mark} `}</Text>
      <Text>{truncate(`${String(step.number).padStart(2)}. ${step.title}${status}`, width - 2)}</Text>
    </Text>
  );
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
  // A manual step right after an automatic one that printed something shows that output.
  const last = state.finished[state.finished.length - 1];
  const previous = prompt?.kind === 'manual' && state.lastOutput && last?.id === state.lastOutput.id ? state.lastOutput : undefined;

  let keys = t('ui.keys.run');
  if (prompt?.kind === 'manual') keys = t('ui.keys.manual');
  else if (prompt?.kind === 'diff') keys = readDiff === prompt.seq ? t(prompt.review.readOnly ? 'ui.keys.diffRead' : 'ui.keys.diff') : t('ui.keys.diffUnread');
  else if (prompt?.kind === 'failure') keys = t('ui.keys.select');
  // After a first Ctrl-C the prompt's keys still work: the notice comes in addition to them.
  if (state.stop !== 'none') keys = prompt ? `${keys} · ${t('ui.keys.abort')}` : t('ui.keys.abort');

  const stopLines = state.stop === 'none' ? [] : para(t(state.stop === 'requested' ? 'ui.run.stopping' : 'ui.run.aborting'), width, { color: 'yellow', bold: true });
  const rows = bodyRows(size, keys) - stopLines.length;
  const printed = cur ? cur.output.length + (cur.partial ? 1 : 0) : 0;
  // Rows the prompt or the running step do not need go to the steps done before. A diff to read
  // and a manual step with output to judge take all the others but one (which says how many are
  // done); a manual step without keeps three. A running step keeps a third of the screen for
  // its output, and more as its output grows.
  const wanted =
    prompt?.kind === 'diff'
      ? Math.max(1, rows - diffPanelRows(prompt.step, prompt.review, width))
      : prompt?.kind === 'manual'
        ? Math.max(previous ? 1 : 3, rows - manualPanelRows(prompt.step, width, previous))
        : prompt
          ? 3
          : Math.max(Math.floor(rows / 3), rows - (cur ? 2 + printed : 0));
  // The steps done give up their rows before a checklist is squeezed below its least height.
  const least = prompt?.kind === 'manual' ? manualPanelMinRows(prompt.step, width, previous) : 0;
  const finishedRows = Math.max(0, Math.min(state.finished.length, wanted, rows - least));
  const hidden = state.finished.length - finishedRows;
  // With hidden steps, one of the finished rows (if any) says how many are not shown.
  const finished = finishedRows === 0 ? [] : state.finished.slice(hidden > 0 ? hidden + 1 : 0);
  const room = rows - finishedRows;
  const number = prompt ? (plan.steps.findIndex((s) => s.id === prompt.step.id) + 1 || cur?.number || 0) : 0;
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
      />
    );
  } else if (prompt?.kind === 'diff') {
    body = (
      <DiffPanel
        key={prompt.seq}
        step={prompt.step}
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
        error={prompt.error}
        choices={prompt.choices}
        plan={plan}
        width={width}
        height={room}
        onChoose={(c) => respond(c)}
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
          {truncate(`${String(cur.number).padStart(2)}. ${cur.step.title}`, width - 2)}
        </Text>
        <Box paddingLeft={2}>
          {measurable && cur.progress ? (
            <ProgressBar progress={cur.progress} width={Math.min(30, width - 30)} />
          ) : (
            <Text>
              <Spinner />
              <Text dimColor>{` ${cur.step.manual ? t('ui.run.waiting') : t('ui.run.working')}${cur.progress ? `  ${progressText(cur.progress)}` : ''}`}</Text>
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
  const doneCount = state.finished.filter((f) => f.status === 'done').length;
  return (
    <Frame
      title={t('ui.run.title', { product })}
      subject={product}
      right={t('ui.run.count', { done: doneCount, total: state.total })}
      keys={keys}
    >
      {hidden > 0 && finishedRows > 0 ? <Text dimColor>{t('ui.run.earlier', { count: hidden + 1 })}</Text> : null}
      {finished.map((f, i) => (
        <FinishedLine key={`${i}:${f.id}`} step={f} width={width} />
      ))}
      <Box flexDirection="column" height={room} overflow="hidden">
        {body}
      </Box>
      <Lines lines={stopLines} />
    </Frame>
  );
}
