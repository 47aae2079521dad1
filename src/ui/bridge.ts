// The bridge between the executor and the screens: an Interaction whose questions become
// pending prompts in a small store, answered by the screens; its reports become state.
// The executor awaits promises; React reads snapshots (useSyncExternalStore).
import { useSyncExternalStore } from 'react';
import type { DiffReview, FailureChoice, Interaction, Progress } from '../model/interaction.js';
import type { PlannedRestorePoint, PlannedStep } from '../model/plan.js';
import { hangupCause, killCause, sigtermCause, type Press } from '../run/signals.js';
import { maskSecrets, scrub } from './text.js';
import type { EarlierStep } from './services.js';

export { earlierSteps, type EarlierStep } from './services.js';

export type StepStatus = 'done' | 'skipped' | 'failed' | 'declined';

export interface FinishedStep {
  id: string;
  number: number;
  title: string;
  manual: boolean;
  status: StepStatus;
  detail?: string;
  /** A step of the rollback (numbered within it), not of the run. */
  rollback?: boolean;
  /** The attempt it ended in, when the operator retried it after a failure (2 = the first retry). */
  attempt?: number;
}

export interface CurrentStep {
  step: PlannedStep;
  number: number;
  /** Completed output lines, newest last (bounded). */
  output: string[];
  /** The line being written (no newline yet; a \r restarts it, as progress meters do). */
  partial: string;
  progress?: Progress;
  /** Set from the second attempt on: the operator chose to retry it after a failure. */
  attempt?: number;
  /** When this attempt started (ms since the epoch), for the time the screen says it has taken. */
  startedAt: number;
}

type Question =
  | { kind: 'manual'; step: PlannedStep }
  | { kind: 'diff'; step: PlannedStep; review: DiffReview }
  | { kind: 'failure'; step: PlannedStep; error: string; choices: FailureChoice[] };
/** What the executor waits on; seq numbers each prompt so its panel starts fresh. */
export type Prompt = Question & { seq: number };

export type StopState = 'none' | 'requested' | 'aborting';

/** What a finished step printed, kept for the manual step after it to show. */
export interface StepOutput {
  id: string;
  number: number;
  title: string;
  lines: string[];
}

/**
 * A rollback started after a failure: a phase of its own, with its own steps, numbering and
 * count; the run's steps stay above it as they ended.
 */
export interface RollbackState {
  point: string;
  title: string;
  total: number;
  /** Rollback steps ended done or skipped. */
  done: number;
  /** Of them, the skipped ones (the screens count them as every count does). */
  skipped?: number;
  /** Set when the rollback is over: every step ended, or one failed. */
  outcome?: 'done' | 'failed';
}

export interface RunState {
  total: number;
  finished: FinishedStep[];
  current?: CurrentStep;
  prompt?: Prompt;
  stop: StopState;
  /**
   * The output of the last automatic step that printed any: a manual step that asks to judge
   * it ("every group runs on server 2" after clpstat) shows it; it was only in the log file.
   */
  lastOutput?: StepOutput;
  rollback?: RollbackState;
}

const MAX_LINES = 500;

export class RunStore {
  private state: RunState;
  private listeners = new Set<() => void>();
  private resolver: ((value: boolean | FailureChoice) => void) | undefined;
  private seq = 0;
  /** Failed attempts retried, per step id: the next start of the step is the attempt after them. */
  private readonly retries = new Map<string, number>();
  private readonly stopController = new AbortController();
  private readonly killController = new AbortController();
  /** What asked for the stop: the kill names both (a second SIGTERM is not Ctrl-C twice). */
  private stoppedBy: Press | 'other' | undefined;
  /** The terminal went away: every prompt is answered "stop", nobody being there to answer. */
  private hungUp = false;
  readonly interaction: Interaction;

