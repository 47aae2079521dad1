// ensure-dir: the directory exists with the owner and mode the procedure asks for
// (mkdir -p; chown [-R] OWNER:; chmod). Present and right already: nothing to do.
import { chmod, lchown, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { StepFailure, type StepHandler } from '../context.js';
import { optBool, optStr, str } from '../params.js';
import { resolveOwner, type Owner } from '../owner.js';
import { quoteArgv } from '../../quote.js';

/** Owner and mode wanted: as given, else copied from `like` (the directory this one replaces). */
interface Wanted {
  owner?: Owner;
  mode?: number;
  shown: { owner: string; mode: string };
}

async function wanted(step: PlannedStep): Promise<Wanted> {
  const mode = optStr(step, 'mode');
  if (mode !== undefined && !/^0?[0-7]{3,4}$/.test(mode)) throw new StepFailure(t('run.dir.badMode', { mode }));
  const ownerSpec = optStr(step, 'owner');
  const like = optStr(step, 'like');
  const model = like ? await stat(like).catch(() => undefined) : undefined;
  if (like && !model) throw new StepFailure(t('run.dir.noLike', { path: like }));
  const owner = ownerSpec ? await resolveOwner(ownerSpec) : model ? { uid: model.uid, gid: model.gid, text: `${model.uid}:${model.gid}` } : undefined;
  const m = mode !== undefined ? parseInt(mode, 8) : model ? model.mode & 0o7777 : undefined;
  return { owner, mode: m, shown: { owner: owner?.text ?? '-', mode: m === undefined ? '-' : m.toString(8).padStart(4, '0') } };
}

async function chownTree(path: string, owner: Owner): Promise<void> {
  await lchown(path, owner.uid, owner.gid);
  if (!(await lstat(path)).isDirectory()) return;
  for (const name of await readdir(path)) await chownTree(join(path, name), owner);
}

async function check(step: PlannedStep): Promise<{ exists: boolean; right: boolean }> {
  const path = str(step, 'path');
  let st;
  try {
    st = await stat(path);
  } catch {
    return { exists: false, right: false };
  }
  if (!st.isDirectory()) throw new StepFailure(t('run.dir.notDir', { path }));
  const want = await wanted(step);
  let right = want.mode === undefined || (st.mode & 0o7777) === want.mode;
  if (want.owner) right = right && st.uid === want.owner.uid && st.gid === want.owner.gid;
  return { exists: true, right };
}

export const ensureDir: StepHandler = {
  async run(step) {
    const path = str(step, 'path');
    const state = await check(step);
    if (state.right && !optBool(step, 'recursiveOwner')) {
      return { status: 'done', detail: t('run.dir.already', { path }) };
    }
    if (!state.exists) await mkdir(path, { recursive: true });
    const want = await wanted(step);
    if (want.owner) {
      if (optBool(step, 'recursiveOwner')) await chownTree(path, want.owner);
      else await lchown(path, want.owner.uid, want.owner.gid);
    }
    // After chown, which may clear set-id bits.
    if (want.mode !== undefined) await chmod(path, want.mode);
    const attrs = (want.owner ? t('run.dir.owner', { owner: want.shown.owner }) : '') + (want.mode !== undefined ? t('run.dir.mode', { mode: want.shown.mode }) : '');
    const detail = t(state.exists ? 'run.dir.fixed' : 'run.dir.created', { path, attrs });
    return { status: 'done', detail };
  },
  async isDone(step) {
    // Recursive ownership is cheap to apply again and hard to prove: redo it.
    if (optBool(step, 'recursiveOwner')) return false;
    return (await check(step)).right;
  },
  describe(step) {
    // Shell lines that can be copied: paths quoted, `like` as --reference (owner and mode of that path).
    const path = str(step, 'path');
    const like = optStr(step, 'like');
    const owner = optStr(step, 'owner');
    const mode = optStr(step, 'mode');
    const recursive = optBool(step, 'recursiveOwner') ? ['-R'] : [];
    // A bare user gets its login group, as the run does (resolveOwner): shown as `chown USER:`.
    const chown = owner ? ['chown', ...recursive, owner.includes(':') ? owner : `${owner}:`, path] : like ? ['chown', ...recursive, `--reference=${like}`, path] : undefined;
    const chmod = mode ? ['chmod', mode, path] : like ? ['chmod', `--reference=${like}`, path] : undefined;
    return [['mkdir', '-p', path], chown, chmod].flatMap((argv) => (argv ? [quoteArgv(argv)] : []));
  },
};
