// restore: puts a backup archive back (procedure 2.3). The archive is extracted beside the
// target first; only when that worked is the current tree moved aside (NAME.broken, never
// deleted) and the extracted one renamed into place. A symlinked target is restored where the
// link points, like the backup archived the real directory.
import { lstat, mkdtemp, readdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { compactStamp } from '../../io/backup-name.js';
import { t } from '../../i18n/index.js';
import '../../i18n/messages/backup.js';
import { KilledByOperator, now, output, record, StepFailure, type StepHandler } from '../context.js';
import { killedText } from '../signals.js';
import { listTarGz } from '../archive.js';
import { killGroupOnAbort } from '../proc.js';
import { str } from '../params.js';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function realTarget(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch {
    return target;
  }
}

async function brokenName(path: string): Promise<string> {
  const plain = `${path}.broken`;
  if (!(await exists(plain))) return plain;
  for (let n = 0; ; n++) {
    const candidate = `${plain}-${compactStamp(new Date())}${n === 0 ? '' : `-${n + 1}`}`;
    if (!(await exists(candidate))) return candidate;
  }
}

export const restore: StepHandler = {
  async run(step, ctx) {
    const archive = str(step, 'archive');
    const target = await realTarget(str(step, 'target'));
    if (!(await exists(archive))) throw new StepFailure(t('run.restore.noArchive', { archive }));
    await listTarGz(archive, ctx.kill);
    const work = await mkdtemp(join(dirname(target), `.${basename(target)}.restore-`));
    try {
      const args = ['xzf', archive, '-C', work, '-p', ...(process.getuid?.() === 0 ? ['--same-owner'] : [])];
      const { execa } = await import('execa');
      // As in listTarGz: the second Ctrl-C ends tar and the gzip it runs.
      const child = execa('tar', args, { stdin: 'ignore', reject: false, all: true, detached: true, env: { LC_ALL: 'C' } });
      const killer = killGroupOnAbort(child.pid, ctx.kill);
      const r = await child.finally(() => killer.done());
      record(ctx, { type: 'command', time: now(), step: step.id, argv: ['tar', ...args], exitCode: r.exitCode ?? null, durationMs: r.durationMs, ...(r.signal ? { signal: r.signal } : {}) });
      if (killer.killed()) throw new KilledByOperator(killedText(ctx.kill, `tar xzf ${archive}`));
      if (r.exitCode !== 0) throw new StepFailure(t('run.restore.extractFailed', { archive, output: String(r.all ?? '').trim() }));
      const top = await readdir(work);
      // An archive of one directory (the backup step's kind) restores that directory's content.
      const extracted = top.length === 1 ? join(work, top[0] as string) : work;
      let aside: string | undefined;
      if (await exists(target)) {
        aside = await brokenName(target);
        await rename(target, aside);
        output(ctx, step, t('run.restore.movedAside', { target, aside }));
      }
      await rename(extracted, target);
      record(ctx, { type: 'written', time: now(), step: step.id, file: target, ...(aside ? { backup: aside } : {}) });
      const detail = aside ? t('run.restore.done', { archive, target, aside }) : t('run.restore.doneFresh', { archive, target });
      return { status: 'done', detail };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
  // Restoring again moves the current tree aside again: nothing is lost.
  repeatable: true,
  describe(step) {
    return [t('run.restore.describe', { archive: str(step, 'archive'), target: str(step, 'target') })];
  },
};
