// move: `mv FROM TO` where TO is the new name (an existing TO is moved aside first, never
// merged into). Across file systems it copies, then removes the original.
import { lstat, rename, rm } from 'node:fs/promises';
import { t } from '../../i18n/index.js';
import { now, output, record, StepFailure, type StepHandler } from '../context.js';
import { ifMissing, str } from '../params.js';
import { moveAside } from './backup.js';
import { copyPreserving } from './copy.js';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

export const move: StepHandler = {
  async run(step, ctx) {
    const from = str(step, 'from');
    const to = str(step, 'to');
    if (!(await exists(from))) {
      if (ifMissing(step) === 'skip') {
        output(ctx, step, t('run.copy.missingSkipped', { from }));
        return { status: 'skipped', detail: t('run.copy.missingSkipped', { from }) };
      }
      throw new StepFailure(t('run.move.missing', { from }));
    }
    const aside = await moveAside(to);
    if (aside) output(ctx, step, t('run.movedAside', { path: to, aside }));
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyPreserving(from, to, true);
      await rm(from, { recursive: true, force: true });
    }
    record(ctx, { type: 'written', time: now(), step: step.id, file: to, ...(aside ? { backup: aside } : {}) });
    return { status: 'done', detail: t('run.move.done', { from, to }) };
  },
  async isDone(step) {
    return !(await exists(str(step, 'from'))) && (await exists(str(step, 'to')));
  },
  describe(step) {
    return [`mv ${str(step, 'from')} ${str(step, 'to')}`];
  },
};
