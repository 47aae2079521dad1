// Rolling back to a restore point: its rollback steps run through the same handlers, journaled
// in the run's own journal (step ids "POINT/STEP"). An interrupted rollback, run again, skips
// the steps it had already finished.
import { stat } from 'node:fs/promises';
import type { JournalEvent } from '../model/journal.js';
import type { Plan, PlannedRestorePoint, PlannedStep } from '../model/plan.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import '../i18n/messages/rollback.js';
import { errorText, KilledByOperator, now, type StepOutcome } from './context.js';
import { killedBy, stoppedBy, stopReason } from './signals.js';
import { doneSteps, readJournal, type JournalRecord } from './journal.js';
import { JournalWriteError } from './journal-writer.js';
import { finish, journalRetry, type RunResult, type Session } from './session.js';
import { handlers } from './steps/index.js';
import { restorePointAt } from '../plan/restore-point.js';

/** The restore point in force after the steps done so far: that of the last one done. */
export function defaultRestorePoint(record: JournalRecord): string | undefined {
  const done = doneSteps(record.events);
  let point: string | undefined;
  for (const step of record.plan.steps) {
    if (!done.has(step.id)) continue;
    point = step.restorePoint ?? point;
  }
  return point;
}

/**
 * Why `--to POINT` may not be what the operator wants, or undefined when POINT is the one in
 * force: an earlier point does not undo the steps done since (ShareTask's link switched back
 * onto a database already upgraded), and a point no step done has reached undoes nothing done.
 */
export function rollbackMismatch(record: JournalRecord, pointId: string): { problem: string; inForce?: string } | undefined {
  const inForce = defaultRestorePoint(record);
  if (inForce === pointId) return undefined;
  const steps = record.plan.steps;
  const done = doneSteps(record.events);
  const covered = steps.findIndex((s, i) => done.has(s.id) && restorePointAt(steps, i) === pointId);
  if (covered < 0) return { problem: t('run.rollback.notReached', { point: pointId }), ...(inForce === undefined ? {} : { inForce }) };
  const later = steps.findIndex((s, i) => i > covered && done.has(s.id) && restorePointAt(steps, i) !== pointId);
  const step = steps[later];
  if (inForce === undefined || step === undefined) return undefined;
  const title = record.plan.restorePoints.find((p) => p.id === inForce)?.title ?? inForce;
  return { problem: t('run.rollback.notInForce', { point: pointId, inForce, inForceTitle: title, step: t('run.sum.step', { number: later + 1, title: step.title, id: step.id }) }), inForce };
}

export function findPoint(plan: Plan, id: string): PlannedRestorePoint {
  const point = plan.restorePoints.find((p) => p.id === id);
  if (!point) {
    const known = plan.restorePoints.map((p) => `  ${p.id}: ${p.title}`).join('\n') || `  ${t('run.rollback.none')}`;
    throw new InputError(t('run.rollback.unknownPoint', { point: id, known }));
  }
  return point;
}

/** What a rollback will do, for the operator to read before it runs. */
export function describeRollback(point: PlannedRestorePoint): string[] {
  const lines = [t('run.rollback.header', { point: point.id, title: point.title }), `  ${point.explain}`];
  point.rollback.forEach((step, i) => {
    lines.push(`  ${i + 1}. ${step.title}`);
    for (const l of handlers[step.kind].describe(step)) lines.push(`       ${l}`);
  });
  return lines;
}

/**
 * Steps finished by the earlier attempts at this rollback since it last completed: a failed or
 * stopped attempt (journaled 'failed') keeps what it finished, and so does the attempt after it.
 */
function finishedInUnfinishedAttempt(events: readonly JournalEvent[], point: string): Set<string> {
  let attempt: Set<string> | undefined;
  for (const e of events) {
    if (e.type === 'rollback' && e.point === point) {
      if (e.status === 'start') attempt ??= new Set();
      else if (e.status === 'done') attempt = undefined;
    } else if (attempt && e.type === 'step-end' && e.status !== 'failed' && e.step.startsWith(`${point}/`)) attempt.add(e.step);
  }
  return attempt ?? new Set();
}

/**
 * Archives the rollback's restore steps (those still to run) would restore from, and which are
 * not there: a rollback to a point whose backup never finished would otherwise set the current
 * installation aside, then fail at the restore, and leave nothing in its place.
 */
