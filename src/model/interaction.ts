// The contract between the executor (src/run) and whoever drives it: the Ink screens,
// or the non-interactive `run --yes`. The executor never prompts by itself.
import type { PlannedStep } from './plan.js';

/**
 * markDone is offered only for a step a crash or a kill cut off mid-way (resume): the operator
 * checked that it completed. The screens head such a prompt "interrupted", not "failed".
 */
export type FailureChoice = 'retry' | 'skip' | 'markDone' | 'rollback' | 'stop';

/**
 * A manual step's answer: done (every item ticked), skip (only for a step the procedure says is
 * optional, `skippable`; recorded as skipped, never as done), or stop the run here.
 */
export type ManualAnswer = 'done' | 'skip' | 'stop';

export interface DiffReview {
  file: string;
  /** Unified diff, secrets already masked. */
  diff: string;
  findings: string[];
  /** A comparison for the operator to read (a compare step): nothing is written either way. */
  readOnly?: boolean;
}

export interface Progress {
  done: number;
  total?: number;
  unit?: 'bytes' | 'files' | 'steps' | 'seconds';
}

export interface Interaction {
  /** A manual step (or the wizard's own action awaiting an OK, step.manual false): offer 'skip' only when step.skippable. */
  confirmManual(step: PlannedStep): Promise<ManualAnswer>;
  /** The config migration's diff before anything is written: true writes, false stops. */
  reviewDiff(step: PlannedStep, review: DiffReview): Promise<boolean>;
  /** After a failure; the offered choices depend on the step (skip only where allowed). */
  onFailure(step: PlannedStep, error: string, choices: FailureChoice[]): Promise<FailureChoice>;
  /** Streaming output and progress, for the screen and the log. */
  onStepStart?(step: PlannedStep, index: number, total: number): void;
  onOutput?(step: PlannedStep, chunk: string): void;
  onProgress?(step: PlannedStep, progress: Progress): void;
  /** declined: the operator did not accept it (a checkpoint, a diff); nothing of it ran and the run stops (journaled as failed). */
  onStepEnd?(step: PlannedStep, status: 'done' | 'skipped' | 'failed' | 'declined', detail?: string): void;
}
