// A plan: the definition resolved against answers and facts. It is plain data (JSON),
// journaled at the start of a run so that resume and rollback need nothing else.
import type { Answers, Step } from './definition.js';

/** A step with every template resolved, its text in the run's language. */
export interface PlannedStep {
  id: string;
  kind: Step['kind'];
  title: string;
  explain?: string;
  section?: string;
  /** Every process the step runs, argv exactly as executed. */
  commands?: string[][];
  instructions?: string;
  checklist?: string[];
  restorePoint?: string;
  /** True when a person must do it (manual, reboot). */
  manual: boolean;
  allowFailure: boolean;
  skippable: boolean;
  runsOn?: string;
  /** It runs on Windows (the plan's `windows`): its commands are shown in cmd.exe's quoting. */
  windows?: true;
  check?: string;
  /** The resolved kind-specific fields of the definition's step (paths under --root). */
  params: Record<string, unknown>;
}

export interface Blocker {
  /** Stable id, e.g. not-root, media-missing:server, disk-space, services-running. */
  id: string;
  message: string;
  fix: string;
  step?: string;
}

export interface PlannedRestorePoint {
  id: string;
  title: string;
  explain: string;
  rollback: PlannedStep[];
  /** Only for a run that stopped before its end: not offered after a finished run. */
  beforeEnd?: boolean;
}

export interface Plan {
  product: string;
  lang: 'ja' | 'en';
  answers: Answers;
  root: string;
  media?: string;
  steps: PlannedStep[];
  blockers: Blocker[];
  warnings: string[];
  /** What was checked before the run and found sound (packages verified); absent when nothing was, and in older journals. */
  checked?: string[];
  restorePoints: PlannedRestorePoint[];
  /** What to do after this run, elsewhere (the next node's part); absent when nothing is, and in older journals. */
  next?: string[];
  /** The steps run on Windows (the definition's `windows` holds): commands are shown as cmd.exe reads them. */
  windows?: true;
}
