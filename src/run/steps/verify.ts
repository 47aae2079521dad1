// verify: a check with a clear pass or fail: a command's exit code and output, files present
// or absent; with waitSeconds it is polled until it passes or the time is up.
import { lstat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { t } from '../../i18n/index.js';
import '../../i18n/messages/jobcenter.js';
import type { PlannedStep } from '../../model/plan.js';
import { KilledByOperator, output, progress, StepFailure, type StepContext, type StepHandler } from '../context.js';
import { stoppedBy } from '../signals.js';
import { optNum } from '../params.js';
import { describeFailure, runCommand } from '../proc.js';
import { quoteArgv, shownArgv } from '../../quote.js';

interface Spec {
  argv?: string[];
  expectExit?: number;
  expectOutput?: RegExp;
  rejectOutput?: RegExp;
  showLine?: RegExp;
  expectEach?: RegExp[];
  rejectEach?: RegExp[];
  envUnset?: string;
  fileExists?: string;
  fileAbsent?: string;
  waitSeconds?: number;
  intervalSeconds?: number;
}

function spec(step: PlannedStep): Spec {
  const raw = (typeof step.params.verify === 'object' && step.params.verify !== null ? step.params.verify : step.params) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') throw new StepFailure(t('run.param.bad', { step: step.id, key, want: 'string' }));
    return v;
  };
  const regex = (key: string): RegExp | undefined => {
    const v = text(key);
    if (v === undefined) return undefined;
    try {
      return new RegExp(v, 'm');
    } catch {
      throw new StepFailure(t('run.param.bad', { step: step.id, key, want: 'regular expression' }));
    }
  };
  const regexList = (key: string): RegExp[] | undefined => {
    const v = raw[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== '')) {
      throw new StepFailure(t('run.param.bad', { step: step.id, key, want: 'list of regular expressions' }));
    }
    try {
      return v.map((x: string) => new RegExp(x, 'm'));
    } catch {
      throw new StepFailure(t('run.param.bad', { step: step.id, key, want: 'list of regular expressions' }));
    }
  };
  const argv = raw.argv;
  if (argv !== undefined && (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string'))) {
    throw new StepFailure(t('run.param.bad', { step: step.id, key: 'argv', want: 'argv' }));
  }
  return {
    argv: argv as string[] | undefined,
    expectExit: optNum(raw, step, 'expectExit'),
    expectOutput: regex('expectOutput'),
    rejectOutput: regex('rejectOutput'),
    showLine: regex('showLine'),
    expectEach: regexList('expectEach'),
    rejectEach: regexList('rejectEach'),
    envUnset: text('envUnset'),
    fileExists: text('fileExists'),
    fileAbsent: text('fileAbsent'),
    waitSeconds: optNum(raw, step, 'waitSeconds'),
    intervalSeconds: optNum(raw, step, 'intervalSeconds'),
  };
}

/**
 * What a pattern of expectEach / rejectEach stands for, in words: the literal it spells once
 * anchors, classes and empty groups are set aside ('(?:^|[\s/])cjcpw(?:\s|$)' is cjcpw, a
 * process name); a pattern that is more than one literal stays /source/.
 */
export function patternLabel(re: RegExp): string {
  let rest = re.source
    .replace(/\[(?:\\.|[^\]\\])*\]/g, '')
    .replace(/\\[sSdDwWbB]/g, '')
    .replace(/(?<!\\)[\^$]/g, '');
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/\((?:\?:)?\|*\)/g, '');
  }
  const literal = rest.replace(/\\([^A-Za-z0-9])/g, '$1');
  return literal !== '' && !/[\\()[\]{}|*+?.]/.test(rest.replace(/\\[^A-Za-z0-9]/g, '')) ? literal : `/${re.source}/`;
}

const labels = (patterns: RegExp[]): string => patterns.map(patternLabel).join(', ');

/** The lines of the output each pattern finds (a ps -ef line with its PID), at most a screenful. */
function linesOf(output: string, patterns: RegExp[]): string {
  const lines = output.split('\n').filter((line) => patterns.some((re) => re.test(line)));
  const shown = lines.slice(0, 20).map((line) => `  ${line.trimEnd()}`);
  if (lines.length > shown.length) shown.push(`  ${t('run.verify.moreLines', { count: lines.length - shown.length })}`);
  return shown.join('\n');
}

const exists = (p: string): Promise<boolean> =>
  lstat(p).then(
    () => true,
    () => false,
  );

/**
 * undefined when the check passes, else why not; `final` when waiting longer cannot help: the
 * command itself failed (a mistyped name, a tool missing), as opposed to its output saying
 * "not yet" (a mirror still RED), which is what a wait is for.
 */
