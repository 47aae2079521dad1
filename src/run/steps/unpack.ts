// unpack: a package from the media into a directory (tar xzf / unzip -q), as argv.
import { mkdir, stat } from 'node:fs/promises';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { StepFailure, type StepHandler } from '../context.js';
import { str } from '../params.js';
import { describeFailure, runCommand } from '../proc.js';
import { quoteArgv } from '../../quote.js';

/** The plan's argv when it has one (what was reviewed is what runs), else built here. */
function argvFor(step: PlannedStep): string[] {
  const planned = step.commands?.[0];
  if (planned && planned.length > 0) return planned;
  const archive = str(step, 'archive');
  const into = str(step, 'into');
  if (/\.(tar\.gz|tgz)$/i.test(archive)) return ['tar', 'xzf', archive, '-C', into];
  if (/\.tar$/i.test(archive)) return ['tar', 'xf', archive, '-C', into];
  // -o: stdin is closed, so unzip must not stop to ask about overwriting.
  if (/\.zip$/i.test(archive)) return ['unzip', '-q', '-o', archive, '-d', into];
  throw new StepFailure(t('run.unpack.unknownType', { archive }));
}

export const unpack: StepHandler = {
  async run(step, ctx) {
    const archive = str(step, 'archive');
    try {
      if (!(await stat(archive)).isFile()) throw new Error('not a file');
    } catch {
      throw new StepFailure(t('run.unpack.noArchive', { archive }));
    }
    const argv = argvFor(step);
    await mkdir(str(step, 'into'), { recursive: true });
    const r = await runCommand(ctx, step, argv);
    if (r.exitCode !== 0) throw new StepFailure(describeFailure(argv, r));
    return { status: 'done' };
  },
  // Extracting the same package again gives the same files.
  repeatable: true,
  describe(step) {
    return [`$ ${quoteArgv(argvFor(step))}`];
  },
};
