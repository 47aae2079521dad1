// backup: archive the REAL directory behind the source (a symlinked /home/sharetask must not
// give an archive of the link alone), after checking free space, with progress in bytes, then
// prove it: GNU tar must list exactly the entries that were walked. Only a verified archive
// gets its final name, so "the archive exists" means "the archive is good".
import { copyFile, chmod, chown, lstat, mkdir, realpath, rename, rm, stat, statfs, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { backupPath } from '../../io/backup-name.js';
import { pathInside } from '../../io/paths.js';
import { t } from '../../i18n/index.js';
import '../../i18n/messages/backup.js';
import type { PlannedStep } from '../../model/plan.js';
import { createTarGz, listTarGz } from '../archive.js';
import { errorText, now, output, progress, record, StepFailure, type StepContext, type StepHandler } from '../context.js';
import { optBool, optStr, str, strList } from '../params.js';
import { compareListing, walkTree } from '../tree.js';

const MB = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Moves an earlier file of the same name aside: a backup never overwrites a backup. */
export async function moveAside(path: string): Promise<string | undefined> {
  if (!(await exists(path))) return undefined;
  for (let n = 0; ; n++) {
    const aside = backupPath(path, new Date(), n);
    if (await exists(aside)) continue;
    await rename(path, aside);
    return aside;
  }
}

async function realSource(step: PlannedStep): Promise<string> {
  const source = str(step, 'source');
  try {
    const real = await realpath(source);
    if (!(await stat(real)).isDirectory()) throw new StepFailure(t('run.backup.notDir', { path: source }));
    return real;
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    throw new StepFailure(t('run.backup.sourceMissing', { path: source }));
  }
}

/**
 * An excluded path as it is named inside the archive: tar is given `-C dirname(real) basename(real)`,
 * so members are "TOP/rel", never the absolute path. `bases` are the directories the path may be
 * given under (the source, its real path); undefined when it is under none of them. Shared with
 * the Ansible export, whose tar must leave out the same members.
 */
export function excludedMember(path: string, bases: readonly string[], top: string): string | undefined {
  const under = bases.map((base) => pathInside(base, path)).find((rel) => rel !== undefined && rel !== '');
  return under === undefined ? undefined : `${top}/${under}`;
}

/** The archive member names of the excluded paths (given under the source or its real path). */
function excludedMembers(step: PlannedStep, real: string): string[] {
  const source = str(step, 'source');
  return strList(step, 'exclude').map((path) => {
    const member = excludedMember(path, [source, real], basename(real));
    if (member === undefined) throw new StepFailure(t('run.backup.excludeOutside', { path, source }));
    return member;
  });
}

function extraDest(step: PlannedStep): string {
  return optStr(step, 'extraTo') ?? dirname(str(step, 'archive'));
}

async function copyExtras(step: PlannedStep, ctx: StepContext): Promise<string[]> {
  const to = extraDest(step);
  const copied: string[] = [];
  const extras = strList(step, 'extraFiles');
  if (extras.length > 0) await mkdir(to, { recursive: true });
  for (const file of extras) {
    if (!(await exists(file))) {
      // The vendor's optional daemons may have no init script: reported, not fatal.
      output(ctx, step, t('run.backup.extraMissing', { file }));
      continue;
    }
    const dest = join(to, basename(file));
    const aside = await moveAside(dest);
    const st = await stat(file);
    await copyFile(file, dest);
    if (process.getuid?.() === 0) await chown(dest, st.uid, st.gid);
    await chmod(dest, st.mode & 0o7777);
    await utimes(dest, st.atime, st.mtime);
    record(ctx, { type: 'written', time: now(), step: step.id, file: dest, ...(aside ? { backup: aside } : {}) });
    copied.push(dest);
  }
  return copied;
}

/** GNU tar must read the archive and list exactly the expected entries; returns the listing. */
export async function verifyArchive(archive: string, expected: readonly string[], kill?: AbortSignal): Promise<string[]> {
  const listed = await listTarGz(archive, kill);
  const { missing, extra } = compareListing(expected, listed);
  if (missing.length > 0 || extra.length > 0 || listed.length !== expected.length) {
    throw new StepFailure(
      t('run.backup.mismatch', {
        archive,
        expected: expected.length,
        listed: listed.length,
        missing: missing.slice(0, 5).join(', ') || '-',
        extra: extra.slice(0, 5).join(', ') || '-',
      }),
    );
  }
  return listed;
}

export const backup: StepHandler = {
  async run(step, ctx) {
    const archive = str(step, 'archive');
    const real = await realSource(step);
    const source = str(step, 'source');
    if (real !== source) output(ctx, step, t('run.backup.realPath', { source, real }));
    if (pathInside(real, dirname(archive)) !== undefined) throw new StepFailure(t('run.backup.inside', { archive, source: real }));

    const exclude = excludedMembers(step, real);
    const tree = await walkTree(dirname(real), basename(real), new Set(exclude.map((e) => Buffer.from(e).toString('latin1'))));
    if (tree.files === 0 && optBool(step, 'skipIfEmpty')) {
      output(ctx, step, t('run.backup.empty', { source: real }));
      return { status: 'skipped', detail: t('run.backup.empty', { source: real }) };
    }
    await mkdir(dirname(archive), { recursive: true });
    const fs = await statfs(dirname(archive));
    const free = fs.bavail * fs.bsize;
    // Compression usually halves it, but a database may not compress: ask for the full size.
    if (free < tree.bytes) {
      throw new StepFailure(t('run.backup.noSpace', { dir: dirname(archive), free: MB(free), needed: MB(tree.bytes) }));
    }
    output(ctx, step, t('run.backup.start', { source: real, archive, size: MB(tree.bytes), entries: tree.names.length }));

    const partial = `${archive}.partial`;
    await rm(partial, { force: true });
    let last = 0;
    let created;
    try {
      created = await createTarGz(dirname(real), basename(real), partial, {
        kill: ctx.kill,
        exclude,
        onBytes: (bytes) => {
          const done = Math.min(bytes, tree.tarBytes);
          if (done - last < tree.tarBytes / 100 && done !== tree.tarBytes) return;
          last = done;
          progress(ctx, step, { done, total: tree.tarBytes, unit: 'bytes' });
        },
      });
    } catch (error) {
      // A half-written archive would keep the disk full for every step that follows.
      await rm(partial, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof StepFailure || typeof code !== 'string') throw error;
      const reason = code === 'ENOSPC' ? t('run.backup.diskFull', { dir: dirname(archive) }) : errorText(error);
      throw new StepFailure(t('run.backup.writeFailed', { archive: partial, reason }));
    }
    if (created.warnings) output(ctx, step, created.warnings);

    output(ctx, step, t('run.backup.verifying', { archive: partial }));
    const listed = await verifyArchive(partial, tree.names, ctx.kill);
    const aside = await moveAside(archive);
    await rename(partial, archive);
    record(ctx, { type: 'written', time: now(), step: step.id, file: archive, ...(aside ? { backup: aside } : {}) });
    const extras = await copyExtras(step, ctx);
    const detail = t(extras.length > 0 ? 'run.backup.doneExtras' : 'run.backup.done', {
      archive,
      entries: listed.length,
      size: MB(tree.bytes),
      compressed: MB(created.compressedBytes),
      extras: extras.join(', '),
    });
    return { status: 'done', detail };
  },

  async isDone(step, ctx) {
    const archive = str(step, 'archive');
    let st;
    try {
      st = await stat(archive);
    } catch {
      return false;
    }
    // An archive older than the interrupted attempt is an earlier backup, not this one.
    if (ctx.startedAt && st.mtimeMs < ctx.startedAt.getTime() - 2000) return false;
    try {
      if ((await listTarGz(archive, ctx.kill)).length === 0) return false;
    } catch {
      return false;
    }
    for (const file of strList(step, 'extraFiles')) {
      if ((await exists(file)) && !(await exists(join(extraDest(step), basename(file))))) return false;
    }
    return true;
  },

  describe(step) {
    const extras = strList(step, 'extraFiles');
    const exclude = strList(step, 'exclude');
    return [
      t('run.backup.describe', { source: str(step, 'source'), archive: str(step, 'archive') }),
      ...(exclude.length > 0 ? [t('run.backup.describeExclude', { paths: exclude.join(' ') })] : []),
      ...(extras.length > 0 ? [t('run.backup.describeExtra', { files: extras.join(' '), to: extraDest(step) })] : []),
    ];
  },
};
