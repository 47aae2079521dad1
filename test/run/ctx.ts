// A step context on a temp log dir, with a driver that records what it was shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { DiffReview, FailureChoice, Interaction, ManualAnswer, Progress } from '../../src/model/interaction.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import type { StepContext } from '../../src/run/context.js';
import { newRunId } from '../../src/run/journal.js';
import { JournalWriter } from '../../src/run/journal-writer.js';
import { Redactor } from '../../src/run/redact.js';

const made: string[] = [];
/** A temp dir removed when the test file is done. */
export function tempDir(prefix = 'uw-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export class Recorder implements Interaction {
  output: string[] = [];
  progress: Progress[] = [];
  diffs: DiffReview[] = [];
  failures: { step: string; error: string; choices: FailureChoice[] }[] = [];
  ends: { step: string; status: string; detail?: string }[] = [];
  constructor(
    /** manual: true is 'done', false is 'stop'. */
    public answers: { manual?: boolean | ManualAnswer; diff?: boolean; failure?: FailureChoice[] } = {},
  ) {}
  manualAsked: PlannedStep[] = [];
  async confirmManual(step: PlannedStep): Promise<ManualAnswer> {
    this.manualAsked.push(step);
    const a = this.answers.manual ?? true;
    return a === true ? 'done' : a === false ? 'stop' : a;
  }
  async reviewDiff(_s: PlannedStep, review: DiffReview): Promise<boolean> {
    this.diffs.push(review);
    return this.answers.diff ?? true;
  }
  async onFailure(step: PlannedStep, error: string, choices: FailureChoice[]): Promise<FailureChoice> {
    this.failures.push({ step: step.id, error, choices });
    return this.answers.failure?.shift() ?? 'stop';
  }
  onOutput(_s: PlannedStep, chunk: string): void {
    this.output.push(chunk);
  }
  onProgress(_s: PlannedStep, p: Progress): void {
    this.progress.push(p);
  }
  onStepEnd(step: PlannedStep, status: string, detail?: string): void {
    this.ends.push({ step: step.id, status, detail });
  }
  text(): string {
    return this.output.join('\n');
  }
}

export function step(kind: PlannedStep['kind'], params: Record<string, unknown>, extra: Partial<PlannedStep> = {}): PlannedStep {
  return { id: `${kind}-step`, kind, title: `a ${kind} step`, manual: false, allowFailure: false, skippable: false, params, ...extra };
}

export function plan(steps: PlannedStep[], extra: Partial<Plan> = {}): Plan {
  return { product: 'test', lang: 'en', answers: {}, root: '', steps, blockers: [], warnings: [], restorePoints: [], ...extra };
}

export function context(interaction: Interaction = new Recorder(), root = ''): StepContext & { logDir: string } {
  const logDir = tempDir('uw-log-');
  const redact = new Redactor();
  const p = plan([], { root });
  return { plan: p, root, interaction, journal: new JournalWriter(logDir, newRunId(), redact), redact, confirmedBy: 'operator', logDir };
}
