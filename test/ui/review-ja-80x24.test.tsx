// What a reviewer found on the screens at 80x24: a step skipped before a resume shown as done,
// a retried step with no sign that it ran again, skips offered in the procedure's name where it
// gives none, and lines whose numbers were cut at 80 columns.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t } from '../../src/i18n/index.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { earlierSteps, RunStore } from '../../src/ui/bridge.js';
import { PlanReview } from '../../src/ui/screens/PlanReview.js';
import { RunScreen } from '../../src/ui/screens/run/RunScreen.js';
import type { ResumableRun } from '../../src/ui/services.js';
import { displayWidth } from '../../src/ui/text.js';
import { plan as sharetaskPlan, CLIENT } from '../plan/fixtures.js';
import { Recorder, tempDir } from '../run/ctx.js';
import { frameOf, KEY, press, renderAt80x24, renderResumeOffer, samplePlan, step, waitForFrame } from './helpers.js';

const WAIT = 30_000;
afterEach(() => setLang('en'));

const perl = (id: string, title: string, code: string, extra: Partial<PlannedStep> = {}): PlannedStep =>
  step(id, { title, commands: [['perl', '-e', code]], ...extra });

/** A run cut at its third step after the second failed and was skipped: its real journal. */
async function skippedThenStopped(dir: string): Promise<{ plan: Plan; events: Awaited<ReturnType<typeof readJournal>>['events'] }> {
  const plan = samplePlan({
    steps: [
      perl('r2-chkconfig', 'Remove the start at boot', 'exit 0'),
      perl('r2-move', 'Move server 2 groups to server 1 (clpgrp)', 'print STDERR "no group\\n"; exit 1', { skippable: true }),
      step('r2-check', { kind: 'manual', manual: true, title: 'Check the groups', instructions: 'Look.' }),
    ],
    restorePoints: [],
  });
  const result = await execute(plan, new Recorder({ failure: ['skip'], manual: false }), { logDir: join(dir, 'log'), root: '' });
  expect(result.status).toBe('stopped');
  return { plan, events: (await readJournal(result.files!.journal)).events };
}

