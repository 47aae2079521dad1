// The delete-files step that replaces the guide's `del /F /Q job*` and `rd /S /Q necjclog`, on a
// real directory tree: what it matches (wildcards, case, files vs directories), that nothing goes
// without confirmation, that a copy of each item is kept and journaled, and that running it again
// after an interruption deletes only what is left.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Interaction } from '../../src/model/interaction.js';
import type { PlannedStep } from '../../src/model/plan.js';
import type { StepContext } from '../../src/run/context.js';
import { JournalWriter } from '../../src/run/journal-writer.js';
import { Redactor } from '../../src/run/redact.js';
import { deleteFiles, matches } from '../../src/run/steps/delete-files.js';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jc-del-'));
  const win = join(dir, 'system32');
  mkdirSync(join(win, 'necjclog'), { recursive: true });
  mkdirSync(join(win, 'necjcupsetup'), { recursive: true });
  mkdirSync(join(win, 'drivers'), { recursive: true });
  for (const f of ['necjcsock.dll', 'NECJCEX.DLL', 'kernel32.dll', 'necjclog/jc.log', 'necjcupsetup/setup.ini', 'drivers/necfoo.sys']) writeFileSync(join(win, f), f);
  return dir;
}

function step(dir: string, over: Record<string, unknown> = {}): PlannedStep {
  return { id: 's-del', kind: 'delete-files', title: 'Delete necjcsock.dll', manual: false, allowFailure: false, skippable: false, params: { dir: join(dir, 'system32'), files: ['nec*'], dirs: ['necjclog'], ignoreCase: true, ...over } };
}

function context(dir: string, answer: boolean): { ctx: StepContext; shown: string[]; journal: JournalWriter } {
  const shown: string[] = [];
  const interaction: Interaction = {
    confirmManual: async (s) => {
      shown.push(s.instructions ?? '');
      return answer ? 'done' : 'stop';
    },
    reviewDiff: async () => true,
    onFailure: async () => 'stop',
  };
  const redact = new Redactor();
  const journal = new JournalWriter(join(dir, 'logs'), 'r1', redact);
  const plan = { product: 'jobcenter', lang: 'en' as const, answers: {}, root: dir, steps: [], blockers: [], warnings: [], restorePoints: [] };
  return { ctx: { plan, root: dir, interaction, journal, redact, confirmedBy: 'operator' }, shown, journal };
}

describe('delete-files', () => {
  test('matches like del and rd on Windows: wildcard, any case, files for files and directories for dirs', async () => {
    const dir = tree();
    expect((await matches(step(dir))).map((m) => m.name)).toEqual(['NECJCEX.DLL', 'necjclog', 'necjcsock.dll']);
    expect((await matches(step(dir, { ignoreCase: false }))).map((m) => m.name)).toEqual(['necjclog', 'necjcsock.dll']);
    // A directory named like a file pattern is not a file: del leaves it.
    expect((await matches(step(dir, { files: ['nec*', 'drivers'], dirs: [] }))).map((m) => m.name)).toEqual(['NECJCEX.DLL', 'necjcsock.dll']);
    expect((await matches(step(dir, { files: ['necjcsock.dl?'], dirs: [] }))).map((m) => m.name)).toEqual(['necjcsock.dll']);
  });

  test('the list is shown and confirmed first; declined, nothing is deleted', async () => {
    const dir = tree();
    const { ctx, shown, journal } = context(dir, false);
    const out = await deleteFiles.run(step(dir), ctx);
    journal.close();
    expect(out).toMatchObject({ status: 'skipped', stopRun: 'declined' });
    expect(shown[0]).toContain(join(dir, 'system32', 'necjcsock.dll'));
    expect(shown[0]).toContain(`${join(dir, 'system32', 'necjclog')} (directory, with everything in it)`);
    expect(existsSync(join(dir, 'system32', 'necjcsock.dll'))).toBe(true);
  });

  test('confirmed: each item is copied into the log dir, journaled, then deleted; the rest stays', async () => {
    const dir = tree();
    const { ctx, journal } = context(dir, true);
    const out = await deleteFiles.run(step(dir), ctx);
    journal.close();
    expect(out.status).toBe('done');
    const keep = join(dir, 'logs', 'deleted-r1', 's-del');
    expect(readFileSync(join(keep, 'necjclog', 'jc.log'), 'utf8')).toBe('necjclog/jc.log');
    for (const gone of ['necjcsock.dll', 'NECJCEX.DLL', 'necjclog']) expect(existsSync(join(dir, 'system32', gone))).toBe(false);
    for (const kept of ['kernel32.dll', 'necjcupsetup', 'drivers/necfoo.sys']) expect(existsSync(join(dir, 'system32', kept))).toBe(true);
    const events = readFileSync(journal.files.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; file?: string; backup?: string });
    expect(events.filter((e) => e.type === 'written').map((e) => [e.file, e.backup])).toEqual(
      ['NECJCEX.DLL', 'necjclog', 'necjcsock.dll'].map((n) => [join(dir, 'system32', n), join(keep, n)]),
    );
    expect(events.filter((e) => e.type === 'confirm')).toHaveLength(1);
    // Run again (resume after an interruption): done, and nothing left to delete.
    expect(await deleteFiles.isDone?.(step(dir), ctx)).toBe(true);
  });

  test('a directory that is not there is a clear failure (a wrong %systemroot%), not "nothing matched"', async () => {
    const dir = tree();
    const { ctx, journal } = context(dir, true);
    await expect(deleteFiles.run(step(dir, { dir: join(dir, 'Windows', 'cluster') }), ctx)).rejects.toThrow(/cannot read the directory .*Windows\/cluster/);
    journal.close();
  });
});
