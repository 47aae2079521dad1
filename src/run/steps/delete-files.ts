// delete-files: what a procedure does with `del /F /Q job*` and `rd /S /Q necjclog`, done with
// the file API, never a shell. The wizard matches the wildcards itself, shows the list and has it
// confirmed before anything goes; each item is first copied into the run's log dir (journaled as
// written + backup), so a deletion can be undone by hand. Running it again deletes what is left.
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import '../../i18n/messages/jobcenter.js';
import '../../i18n/messages/kinds.js';
import type { PlannedStep } from '../../model/plan.js';
import { now, output, record, StepFailure, whoConfirmed, type StepContext, type StepHandler } from '../context.js';
import { optBool, str, strList } from '../params.js';

/** A name pattern with * and ? as wildcards -> an anchored regular expression. */
export function wildcard(pattern: string, ignoreCase: boolean): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
}

export interface Match {
  name: string;
  path: string;
  isDir: boolean;
}

/** The entries of dir the step would delete, sorted by name: plain files for `files`, directories for `dirs`. */
export async function matches(step: PlannedStep): Promise<Match[]> {
  const dir = str(step, 'dir');
  const ignoreCase = optBool(step, 'ignoreCase');
  const files = strList(step, 'files').map((p) => wildcard(p, ignoreCase));
  const dirs = strList(step, 'dirs').map((p) => wildcard(p, ignoreCase));
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new StepFailure(t('run.deleteFiles.noDir', { dir, detail: (error as Error).message }));
  }
  const found: Match[] = [];
  for (const e of entries) {
    // A link to a directory is not walked into: like `del`, it is removed as an entry.
    const isDir = e.isDirectory();
    const list = isDir ? dirs : files;
    if (list.some((re) => re.test(e.name))) found.push({ name: e.name, path: join(dir, e.name), isDir });
  }
  // Code-point order: the same list on every machine, whatever its locale.
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function keepDir(ctx: StepContext, step: PlannedStep): string {
  if (ctx.journal === undefined) throw new StepFailure(t('run.deleteFiles.noLogDir'));
  return join(ctx.journal.logDir, `deleted-${ctx.journal.runId}`, step.id);
}

export const deleteFiles: StepHandler = {
  async run(step, ctx) {
    const found = await matches(step);
    const dir = str(step, 'dir');
    if (found.length === 0) {
      const detail = t('run.deleteFiles.none', { dir });
      output(ctx, step, detail);
      return { status: 'done', detail };
    }
    const list = found.map((m) => `${m.path}${m.isDir ? ` ${t('run.deleteFiles.tree')}` : ''}`);
    output(ctx, step, [t('run.deleteFiles.list', { count: found.length, dir }), ...list.map((l) => `  ${l}`)].join('\n'));
    const keep = keepDir(ctx, step);
    // The item to tick is the deletion itself: "I have done this step" had administrators
    // delete the files by hand before the wizard did.
    const answer = await ctx.interaction.confirmManual({
      ...step,
      instructions: [t('run.deleteFiles.confirm', { count: found.length, dir, keep }), ...list.map((l) => `  ${l}`)].join('\n'),
      checklist: [t('kinds.deleteFiles.tick', { count: found.length, keep })],
    });
    if (answer === 'skip' && step.skippable) return { status: 'skipped', detail: t('kinds.deleteFiles.skipped', { by: whoConfirmed(ctx.confirmedBy) }) };
    if (answer !== 'done') return { status: 'skipped', stopRun: 'declined', detail: t('run.deleteFiles.declined') };
    record(ctx, { type: 'confirm', time: now(), step: step.id, by: ctx.confirmedBy });
    await mkdir(keep, { recursive: true, mode: 0o700 });
    for (const m of found) {
      const copy = join(keep, m.name);
      // A copy left by an interrupted attempt is replaced: the original is still the truth.
      await rm(copy, { recursive: true, force: true });
      await cp(m.path, copy, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      await rm(m.path, { recursive: m.isDir, force: true });
      record(ctx, { type: 'written', time: now(), step: step.id, file: m.path, backup: copy });
    }
    const detail = t('run.deleteFiles.done', { count: found.length, keep });
    output(ctx, step, detail);
    return { status: 'done', detail };
  },
  async isDone(step) {
    try {
      return (await matches(step)).length === 0;
    } catch {
      return undefined;
    }
  },
  repeatable: true,
  describe(step) {
    const dir = str(step, 'dir');
    const lines: string[] = [];
    const files = strList(step, 'files');
    const dirs = strList(step, 'dirs');
    if (files.length > 0) lines.push(t('run.deleteFiles.describeFiles', { dir, patterns: files.join(' ') }));
    if (dirs.length > 0) lines.push(t('run.deleteFiles.describeDirs', { dir, patterns: dirs.join(' ') }));
    return lines;
  },
};

