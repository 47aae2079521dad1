// The run screen at a checkpoint: an optional step (skippable) can be skipped with k once y
// says so, and the key help says it; a required one cannot. Space ticks the item under the
// cursor and nothing else. The wizard's own deletion is not shown as a manual step. A step a
// crash interrupted is headed as interrupted, with "It completed: mark it done".
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { RunStore } from '../../src/ui/bridge.js';
import { RunScreen } from '../../src/ui/screens/run/RunScreen.js';
import { tempDir } from '../run/ctx.js';
import { KEY, press, renderAt, samplePlan, step, waitForFrame } from './helpers.js';

afterEach(() => setLang('en'));
/** Without the spaces and line breaks wrapping put in (Japanese wraps anywhere). */
const flat = (text: string): string => text.replace(/\s+/g, '');

const BACKUP: PlannedStep = step('backup-new', {
  kind: 'manual',
  title: 'Back up the Version 6 environment (recommended)',
  manual: true,
  skippable: true,
  instructions: 'Back up the Version 6 environment with your backup tool.',
  checklist: ['backup taken', 'copy kept off the server'],
});
const AFTER: PlannedStep = step('after', { kind: 'command', title: 'Restore the automatic start', commands: [['true']] });

function setup(plan: Plan, size = { columns: 80, rows: 24 }) {
  const store = new RunStore(plan, []);
  const r = renderAt(<RunScreen store={store} plan={plan} product="Groupmax" />, size);
  return { store, r, ui: store.interaction };
}

const texts = {
  en: { tag: '[manual] Back up the Version 6', key: 'k skip', hint: 'The procedure says this step is optional: k skips it', ask: 'Skip step 1 (Back up the Version 6 environment (recommended))?', askKeys: 'y skip the step · n or Esc back' },
  ja: { tag: '[手作業] Back up the Version 6', key: 'k スキップ', hint: '手順書ではこのステップは任意です: k でスキップします', ask: 'ステップ 1 (Back up the Version 6 environment (recommended)) をスキップしますか?', askKeys: 'y ステップをスキップ · n または Esc 戻る' },
};

describe('an optional manual step on the run screen', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`(${lang}) offers k in the key help; k asks, n goes back, k y skips and the run goes on, journaled as skipped`, async () => {
      setLang(lang);
      const x = texts[lang];
      const dir = tempDir('uw-ui-skip-');
      const plan = samplePlan({ steps: [BACKUP, AFTER], restorePoints: [] });
      const { r, store } = setup(plan);
      const run = execute(plan, store.interaction, { logDir: join(dir, 'log'), root: '' });
      let frame = await waitForFrame(r, x.tag);
      expect(flat(frame)).toContain(flat(x.key));
      expect(flat(frame)).toContain(flat(x.hint));
      await press(r, 'k');
      frame = await waitForFrame(r, (f) => flat(f).includes(flat(x.ask)));
      // The key help then names the question's keys only, not the checklist's.
      expect(flat(frame)).toContain(flat(x.askKeys));
      expect(flat(frame)).not.toContain(flat(x.key));
      // n: back to the checklist, nothing answered.
      await press(r, 'n');
      frame = await waitForFrame(r, (f) => flat(f).includes(flat(x.hint)) && flat(f).includes(flat(x.key)));
      expect(flat(frame)).not.toContain(flat(x.ask));
      await press(r, 'k');
      await waitForFrame(r, (f) => flat(f).includes(flat(x.ask)));
      await press(r, 'y');
      const result = await run;
      expect(result.status).toBe('done');
      const journal = readFileSync(result.files!.journal, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; step?: string; status?: string });
      expect(journal.filter((e) => e.type === 'confirm' && e.step === 'backup-new')).toEqual([]);
      expect(journal.find((e) => e.type === 'step-end' && e.step === 'backup-new')).toMatchObject({ status: 'skipped' });
      expect(journal.find((e) => e.type === 'step-end' && e.step === 'after')).toMatchObject({ status: 'done' });
    });
  }

  it('a required step offers no k, and k does nothing there', async () => {
    const required = { ...BACKUP, skippable: false, title: 'Back up the old environment' };
    const { r, ui } = setup(samplePlan({ steps: [required], restorePoints: [] }));
    const answer = ui.confirmManual(required);
    let frame = await waitForFrame(r, '[manual] Back up the old environment');
    expect(frame).not.toContain('k skip');
    expect(frame).not.toContain('optional');
    await press(r, 'k');
    frame = await waitForFrame(r, '0 of 2 ticked');
    expect(frame).not.toContain('Skip step');
    await press(r, KEY.space, KEY.down, KEY.space, KEY.enter);
    await expect(answer).resolves.toBe('done');
  });
});

