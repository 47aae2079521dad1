// command: argv lists run in order, in the step's cwd. A failure stops the step unless the
// procedure says it may be ignored (allowFailure), in which case it is reported and the
// remaining commands still run.
import { writeFile } from 'node:fs/promises';
import { t } from '../../i18n/index.js';
import { isAbsolute, join } from 'node:path';
import '../../i18n/messages/jobcenter.js';
import { output, StepFailure, type StepContext, type StepHandler } from '../context.js';
import { argvList, optStr } from '../params.js';
import { describeFailure, runCommand } from '../proc.js';
import { shownArgv } from '../../quote.js';

/** A relative stdout file is kept in the run's log dir, beside the journal and the report. */
function outputFile(file: string | undefined, ctx: StepContext): string | undefined {
  if (file === undefined || isAbsolute(file)) return file;
  if (ctx.journal === undefined) throw new StepFailure(t('run.stdoutNoLogDir', { file }));
  return join(ctx.journal.logDir, file);
}

export const command: StepHandler = {
  async run(step, ctx) {
    const cwd = optStr(step, 'cwd');
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
    return argvList(step).map((argv) => `$ ${cd}${shownArgv(argv, step)}${out ? ` > ${shownArgv([out], step)}` : ''}`);
  },
};
