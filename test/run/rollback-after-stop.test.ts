// A Ctrl-C pressed while a step ran, then (the step having failed) "roll back" chosen and
// confirmed: the rollback was cancelled before its first step, and the report said
// "rp: started" then "rp: failed". The operator's choice after the Ctrl-C wins now: the rollback
// runs whole. A Ctrl-C during the rollback still stops it; one stopped before its first step is
// not journaled as a rollback that started and failed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const mark = (id: string, file: string, fail = false): PlannedStep =>
  step('command', {}, { id, title: `Step ${id}`, commands: [['perl', '-e', `open(my $f, '>>', '${file}'); print $f "${id}\\n";${fail ? ' exit 3;' : ''}`]] });

function setUp(prefix: string) {
  const dir = tempDir(prefix);
  const file = join(dir, 'ran');
  const p = plan([mark('a', file), mark('upgrade', file, true)].map((s) => ({ ...s, restorePoint: 'rp' })), {
    restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [mark('undo-1', file), mark('undo-2', file)] }],
  });
  return { dir, file, p, logDir: join(dir, 'log'), stop: new AbortController(), kill: new AbortController() };
}
const rollbacks = (events: JournalEvent[]) => events.flatMap((e) => (e.type === 'rollback' ? [e.status] : []));
const ran = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('a rollback chosen after a Ctrl-C', () => {
  it('runs whole: the stop asked for before it was chosen is not its stop', async () => {
    const { file, p, logDir, stop, kill } = setUp('uw-rb-after-stop-');
    const ui = new Recorder({ failure: ['rollback'] });
    // Ctrl-C while the upgrade runs; it then fails, and the operator chooses to roll back.
    ui.onStepStart = (s) => {
      if (s.id === 'upgrade') stop.abort();
    };
    const result = await execute(p, ui, { logDir, root: '', signal: stop.signal, killSignal: kill.signal });
    expect(result).toMatchObject({ status: 'rolled-back', step: 'rp' });
    expect(ran(file)).toEqual(['a', 'upgrade', 'undo-1', 'undo-2']);
    const { events } = await readJournal(result.files!.journal);
    expect(rollbacks(events)).toEqual(['start', 'done']);
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).not.toMatch(/rp: failed/);
  });

  it('a further Ctrl-C during that rollback stops it before its next step', async () => {
    const { file, p, logDir, stop, kill } = setUp('uw-rb-after-stop-2-');
    const ui = new Recorder({ failure: ['rollback'] });
    ui.onStepStart = (s) => {
      if (s.id === 'upgrade') stop.abort();
    };
    // The second Ctrl-C (the first was before the rollback) comes while undo-1 runs.
    ui.onStepEnd = (s) => {
      if (s.id === 'rp/undo-1') kill.abort();
    };
    const result = await execute(p, ui, { logDir, root: '', signal: stop.signal, killSignal: kill.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'interrupted', step: 'rp/undo-2' });
    expect(ran(file)).toEqual(['a', 'upgrade', 'undo-1']);
    expect(rollbacks((await readJournal(result.files!.journal)).events)).toEqual(['start', 'failed']);
  });

  it('without an earlier Ctrl-C, one during the rollback stops it after its running step, as before', async () => {
    const { file, p, logDir, stop, kill } = setUp('uw-rb-stop-during-');
    const ui = new Recorder({ failure: ['rollback'] });
    ui.onStepEnd = (s) => {
      if (s.id === 'rp/undo-1') stop.abort();
    };
    const result = await execute(p, ui, { logDir, root: '', signal: stop.signal, killSignal: kill.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'interrupted', step: 'rp/undo-2' });
    expect(ran(file)).toEqual(['a', 'upgrade', 'undo-1']);
    expect(rollbacks((await readJournal(result.files!.journal)).events)).toEqual(['start', 'failed']);
  });

  it('stopped before its first step, it is not journaled as a rollback started and failed', async () => {
    const { file, p, logDir, stop, kill } = setUp('uw-rb-not-started-');
    const ui = new Recorder({ failure: ['rollback'] });
    // Both presses before the rollback's first step: it stops there.
    const asked = ui.onFailure.bind(ui);
    ui.onFailure = async (s, e, c) => {
      stop.abort();
      kill.abort();
      return asked(s, e, c);
    };
    const result = await execute(p, ui, { logDir, root: '', signal: stop.signal, killSignal: kill.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'interrupted', step: 'rp/undo-1' });
    expect(ran(file)).toEqual(['a', 'upgrade']);
    const { events } = await readJournal(result.files!.journal);
    expect(rollbacks(events)).toEqual([]);
    expect(events.find((e) => e.type === 'interrupted')).toMatchObject({ step: 'rp/undo-1', between: true });
    expect(readFileSync(result.files!.report, 'utf8')).not.toMatch(/rp: (started|failed)/);
  });
});
