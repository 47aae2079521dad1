// What `run`, `resume` and `rollback` do alike around their own checks: where they act, the log
// dir's lock, and the steps run stoppable by Ctrl-C and SIGTERM, ending in the same summary.
import { resolve } from 'node:path';
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import { DEFAULT_LOG_DIR, readJournal, type JournalRecord } from '../run/journal.js';
import { enterRoot } from '../run/root-log-dirs.js';
import { takeRunLock, type RunLock } from '../run/lock.js';
import { onlyProbed, resumeRechecks } from '../run/resumable.js';
import type { ExecuteOptions, RunResult } from '../run/session.js';
import { watchInterrupts } from '../run/signals.js';
import { handlers } from '../run/steps/index.js';
import { summarize, type Place } from '../run/summary.js';

export const say = (s: string): void => void process.stdout.write(`${s}\n`);

/** The mode's --help text; the exit code of asking for it. */
export function printHelp(key: string): number {
  process.stdout.write(t(key));
  return 0;
}

/** --root ("" for the real machine) and --log-dir as absolute paths, as journals and locks name them. */
export function rootAndLogDir(o: { root?: string; 'log-dir'?: string }): { root: string; logDir: string } {
  return { root: o.root ? resolve(o.root) : '', logDir: resolve(o['log-dir'] ?? DEFAULT_LOG_DIR) };
}

/**
 * body with the log dir's run lock held, given back however body ends; refused first while a
 * process works with another log dir of the root (src/run/root-log-dirs.ts). body gets the other
 * log dirs' journals of this root.
 */
export async function withRunLock<T>(place: { root: string; logDir: string }, body: (lock: RunLock, others: JournalRecord[]) => Promise<T>): Promise<T> {
  const lock = takeRunLock(place.logDir);
  try {
    return await body(lock, await enterRoot(place.root, place.logDir));
  } finally {
    lock.release();
  }
}

/**
 * Runs what go starts with the first Ctrl-C or SIGTERM stopping after the running step and the
 * second killing it; prints the summary and returns its exit code. yes: --yes confirmed the
 * manual steps, and the commands the summary shows keep it (without, they are for a terminal).
 */
export async function runToSummary(plan: Plan, place: Place, how: { yes: boolean; lock: RunLock }, go: (options: ExecuteOptions) => Promise<RunResult>): Promise<number> {
  const interrupts = watchInterrupts(say);
  try {
    const { root, logDir } = place;
    const result = await go({ logDir, root, signal: interrupts.signal, killSignal: interrupts.killSignal, confirmedBy: how.yes ? '--yes' : 'operator', lock: how.lock });
    // The summary says at once when resume would stop and ask rather than go on by itself.
    const events = result.reason === 'killed' && result.files ? await readJournal(result.files.journal).then((r) => r.events, () => []) : [];
    const rechecks = (step: PlannedStep): boolean => resumeRechecks(step, handlers[step.kind]) || onlyProbed(events, step);
    const { lines, exitCode } = summarize(plan, result, { ...place, unattended: how.yes }, { rechecks });
    for (const line of lines) say(line);
    return exitCode;
  } finally {
    interrupts.dispose();
  }
}
