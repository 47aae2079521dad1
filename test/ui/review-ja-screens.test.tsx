// What a reviewer found walking the Japanese screens of JobCenter, iPlanet and Groupmax at
// 80x24 and 120x40: a retry that failed again looked like the first failure, and a step skipped
// after it read as passed on attempt 2; the counts disagreed about skipped steps.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueKeys, setLang, t } from '../../src/i18n/index.js';
import '../../src/i18n/messages/args.js';
import '../../src/i18n/messages/kinds.js';
import '../../src/i18n/messages/run.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { RunStore } from '../../src/ui/bridge.js';
import type { ResumableRun } from '../../src/ui/services.js';
import { elapsedText } from '../../src/ui/components/Progress.js';
import { RunScreen } from '../../src/ui/screens/run/RunScreen.js';
import { Summary } from '../../src/ui/screens/Summary.js';
import { planLines } from '../../src/ui/planLines.js';
import { displayWidth, wrapCommand } from '../../src/ui/text.js';
import { tempDir } from '../run/ctx.js';
import { KEY, press, renderAt, renderAt80x24, renderResumeOffer, samplePlan, step, waitForFrame } from './helpers.js';

const WAIT = 30_000;
afterEach(() => setLang('en'));

const perl = (id: string, title: string, code: string, extra: Partial<PlannedStep> = {}): PlannedStep =>
  step(id, { title, commands: [['perl', '-e', code]], ...extra });