describe('ticking a checklist', () => {
  it('Space ticks the item under the cursor and leaves the cursor there: Space, Down, Space ticks the first two', async () => {
    const three = { ...BACKUP, skippable: false, checklist: ['first item', 'second item', 'third item'] };
    const { r, ui } = setup(samplePlan({ steps: [three], restorePoints: [] }));
    void ui.confirmManual(three);
    await waitForFrame(r, '[ ] first item');
    await press(r, KEY.space);
    let frame = await waitForFrame(r, '1 of 3 ticked');
    expect(frame).toContain('› [x] first item');
    await press(r, KEY.down, KEY.space);
    frame = await waitForFrame(r, '2 of 3 ticked');
    expect(frame).toContain('[x] first item');
    expect(frame).toContain('› [x] second item');
    expect(frame).toContain('[ ] third item');
    // Space again on the same item unticks it: it did not move on.
    await press(r, KEY.space);
    frame = await waitForFrame(r, '1 of 3 ticked');
    expect(frame).toContain('› [ ] second item');
  });
});

describe('the deletion the wizard does (delete-files)', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`(${lang}) is tagged as the plan tags it, not [manual], and its item is the deletion`, async () => {
      setLang(lang);
      const del = step('s1121a-delete-resource-dll', {
        kind: 'delete-files',
        title: 'Delete the resource DLLs',
        manual: false,
        instructions: 'These 2 item(s) of C:/cluster will be deleted:',
        checklist: [lang === 'en' ? 'Delete these 2 item(s) (a copy of each is kept in /var/log/uw/deleted-1/s)' : 'これら 2 件を削除する (控えを /var/log/uw/deleted-1/s に残します)'],
      });
      const { r, ui } = setup(samplePlan({ steps: [del], restorePoints: [] }));
      const answer = ui.confirmManual(del);
      const frame = await waitForFrame(r, 'Delete the resource DLLs');
      expect(frame).toContain(lang === 'en' ? '▸  1. [auto] Delete the resource DLLs' : '▸  1. [自動] Delete the resource DLLs');
      expect(frame).not.toContain(lang === 'en' ? '[manual]' : '[手作業]');
      expect(frame).not.toContain(lang === 'en' ? 'I have done this step' : 'このステップを実施しました');
      expect(frame).not.toContain(lang === 'en' ? 'tick each item when it is done' : '完了した項目ごとに');
      expect(frame).toContain(lang === 'en' ? '[ ] Delete these 2 item(s)' : '[ ] これら 2 件を削除する');
      await press(r, KEY.space, KEY.enter);
      await expect(answer).resolves.toBe('done');
    });
  }
});

describe('a step a crash interrupted, on resume', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`(${lang}) is headed as interrupted, not failed, and offers "It completed: mark it done"`, async () => {
      setLang(lang);
      const stop = step('stop-ms', { kind: 'command', title: 'Stop the Messaging Server', commands: [['stop-msg']] });
      const { r, ui } = setup(samplePlan({ steps: [stop], restorePoints: [] }));
      const choice = ui.onFailure(stop, 'step stop-ms (Stop the Messaging Server) was interrupted and may have partly run', ['retry', 'markDone', 'stop']);
      const frame = await waitForFrame(r, 'Stop the Messaging Server');
      expect(frame).toContain(lang === 'en' ? 'Step 1 was interrupted: Stop the Messaging Server' : 'ステップ 1 は中断されていました: Stop the Messaging Server');
      expect(frame).not.toContain(lang === 'en' ? 'failed' : '失敗');
      expect(frame).toContain(lang === 'en' ? 'It completed: mark it done' : '完了していた: 完了として記録する');
      expect(frame).not.toContain(lang === 'en' ? 'the procedure allows it' : '手順書で許されています');
      await press(r, KEY.down, KEY.enter);
      await expect(choice).resolves.toBe('markDone');
    });
  }
});