describe('after a resume, the steps before it as the journal ended them', () => {
  it('a step skipped before the interruption is shown skipped, and not counted as done', async () => {
    setLang('ja');
    const { plan, events } = await skippedThenStopped(tempDir('uw-resume-'));
    expect(earlierSteps(events).map((e) => `${e.id}:${e.status}`)).toEqual(['r2-chkconfig:done', 'r2-move:skipped']);
    const run: ResumableRun = { plan, done: ['r2-chkconfig', 'r2-move'], ended: earlierSteps(events), handle: 'run-1' };
    const { r, release } = renderResumeOffer(run, 2);
    await waitForFrame(r, '中断された実行を再開する');
    await press(r, KEY.enter);
    const frame = await waitForFrame(r, 'Check the groups');
    expect(frame).toContain('✓  1. Remove the start at boot');
    expect(frame).toMatch(/–  2\. Move server 2 groups to server 1 \(clpgrp\)  \(スキップ/);
    expect(frame).not.toContain('✓  2.');
    expect(frame.split('\n')[0]).toContain('2 / 3 ステップ終了 (うちスキップ 1)');
    release();
  });
});

describe('a step retried after a failure', () => {
  it('says on its row which attempt passed (the run driven by the real executor)', async () => {
    const dir = tempDir('uw-retry-ui-');
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    const code = `open(my $f, '<', '${counter}'); my $n = <$f>; open($f, '>', '${counter}'); print $f $n + 1; if ($n < 1) { print STDERR "Error 2\\n"; exit 2 } exit 0`;
    const plan = samplePlan({ steps: [perl('agent-make', 'make install_agent', code), perl('after', 'The next step', 'exit 0')], restorePoints: [] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="ShareTask" />);
    const run = execute(plan, store.interaction, { logDir: join(dir, 'log'), root: '' });
    await waitForFrame(r, 'Retry the step', WAIT);
    await press(r, KEY.enter);
    const result = await run;
    expect(result.status).toBe('done');
    const frame = await waitForFrame(r, '2. The next step', WAIT);
    expect(frame).toContain('✓  1. make install_agent  (on attempt 2, after a retry)');
    expect(frame).not.toContain('✓  2. The next step  (');
  });

  it('the running step says it is a retry (in Japanese, at 80 columns, the number kept whole)', async () => {
    setLang('ja');
    const long = perl('agent-make', 'Makefile で環境設定を行う (make install_agent) — /usr/local/sharetask/Makefile の install_agent ターゲット', 'exit 0');
    const plan = samplePlan({ steps: [long], restorePoints: [] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="ShareTask" />);
    store.interaction.onStepStart?.(long, 0, 1);
    const asked = store.interaction.onFailure(long, 'make: *** Error 2', ['retry', 'stop']);
    await waitForFrame(r, 'ステップを再試行する');
    await press(r, KEY.enter);
    await expect(asked).resolves.toBe('retry');
    const frame = await waitForFrame(r, '再試行: 2 回目の実行)');
    for (const row of frame.split('\n')) expect(displayWidth(row)).toBeLessThanOrEqual(80);
  });
});

describe('skips and ignored errors are not put in the procedure\'s mouth', () => {
  it('a failed config copy of ShareTask 6.5 / 7.4 offers no skip: the procedure only says to copy', async () => {
    const agent = sharetaskPlan({ ...CLIENT, component: 'agent' });
    const cli = sharetaskPlan({ ...CLIENT, component: 'cli' });
    const copies = [...agent.steps.filter((s) => s.id.startsWith('agent-copy-')), ...cli.steps.filter((s) => s.id === 'cli-copy-stclient-init')];
    expect(copies.map((s) => s.id)).toEqual(['agent-copy-stclient-init', 'agent-copy-stagent-boot', 'agent-copy-log4j', 'cli-copy-stclient-init']);
    // The real copy step, its old file missing: what the operator is offered after the failure.
    const dir = tempDir('uw-copy-');
    const copy = { ...copies[0]!, params: { ...copies[0]!.params, from: join(dir, 'old/etc/stclient.init'), to: join(dir, 'new/etc/stclient.init') } };
    const ui = new Recorder({ failure: ['stop'] });
    await execute(samplePlan({ steps: [copy], restorePoints: [] }), ui, { logDir: join(dir, 'log'), root: '' });
    expect(ui.failures).toHaveLength(1);
    expect(ui.failures[0]?.choices).not.toContain('skip');
  });

  it('in Japanese: a skip offered says what it records, and an error let through is not the procedure\'s word', async () => {
    setLang('ja');
    expect(t('run.choice.skip')).not.toContain('手順書');
    expect(t('run.allowedFailureDetail', { commands: 'service sharetask-agent stop' })).not.toContain('手順書');
    expect(t('run.allowedFailure', { reason: 'x' })).not.toContain('手順書');
    // The plan of a ShareTask agent: 6.1 stops the agent, errors let through, no vendor note claimed.
    const agent = sharetaskPlan({ ...CLIENT, component: 'agent' }, {}, 'ja');
    const r = renderAt80x24(<PlanReview plan={agent} product="ShareTask" target="/sbx" onStart={() => undefined} />);
    let seen = frameOf(r);
    for (let i = 0; i < 20 && !seen.includes('実行は止まりません'); i++) {
      await press(r, KEY.pageDown);
      seen = frameOf(r);
    }
    expect(seen).toContain('実行は止まりません');
    expect(seen).not.toContain('手順書の注記');
  });
});

describe('at 80 columns the numbers stay whole', () => {
  it('the wait for the mirror keeps 43200 (the reason gives way)', async () => {
    setLang('ja');
    const wait = step('r2-mirror-wait', { kind: 'verify', title: 'ミラー復帰の完了を待つ (md1)' });
    const plan = samplePlan({ steps: [wait], restorePoints: [] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="CLUSTERPRO" />);
    store.interaction.onStepStart?.(wait, 0, 1);
    store.interaction.onOutput?.(wait, t('run.verify.waiting', { reason: 'Mirror Color       RED                    GREEN', elapsed: 0, total: 43200 }));
    await waitForFrame(r, '待機中');
    expect(frameOf(r)).toContain('0/43200 秒');
  });

  it('the rollback line keeps its count when the restore point has a long title', async () => {
    setLang('ja');
    const plan = samplePlan({
      restorePoints: [{ id: 'old-client-link', title: 'クライアントのシンボリックリンクを旧バージョンに戻し、旧バージョンのエージェントを起動する', explain: '-', rollback: [] }],
    });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="ShareTask" />);
    const back = (n: number): PlannedStep => step(`old-client-link/rb${n}`, { title: `戻す ${n}` });
    for (const n of [1, 2]) {
      store.interaction.onStepStart?.(back(n), n - 1, 3);
      store.interaction.onStepEnd?.(back(n), 'done');
    }
    const frame = await waitForFrame(r, '↺');
    const line = frame.split('\n').find((l) => l.includes('↺')) ?? '';
    expect(line).toContain('ロールバック中: 2 / 3 ステップ完了');
    expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('the plan title is cut the same way on every page, whatever the line numbers beside it', async () => {
    setLang('ja');
    const many = Array.from({ length: 60 }, (_, i) => step(`s${i + 1}`, { title: `ステップ ${i + 1}`, commands: [['true']] }));
    const plan = samplePlan({ steps: many, restorePoints: [] });
    const product = 'CLUSTERPRO X 2.x for Linux アップデート (2.1.3-1)';
    const r = renderAt80x24(<PlanReview plan={plan} product={product} target="/" onStart={() => undefined} />);
    const titles: string[] = [];
    for (let page = 0; page < 6; page++) {
      const head = frameOf(r).split('\n')[0] ?? '';
      titles.push(head.replace(/\s*\d+–\d+ 行目 \/ 全 \d+ 行\s*$/, ''));
      expect(displayWidth(head)).toBeLessThanOrEqual(80);
      await press(r, KEY.pageDown);
    }
    expect(new Set(titles).size).toBe(1);
  });
});
