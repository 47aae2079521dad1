// switch-symlink: point a link at another directory atomically (new link beside it, then
// rename over the old one), so there is never a moment without the link. The old target is
// reported: it is the way back.
import { lstat, readlink, realpath, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { now, record, StepFailure, type StepHandler } from '../context.js';
import { str } from '../params.js';
import { randomHex } from '../../io/crypto.js';

/** A target in the link's own directory is written relative, like `ln -s NAME link`. */
function linkText(link: string, target: string): string {
  if (isAbsolute(target) && dirname(target) === dirname(link)) return basename(target);
  return target;
}

function paths(step: PlannedStep): { link: string; target: string; text: string } {
  const link = str(step, 'link');
  const target = str(step, 'target');
  return { link, target: resolve(dirname(link), target), text: linkText(link, target) };
}

export const switchSymlink: StepHandler = {
  async run(step, ctx) {
    const { link, target, text } = paths(step);
    try {
      if (!(await stat(target)).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new StepFailure(t('run.symlink.noTarget', { target }));
    }
    let old: string | undefined;
    try {
      const st = await lstat(link);
      if (!st.isSymbolicLink()) throw new StepFailure(t('run.symlink.notLink', { link }));
      old = await readlink(link);
    } catch (error) {
      if (error instanceof StepFailure) throw error;
    }
    const temp = `${link}.uw-${randomHex(3)}`;
    await symlink(text, temp);
    try {
      await rename(temp, link);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    record(ctx, { type: 'written', time: now(), step: step.id, file: link });
    const detail = t('run.symlink.done', { link, target: text, old: old ?? '-' });
    return { status: 'done', detail };
  },
  async isDone(step) {
    const { link, target } = paths(step);
    try {
      if (!(await lstat(link)).isSymbolicLink()) return false;
      return (await realpath(link)) === (await realpath(target));
    } catch {
      return false;
    }
  },
  describe(step) {
    const { link, text } = paths(step);
    return [`ln -sfn ${text} ${link}   (${t('run.symlink.atomic')})`];
  },
};
