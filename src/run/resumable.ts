// Finding the run to resume: the newest unfinished journal of this root, and where in it to go on.
// Kept apart from resume.ts (which runs the steps) so that the wizard's first screen can offer a
// resume without loading the executor and its step handlers.
import { resolve } from 'node:path';
import type { PlannedStep } from '../model/plan.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/args.js';
import { bootId } from './boot-id.js';
import { doneSteps, lastRunEnd, listJournals, type JournalRecord } from './journal.js';

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

/** The reboot step the run stopped for, when the machine has not rebooted since (same boot id). */
export function rebootMissing(point: ResumePoint): { number: number; step: PlannedStep } | undefined {
  if (!point.rebootBootId || point.rebootBootId !== bootId()) return undefined;
  const step = point.record.plan.steps[point.next - 1];
  return step ? { number: point.next, step } : undefined;
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
