// Running a command step's probe (skipWhen): a real process like every command, its output
// shown and logged, judged as a verify step judges its argv (exit code, then a multi-line
// regular expression on stdout and stderr). A probe that cannot run does not pass.
import { t } from '../../i18n/index.js';
import '../../i18n/messages/probe.js';
import type { PlannedStep } from '../../model/plan.js';
import { ProbeError, type PlannedProbe } from '../../plan/probe.js';
import { shownArgv } from '../../quote.js';
import { StepFailure, type StepContext } from '../context.js';
import { describeFailure, runCommand } from '../proc.js';

export type ProbeOutcome = { passed: true; detail: string } | { passed: false; reason: string };

/** The whole line(s) a match lies on, blanks made single spaces (chkconfig separates by tabs). */
export function matchedLine(output: string, index: number, length: number): string {
  const start = output.lastIndexOf('\n', index - 1) + 1;
  const newline = output.indexOf('\n', index + Math.max(length, 1) - 1);
  const line = output.slice(start, newline === -1 ? undefined : newline).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function outputPattern(step: PlannedStep, probe: PlannedProbe): RegExp | undefined {
  if (probe.expectOutput === undefined) return undefined;
  try {
    return new RegExp(probe.expectOutput, 'm');
  } catch (error) {
    throw new StepFailure(new ProbeError(step, (error as Error).message).message);
  }
}

export async function runProbe(ctx: StepContext, step: PlannedStep, probe: PlannedProbe, cwd: string | undefined): Promise<ProbeOutcome> {
  const pattern = outputPattern(step, probe);
  const r = await runCommand(ctx, step, probe.argv, { cwd });
  if (r.spawnError !== undefined || r.exitCode === null) {
    return { passed: false, reason: t('probe.why.failed', { reason: describeFailure(probe.argv, r).split('\n')[0] ?? '' }) };
  }
  const want = probe.expectExit ?? 0;
  if (r.exitCode !== want) return { passed: false, reason: t('probe.why.exit', { code: r.exitCode, want }) };
  const match = pattern?.exec(r.output);
  if (pattern !== undefined && !match) return { passed: false, reason: t('probe.why.noMatch', { pattern: pattern.source }) };
  // The line that shows it (httpd 0:off 1:off 2:on ...) is the evidence the report keeps.
  const evidence = match ? `"${ctx.redact.text(matchedLine(r.output, match.index, match[0].length))}"` : t('probe.exited', { code: r.exitCode });
  const command = ctx.redact.text(shownArgv(probe.argv, step));
  const detail = probe.says === undefined ? t('probe.already', { evidence, command }) : t('probe.alreadySays', { says: probe.says, evidence, command });
  return { passed: true, detail };
}
