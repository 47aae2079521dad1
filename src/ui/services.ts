// What the screens need from the rest of the tool, as one injected object: the wizard
// holds no business logic and tests drive it with hand-made plans. src/commands/
// interactive.ts builds the real one from src/plan, src/detect and src/run.
import type { Answers, Definition, Question } from '../model/definition.js';
import type { Detection, Facts } from '../model/facts.js';
import type { Interaction } from '../model/interaction.js';
import type { Plan } from '../model/plan.js';
import type { AnswerCheck } from '../plan/questions.js';
import type { JournalEvent } from '../model/journal.js';

/** How the executor is told to stop: after the running step (first Ctrl-C) or now (second). */
export interface RunControl {
  signal: AbortSignal;
  killSignal: AbortSignal;
}

export type OutcomeStatus = 'done' | 'stopped' | 'failed' | 'rolled-back';

export interface RunOutcome {
  status: OutcomeStatus;
  exitCode: number;
  /** What the end means and how to go on (resume, roll back), as src/run words it. */
  lines: string[];
  report?: string;
  /** Archives and kept originals written by the run. */
  backups: string[];
  /** Done, and the procedure goes on elsewhere (the plan's next): only this part is finished. */
  partDone?: boolean;
  /** Stopped where the procedure reboots the machine: a planned pause, not a run cut short. */
  forReboot?: boolean;
}

export interface ProductDetections {
  product: string;
  detections: Detection[];
}

/** How a step of an earlier part of a resumed run ended, as its journal says. */
export interface EarlierStep {
  id: string;
  status: 'done' | 'skipped';
  detail?: string;
}

/**
 * The steps a resumed run finished before, each as its last end in the journal says (a skip
 * stays a skip after the resume), for ResumableRun.ended. Pure, and without React: the command
 * that finds the run calls it on the journal it read.
 */
export function earlierSteps(events: readonly JournalEvent[]): EarlierStep[] {
  const last = new Map<string, Extract<JournalEvent, { type: 'step-end' }>>();
  for (const e of events) if (e.type === 'step-end') last.set(e.step, e);
  return [...last.values()].flatMap((e) => (e.status === 'failed' ? [] : [{ id: e.step, status: e.status, ...(e.detail ? { detail: e.detail } : {}) }]));
}

/** An interrupted run found in the log dir at start. */
export interface ResumableRun {
  plan: Plan;
  /** Ids of the steps already finished (done or skipped). */
  done: string[];
  /**
   * How each of them ended, from the journal (earlierSteps above): a step skipped before
   * the interruption is shown skipped after the resume. Without it they show as done.
   */
  ended?: EarlierStep[];
  startedAt?: string;
  /** The run stopped for a reboot that has not happened yet (same boot id): that step. */
  rebootMissing?: { number: number; title: string };
  /** What src/run needs to continue it; opaque to the screens. */
  handle: unknown;
}

export interface WizardServices {
  loadDefinitions(): Promise<Definition[]>;
  /** What is detectable on this machine, per product (only the chosen one when --product), for the welcome screen. */
  detect(products: Definition[]): Promise<ProductDetections[]>;
  gatherFacts(def: Definition, answers: Answers): Promise<Facts>;
  /** The product's detections again, seeing the answers so far (which server this is needs the servers). */
  redetect(def: Definition, answers: Answers): Promise<Detection[]>;
  buildPlan(def: Definition, answers: Answers, facts: Facts): Promise<Plan>;
  askableQuestions(def: Definition, answers: Answers): Question[];
  /** The answer normalised (yes/no spelling, list order), or an error for the operator. */
  validateAnswer(question: Question, value: string | string[]): AnswerCheck;
  execute(plan: Plan, interaction: Interaction, control: RunControl): Promise<RunOutcome>;
  findResumable(): Promise<ResumableRun | undefined>;
  /** After findResumable: why the unfinished run it found cannot be resumed, if so. */
  unresumable?(): string | undefined;
  resume(run: ResumableRun, interaction: Interaction, control: RunControl): Promise<RunOutcome>;
}

/** Where the wizard works, shown on the screens and in the resume / roll-back hints. */
export interface WizardContext {
  root: string;
  media?: string;
  logDir: string;
  /** Answers given on the command line (--set, --answers): not asked again. */
  preset: Answers;
  product?: string;
  /** The command that brings the operator back to this wizard, same root and log dir. */
  againCommand: string;
  /** Shown on the welcome screen, e.g. definitions that did not load. */
  notices?: string[];
}

/** What the welcome screen shows: the definitions, what was detected, a run that can be resumed. */
export interface FirstLook {
  defs: Definition[];
  found: ProductDetections[];
  resumable: ResumableRun | undefined;
  /** Said on the welcome: what was found and cannot be resumed (a rollback left unfinished). */
  notices?: string[];
}

/** Looks at the machine for the welcome screen (with --product, for that product only). */
export async function lookAt(services: WizardServices, product: string | undefined): Promise<FirstLook> {
  const defs = await services.loadDefinitions();
  const products = product ? defs.filter((d) => d.id === product) : defs;
  const [found, resumable] = await Promise.all([services.detect(products), services.findResumable()]);
  const notice = services.unresumable?.();
  return { defs, found, resumable, ...(notice ? { notices: [notice] } : {}) };
}

/** Values of secret questions, masked wherever they could show. */
export function secretValues(def: Definition | undefined, answers: Answers): string[] {
  if (!def) return [];
  return def.questions
    .filter((q) => q.secret)
    .flatMap((q) => {
      const v = answers[q.id];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    });
}
