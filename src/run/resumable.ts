// Finding the run to resume: the newest unfinished journal of this root, and where in it to go on.
// Kept apart from resume.ts (which runs the steps) so that the wizard's first screen can offer a
// resume without loading the executor and its step handlers.
import { resolve } from 'node:path';
import type { JournalEvent } from '../model/journal.js';
import type { PlannedStep } from '../model/plan.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/args.js';
import { bootId } from './boot-id.js';
import { readableProbe } from '../plan/probe.js';
import { doneSteps, lastRunEnd, listJournals, type JournalRecord } from './journal.js';
import { rollbackCommand, runPlace, selfCommand } from './summary.js';

export interface ResumePoint {
  record: JournalRecord;
  /** Index of the first step not done or skipped (plan.steps.length when all are). */
  next: number;
  /**
   * That step started in an earlier attempt and did not finish: it may have half-run. probedOnly:
   * no process of its own had started, only its probe (onlyProbed()).
   */
  halfRun?: { step: PlannedStep; startedAt: Date; declined?: true; probedOnly?: true };
  /** The run stopped for a reboot; the boot id seen then (if known). */
  rebootBootId?: string;
}

export const sameRoot = (a: string, b: string): boolean => resolve(a || '/') === resolve(b || '/');

export function isFinished(record: JournalRecord): boolean {
  const end = lastRunEnd(record.events);
  return end !== undefined && (end.status === 'done' || end.status === 'rolled-back');
}

/** An unfinished run whose rollback did not finish: it cannot be resumed, only rolled back to the end. */
export class UnfinishedRollback extends InputError {
  constructor(
    message: string,
    /** The run's product, for the advice to start over with run --new-run. */
    readonly product: string,
  ) {
    super(message);
  }
}

/** The restore point of the run's last rollback, if it ever rolled back (then it cannot be resumed). */
export function lastRollbackPoint(record: JournalRecord): string | undefined {
  let point: string | undefined;
  for (const e of record.events) if (e.type === 'rollback') point = e.point;
  return point;
}

/** `place`: where the run was found, so that the command to finish a rollback names it in full. */
export function resumePointOf(record: JournalRecord, place?: { root: string; logDir: string }): ResumePoint {
  const rollback = lastRollbackPoint(record);
  if (rollback !== undefined) {
    const command = place ? rollbackCommand({ ...runPlace(record, place.root, place.logDir), unattended: false }, rollback) : selfCommand(['rollback']);
    throw new UnfinishedRollback(t('run.resume.afterRollback', { runId: record.runId, point: rollback, command }), record.plan.product);
  }
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
    const cut = after.filter((e) => e.type === 'interrupted' && e.step === step.id);
    const start = record.events[at];
    const declined = cut.some((e) => e.type === 'interrupted' && e.declined === true);
    if (start && (!failed || cut.length > 0)) {
      point.halfRun = { step, startedAt: new Date(start.time), ...(declined ? { declined } : {}), ...(onlyProbed(record.events, step) ? { probedOnly: true as const } : {}) };
    }
  }
  const ends = record.events.filter((e) => e.type === 'step-end' && e.status === 'done');
  const lastDone = ends[ends.length - 1];
  const lastStep = lastDone?.type === 'step-end' ? steps.find((s) => s.id === lastDone.step) : undefined;
  if (lastStep?.kind === 'reboot' && lastDone?.type === 'step-end') point.rebootBootId = /boot_id=([0-9a-f-]+)/.exec(lastDone.detail ?? '')?.[1];
  return point;
}

/**
 * The step the run stopped at, when `id` names it, no step was cut short and the procedure calls
 * it optional: resume --skip-step goes on without it (a failed nqsstop that found no daemon is
 * otherwise a dead end without the screens).
 */
export function optionalSkipAt(point: ResumePoint, id: string | undefined): PlannedStep | undefined {
  const next = point.record.plan.steps[point.next];
  return id !== undefined && !point.halfRun && next?.id === id && next.skippable ? next : undefined;
}

const sameArgv = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * True when the last attempt of command step `step` started no process but its probe (skipWhen):
 * cut short while it looked whether its work was already done, it had done none of it, and resume
 * runs it again (the probe first, as always) instead of asking whether it completed.
 */
export function onlyProbed(events: readonly JournalEvent[], step: PlannedStep): boolean {
  const argv = readableProbe(step)?.argv;
  if (argv === undefined) return false;
  let at = -1;
  events.forEach((e, i) => {
    if (e.type === 'step-start' && e.step === step.id) at = i;
  });
  return at !== -1 && events.slice(at + 1).every((e) => e.type !== 'command-start' || e.step !== step.id || sameArgv(e.argv, argv));
}

/**
 * Whether resume goes on by itself after `step` was cut short: its handler checks whether it
 * finished, or running it again is harmless. Otherwise resume stops and asks for --rerun-step or
 * --skip-step (src/run/resume.ts decides the same way).
 */
export function resumeRechecks(step: PlannedStep, handler: { isDone?: unknown; repeatable?: boolean }): boolean {
  return handler.isDone !== undefined || handler.repeatable === true || step.params.idempotent === true;
}

/** The reboot step the run stopped for, when the machine has not rebooted since (same boot id). */
export function rebootMissing(point: ResumePoint): { number: number; step: PlannedStep } | undefined {
  if (!point.rebootBootId || point.rebootBootId !== bootId()) return undefined;
  const step = point.record.plan.steps[point.next - 1];
  return step ? { number: point.next, step } : undefined;
}

/**
 * Whether the machine has restarted since the step before reboot step `index` began: a step that
 * shuts the machine down (clpdown, a shutdown from WebManager) may take it down before the run
 * records the step, so the restart the reboot step asks for has already happened. Each event's
 * boot id is the one its process noted in run-start or resume (a process does not outlive a
 * reboot). A manual step asked again after the restart counts from its first asking (the
 * operator only confirms what was done before); a command run again counts from its last run,
 * whose work the reboot must follow. Journals without boot ids never count a reboot as done.
 */
export function rebootedSince(events: readonly JournalEvent[], steps: readonly PlannedStep[], index: number, now = bootId()): PlannedStep | undefined {
  const before = index > 0 ? steps[index - 1] : undefined;
  if (!before || now === '') return undefined;
  let boot = '';
  const boots: string[] = [];
  const starts: number[] = [];
  events.forEach((e, i) => {
    if (e.type === 'run-start' || e.type === 'resume') boot = e.boot ?? '';
    boots.push(boot);
    if (e.type === 'step-start' && e.step === before.id) starts.push(i);
    // An attempt that ended in a failure (or a declined checkpoint) is over: count from the next one.
    if (e.type === 'step-end' && e.step === before.id && e.status === 'failed') starts.length = 0;
  });
  const from = before.manual ? starts[0] : starts[starts.length - 1];
  if (from === undefined) return undefined;
  return boots.slice(from).some((b) => b !== '' && b !== now) ? before : undefined;
}

/** The newest unfinished run of this root; a clear refusal when there is none. */
export async function findResumable(logDir: string, root: string): Promise<ResumePoint> {
  const journals = await listJournals(logDir);
  const open = journals.filter((r) => !isFinished(r));
  const mine = open.find((r) => sameRoot(r.plan.root, root));
  if (mine) return resumePointOf(mine, { root, logDir });
  if (open.length > 0) {
    const other = open[0] as JournalRecord;
    throw new InputError(t('run.resume.otherRoot', { runId: other.runId, root: other.plan.root || '/', given: root || '/' }));
  }
  throw new InputError(t('run.resume.none', { logDir }));
}
