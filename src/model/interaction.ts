// The contract between the executor (src/run) and whoever drives it: the Ink screens,
// or the non-interactive `run --yes`. The executor never prompts by itself.
import type { PlannedStep } from './plan.js';

export type FailureChoice = 'retry' | 'skip' | 'rollback' | 'stop';

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
  /** A manual step: resolve true once the operator confirmed it is done, false to stop. */
  confirmManual(step: PlannedStep): Promise<boolean>;
  /** The config migration's diff before anything is written: true writes, false stops. */
  reviewDiff(step: PlannedStep, review: DiffReview): Promise<boolean>;
  /** After a failure; the offered choices depend on the step (skip only where allowed). */
  onFailure(step: PlannedStep, error: string, choices: FailureChoice[]): Promise<FailureChoice>;
  /** Streaming output and progress, for the screen and the log. */
  onStepStart?(step: PlannedStep, index: number, total: number): void;
  onOutput?(step: PlannedStep, chunk: string): void;
  onProgress?(step: PlannedStep, progress: Progress): void;
  onStepEnd?(step: PlannedStep, status: 'done' | 'skipped' | 'failed', detail?: string): void;
}