  constructor(
    private readonly plan: { steps: PlannedStep[]; restorePoints?: PlannedRestorePoint[] },
    private readonly secrets: readonly string[] = [],
    /**
     * Steps a resumed run finished before, as the journal ended them (a skip shows as skipped);
     * a bare id is a step done.
     */
    before: readonly (string | EarlierStep)[] = [],
  ) {
    const ended = new Map(before.map((b): [string, EarlierStep] => (typeof b === 'string' ? [b, { id: b, status: 'done' }] : [b.id, b])));
    const finished = plan.steps.flatMap((step, i): FinishedStep[] => {
      const e = ended.get(step.id);
      return e ? [{ id: step.id, number: i + 1, title: step.title, manual: step.manual, status: e.status, ...(e.detail ? { detail: this.clean(e.detail) } : {}) }] : [];
    });
    this.state = { total: plan.steps.length, finished, stop: 'none' };
    this.interaction = {
      confirmManual: (step) => this.ask({ kind: 'manual', step }).then((v) => (v === true ? 'done' : v === 'skip' ? 'skip' : 'stop')),
      reviewDiff: (step, review) =>
        this.ask({ kind: 'diff', step, review: { ...review, diff: this.clean(review.diff) } }).then((v) => v === true),
      onFailure: (step, error, choices) =>
        this.ask({ kind: 'failure', step, error: this.clean(error), choices }).then((v) =>
          typeof v === 'string' ? v : 'stop',
        ),
      onStepStart: (step, index, total) => this.stepStart(step, index, total),
      onOutput: (step, chunk) => this.output(step, chunk),
      onProgress: (step, progress) => this.progress(step, progress),
      onStepEnd: (step, status, detail) => this.stepEnd(step, status, detail),
    };
  }

  /** Aborted on the first Ctrl-C: the executor stops after the running step. */
  get stopSignal(): AbortSignal {
    return this.stopController.signal;
  }

  /** Aborted on the second Ctrl-C: the executor kills the running command. */
  get killSignal(): AbortSignal {
    return this.killController.signal;
  }

  getState = (): RunState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * First call: stop after the current step. Second: abort now (pending prompts answer "stop").
   * SIGTERM (kill, a shutdown) is journaled as such, and answers a pending prompt "stop" at once,
   * as it does at the line prompts: nobody is asked to wait for an operator during a shutdown.
   */
  requestStop(by: Press = 'ctrl-c'): StopState {
    if (this.state.stop === 'none') {
      this.stoppedBy = by;
      this.set({ stop: 'requested' });
      this.stopController.abort(by === 'sigterm' ? sigtermCause() : undefined);
      if (by === 'sigterm' && this.state.prompt) this.respond(this.state.prompt.kind === 'failure' ? 'stop' : false);
    } else if (this.state.stop === 'requested') {
      this.set({ stop: 'aborting' });
      this.killController.abort(killCause(this.stoppedBy, by));
      if (this.state.prompt) this.respond(this.state.prompt.kind === 'failure' ? 'stop' : false);
    }
    return this.state.stop;
  }

  /**
   * The terminal went away (SIGHUP): the run stops after the running step, and the prompt it
   * waits on, or comes to, is answered "stop". Left waiting, the wizard ended when its input
   * closed, with no end in the journal and no report.
   */
  hangUp(): void {
    this.hungUp = true;
    if (this.state.stop === 'none') {
      this.stoppedBy = 'other';
      this.set({ stop: 'requested' });
    }
    if (!this.stopController.signal.aborted) this.stopController.abort(hangupCause());
    if (this.state.prompt) this.respond(this.state.prompt.kind === 'failure' ? 'stop' : false);
  }

  /** The screens' answer to the pending prompt. */
  respond(value: boolean | FailureChoice): void {
    const asked = this.state.prompt;
    // The step runs again: its next start is shown as the attempt it is.
    if (asked?.kind === 'failure' && value === 'retry') {
      const retried = (this.retries.get(asked.step.id) ?? 0) + 1;
      this.retries.set(asked.step.id, retried);
      // The executor runs it again without a new start: the running step says so at once.
      const cur = this.state.current;
      if (cur?.step.id === asked.step.id) this.set({ current: { ...cur, attempt: retried + 1, startedAt: Date.now() } });
    }
    const resolve = this.resolver;
    this.resolver = undefined;
    this.set({ prompt: undefined });
    resolve?.(value);
  }

  private ask(question: Question): Promise<boolean | FailureChoice> {
    if (this.state.stop === 'aborting' || this.hungUp) return Promise.resolve(question.kind === 'failure' ? 'stop' : false);
    return new Promise((resolve) => {
      this.resolver = resolve;
      this.set({ prompt: { ...question, seq: ++this.seq } });
    });
  }

  private clean(text: string): string {
    return maskSecrets(scrub(text), this.secrets);
  }

