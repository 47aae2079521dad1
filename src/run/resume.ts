// Resume: the newest unfinished run of this root continues where its journal says. Nothing
// is rebuilt (the journaled plan is the plan). A step that started but did not finish is
// re-checked first: its handler may prove it done; a harmless step runs again; anything else
// is the operator's call (interactive), or re-run only if marked idempotent, else a stop.
import { resolve } from 'node:path';
import type { Interaction } from '../model/interaction.js';
import type { PlannedStep } from '../model/plan.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { now } from './context.js';
import { continueRun } from './executor.js';
import { lastRunEnd, listJournals, type JournalRecord } from './journal.js';
import { doneSteps } from './rollback.js';
import { finish, openSession, type ExecuteOptions, type RunResult } from './session.js';
import { bootId } from './steps/reboot.js';
import { handlers } from './steps/index.js';

export interface ResumePoint {
  record: JournalRecord;
  /** Index of the first step not done or skipped (plan.steps.length when all are). */
  next: number;
  /** That step started in an earlier attempt and did not finish: it may have half-run. */
  halfRun?: { step: PlannedStep; startedAt: Date };
  /** The run stopped for a reboot; the boot id seen then (if known). */
  rebootBootId?: string;
}

export const sameRoot = (a: string, b: string): boolean => resolve(a || '/') === resolve(b || '/');

export function isFinished(record: JournalRecord): boolean {
  const end = lastRunEnd(record.events);
  return end !== undefined && (end.status === 'done' || end.status === 'rolled-back');
}

export function resumePointOf(record: JournalRecord): ResumePoint {
  const rollback = record.events.find((e) => e.type === 'rollback');
  if (rollback && rollback.type === 'rollback') throw new InputError(t('run.resume.afterRollback', { runId: record.runId, point: rollback.point }));
  const done = doneSteps(record.events);
  const steps = record.plan.steps;
  let next = steps.findIndex((s) => !done.has(s.id));
  if (next === -1) next = steps.length;
  const step = steps[next];
  const point: ResumePoint = { record, next };
  if (step) {
    let at = -1;
    record.events.forEach((e, i) => {
      if (e.type === 'step-start' && e.step === step.id) at = i;
    });
    const after = record.events.slice(at + 1);
    // A step that ended in a plain failure is simply run again; one cut short (a crash, a
    // kill, an unconfirmed checkpoint) may have done part of its work and is re-checked.
    const failed = after.some((e) => e.type === 'step-end' && e.step === step.id && e.status === 'failed');
    const cut = after.some((e) => e.type === 'interrupted' && e.step === step.id);
    const start = record.events[at];
    if (start && (!failed || cut)) point.halfRun = { step, startedAt: new Date(start.time) };
  }
  const ends = record.events.filter((e) => e.type === 'step-end' && e.status === 'done');
  const lastDone = ends[ends.length - 1];
  const lastStep = lastDone?.type === 'step-end' ? steps.find((s) => s.id === lastDone.step) : undefined;
  if (lastStep?.kind === 'reboot' && lastDone?.type === 'step-end') point.rebootBootId = /boot_id=([0-9a-f-]+)/.exec(lastDone.detail ?? '')?.[1];
  return point;
}

/** The newest unfinished run of this root; a clear refusal when there is none. */
export async function findResumable(logDir: string, root: string): Promise<ResumePoint> {
  const journals = await listJournals(logDir);
  const open = journals.filter((r) => !isFinished(r));
  const mine = open.find((r) => sameRoot(r.plan.root, root));
  if (mine) return resumePointOf(mine);
  if (open.length > 0) {
    const other = open[0] as JournalRecord;
    throw new InputError(t('run.resume.otherRoot', { runId: other.runId, root: other.plan.root || '/', given: root || '/' }));
  }
  throw new InputError(t('run.resume.none', { logDir }));
}

export interface ResumeOptions extends ExecuteOptions {
  /** Operator's decision for a half-run step, given on the command line. */
  rerunStep?: string;
  skipStep?: string;
}

export async function resume(point: ResumePoint, interaction: Interaction, options: ResumeOptions): Promise<RunResult> {
  const { record } = point;
  const s = openSession(record.plan, record.runId, interaction, options);
  const first = record.plan.steps[point.next];
  s.journal.append({ type: 'resume', time: now(), runId: record.runId, ...(first ? { from: first.id } : {}) });
  s.journal.log(t('run.log.resume', { runId: record.runId, step: first?.id ?? '-' }));
  if (point.rebootBootId && point.rebootBootId === (await bootId())) {
    s.journal.log(t('run.resume.notRebooted'));
    interaction.onOutput?.(record.plan.steps[point.next - 1] as PlannedStep, t('run.resume.notRebooted'));
  }
  let from = point.next;
  const half = point.halfRun;
  if (half) {
    const { step } = half;
    const handler = handlers[step.kind];
    const decided = options.skipStep === step.id ? 'skip' : options.rerunStep === step.id ? 'retry' : undefined;
    let action: 'done' | 'retry' | 'skip' | 'stop';
    const isDone = decided ? undefined : await handler.isDone?.(step, { ...s.ctx, startedAt: half.startedAt });
    if (decided) action = decided;
    else if (isDone === true) action = 'done';
    else if (isDone === false || handler.repeatable || step.params.idempotent === true) action = 'retry';
    else {
      const message = t('run.resume.halfRun', { step: step.id, title: step.title, check: step.check ?? t('run.resume.checkByHand') });
      const choice = await interaction.onFailure(step, message, ['retry', 'skip', 'stop']);
      action = choice === 'retry' || choice === 'skip' ? choice : 'stop';
      if (action === 'stop') {
        s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: message });
        return finish(s, 'stopped', { reason: 'half-run', step: step.id, error: message });
      }
    }
    s.journal.log(t('run.log.recheck', { id: step.id, action }));
    if (action === 'done' || action === 'skip') {
      if (action === 'skip') s.journal.append({ type: 'confirm', time: now(), step: step.id, by: s.ctx.confirmedBy, reason: t('run.resume.markedDone') });
      const detail = action === 'done' ? t('run.resume.foundDone') : t('run.resume.markedDone');
      s.journal.append({ type: 'step-end', time: now(), step: step.id, status: action === 'done' ? 'done' : 'skipped', durationMs: 0, detail });
      interaction.onStepEnd?.(step, action === 'done' ? 'done' : 'skipped', detail);
      from += 1;
    }
  }
  return continueRun(s, from);
}