async function once(step: PlannedStep, ctx: StepContext, s: Spec, quiet: boolean): Promise<{ reason: string; final?: boolean } | undefined> {
  const reason = await check(step, ctx, s, quiet);
  return reason === undefined || typeof reason === 'object' ? reason : { reason };
}

async function check(step: PlannedStep, ctx: StepContext, s: Spec, quiet: boolean): Promise<string | { reason: string; final: true } | undefined> {
  // The wizard's own environment is what its children (and the operator's shell) inherit.
  // Retry cannot pass: the wizard's own environment does not change; the message says the way out.
  const value = s.envUnset === undefined ? '' : (process.env[s.envUnset] ?? '');
  if (s.envUnset && value !== '') return { reason: t('run.verify.envSet', { name: s.envUnset, value }), final: true };
  if (s.fileExists && !(await exists(s.fileExists))) return t('run.verify.fileMissing', { file: s.fileExists });
  if (s.fileAbsent && (await exists(s.fileAbsent))) return t('run.verify.filePresent', { file: s.fileAbsent });
  if (!s.argv) return undefined;
  const r = await runCommand(ctx, step, s.argv, { quiet });
  const want = s.expectExit ?? 0;
  if (r.exitCode !== want) return { reason: t('run.verify.exit', { want, reason: describeFailure(s.argv, r) }), final: true };
  // The telling line of the output (e.g. "Mirror Color RED GREEN") says more than the pattern.
  const seen = (fallback: string): string => s.showLine?.exec(r.output)?.[0].trim() || fallback;
  if (s.expectOutput && !s.expectOutput.test(r.output)) return seen(t('run.verify.noMatch', { pattern: s.expectOutput.source }));
  if (s.rejectOutput && s.rejectOutput.test(r.output)) return seen(t('run.verify.rejected', { pattern: s.rejectOutput.source }));
  const missing = (s.expectEach ?? []).filter((re) => !re.test(r.output));
  const command = quoteArgv(s.argv);
  if (missing.length > 0) return t('run.verify.eachMissing', { names: labels(missing), command });
  const found = (s.rejectEach ?? []).filter((re) => re.test(r.output));
  if (found.length > 0) return t('run.verify.eachFound', { names: labels(found), command, lines: linesOf(r.output, found) });
  return undefined;
}

export const verify: StepHandler = {
  async run(step, ctx) {
    const s = spec(step);
    const started = Date.now();
    const wait = s.waitSeconds ?? 0;
    for (let attempt = 1; ; attempt++) {
      const result = await once(step, ctx, s, attempt > 1);
      if (result === undefined) return { status: 'done', detail: t('run.verify.passed') };
      const failure = result.reason;
      const elapsed = (Date.now() - started) / 1000;
      if (result.final || elapsed >= wait) throw new StepFailure(wait > 0 && !result.final ? t('run.verify.timeout', { seconds: wait, reason: failure }) : failure);
      output(ctx, step, t('run.verify.waiting', { reason: failure, elapsed: Math.round(elapsed), total: wait }));
      progress(ctx, step, { done: Math.round(elapsed), total: wait, unit: 'seconds' });
      const pause = Math.min(s.intervalSeconds ?? 5, Math.max(1, wait - elapsed));
      try {
        await sleep(pause * 1000, undefined, { signal: ctx.stop });
      } catch {
        throw new KilledByOperator(t('run.verify.interrupted', { cause: stoppedBy(ctx.stop) }), 'wait');
      }
    }
  },
  repeatable: true,
  describe(step) {
    const s = spec(step);
    const parts: string[] = [];
    if (s.argv) parts.push(`$ ${shownArgv(s.argv, step)}   (${t('run.verify.describeExit', { code: s.expectExit ?? 0 })})`);
    if (s.expectOutput) parts.push(t('run.verify.describeMatch', { pattern: s.expectOutput.source }));
    if (s.rejectOutput) parts.push(t('run.verify.describeReject', { pattern: s.rejectOutput.source }));
    if (s.expectEach) parts.push(t('run.verify.describeEach', { names: labels(s.expectEach) }));
    if (s.rejectEach) parts.push(t('run.verify.describeNone', { names: labels(s.rejectEach) }));
    if (s.envUnset) parts.push(t('run.verify.describeEnvUnset', { name: s.envUnset }));
    if (s.fileExists) parts.push(t('run.verify.describeExists', { file: s.fileExists }));
    if (s.fileAbsent) parts.push(t('run.verify.describeAbsent', { file: s.fileAbsent }));
    if (s.waitSeconds) parts.push(t('run.verify.describeWait', { seconds: s.waitSeconds }));
    return parts;
  },
};