describe('a retry that fails again (JobCenter: nqsstop failing, retried)', () => {
  it('says which attempt failed, and the skipped row says skipped, not "attempt 2"', async () => {
    setLang('ja');
    const stop = perl('jc-nqsstop', 'JobCenter のデーモンを停止する (nqsstop) — /usr/lib/nqs/nqsstop を実行してすべてのキューを止める', 'print STDERR "nqsstop: Error 3\\n"; exit 3', {
      skippable: true,
    });
    const plan = samplePlan({ steps: [perl('jc-check', '状態を確認する', 'exit 0'), stop, perl('jc-after', '次のステップ', 'exit 0')], restorePoints: [] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="JobCenter" />);
    const run = execute(plan, store.interaction, { logDir: join(tempDir('uw-retry-again-'), 'log'), root: '' });

    let frame = await waitForFrame(r, 'ステップを再試行する', WAIT);
    expect(frame).toContain('✗ ステップ 2 が失敗しました');
    expect(frame).not.toContain('試行も失敗');
    await press(r, KEY.enter);

    frame = await waitForFrame(r, '2 回目の試行も失敗しました', WAIT);
    expect(frame).toContain('✗ ステップ 2 が失敗しました');
    // Skip is the second choice.
    await press(r, KEY.down, KEY.enter);
    await run;
    frame = await waitForFrame(r, '3. 次のステップ', WAIT);
    const row = frame.split('\n').find((l) => l.includes(' 2. JobCenter')) ?? '';
    expect(row).toMatch(/^ –  2\. JobCenter .*\(スキップ · 2 回目の試行も失敗/);
    expect(row).not.toContain('再試行後');
    expect(displayWidth(row.trimEnd())).toBeLessThanOrEqual(79);
  });

  it('in English too: the third attempt is named on the panel and on the skipped row', async () => {
    const dir = tempDir('uw-retry-again-en-');
    const plan = samplePlan({ steps: [perl('a', 'Stop the daemon', 'print STDERR "Error 3\\n"; exit 3', { skippable: true })], restorePoints: [] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="JobCenter" />);
    const run = execute(plan, store.interaction, { logDir: join(dir, 'log'), root: '' });
    await waitForFrame(r, 'Retry the step', WAIT);
    await press(r, KEY.enter);
    await waitForFrame(r, 'attempt 2 failed too', WAIT);
    await press(r, KEY.enter);
    await waitForFrame(r, 'attempt 3 failed too', WAIT);
    await press(r, KEY.down, KEY.enter);
    await run;
    const frame = await waitForFrame(r, '–  1.', WAIT);
    expect(frame).toContain('–  1. Stop the daemon  (skipped after attempt 3 failed too');
  });
});

describe('one count of the steps on every screen: a skipped step has ended, and is said to be skipped', () => {
  const six = () =>
    samplePlan({
      steps: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => perl(id, `ステップ ${id}`, 'exit 0', { skippable: true })),
      restorePoints: [],
    });

  it('the run header reads "0 / 6 ステップ完了", and counts a skip with what ended', async () => {
    setLang('ja');
    const plan = six();
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="JobCenter" />);
    const ui = store.interaction;
    ui.onStepStart?.(plan.steps[0]!, 0, 6);
    let frame = await waitForFrame(r, '▸  1.');
    expect(frame.split('\n')[0]).toMatch(/ 0 \/ 6 ステップ完了$/);
    ui.onStepEnd?.(plan.steps[0]!, 'done');
    ui.onStepStart?.(plan.steps[1]!, 1, 6);
    ui.onStepEnd?.(plan.steps[1]!, 'skipped', 'エラーの後: exit 3');
    ui.onStepStart?.(plan.steps[2]!, 2, 6);
    frame = await waitForFrame(r, '▸  3.');
    expect(frame.split('\n')[0]).toMatch(/ 2 \/ 6 ステップ終了 \(うちスキップ 1\)$/);
  });

  it('the offer to resume and the header after it give the same count (en)', async () => {
    const plan = six();
    const run: ResumableRun = {
      plan,
      done: ['a', 'b', 'c'],
      ended: [
        { id: 'a', status: 'done' },
        { id: 'b', status: 'skipped' },
        { id: 'c', status: 'done' },
      ],
      handle: 'run-1',
    };
    const { r, release } = renderResumeOffer(run, 3);
    await waitForFrame(r, 'Resume the interrupted run');
    const welcome = await waitForFrame(r, '(1 skipped)');
    expect(welcome.replace(/\s+/g, ' ')).toContain('3 of 6 steps finished (1 skipped).');
    await press(r, KEY.enter);
    const frame = await waitForFrame(r, '▸  4.');
    expect(frame.split('\n')[0]).toMatch(/ 3 of 6 ended \(1 skipped\)$/);
    release();
  });

  it('the rollback line and header count a skipped rollback step as the run does', async () => {
    setLang('ja');
    const plan = samplePlan({ restorePoints: [{ id: 'back', title: '旧バージョンに戻す', explain: '-', rollback: [] }] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="JobCenter" />);
    const back = (n: number): PlannedStep => step(`back/rb${n}`, { title: `戻す ${n}` });
    store.interaction.onStepStart?.(back(1), 0, 3);
    store.interaction.onStepEnd?.(back(1), 'done');
    store.interaction.onStepStart?.(back(2), 1, 3);
    store.interaction.onStepEnd?.(back(2), 'skipped');
    store.interaction.onStepStart?.(back(3), 2, 3);
    const frame = await waitForFrame(r, '▸  3.');
    expect(frame).toContain('↺ 「旧バージョンに戻す」へロールバック中: 2 / 3 ステップ終了 (うちスキップ 1)');
    expect(frame.split('\n')[0]).toMatch(/ 2 \/ 3 ステップ終了 \(うちスキップ 1\)$/);
  });
});

describe('the run screen uses the height there is', () => {
  const many = (n: number) =>
    samplePlan({ steps: Array.from({ length: n }, (_, i) => perl(`s${i + 1}`, `ジョブ ${i + 1} を確認する`, 'exit 0')), restorePoints: [] });
  /** Steps 1 to 20 done, then step 21 fails with `error` and asks what to do. */
  const failAt21 = (store: RunStore, { steps }: Plan, error: string): void => {
    const ui = store.interaction;
    for (const s of steps.slice(0, 20)) {
      ui.onStepStart?.(s, steps.indexOf(s), steps.length);
      ui.onStepEnd?.(s, 'done');
    }
    ui.onStepStart?.(steps[20]!, 20, steps.length);
    void ui.onFailure(steps[20]!, error, ['retry', 'stop']);
  };

  it('at 120x40 a failure leaves the steps done before it on screen, not "… それより前の N ステップ" over blank rows', async () => {
    setLang('ja');
    const plan = many(24);
    const store = new RunStore(plan, []);
    const r = renderAt(<RunScreen store={store} plan={plan} product="JobCenter" />, { columns: 120, rows: 40 });
    failAt21(store, plan, 'nqsstop: exit code 3');
    const frame = await waitForFrame(r, 'ステップを再試行する');
    expect(frame).not.toContain('それより前');
    for (let n = 1; n <= 20; n++) expect(frame).toContain(`✓ ${String(n).padStart(2)}. ジョブ ${n} を確認する`);
    expect(frame).toContain('✗ ステップ 21 が失敗しました');
    expect(frame.split('\n').length).toBeLessThanOrEqual(39);
  });

  it('at 80x24 the failure keeps its rows: the steps before give way, the choices stay', async () => {
    setLang('ja');
    const plan = many(24);
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="JobCenter" />);
    failAt21(store, plan, Array.from({ length: 8 }, (_, i) => `error line ${i + 1}`).join('\n'));
    const frame = await waitForFrame(r, 'ステップを再試行する');
    expect(frame).toContain('それより前');
    expect(frame).toContain('error line 8');
    expect(frame).toContain('ここで停止する');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });
});

describe('the step that is running or asked about says where it is', () => {
  it('the config diff is numbered as the other steps are (Groupmax: the services file)', async () => {
    setLang('ja');
    const plan = samplePlan({
      steps: [perl('gm-stop', 'サービスを停止する', 'exit 0'), step('gm-services', { kind: 'config-edit', title: 'services ファイルにポートを追加する' })],
      restorePoints: [],
    });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="Groupmax" />);
    const ui = store.interaction;
    ui.onStepStart?.(plan.steps[0]!, 0, 2);
    ui.onStepEnd?.(plan.steps[0]!, 'done');
    ui.onStepStart?.(plan.steps[1]!, 1, 2);
    const diff = ['--- services', '+++ services (new)', '@@ -1 +1,2 @@', ' smtp 25/tcp', '+gmax 20001/tcp'].join('\n');
    void ui.reviewDiff(plan.steps[1]!, { file: '/tmp/sbx/etc/services', diff, findings: [] });
    const frame = await waitForFrame(r, '/tmp/sbx/etc/services への変更');
    expect(frame).toContain('▸  2. services ファイルにポートを追加する: /tmp/sbx/etc/services への変更');
  });

  it('a running command shows the time it has taken, in seconds as they pass', async () => {
    setLang('ja');
    const plan = samplePlan({ steps: [perl('ip-imsimta', 'imsimta でキューを処理する', 'exit 0')], restorePoints: [] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="iPlanet" />);
    store.interaction.onStepStart?.(plan.steps[0]!, 0, 1);
    const first = await waitForFrame(r, '実行中…');
    expect(first).toMatch(/▸  1\. imsimta でキューを処理する\n +[|/\\-] 実行中… \d+秒/);
    // A bounded wait for a later second to be shown, not an assertion on how long it took.
    await waitForFrame(r, (f) => /実行中… [1-9]\d*秒/.test(f), 5000);
  });

  it('says minutes and hours as an operator reads them, in both languages', () => {
    setLang('ja');
    expect([5_000, 65_000, 3_725_000].map(elapsedText)).toEqual(['5秒', '1分05秒', '1時間02分05秒']);
    setLang('en');
    expect([5_000, 65_000, 3_725_000].map(elapsedText)).toEqual(['5s', '1m05s', '1h02m05s']);
  });
});

describe('commands to copy are never broken inside an argument (80 columns)', () => {
  const RESUME = 'upgrade-wizard resume --root /tmp/jc-sbx-Hhp4Uy/root --log-dir /tmp/jc-sbx-Hhp4Uy/logs';

  it('the end screen keeps --log-dir with its value, and its rows paste as one command', async () => {
    setLang('ja');
    const outcome = {
      status: 'stopped' as const,
      exitCode: 0,
      backups: [],
      lines: [`ステップ 4 の再起動のために停止しました。再起動の後、次のコマンドで続けてください:\n  ${RESUME}`],
    };
    const r = renderAt80x24(<Summary outcome={outcome} againCommand={`upgrade-wizard --root /tmp/jc-sbx-Hhp4Uy/root --log-dir /tmp/jc-sbx-Hhp4Uy/logs --lang ja`} onExit={() => undefined} />);
    const frame = await waitForFrame(r, '--lang ja');
    expect(frame).toContain('   upgrade-wizard resume --root /tmp/jc-sbx-Hhp4Uy/root \\\n   --log-dir /tmp/jc-sbx-Hhp4Uy/logs\n');
    expect(frame).toContain('   upgrade-wizard --root /tmp/jc-sbx-Hhp4Uy/root \\\n   --log-dir /tmp/jc-sbx-Hhp4Uy/logs --lang ja');
    expect(frame).not.toMatch(/--log-dir *\n/);
    // What a copy of the rows gives a shell: the command as it was.
    const at = frame.indexOf('upgrade-wizard resume');
    const copied = frame.slice(at, frame.indexOf('\n', frame.indexOf('--log-dir', at))).replace(/ \\\n\s*/g, ' ');
    expect(copied.trimEnd()).toBe(RESUME);
  });

  it('the plan review moves a long path left on a row of its own rather than cut it (iPlanet: mail.log_current)', () => {
    // 76 columns: wider than the indented row (71), not than the screen's body (78).
    const path = '/tmp/uw-ip-PNb/root/usr/iplanet/server5/msg-budgie/log/imta/mail.log_current';
    const plan = samplePlan({ steps: [step('ip-log', { title: 'mail.log_current にエラーがないことを確認する', commands: [['grep', '-n', '-i', 'error', path]] })] });
    const rows = planLines(plan, 78).map((line) => line.map((seg) => seg.text).join(''));
    const at = rows.findIndex((row) => row.includes('$ grep'));
    expect(rows.slice(at, at + 2)).toEqual(['     $ grep -n -i error \\', `  ${path}`]);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(78);
  });

  it('only an argument wider than the whole screen is cut, and its pieces get no continuation inside it', () => {
    const path = '/tmp/uw-iplanet-PNbO0j/root/usr/iplanet/server5/msg-budgie/log/imta/mail.log_current';
    const rows = wrapCommand(`grep -n -i error ${path} /tmp/x`, 71, { full: 76, continuation: '\\' });
    expect(rows[0]).toBe('grep -n -i error \\');
    expect(rows.slice(1).join('\n')).toBe(`${path.slice(0, 76)}\n${path.slice(76)} /tmp/x`);
  });

  it('a Windows step continues its rows with ^, as cmd.exe does', () => {
    const plan = samplePlan({
      steps: [step('jc-win', { windows: true, commands: [['C:\\JobCenter\\SV\\bin\\setup.exe', '/install', 'DBPath=S:\\JobCenterDB\\data\\very\\long\\path\\for\\the\\cluster']] })],
    });
    const rows = planLines(plan, 78).map((line) => line.map((seg) => seg.text).join(''));
    const at = rows.findIndex((row) => row.includes('$ C:'));
    expect(rows[at]).toMatch(/ \^$/);
    expect(rows[at + 1]).not.toMatch(/\\$/);
  });
});

describe('the words on the Japanese screens', () => {
  it('a skip by the operator has no stray space, a step is a ステップ, a server a サーバー', () => {
    const by = t('run.by.operator', {}, 'ja');
    for (const key of ['kinds.manual.skipped', 'kinds.deleteFiles.skipped', 'kinds.resume.skipped']) {
      const text = t(key, { by }, 'ja');
      expect(text).not.toContain('オペレーター による');
      expect(text).toContain('スキップ: オペレーター');
      expect(t(key, { by: '--yes' }, 'ja')).toContain('スキップ: --yes)');
    }
    // The welcome's warning when the machine has not rebooted (also printed by resume).
    expect(t('run.resume.rebootMissing', { number: 4, title: 'OS を再起動する' }, 'ja')).toMatch(/^ステップ 4 \(OS を再起動する\)/);
    const { ja } = catalogueKeys();
    for (const key of ja.filter((k) => k.startsWith('ui.'))) expect(t(key, {}, 'ja'), key).not.toMatch(/サーバ(?!ー)/);
    expect(t('ui.plan.nextHead', {}, 'ja')).toContain('すべてのステップ');
  });
});
