// copy: `cp -a FROM TO` where TO is the copy itself (never "into TO" when TO exists: an
// earlier TO is moved aside to TO.bak-STAMP first). The copy is made under a temporary
// name and renamed when complete, so TO exists only whole. With preserve, owner, mode and
// times are kept as cp -a does.
import { cp, lchown, lstat, lutimes, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { now, output, record, StepFailure, type StepHandler } from '../context.js';
import { ifMissing, optBool, str } from '../params.js';
import { moveAside } from './backup.js';
import { quoteArg, quoteArgv, quoteCmdArgv } from '../../quote.js';
import '../../i18n/messages/describe.js';
import '../../i18n/messages/jobcenter.js';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** fs.cp keeps modes (and file times with preserveTimestamps); owners and directory times are ours. */
async function keepAttributes(from: string, to: string): Promise<void> {
  const st = await lstat(from);
  if (st.isDirectory()) for (const name of await readdir(from)) await keepAttributes(join(from, name), join(to, name));
  if (process.getuid?.() === 0) await lchown(to, st.uid, st.gid);
  // After the children: writing into a directory changes its mtime.
  await lutimes(to, st.atime, st.mtime);
}

/** Names and sizes of a tree, to tell a complete copy from a partial one. */
async function shape(path: string, prefix = ''): Promise<string[]> {
  const st = await lstat(path);
  const here = [`${prefix}:${st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : st.size}`];
  if (!st.isDirectory()) return here;
  const names = (await readdir(path)).sort();
  for (const name of names) here.push(...(await shape(join(path, name), `${prefix}/${name}`)));
  return here;
}

export async function copyPreserving(from: string, to: string, preserve: boolean): Promise<void> {
  await cp(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: preserve, errorOnExist: true, force: false });
  if (preserve) await keepAttributes(from, to);
}

/**
 * The set-aside of an existing TO as a shell line: a plain cp or mv onto an existing directory
 * would copy or move INTO it, which the wizard never does.
 */
export function setAsideLine(to: string, note: 'describe.setAside' | 'describe.setAsideMove'): string {
  return `[ -e ${quoteArg(to)} ] && ${quoteArgv(['mv', '-T', to])} ${quoteArg(`${to}.bak-`)}$(date +%Y%m%d%H%M%S)   ${t(note, { path: to })}`;
}

function ends(step: PlannedStep): { from: string; to: string } {
  return { from: str(step, 'from'), to: str(step, 'to') };
}

export const copy: StepHandler = {
  async run(step, ctx) {
    const { from, to } = ends(step);
    if (!(await exists(from))) {
      if (ifMissing(step) === 'skip') {
        output(ctx, step, t('run.copy.missingSkipped', { from }));
        return { status: 'skipped', detail: t('run.copy.missingSkipped', { from }) };
      }
      throw new StepFailure(t('run.copy.missing', { from }));
    }
    const partial = `${to}.uw-partial`;
    await rm(partial, { recursive: true, force: true });
    await copyPreserving(from, partial, optBool(step, 'preserve'));
    const aside = await moveAside(to);
    if (aside) output(ctx, step, t('run.movedAside', { path: to, aside }));
    await rename(partial, to);
    record(ctx, { type: 'written', time: now(), step: step.id, file: to, ...(aside ? { backup: aside } : {}) });
    return { status: 'done', detail: t('run.copy.done', { from, to }) };
  },
  async isDone(step) {
    const { from, to } = ends(step);
    if (!(await exists(to)) || !(await exists(from))) return false;
    const [a, b] = [await shape(from), await shape(to)];
    return a.length === b.length && a.every((x, i) => x === b[i]);
  },
  describe(step) {
    const { from, to } = ends(step);
    // On Windows, what the operator types in cmd.exe: the guide's `copy` (the steps there copy one
    // file, JobCenterCluster.vbs), after `ren`, which takes the new name without its folder.
    if (step.windows) {
      const name = to.split(/[\\/]/).pop() ?? to;
      return [
        `${quoteCmdArgv(['if', 'exist', to, 'ren', to, `${name}.bak-YYYYMMDDHHMMSS`])}   ${t('describe.setAsideWindows', { path: to })}`,
        quoteCmdArgv(['copy', from, to]),
      ];
    }
    return [setAsideLine(to, 'describe.setAside'), quoteArgv(['cp', optBool(step, 'preserve') ? '-a' : '-r', from, to])];
  },
};
