// The run: finished steps above (✓ done, – skipped, ✗ failed), the running step with a
// progress bar or a spinner and the tail of its output, or the prompt the executor waits on.
import { Box, Text } from 'ink';
import { t } from '../../i18n.js';
import type { Plan } from '../../../model/plan.js';
import { useRunState, type FinishedStep, type RunStore } from '../../bridge.js';
import { Frame, bodyColumns, bodyRows } from '../../components/Frame.js';
import { ProgressBar, Spinner, progressText } from '../../components/Progress.js';
import { Lines, para } from '../../lines.js';
import { useTermSize } from '../../size.js';
import { truncate } from '../../text.js';
import { DiffPanel } from './DiffPanel.js';
import { FailurePanel } from './FailurePanel.js';
import { ManualPanel, manualPanelRows } from './ManualPanel.js';

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
  const stopLines = state.stop === 'none' ? [] : para(t(state.stop === 'requested' ? 'ui.run.stopping' : 'ui.run.aborting'), width, { color: 'yellow', bold: true });
  const rows = bodyRows(size) - stopLines.length;
  const prompt = state.prompt;
  // A manual step leaves its spare rows to the steps done before it; a diff to read takes theirs
  // but one (which says how many are done); the others keep three.
  const spare = prompt?.kind === 'manual' ? rows - manualPanelRows(prompt.step, width) : 0;
  const wanted = prompt?.kind === 'diff' ? 1 : Math.max(3, prompt ? spare : Math.floor(rows / 3));
  const finishedRows = Math.min(state.finished.length, wanted);
  const hidden = state.finished.length - finishedRows;
  const finished = state.finished.slice(hidden > 0 ? hidden + 1 : 0);
  // With hidden steps, one of the finished rows says how many are not shown.
  const room = rows - finishedRows;
  const cur = state.current;
  const number = prompt ? (plan.steps.findIndex((s) => s.id === prompt.step.id) + 1 || cur?.number || 0) : 0;
  const respond = store.respond.bind(store);

  let keys = t('ui.keys.run');
  let body = null;
  if (prompt?.kind === 'manual') {
    keys = t('ui.keys.manual');
    body = <ManualPanel key={prompt.seq} step={prompt.step} number={number} width={width} height={room} onConfirm={() => respond(true)} onStop={() => respond(false)} />;
  } else if (prompt?.kind === 'diff') {
    keys = t(prompt.review.readOnly ? 'ui.keys.diffRead' : 'ui.keys.diff');
    body = <DiffPanel key={prompt.seq} step={prompt.step} review={prompt.review} width={width} height={room} onAccept={() => respond(true)} onStop={() => respond(false)} />;
  } else if (prompt?.kind === 'failure') {
    keys = t('ui.keys.select');
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
      keys={state.stop === 'none' ? keys : t('ui.keys.abort')}
    >
      {hidden > 0 ? <Text dimColor>{t('ui.run.earlier', { count: hidden + 1 })}</Text> : null}
      {finished.map((f, i) => (
        <FinishedLine key={`${i}:${f.id}`} step={f} width={width} />
      ))}
      <Box flexDirection="column" height={room}>
        {body}
      </Box>
      <Lines lines={stopLines} />
    </Frame>
  );
}
