// What the journal and the report say when the operator skips: an optional manual step skipped
// at its prompt, a stopped checkpoint skipped with resume --skip-step, a half-run step on resume
// (it completed / skip / run again). A skip is never journaled as a confirmation that it was done.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { ManualAnswer } from '../../src/model/interaction.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { NonInteractive } from '../../src/run/noninteractive.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { deleteFiles } from '../../src/run/steps/delete-files.js';
import { context, plan, Recorder, step, tempDir } from './ctx.js';

/** Answers each manual step by its id (default: done). */
class ByStep extends Recorder {
  constructor(private readonly byStep: Record<string, ManualAnswer>) {
    super();
  }
  override async confirmManual(s: PlannedStep): Promise<ManualAnswer> {
    this.manualAsked.push(s);
    return this.byStep[s.id] ?? 'done';
  }
}

const events = async (file: string): Promise<JournalEvent[]> => (await readJournal(file)).events;
const confirmsOf = (evs: JournalEvent[], id: string) => evs.filter((e) => e.type === 'confirm' && e.step === id);
const endOf = (evs: JournalEvent[], id: string) => evs.filter((e) => e.type === 'step-end' && e.step === id).at(-1);
const mark = (id: string, file: string, extra: Partial<PlannedStep> = {}): PlannedStep =>
  step('command', {}, { id, title: `step ${id}`, commands: [['perl', '-e', `open(my $f, '>>', '${file}'); print $f "${id}\\n";`]], ...extra });

const backup = (skippable: boolean): PlannedStep =>
  step('manual', {}, { id: 'backup-new', title: 'Back up the Version 6 environment (recommended)', manual: true, skippable, instructions: 'Back it up.', checklist: ['backup taken', 'copy kept off the server'] });

