// The kill of a running command names the two stop requests as they came (real signals to this
// process): SIGTERM then Ctrl-C is neither "Ctrl-C pressed twice" nor "SIGTERM twice"; the
// journal, the step's detail, the summary and the report say the Ctrl-C came while the run was
// already stopping.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { watchInterrupts } from '../../src/run/signals.js';
import { summarize } from '../../src/run/summary.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const dir = tempDir('uw-kill-cause-');
const savedPath = process.env.PATH;
beforeAll(() => {
  // A stand-in on PATH that says it is ready, then waits to be killed.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'held-job'), '#!/bin/sh\necho ready\nwhile :; do sleep 0.1; done\n');
  chmodSync(join(dir, 'bin', 'held-job'), 0o755);
  process.env.PATH = `${join(dir, 'bin')}:${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
});

/** Runs held-job; once it is ready sends `first`, and `second` once the first has been taken. */
async function stoppedBy(first: NodeJS.Signals, second: NodeJS.Signals) {
  const said: string[] = [];
  const interrupts = watchInterrupts((text) => {
    said.push(text);
    if (said.length === 1) process.kill(process.pid, second);
  });
  const ui = new Recorder();
  ui.onOutput = (_s, chunk) => {
    ui.output.push(chunk);
    if (chunk.includes('ready')) process.kill(process.pid, first);
  };
  const p = plan([step('command', {}, { id: 'job', title: 'a held job', commands: [['held-job']] })]);
  try {
    const result = await execute(p, ui, { logDir: join(dir, `log-${first}-${second}`), root: '', signal: interrupts.signal, killSignal: interrupts.killSignal });
    return { result, said, plan: p };
  } finally {
    interrupts.dispose();
  }
}

describe('the kill of a running command, by two different stop requests', () => {
  it('SIGTERM, then Ctrl-C: said as a Ctrl-C while the run was already stopping', async () => {
    const { result, said, plan: p } = await stoppedBy('SIGTERM', 'SIGINT');
    expect(said).toEqual([expect.stringContaining('*** SIGTERM'), '*** Ctrl-C again: killing the running command.']);
    expect(result).toMatchObject({ status: 'stopped', reason: 'killed', step: 'job', killedBy: 'late-ctrl-c' });
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ step: 'job', reason: 'Ctrl-C while the run was already stopping: the running command was killed' }]);
    expect(events.find((e) => e.type === 'step-end')).toMatchObject({ status: 'failed', detail: 'held-job was killed on Ctrl-C, which came while the run was already stopping' });
    const { lines } = summarize(p, result, { root: '', logDir: dir });
    expect(lines[0]).toBe('The run stopped on Ctrl-C, which came while it was already stopping: step 1 "a held job" (job) was killed and is not done.');
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain('Ctrl-C while the run was already stopping: the running command was killed');
    expect(report).not.toMatch(/Ctrl-C pressed twice|SIGTERM received twice/);
  });

  it('Ctrl-C, then SIGTERM: said as a SIGTERM while the run was already stopping', async () => {
    const { result, plan: p } = await stoppedBy('SIGINT', 'SIGTERM');
    expect(result).toMatchObject({ status: 'stopped', reason: 'killed', killedBy: 'late-sigterm' });
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ reason: 'SIGTERM while the run was already stopping: the running command was killed' }]);
    expect(summarize(p, result, { root: '', logDir: dir }).lines[0]).toContain('The run stopped on SIGTERM, which came while it was already stopping');
  });

  it('Ctrl-C twice keeps its words', async () => {
    const { result, plan: p } = await stoppedBy('SIGINT', 'SIGINT');
    expect(result).toMatchObject({ reason: 'killed', killedBy: 'ctrl-c' });
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ reason: 'Ctrl-C pressed twice: the running command was killed' }]);
    expect(summarize(p, result, { root: '', logDir: dir }).lines[0]).toBe('The run stopped after Ctrl-C twice: step 1 "a held job" (job) was killed and is not done.');
  });
});
