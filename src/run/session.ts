// One process's part of a run: the plan, the journal it appends to, the driver, and how the
// run ends (journal event, report). Shared by a fresh run, resume and rollback.
import { mkdirSync } from 'node:fs';
import type { Interaction } from '../model/interaction.js';
import type { JournalEvent } from '../model/journal.js';
import type { Plan } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { now, type StepContext } from './context.js';
import { lastStepEnds, readJournal, type RunFiles } from './journal.js';
import { JournalWriteError, JournalWriter } from './journal-writer.js';
import { Redactor } from './redact.js';
import { writeReport } from './report.js';
import { lockRun, type RunLock } from './lock.js';
import type { KilledBy } from './signals.js';

export interface ExecuteOptions {
  logDir: string;
  /** The --root given to the command ("" for the real machine); steps use the plan's own root. */
  root: string;
  dryRun?: boolean;
  /** First Ctrl-C: finish the running step, then stop. */
  signal?: AbortSignal;
  /** Second Ctrl-C: kill the running child too. */
  killSignal?: AbortSignal;
  /** Who confirms manual steps: the screens ('operator', default) or `run --yes`. */
  confirmedBy?: 'operator' | '--yes';
  /** Secret answers (never in the plan): handed to commands as 0600 files, masked everywhere. */
  secrets?: Record<string, string>;
  /** Kept in the journal for the commands its report and later summaries show (Place.envPrefix). */
  envPrefix?: string;
  /**
   * The log dir's run lock, when the command took it before it read the journal and asked (what
   * it read cannot change under it then): the session names its run in it and leaves giving it
   * back to the command. Without it the session takes its own.
   */
  lock?: RunLock;
}

export type RunStatus = 'done' | 'stopped' | 'failed' | 'rolled-back' | 'dry-run';
export type StopReason = 'interrupted' | 'killed' | 'wait-stopped' | 'reboot' | 'declined' | 'failure' | 'half-run' | 'rollback-failed' | 'rollback-refused';

export interface RunResult {
  runId: string;
  status: RunStatus;
  reason?: StopReason;
  /** The step where the run stopped or failed. */
  step?: string;
  /** Of a run stopped with its command killed: what killed it (src/run/signals.ts). */
  killedBy?: KilledBy;
  /** Of a run stopped between steps or in a wait: what stopped it, in a few words ("SIGTERM"). */
  stoppedBy?: string;
  error?: string;
  files?: RunFiles;
  /** Of a finished run: the steps that ended skipped (by the operator, or not applying here). */
  skipped?: string[];
}

export interface Session {
  plan: Plan;
  interaction: Interaction;
  journal: JournalWriter;
  ctx: StepContext;
  options: ExecuteOptions;
  /** Gives the log dir's run lock back (src/run/lock.ts). */
  unlock: () => void;
}

export function openSession(plan: Plan, runId: string, interaction: Interaction, options: ExecuteOptions): Session {
  mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
  // Before the journal is touched: a refused process leaves no trace of a run.
  const lock = options.lock;
  lock?.name(runId);
  const unlock = lock ? () => undefined : lockRun(options.logDir, runId);
  const redact = new Redactor();
  for (const value of Object.values(options.secrets ?? {})) redact.addSecret(value);
  let journal: JournalWriter;
  try {
    journal = new JournalWriter(options.logDir, runId, redact);
  } catch (error) {
    unlock();
    throw error;
  }
  const ctx: StepContext = {
    plan,
    root: plan.root,
    interaction,
    journal,
    redact,
    confirmedBy: options.confirmedBy ?? 'operator',
    kill: options.killSignal,
    stop: options.signal,
    ...(options.secrets ? { secrets: options.secrets } : {}),
  };
  return { plan, interaction, journal, ctx, options, unlock };
}

/** Ends this process's part of the run: run-end event, the Markdown report, files closed. */
/**
 * A failed attempt the operator chose to run again, in the run or a rollback: it ends failed in
 * the journal (the report lists it) and a new attempt starts, so a crash during the retry is a
 * step begun and not ended, re-checked on resume. Returns when the new attempt started.
 */
export function journalRetry(s: Session, step: string, startedMs: number, error: string): number {
  s.journal.append({ type: 'step-end', time: now(), step, status: 'failed', durationMs: Date.now() - startedMs, detail: t('run.retryChosen', { error }) });
  s.journal.append({ type: 'step-start', time: now(), step });
  return Date.now();
}

/**
 * The session's work; when its journal cannot be written (a full log dir), its files are closed
 * and its lock released before the error goes on: finish() never ran, and the process may go on
 * (the screens show the error), holding both.
 */
export async function closeOnWriteFailure(s: Session, work: Promise<RunResult>): Promise<RunResult> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof JournalWriteError) {
      s.journal.close();
      s.unlock();
    }
    throw error;
  }
}

export async function finish(s: Session, status: Exclude<RunStatus, 'dry-run'>, extra: Omit<RunResult, 'runId' | 'status' | 'files'> = {}): Promise<RunResult> {
  const files = s.journal.files;
  // A stop is not an end for the journal when the run can be resumed; it still gets a report.
  s.journal.append({ type: 'run-end', time: now(), status: status === 'done' || status === 'rolled-back' || status === 'stopped' ? status : 'failed', report: files.report });
  s.journal.log(t('run.log.end', { status, reason: extra.reason ?? '-' }));
  let skipped: string[] = [];
  try {
    const record = await readJournal(files.journal);
    await writeReport(record, files, s.ctx.redact);
    if (status === 'done') skipped = skippedSteps(s.plan, record.events);
  } finally {
    s.journal.close();
    s.unlock();
  }
  return { runId: s.journal.runId, status, files, ...extra, ...(skipped.length > 0 ? { skipped } : {}) };
}

/** Steps of the plan whose last end was "skipped": a finished run is not "all done" then. */
function skippedSteps(plan: Plan, events: readonly JournalEvent[]): string[] {
  const last = lastStepEnds(events);
  return plan.steps.filter((step) => last.get(step.id)?.status === 'skipped').map((step) => step.id);
}
