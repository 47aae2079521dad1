// command: argv lists run in order, in the step's cwd. A failure stops the step unless the
// procedure says it may be ignored (allowFailure), in which case it is reported and the
// remaining commands still run. A probe (skipWhen) is run first: when it passes, the step's
// work is already done and it ends skipped without running them.
import { writeFile } from 'node:fs/promises';
import { t } from '../../i18n/index.js';
import { isAbsolute, join } from 'node:path';
import '../../i18n/messages/jobcenter.js';
import '../../i18n/messages/probe.js';
import type { PlannedStep } from '../../model/plan.js';
import { plannedProbe, probeLines, type PlannedProbe } from '../../plan/probe.js';
import { output, StepFailure, type StepContext, type StepHandler } from '../context.js';
import { argvList, optStr } from '../params.js';
import { describeFailure, runCommand } from '../proc.js';
import { shownArgv } from '../../quote.js';
import { runProbe } from './probe.js';

/** A relative stdout file is kept in the run's log dir, beside the journal and the report. */
function outputFile(file: string | undefined, ctx: StepContext): string | undefined {
  if (file === undefined || isAbsolute(file)) return file;
  if (ctx.journal === undefined) throw new StepFailure(t('run.stdoutNoLogDir', { file }));
  return join(ctx.journal.logDir, file);
}

/** The step's probe, a malformed one (a journal edited by hand) a failure of the step. */
function probeOf(step: PlannedStep): PlannedProbe | undefined {
  try {
    return plannedProbe(step);
  } catch (error) {
    throw new StepFailure((error as Error).message);
  }
}

export const command: StepHandler = {
  async run(step, ctx) {
    const cwd = optStr(step, 'cwd');
    const probe = probeOf(step);
    if (probe !== undefined) {
      // Already so: nothing of the step's own runs, and the step says what showed it.
      const seen = await runProbe(ctx, step, probe, cwd);
      if (seen.passed) return { status: 'skipped', detail: seen.detail };
      output(ctx, step, t('probe.notYet', { reason: seen.reason }));
    }
    const stdoutFile = outputFile(optStr(step, 'stdout'), ctx);
    // Output that must not reach the screen or the log (a dump): a file only root can read.
    if (stdoutFile) await writeFile(stdoutFile, '', { mode: 0o600 });
    const ignored: string[] = [];
    for (const argv of argvList(step)) {
      const r = await runCommand(ctx, step, argv, { cwd, stdoutFile });
      if (r.exitCode === 0) continue;
      const why = describeFailure(argv, r);
      if (!step.allowFailure) throw new StepFailure(why);
      output(ctx, step, t('run.allowedFailure', { reason: why.split('\n')[0] ?? '' }));
      ignored.push(shownArgv(argv, step));
    }
    // Named in the step's detail, so the report says where the output is (e.g. settings to re-enter).
    const saved = stdoutFile ? t('run.stdoutSaved', { file: stdoutFile }) : undefined;
    const details = [...(ignored.length === 0 ? [] : [t('run.allowedFailureDetail', { commands: ignored.join('; ') })]), ...(saved ? [saved] : [])];
    return details.length === 0 ? { status: 'done' } : { status: 'done', detail: details.join('; ') };
  },
  describe(step) {
    const cwd = optStr(step, 'cwd');
    const out = optStr(step, 'stdout');
    // As the operator would type it, quoted, so that a line copied from a runbook runs as shown.
    const cd = cwd ? `${shownArgv(step.windows ? ['cd', '/d', cwd] : ['cd', cwd], step)} && ` : '';
    const probe = probeOf(step);
    const check = probe === undefined ? [] : probeLines(step, probe, cd);
    return [...check, ...argvList(step).map((argv) => `$ ${cd}${shownArgv(argv, step)}${out ? ` > ${shownArgv([out], step)}` : ''}`)];
  },
};
