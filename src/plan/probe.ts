// A command step's probe (the definition's skipWhen) as the plan carries it in params.skipWhen,
// read back and put in words for the plan, the screens, the runbooks and a dry run. Pure.
import type { PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/probe.js';
import { shownArgv } from '../quote.js';

export interface PlannedProbe {
  argv: string[];
  /** The exit code that passes; 0 when absent. */
  expectExit?: number;
  /** A regular expression (multi-line) some line of the output must match. */
  expectOutput?: string;
  /** What passing means, in the plan's language. */
  says?: string;
}

/** Thrown for a probe the wizard cannot run (a plan from a journal edited by hand). */
export class ProbeError extends Error {
  constructor(step: PlannedStep, detail: string) {
    super(t('probe.bad', { step: step.id, detail }));
    this.name = 'ProbeError';
  }
}

/** The step's probe; undefined when it has none. Throws ProbeError when it is malformed. */
export function plannedProbe(step: PlannedStep): PlannedProbe | undefined {
  const raw = step.params.skipWhen;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ProbeError(step, 'skipWhen');
  const p = raw as Record<string, unknown>;
  if (!Array.isArray(p.argv) || p.argv.length === 0 || !p.argv.every((a) => typeof a === 'string' && a !== '')) throw new ProbeError(step, 'argv');
  if (p.expectExit !== undefined && !Number.isInteger(p.expectExit)) throw new ProbeError(step, 'expectExit');
  if (p.expectOutput !== undefined && (typeof p.expectOutput !== 'string' || p.expectOutput === '')) throw new ProbeError(step, 'expectOutput');
  if (p.says !== undefined && typeof p.says !== 'string') throw new ProbeError(step, 'says');
  return {
    argv: p.argv as string[],
    ...(p.expectExit === undefined ? {} : { expectExit: p.expectExit as number }),
    ...(p.expectOutput === undefined ? {} : { expectOutput: p.expectOutput as string }),
    ...(p.says === undefined ? {} : { says: p.says as string }),
  };
}

/**
 * A command step's probe for those that only look at it (the screens, resume): undefined when it
 * has none, and when it cannot be read, which the run reports when it gets to the step.
 */
export function readableProbe(step: PlannedStep): PlannedProbe | undefined {
  try {
    return step.kind === 'command' ? plannedProbe(step) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the probe passes, in words: its `says`, with the pattern and the exit code it stands for.
 * The default exit code 0 is said only when there is no pattern to say.
 */
export function probeCondition(probe: PlannedProbe): string {
  const how = [
    ...(probe.expectOutput === undefined ? [] : [t('probe.cond.output', { pattern: probe.expectOutput })]),
    ...(probe.expectExit !== undefined || probe.expectOutput === undefined ? [t('probe.cond.exit', { code: probe.expectExit ?? 0 })] : []),
  ].join(t('probe.cond.and'));
  return probe.says === undefined ? how : t('probe.cond.says', { says: probe.says, how });
}

/**
 * The lines said before a probed step's commands: what is checked, and when nothing follows.
 * `cd` is the "cd DIR && " the step's commands are shown with: the probe runs there too.
 */
export function probeLines(step: PlannedStep, probe: PlannedProbe, cd = ''): string[] {
  return [t('probe.check', { command: `${cd}${shownArgv(probe.argv, step)}` }), t('probe.ifPasses', { condition: probeCondition(probe) }), t('probe.otherwise')];
}
