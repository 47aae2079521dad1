// A run stopped by SIGTERM (real signals to this process) says SIGTERM wherever it says why:
// between steps and during a check's wait, in the journal, the step's detail and the summary;
// only a Ctrl-C is called one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { watchInterrupts } from '../../src/run/signals.js';
import { summarize } from '../../src/run/summary.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const dir = tempDir('uw-stop-cause-');

/** Runs the steps; sends `signal` to this process when a step first prints `cue`. */
async function stopOn(name: string, steps: PlannedStep[], cue: string, signal: NodeJS.Signals) {
  const interrupts = watchInterrupts(() => undefined);
  const ui = new Recorder();
  let sent = false;
  ui.onOutput = (_s, chunk) => {
    ui.output.push(chunk);
    if (!sent && chunk.includes(cue)) {
      sent = true;
      process.kill(process.pid, signal);
    }
  };
  const p = plan(steps);
  try {
    const result = await execute(p, ui, { logDir: join(dir, name), root: '', signal: interrupts.signal, killSignal: interrupts.killSignal });
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    return { result, events, summary: summarize(p, result, { root: '', logDir: dir }).lines[0], report: readFileSync(result.files!.report, 'utf8') };
  } finally {
    interrupts.dispose();
  }
}

const first = step('command', {}, { id: 'first', title: 'the first step', commands: [['sh', '-c', 'echo ready; sleep 0.3']] });
const second = step('command', {}, { id: 'second', title: 'the second step', commands: [['true']] });
const mirror = step('verify', { verify: { argv: ['echo', 'Mirror Color RED'], expectOutput: 'GREEN', waitSeconds: 600, intervalSeconds: 1 } }, { id: 'mirror', title: 'the mirror is green' });

describe('a run stopped by SIGTERM says so', () => {
  it('between steps: the running step finishes, and the summary says SIGTERM, not Ctrl-C', async () => {
    const { result, events, summary } = await stopOn('between', [first, second], 'ready', 'SIGTERM');
    expect(result).toMatchObject({ status: 'stopped', reason: 'interrupted', step: 'second', stoppedBy: 'SIGTERM' });
    expect(events.find((e) => e.type === 'step-end')).toMatchObject({ step: 'first', status: 'done' });
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ step: 'second', reason: expect.stringContaining('SIGTERM received') }]);
    expect(summary).toBe('The run stopped after SIGTERM, before step 2 "the second step" (second). Everything up to there is done and journaled.');
  });

  it("during a check's wait: the journal, the step and the summary name SIGTERM", async () => {
    const { result, events, summary, report } = await stopOn('wait', [mirror], 'waiting', 'SIGTERM');
    expect(result).toMatchObject({ status: 'stopped', reason: 'wait-stopped', step: 'mirror', stoppedBy: 'SIGTERM' });
    expect(events.find((e) => e.type === 'step-end')).toMatchObject({ status: 'failed', detail: 'the wait was interrupted by SIGTERM' });
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ reason: 'SIGTERM during the wait: the check had not passed yet' }]);
    expect(summary).toContain('The run stopped on SIGTERM during the wait of step 1');
    expect(report).not.toContain('Ctrl-C');
  });

  it('a Ctrl-C during the wait keeps its words', async () => {
    const { result, summary } = await stopOn('wait-ctrl-c', [mirror], 'waiting', 'SIGINT');
    expect(result).toMatchObject({ reason: 'wait-stopped', stoppedBy: 'Ctrl-C' });
    expect(summary).toContain('The run stopped on Ctrl-C during the wait of step 1');
  });
});
