// Typed access to a planned step's params: the plan is data from a journal or a definition,
// so a missing or mistyped field is a clear failure, not a crash.
import type { PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { StepFailure } from './context.js';

function bad(step: PlannedStep, key: string, want: string): StepFailure {
  return new StepFailure(t('run.param.bad', { step: step.id, key, want }));
}

export function str(step: PlannedStep, key: string): string {
  const v = step.params[key];
  if (typeof v !== 'string' || v === '') throw bad(step, key, 'string');
  return v;
}

export function optStr(step: PlannedStep, key: string): string | undefined {
  const v = step.params[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(step, key, 'string');
  return v;
}

export function optBool(step: PlannedStep, key: string): boolean {
  const v = step.params[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw bad(step, key, 'boolean');
  return v;
}

export function optNum(obj: Record<string, unknown>, step: PlannedStep, key: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(step, key, 'number');
  return v;
}

export function strList(step: PlannedStep, key: string): string[] {
  const v = step.params[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw bad(step, key, 'list of strings');
  return v as string[];
}

/** The argv lists of a step: PlannedStep.commands, or params.commands. */
export function argvList(step: PlannedStep): string[][] {
  const v = step.commands ?? step.params.commands;
  if (!Array.isArray(v) || v.length === 0) throw bad(step, 'commands', 'list of argv');
  for (const argv of v) {
    if (!Array.isArray(argv) || argv.length === 0 || !argv.every((x) => typeof x === 'string' && x !== '')) {
      throw bad(step, 'commands', 'list of argv');
    }
  }
  return v as string[][];
}

/** ifMissing of service and copy steps; the schema's default is 'fail'. */
export function ifMissing(step: PlannedStep): 'skip' | 'fail' {
  return step.params.ifMissing === 'skip' ? 'skip' : 'fail';
}