  private numberOf(step: PlannedStep, index: number): number {
    const at = this.plan.steps.findIndex((s) => s.id === step.id);
    return at >= 0 ? at + 1 : index + 1;
  }

  /**
   * The restore point a step not of the plan rolls back to: the executor names rollback steps
   * "POINT/STEP" and passes their index and count within the rollback, not the run's.
   */
  private rollbackPointOf(step: PlannedStep): { id: string; title: string } | undefined {
    if (this.plan.steps.some((s) => s.id === step.id)) return undefined;
    const point = this.plan.restorePoints?.find((p) => step.id.startsWith(`${p.id}/`));
    if (point) return point;
    const slash = step.id.indexOf('/');
    return slash > 0 ? { id: step.id.slice(0, slash), title: step.id.slice(0, slash) } : undefined;
  }

  private stepStart(step: PlannedStep, index: number, total: number): void {
    const point = this.rollbackPointOf(step);
    const retried = this.retries.get(step.id) ?? 0;
    const current: CurrentStep = { step, number: this.numberOf(step, index), output: [], partial: '', startedAt: Date.now(), ...(retried > 0 ? { attempt: retried + 1 } : {}) };
    if (!point) {
      this.set({ total, current });
      return;
    }
    // The run's total stays what it was: the rollback has its own count.
    const same = this.state.rollback?.point === point.id && this.state.rollback.outcome === undefined;
    const rollback: RollbackState = same && this.state.rollback ? { ...this.state.rollback, total } : { point: point.id, title: point.title, total, done: 0 };
    this.set({ current, rollback });
  }

  private output(step: PlannedStep, chunk: string): void {
    const cur = this.state.current;
    if (!cur || cur.step.id !== step.id) return;
    // Scrub the whole chunk first so a \r inside an escape sequence cannot split it.
    const text = maskSecrets(scrub(chunk.replace(/\r\n/g, '\n')), this.secrets);
    // The executor hands over whole lines without their last newline (src/run/proc.ts cuts at
    // it): each chunk ends a line, or the next one was glued to it ("$ clpmdstat md1Invalid...").
    const pieces = (cur.partial + text + (text.endsWith('\n') ? '' : '\n')).split('\n');
    const partial = pieces.pop() ?? '';
    const done = pieces.map((l) => l.slice(l.lastIndexOf('\r') + 1));
    const output = done.length ? [...cur.output, ...done].slice(-MAX_LINES) : cur.output;
    this.set({ current: { ...cur, output, partial: partial.slice(partial.lastIndexOf('\r') + 1) } });
  }

  private progress(step: PlannedStep, progress: Progress): void {
    const cur = this.state.current;
    if (!cur || cur.step.id !== step.id) return;
    this.set({ current: { ...cur, progress } });
  }

  private stepEnd(step: PlannedStep, status: StepStatus, detail?: string): void {
    const cur = this.state.current?.step.id === step.id ? this.state.current : undefined;
    const inRollback = this.rollbackPointOf(step) !== undefined;
    const finished: FinishedStep = {
      id: step.id,
      // The number it ran under: a rollback step's comes from its index in the rollback.
      number: cur?.number ?? this.numberOf(step, this.state.finished.length),
      title: step.title,
      manual: step.manual,
      status,
      detail: detail === undefined ? undefined : this.clean(detail),
      ...(inRollback ? { rollback: true } : {}),
      ...(cur?.attempt ? { attempt: cur.attempt } : {}),
    };
    this.retries.delete(step.id);
    let rollback = this.state.rollback;
    if (inRollback && rollback) {
      const done = rollback.done + (status === 'failed' ? 0 : 1);
      const skipped = (rollback.skipped ?? 0) + (status === 'skipped' ? 1 : 0);
      const outcome = status === 'failed' ? 'failed' : finished.number >= rollback.total ? 'done' : undefined;
      rollback = { ...rollback, done, ...(skipped ? { skipped } : {}), ...(outcome ? { outcome } : {}) };
    }
    const printed = cur ? [...cur.output, ...(cur.partial ? [cur.partial] : [])] : [];
    const lastOutput =
      !step.manual && printed.length > 0 ? { id: step.id, number: finished.number, title: step.title, lines: printed } : this.state.lastOutput;
    this.set({ finished: [...this.state.finished, finished], current: cur ? undefined : this.state.current, lastOutput, rollback });
  }

  private set(patch: Partial<RunState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

export function useRunState(store: RunStore): RunState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
