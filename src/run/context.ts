// What a step handler gets to do its work, and the contract every handler follows.
import type { Interaction, Progress } from '../model/interaction.js';
import type { JournalEvent } from '../model/journal.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import type { JournalWriter } from './journal-writer.js';
import type { Redactor } from './redact.js';
import { t, type Lang } from '../i18n/index.js';
import '../i18n/messages/run.js';

/** Who confirmed, as the reader's language says it: the journal keeps 'operator' or '--yes'. */
export function whoConfirmed(by: 'operator' | '--yes', lang?: Lang): string {
  return by === 'operator' ? t('run.by.operator', {}, lang) : by;
}

export interface StepContext {
  plan: Plan;
  /** Sandbox prefix ("" on a real server); paths in params are already under it. */
  root: string;
  interaction: Interaction;
  /** Absent in a dry run: nothing is journaled because nothing is done. */
  journal?: JournalWriter;
  redact: Redactor;
  /** Who confirms manual steps: a person at the screen, or `run --yes`. */
  confirmedBy: 'operator' | '--yes';
  /** Aborted on a second Ctrl-C: running children are killed. */
  kill?: AbortSignal;
  /** Aborted on the first Ctrl-C: waits and polls end early, the step then stops. */
  stop?: AbortSignal;
  /** For re-checks on resume: when the interrupted attempt of the step started. */
  startedAt?: Date;
  /** Secret answers by question id, for {secret-file:ID} in an argv (src/run/secret-files.ts). */
  secrets?: Record<string, string>;
}

export type StepStatus = 'done' | 'skipped';

export interface StepOutcome {
  status: StepStatus;
  detail?: string;
  /** The run stops after this step (a reboot, or the operator declined a manual step). */
  stopRun?: 'reboot' | 'declined';
}

export interface StepHandler {
  run(step: PlannedStep, ctx: StepContext): Promise<StepOutcome>;
  /**
   * After an interrupted attempt: true if the step's effect is in place, false if it is not
   * (run it again), undefined if it cannot tell (ask, or re-run only if idempotent).
   */
  isDone?(step: PlannedStep, ctx: StepContext): Promise<boolean | undefined>;
  /** Running it again after a partial attempt is harmless (manual, verify, unpack...). */
  repeatable?: boolean;
  /** What the step would do, one line each, for --dry-run and rollback plans. */
  describe(step: PlannedStep): string[];
}

/** A step failed; the message says what and why, already in the run's language. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

/**
 * The operator ended the step: a child killed on the second Ctrl-C ('killed'), or a wait
 * (which may last hours) ended on the first ('wait'), where nothing was killed.
 */
export class KilledByOperator extends Error {
  constructor(
    message: string,
    readonly how: 'killed' | 'wait' = 'killed',
  ) {
    super(message);
    this.name = 'KilledByOperator';
  }
}

export const now = (): string => new Date().toISOString();

export function record(ctx: StepContext, event: JournalEvent): void {
  ctx.journal?.append(event);
}

/** Text for the screen and the log: output of a child, or a note of the executor. */
export function output(ctx: StepContext, step: PlannedStep, text: string): void {
  const safe = ctx.redact.text(text);
  ctx.interaction.onOutput?.(step, safe);
  ctx.journal?.log(safe.replace(/\n$/, '').split('\n').map((l) => `[${step.id}] | ${l}`).join('\n'));
}

export function progress(ctx: StepContext, step: PlannedStep, p: Progress): void {
  ctx.interaction.onProgress?.(step, p);
}

/** The message of a failure, for the operator and the journal. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