describe('an optional manual step skipped by the operator', () => {
  it('is journaled as skipped by the operator, not confirmed, and the run goes on', async () => {
    const dir = tempDir('uw-skip-');
    const file = join(dir, 'ran');
    const p = plan([backup(true), mark('after', file)]);
    const result = await execute(p, new ByStep({ 'backup-new': 'skip' }), { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('done');
    expect(readFileSync(file, 'utf8')).toBe('after\n');
    const evs = await events(result.files!.journal);
    expect(confirmsOf(evs, 'backup-new')).toEqual([]);
    expect(endOf(evs, 'backup-new')).toMatchObject({ status: 'skipped', detail: 'by the operator, not done: the procedure says this step is optional' });
    const report = readFileSync(result.files!.report, 'utf8');
    const confirmed = report.slice(report.indexOf('## Confirmed by hand'), report.indexOf('## ', report.indexOf('## Confirmed by hand') + 3));
    expect(confirmed).not.toContain('Back up the Version 6 environment');
    expect(report).toMatch(/\| Back up the Version 6 environment \(recommended\) \(backup-new\) \| skipped \|/);
  });

  it('a skip answered for a step the procedure does not call optional stops the run instead', async () => {
    const dir = tempDir('uw-skip-');
    const file = join(dir, 'ran');
    const result = await execute(plan([backup(false), mark('after', file)]), new ByStep({ 'backup-new': 'skip' }), { logDir: join(dir, 'log'), root: '' });
    expect(result).toMatchObject({ status: 'stopped', reason: 'declined', step: 'backup-new' });
    expect(existsSync(file)).toBe(false);
  });

  it('--yes confirms an optional step as before: confirmed by --yes, done', async () => {
    const dir = tempDir('uw-skip-');
    const said: string[] = [];
    const result = await execute(plan([backup(true)]), new NonInteractive((s) => void said.push(s)), { logDir: join(dir, 'log'), root: '', confirmedBy: '--yes' });
    expect(result.status).toBe('done');
    const evs = await events(result.files!.journal);
    expect(endOf(evs, 'backup-new')).toMatchObject({ status: 'done' });
    expect(confirmsOf(evs, 'backup-new').map((e) => e.type === 'confirm' && e.by)).toEqual(['--yes', '--yes', '--yes']);
  });
});

describe('resume --skip-step', () => {
  it('on a checkpoint the operator stopped at: journaled as skipped with --skip-step, never as confirmed done', async () => {
    const dir = tempDir('uw-skip-');
    const logDir = join(dir, 'log');
    const file = join(dir, 'ran');
    const p = plan([backup(true), mark('after', file)]);
    const first = await execute(p, new ByStep({ 'backup-new': 'stop' }), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'stopped', reason: 'declined' });
    const point = await findResumable(logDir, '');
    expect(point.halfRun).toMatchObject({ step: { id: 'backup-new' }, declined: true });
    const ui = new Recorder();
    const r = await resume(point, ui, { logDir, root: '', skipStep: 'backup-new', confirmedBy: 'operator' });
    expect(r.status).toBe('done');
    expect(ui.manualAsked).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('after\n');
    const evs = await events(first.files!.journal);
    expect(confirmsOf(evs, 'backup-new')).toEqual([]);
    expect(endOf(evs, 'backup-new')).toMatchObject({ status: 'skipped', detail: 'on resume, by --skip-step (the operator): not run again, not confirmed as done' });
    const report = readFileSync(first.files!.report, 'utf8');
    expect(report).not.toContain('marked as done by the operator');
    expect(report).not.toContain('step confirmed as done');
  });
});

describe('a half-run step on resume', () => {
  /** A journal cut right after the step-start of `id`, as a kill -9 inside it leaves it. */
  async function cutInside(steps: PlannedStep[], id: string): Promise<{ logDir: string; journal: string }> {
    const dir = tempDir('uw-half-');
    const whole = await execute(plan(steps), new Recorder(), { logDir: join(dir, 'whole'), root: '' });
    const lines = readFileSync(whole.files!.journal, 'utf8').split('\n').filter(Boolean);
    const at = lines.findIndex((l) => l.includes('"type":"step-start"') && l.includes(`"step":"${id}"`));
    const logDir = join(dir, 'log');
    mkdirSync(logDir);
    const journal = join(logDir, whole.files!.journal.split('/').pop() as string);
    writeFileSync(journal, `${lines.slice(0, at + 1).join('\n')}\n`);
    return { logDir, journal };
  }

  it('offers "It completed: mark it done" and no skip when the step is not optional; marking it done is the operator\'s confirmation', async () => {
    const dir = tempDir('uw-half-');
    const file = join(dir, 'ran');
    const { logDir, journal } = await cutInside([mark('stop-ms', file), mark('after', file)], 'stop-ms');
    writeFileSync(file, '');
    const ui = new Recorder({ failure: ['markDone'] });
    const r = await resume(await findResumable(logDir, ''), ui, { logDir, root: '', confirmedBy: 'operator' });
    expect(r.status).toBe('done');
    expect(ui.failures[0]?.choices).toEqual(['retry', 'markDone', 'stop']);
    // Not run again: only the step after it ran.
    expect(readFileSync(file, 'utf8')).toBe('after\n');
    const evs = await events(journal);
    expect(confirmsOf(evs, 'stop-ms')).toMatchObject([{ by: 'operator', reason: 'marked as done by the operator on resume' }]);
    // Done, not skipped: the report's table and the run's count say the step was done.
    expect(endOf(evs, 'stop-ms')).toMatchObject({ status: 'done', detail: 'marked as done by the operator on resume' });
    expect(r.skipped ?? []).toEqual([]);
  });

  it('offers skip for an optional step; skipped, nothing is confirmed', async () => {
    const dir = tempDir('uw-half-');
    const file = join(dir, 'ran');
    const { logDir, journal } = await cutInside([mark('opt', file, { skippable: true }), mark('after', file)], 'opt');
    const ui = new Recorder({ failure: ['skip'] });
    const r = await resume(await findResumable(logDir, ''), ui, { logDir, root: '', confirmedBy: 'operator' });
    expect(r.status).toBe('done');
    expect(ui.failures[0]?.choices).toEqual(['retry', 'markDone', 'skip', 'stop']);
    const evs = await events(journal);
    expect(confirmsOf(evs, 'opt')).toEqual([]);
    expect(endOf(evs, 'opt')).toMatchObject({ status: 'skipped', detail: 'on resume, by the operator, not done: the procedure says this step is optional' });
  });

  it('a skip for a step that is not optional is taken as a stop', async () => {
    const dir = tempDir('uw-half-');
    const file = join(dir, 'ran');
    const { logDir } = await cutInside([mark('stop-ms', file), mark('after', file)], 'stop-ms');
    writeFileSync(file, '');
    const r = await resume(await findResumable(logDir, ''), new Recorder({ failure: ['skip'] }), { logDir, root: '', confirmedBy: 'operator' });
    expect(r).toMatchObject({ status: 'stopped', reason: 'half-run', step: 'stop-ms' });
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

describe('delete-files asks to delete, not whether a manual step was done', () => {
  it('the item to tick is the deletion itself, with where the copies go', async () => {
    const dir = tempDir('uw-del-');
    const sys = join(dir, 'system32');
    mkdirSync(sys);
    for (const f of ['necjcsock.dll', 'NECJCEX.DLL', 'kernel32.dll']) writeFileSync(join(sys, f), f);
    const ui = new Recorder({ manual: 'stop' });
    const ctx = context(ui);
    const s = step('delete-files', { dir: sys, files: ['nec*'], ignoreCase: true }, { id: 'del' });
    const out = await deleteFiles.run(s, ctx);
    expect(out).toMatchObject({ status: 'skipped', stopRun: 'declined' });
    expect(ui.manualAsked[0]?.manual).toBe(false);
    expect(ui.manualAsked[0]?.checklist).toEqual([`Delete these 2 item(s) (a copy of each is kept in ${join(ctx.logDir, `deleted-${ctx.journal!.runId}`, 'del')})`]);
    expect(existsSync(join(sys, 'necjcsock.dll'))).toBe(true);
  });
});
