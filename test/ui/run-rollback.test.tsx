// A rollback chosen on the run screen after a failure, driven by the real executor: shown as a
// phase of its own (a line saying where it goes and how far it is, its own count in the
// header), its steps numbered within it, the failure's detail on one row, inside the screen.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { RunStore } from '../../src/ui/bridge.js';
import { RunScreen } from '../../src/ui/screens/run/RunScreen.js';
import { displayWidth } from '../../src/ui/text.js';
import { tempDir } from '../run/ctx.js';
import { KEY, press, renderAt, samplePlan, step, waitForFrame } from './helpers.js';

type Size = { columns: number; rows: number };
const WAIT = 30_000;

afterEach(() => setLang('en'));

/** Nothing wider than the terminal, and one row spare at its bottom. */
function fits(frame: string, size: Size): void {
  const rows = frame.split('\n');
  expect(rows.length).toBeLessThanOrEqual(size.rows - 1);
  for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(size.columns);
}

/** A stand-in that prints two lines, as advup2_6 does, and exits 3. */
function failing(dir: string): string {
  const file = join(dir, 'advup2_6');
  writeFileSync(file, '#!/bin/sh\necho "KAKD012-E: the data could not be converted" >&2\nexit 3\n');
  chmodSync(file, 0o755);
  return file;
}

/**
 * `done` steps that succeed, then one that fails; its restore point rolls back with `back`
 * steps, the last of them manual (where the screen is read).
 */
function rollbackPlan(dir: string, done: number, back: number): Plan {
  const steps: PlannedStep[] = Array.from({ length: done }, (_, i) =>
    step(`s${i + 1}`, { title: `Run step ${i + 1} of the upgrade`, commands: [['true']], restorePoint: 'old' }),
  );
  steps.push(step('advup', { title: 'Run the upgrade command advup2_6', commands: [[failing(dir)]], restorePoint: 'old' }));
  const rollback: PlannedStep[] = Array.from({ length: back }, (_, i) =>
    i === back - 1
      ? step(`r${i + 1}`, { kind: 'manual', manual: true, title: `Undo part ${i + 1}`, instructions: 'Check the old version runs.' })
      : step(`r${i + 1}`, { title: `Undo part ${i + 1}`, commands: [['true']] }),
  );
  return samplePlan({ product: 'groupmax', steps, restorePoints: [{ id: 'old', title: 'Back to the old version', explain: 'Puts the old version back.', rollback }] });
}

async function failAndRollBack(size: Size, done: number, back: number) {
  const dir = tempDir('uw-rollback-');
  const plan = rollbackPlan(dir, done, back);
  const store = new RunStore(plan, []);
  const r = renderAt(<RunScreen store={store} plan={plan} product="Groupmax master management server upgrade to Version 6" />, size);
  const run = execute(plan, store.interaction, { logDir: join(dir, 'log'), root: '' });
  // The run's steps are real commands: the bound leaves room for a loaded machine.
  await waitForFrame(r, (f) => f.includes(': Back to the old version') && f.includes('›'), WAIT);
  await press(r, KEY.down, KEY.enter);
  const confirm = await waitForFrame(r, (f) => f.includes('Back to the old version') && /y\/n/.test(f), WAIT);
  await press(r, 'y', KEY.enter);
  return { r, run, confirm };
}

describe('a rollback on the run screen', () => {
  it('at 80x24: its own header and count, its steps numbered within it, the failure on one row', async () => {
    const size = { columns: 80, rows: 24 };
    const { r, run, confirm } = await failAndRollBack(size, 8, 3);
    // Its manual steps are the operator's: the question does not say they run on the server.
    expect(confirm.replace(/\s+/g, ' ')).toContain('These steps follow ([manual] ones are yours to do):');
    expect(confirm).toContain(' 1. Undo part 1');
    expect(confirm).toContain(' 3. [manual] Undo part 3');
    expect(confirm).toContain('←→ or y/n choose');
    let frame = await waitForFrame(r, '[manual] Undo part 3', WAIT);
    fits(frame, size);
    const rows = frame.split('\n');
    expect(rows[0]).toMatch(/: rolling back +2 of 3 done$/);
    expect(frame).toContain('✓  1. Run step 1 of the upgrade');
    // The error's two lines (exit code, message) as one row, right above the rollback's line.
    expect(frame).toMatch(/\n ✗  9\. Run the upgrade command advup2_6 {2}\(failed: [^\n]+\n ↺ Rolling back/);
    expect(frame).not.toMatch(/\n +KAKD012-E/);
    expect(frame).toMatch(/↺ Rolling back to "Back to the old version": 2 of 3 done\n ✓  1\. Undo part 1\n ✓  2\. Undo part 2\n ▸  3\. \[manual\] Undo part 3/);
    await press(r, KEY.space, KEY.enter);
    await expect(run).resolves.toMatchObject({ status: 'rolled-back' });
    // Over: the header and its line say so (the summary follows in the wizard).
    frame = await waitForFrame(r, 'Rolled back to "Back to the old version": all 3 steps done', WAIT);
    expect(frame.split('\n')[0]).toMatch(/: rolled back +3 of 3 done$/);
  });

  it('a long run and a long rollback (iPlanet) keep the rollback line and its numbering in 24 rows', async () => {
    const size = { columns: 80, rows: 24 };
    const { r, run } = await failAndRollBack(size, 30, 12);
    const frame = await waitForFrame(r, '[manual] Undo part 12', WAIT);
    fits(frame, size);
    expect(frame.split('\n')[0]).toMatch(/: rolling back +11 of 12 done$/);
    expect(frame).toContain('↺ Rolling back to "Back to the old version": 11 of 12 done');
    expect(frame).toContain('▸ 12. [manual] Undo part 12');
    expect(frame).toMatch(/… \d+ earlier steps/);
    // Below the rollback's line, only its own numbers, in order, ending just above the current.
    const below = frame.slice(frame.indexOf('↺ Rolling back'));
    const numbers = [...below.matchAll(/✓ +(\d+)\. Undo part (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers.length).toBeGreaterThan(0);
    for (const [n, part] of numbers) expect(n).toBe(part);
    expect(numbers.at(-1)).toEqual([11, 11]);
    await press(r, KEY.space, KEY.enter);
    await expect(run).resolves.toMatchObject({ status: 'rolled-back' });
  });

  it('in Japanese at 80x24 the rollback line and header fit', async () => {
    setLang('ja');
    const size = { columns: 80, rows: 24 };
    const { r, run } = await failAndRollBack(size, 8, 3);
    const frame = await waitForFrame(r, '[手作業] Undo part 3', WAIT);
    fits(frame, size);
    expect(frame).toContain('「Back to the old version」へロールバック中: 2 / 3 ステップ完了');
    expect(frame.split('\n')[0]).toContain('ロールバック中');
    await press(r, KEY.space, KEY.enter);
    await expect(run).resolves.toMatchObject({ status: 'rolled-back' });
  });
});
