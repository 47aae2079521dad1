// move: `mv FROM TO` where TO is the new name (an existing TO is moved aside first, never
// merged into; an empty directory is replaced, as mv does). Across file systems it copies, then
// removes the original.
import { lstat, rename, rm, rmdir } from 'node:fs/promises';
import { t } from '../../i18n/index.js';
import { now, output, record, StepFailure, type StepHandler } from '../context.js';
import { ifMissing, str } from '../params.js';
import { moveAside } from './backup.js';
import { copyPreserving, setAsideLine } from './copy.js';
import { quoteArgv } from '../../quote.js';

/**
 * A directory FROM replaces an empty directory TO (iPlanet's rollbacks put the message store back
 * where an empty one stands in for it): kept aside, it would be a stray TO.bak-STAMP that reads
 * as an earlier version. rmdir fails on a directory that is not empty, which is then kept aside.
 */
async function replaceEmptyDir(from: string, to: string): Promise<boolean> {
  try {
    if (!(await lstat(from)).isDirectory() || !(await lstat(to)).isDirectory()) return false;
    await rmdir(to);
    return true;
  } catch {
    return false;
  }
}

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
    if (await replaceEmptyDir(from, to)) output(ctx, step, t('run.move.emptyReplaced', { path: to }));
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
    const to = str(step, 'to');
    return [setAsideLine(to, 'describe.setAsideMove'), quoteArgv(['mv', '-T', str(step, 'from'), to])];
  },
};