async function missingArchives(point: PlannedRestorePoint, earlier: Set<string>): Promise<string[]> {
  const missing: string[] = [];
  for (const step of point.rollback) {
    if (step.kind !== 'restore' || earlier.has(`${point.id}/${step.id}`) || typeof step.params.archive !== 'string') continue;
    if (!(await stat(step.params.archive).then((st) => st.isFile(), () => false))) missing.push(step.params.archive);
  }
  return missing;
}

export async function rollbackTo(s: Session, pointId: string): Promise<RunResult> {
  const point = findPoint(s.plan, pointId);
  const earlier = finishedInUnfinishedAttempt((await readJournal(s.journal.files.journal)).events, point.id);
  const missing = await missingArchives(point, earlier);
  if (missing.length > 0) {
    // Not journaled as a rollback: none of its steps ran, and the run stays where it was.
    const error = t('run.rollback.noArchive', { point: point.id, archives: missing.join(', ') });
    s.journal.log(error);
    return finish(s, 'failed', { reason: 'rollback-refused', step: point.id, error });
  }
  // The operator chose this rollback after any stop asked for before it (a Ctrl-C during the
  // step that then failed): that stop is not this rollback's. A Ctrl-C during the rollback is then
  // the second one, and stops it (the running command killed, the steps after it not run).
  const stopBefore = s.options.signal?.aborted === true;
  const stop = stopBefore ? s.options.killSignal : s.options.signal;
  const ctx = stopBefore ? { ...s.ctx, stop } : s.ctx;
  const total = point.rollback.length;
  let begun = false;
  for (let i = 0; i < total; i++) {
    const step: PlannedStep = { ...(point.rollback[i] as PlannedStep), id: `${point.id}/${(point.rollback[i] as PlannedStep).id}` };
    if (earlier.has(step.id)) continue;
    if (stop?.aborted) {
      s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: stopReason(stop), between: true });
      // Stopped before any step of it ran: no rollback was started, none failed.
      if (begun) s.journal.append({ type: 'rollback', time: now(), point: point.id, status: 'failed' });
      return finish(s, 'stopped', { reason: 'interrupted', step: step.id, stoppedBy: stoppedBy(stop) });
    }
    if (!begun) {
      s.journal.append({ type: 'rollback', time: now(), point: point.id, status: 'start' });
      s.journal.log(t('run.log.rollback', { point: point.id }));
      begun = true;
    }
    s.interaction.onStepStart?.(step, i, total);
    s.journal.append({ type: 'step-start', time: now(), step: step.id });
    let started = Date.now();
    const end = (status: 'done' | 'skipped' | 'failed', detail?: string): void => {
      s.journal.append({ type: 'step-end', time: now(), step: step.id, status, durationMs: Date.now() - started, ...(detail ? { detail } : {}) });
      s.interaction.onStepEnd?.(step, status, detail);
    };
    for (;;) {
      let outcome: StepOutcome;
      try {
        outcome = await handlers[step.kind].run(step, ctx);
      } catch (error) {
        // The log dir is full: not the step's failure, and a retry could not be recorded either.
        if (error instanceof JournalWriteError) throw error;
        const message = s.ctx.redact.text(errorText(error));
        const killed = error instanceof KilledByOperator;
        const choice = killed ? 'stop' : await s.interaction.onFailure(step, message, step.skippable ? ['retry', 'skip', 'stop'] : ['retry', 'stop']);
        if (choice === 'retry') {
          started = journalRetry(s, step.id, started, message);
          continue;
        }
        if (choice === 'skip') {
          end('skipped', message);
          break;
        }
        end('failed', message);
        s.journal.append({ type: 'rollback', time: now(), point: point.id, status: 'failed' });
        return finish(s, killed ? 'stopped' : 'failed', { reason: killed ? 'killed' : 'rollback-failed', step: step.id, error: message, ...(killed ? { killedBy: killedBy(s.options.killSignal) } : {}) });
      }
      // A manual rollback step the operator did not confirm stops the rollback there, as in the
      // run: it is not done, and the rollback run again asks it again.
      if (outcome.stopRun === 'declined') {
        end('failed', outcome.detail);
        s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: t('run.interrupt.declined'), declined: true });
        s.journal.append({ type: 'rollback', time: now(), point: point.id, status: 'failed' });
        return finish(s, 'stopped', { reason: 'declined', step: step.id });
      }
      end(outcome.status, outcome.detail);
      break;
    }
  }
  // Every step finished by an earlier attempt: this one only records the end.
  if (!begun) s.journal.append({ type: 'rollback', time: now(), point: point.id, status: 'start' });
  s.journal.append({ type: 'rollback', time: now(), point: point.id, status: 'done' });
  return finish(s, 'rolled-back', { step: point.id });
}
