// The run screen where the operator must read before answering: a long diff line, a diff
// longer than the screen, key help and instructions on a small terminal, a stop asked at a
// checklist, the output a manual step asks to judge, and the room left by a short output.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { RunStore } from '../../src/ui/bridge.js';
import { RunScreen } from '../../src/ui/screens/run/RunScreen.js';
import { Text } from 'ink';
import { Frame, bodyRows } from '../../src/ui/components/Frame.js';
import { displayWidth, wrapKeys } from '../../src/ui/text.js';
import { tempDir } from '../run/ctx.js';
import { KEY, press, renderAt, samplePlan, step, waitForFrame } from './helpers.js';

type Size = { columns: number; rows: number };
/** The End key, as a terminal sends it. */
const END = '\u001B[F';
const SIZES: Size[] = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 18 },
  { columns: 100, rows: 30 },
];

afterEach(() => setLang('en'));

function setup(size: Size, plan: Plan = samplePlan()) {
  const store = new RunStore(plan, []);
  const r = renderAt(<RunScreen store={store} plan={plan} product="ShareTask 5.5" />, size);
  return { plan, store, r, ui: store.interaction };
}

/** Nothing wider than the terminal, and one row spare at its bottom. */
function fits(frame: string, size: Size): void {
  const rows = frame.split('\n');
  expect(rows.length).toBeLessThanOrEqual(size.rows - 1);
  for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(size.columns);
}

const settled = <T,>(p: Promise<T>) => {
  const state = { done: false };
  void p.then(() => (state.done = true));
  return state;
};

const ALIAS =
  '+Cmnd_Alias SHARETASK = /home/sharetask/sharetask_server/cgi-common/bin/auth_pam, /home/sharetask/sharetask_server/cgi-common/bin/make_user_subdir, /home/sharetask/sharetask_server/cgi-common/bin/delete_user_file';
const SUDOERS_DIFF = [
  '--- sudoers\tcurrent',
  '+++ sudoers\tmigrated',
  '@@ -1,3 +1,4 @@',
  ' Defaults    env_reset',
  '-Defaults    requiretty',
  ALIAS,
  '+root ALL=(ALL) NOPASSWD: SHARETASK',
  ' root    ALL=(ALL)       ALL',
].join('\n');

describe('a long diff line', () => {
  for (const size of SIZES) {
    it(`goes on behind ↪, never behind a + that reads as another added line, at ${size.columns}x${size.rows}`, async () => {
      const { plan, r, ui } = setup(size);
      const review = ui.reviewDiff(plan.steps[3]!, { file: '/tmp/sbx/etc/sudoers', diff: SUDOERS_DIFF, findings: [] });
      await waitForFrame(r, '--- sudoers');
      await press(r, KEY.pageDown, KEY.pageDown, KEY.pageDown);
      const frame = await waitForFrame(r, 'NOPASSWD: SHARETASK');
      fits(frame, size);
      const rows = frame.split('\n').map((row) => row.slice(1).trimEnd());
      // Two added lines: no row but theirs starts with a +, however many rows the alias takes.
      for (const row of rows.filter((x) => /^\+[^+]/.test(x))) expect(row).toMatch(/^\+(Cmnd_Alias SHARETASK = |root ALL=\(ALL\) NOPASSWD: SHARETASK$)/);
      const continued = rows.filter((row) => row.startsWith('↪'));
      expect(continued.length).toBeGreaterThan(0);
      expect(continued.join(' ')).toMatch(/make_user_subdir,|delete_user_file$/);
      expect(frame).not.toMatch(/^ [+-] ?(home|sharetask|cgi-common)/m);
      await press(r, 'a');
      await expect(review).resolves.toBe(true);
    });
  }
});

describe('a diff longer than the screen', () => {
  const diff = ['--- system.conf\tcurrent', '+++ system.conf\tmigrated', '@@ -1,12 +1,12 @@', ...Array.from({ length: 12 }, (_, i) => `-OLD_${i} = 1\n+NEW_${i} = 2`)].join(
    '\n',
  );
  const texts = {
    en: { more: /↓ lines 1–\d+ of 27: \d+ more below \(PgDn, End\)/, first: 'Read to the end before writing (PgDn, End) · s: stop', end: /lines \d+–27 of 27: the end/, write: 'Write these changes? a: accept and write', key: 'a accept and write', unread: 'End scroll · s stop' },
    ja: { more: /↓ 1–\d+ 行目 \/ 全 27 行: 下にあと \d+ 行 \(PgDn, End\)/, first: '書き込む前に最後まで読んでください (PgDn, End) · s: 停止', end: /\d+–27 行目 \/ 全 27 行: ここが最後です/, write: 'この変更を書き込みますか? a: 承認して書き込む', key: 'a 承認して書き込む', unread: 'End スクロール · s 停止' },
  };
  for (const lang of ['en', 'ja'] as const) {
    it(`at 60x18 (${lang}) says how much is below, and offers to write only once the end has been shown`, async () => {
      setLang(lang);
      const size = { columns: 60, rows: 18 };
      const { plan, r, ui } = setup(size);
      const review = ui.reviewDiff(plan.steps[3]!, { file: '/tmp/upgrade-wizard-demo-Ab12Cd/root/home/sharetask/conf/system.conf', diff, findings: [] });
      const answered = settled(review);
      const x = texts[lang];
      let frame = await waitForFrame(r, x.first);
      fits(frame, size);
      expect(frame).toMatch(x.more);
      expect(frame).not.toContain(x.write);
      expect(frame).toContain(x.unread);
      expect(frame).not.toContain(x.key);
      // a before the end writes nothing.
      await press(r, 'a');
      expect(answered.done).toBe(false);
      expect(frameRows(r)).toContain(x.first);
      await press(r, KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown);
      frame = await waitForFrame(r, x.write);
      fits(frame, size);
      expect(frame).toMatch(x.end);
      expect(frame).toContain('+NEW_11 = 2');
      expect(frame).toContain(x.key);
      // Gone back up, the end has still been read.
      await press(r, KEY.pageUp, KEY.pageUp, KEY.pageUp, KEY.pageUp);
      frame = await waitForFrame(r, '--- system.conf');
      expect(frame).toMatch(x.more);
      expect(frame).toContain(x.write);
      await press(r, 'a');
      await expect(review).resolves.toBe(true);
    });
  }

  it('a diff that fits is offered at once, with no position', async () => {
    const { plan, r, ui } = setup({ columns: 80, rows: 24 });
    const review = ui.reviewDiff(plan.steps[3]!, { file: 'x.conf', diff: '--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n', findings: [] });
    const frame = await waitForFrame(r, 'Write these changes?');
    expect(frame).not.toContain('lines 1–');
    expect(frame).toContain('a accept and write · s stop');
    await press(r, 'a');
    await expect(review).resolves.toBe(true);
  });
});

function frameRows(r: { lastFrame: () => string | undefined }): string {
  // eslint-disable-next-line no-control-regex
  return (r.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
}

const CHECK: PlannedStep = step('groups-check', {
  kind: 'manual',
  manual: true,
  title: 'Check every group runs normally on server 2',
  instructions:
    'Check with WebManager or clpstat that every group that ran on server 1 moved to server 2 and all of their resources run normally. Then tick each item below.',
  checklist: ['Every group runs on server 2', 'Every resource is normal', 'The applications on the groups work (checked in each application)'],
});

const LONG_CHECK: PlannedStep = {
  ...CHECK,
  instructions: `${CHECK.instructions} Without WebManager, run clpstat on server 2 and read the group lines.`,
  checklist: [
    'no new error in /tmp/upgrade-wizard-demo-rkKQaU/root/var/log/httpd/error_log',
    'Every resource is normal',
    'The applications on the groups work (checked in each application)',
  ],
};

/** The demo's first checklist: three paths to keep, which wrap at 60 columns. */
const KEEP: PlannedStep = step('keep', {
  kind: 'manual',
  manual: true,
  title: 'Keep the backup files in a safe place',
  instructions:
    "Copy the files below to a safe place (another machine or medium) and keep them. The wizard's restore uses the files in /tmp, so leave them there until the upgrade is finished.",
  checklist: ['sharetask_bkup.tar.gz', 'sharetaskd (if used)', 'stlogd (if used)'].map((f) => `/tmp/uw/tmp/upgrade-wizard-demo-1oo6ov/root/tmp/${f}`),
});

describe('a manual step on a small terminal', () => {
  const texts = {
    en: { keys: ['↑↓ move', 'Space tick', 'Enter confirm', 'PgUp PgDn scroll', 's stop'], more: /↓ lines 1–\d+ of \d+: PgDn shows more/, back: /↑ lines \d+–\d+ of \d+: PgUp goes back/, abort: 'Ctrl-C again: abort now', status: '0 of 3 ticked' },
    ja: { keys: ['↑↓ 移動', 'Space チェック', 'Enter 確認', 'PgUp PgDn スクロール', 's 停止'], more: /↓ 1–\d+ 行目 \/ 全 \d+ 行: PgDn で続きを表示/, back: /↑ \d+–\d+ 行目 \/ 全 \d+ 行: PgUp で前に戻る/, abort: 'もう一度 Ctrl-C: 直ちに中断', status: '3 項目中 0 項目チェック済み' },
  };
  for (const lang of ['en', 'ja'] as const) {
    it(`at 60x18 (${lang}) keeps every key in its help and says that the instructions go on`, async () => {
      setLang(lang);
      const size = { columns: 60, rows: 18 };
      const plan = samplePlan({ steps: [...samplePlan().steps, LONG_CHECK] });
      const { r, ui } = setup(size, plan);
      plan.steps.slice(0, 4).forEach((s, i) => (ui.onStepStart?.(s, i, 5), ui.onStepEnd?.(s, 'skipped')));
      const confirmed = ui.confirmManual(LONG_CHECK);
      const x = texts[lang];
      let frame = await waitForFrame(r, '[ ] Every resource is normal');
      fits(frame, size);
      for (const key of x.keys) expect(frame).toContain(key);
      // Nothing cut off at the end of a row: keys, items, the status line.
      expect(frame).not.toMatch(/…$/m);
      expect(frame).toMatch(x.more);
      expect(frame).not.toContain('Then tick each item below.');
      await press(r, END);
      frame = await waitForFrame(r, (f) => x.back.test(f));
      expect(frame).toContain('group lines.');
      fits(frame, size);
      await press(r, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter);
      await expect(confirmed).resolves.toBe('done');
    });

    it(`after one Ctrl-C (${lang}) still lists the checklist's keys beside the stop notice, and they still work`, async () => {
      setLang(lang);
      const x = texts[lang];
      for (const size of [
        { columns: 80, rows: 24 },
        { columns: 60, rows: 18 },
      ]) {
        const plan = samplePlan({ steps: [...samplePlan().steps, KEEP] });
        const { r, ui, store } = setup(size, plan);
        plan.steps.slice(0, 4).forEach((s, i) => (ui.onStepStart?.(s, i, 5), ui.onStepEnd?.(s, 'done')));
        const confirmed = ui.confirmManual(KEEP);
        await waitForFrame(r, '[ ] /tmp/uw/tmp/upgrade-wizard-demo-1oo6ov/root/tmp/');
        store.requestStop();
        const frame = await waitForFrame(r, x.abort);
        fits(frame, size);
        for (const key of x.keys) expect(frame).toContain(key);
        // The checklist keeps its rows whole under the stop notice (its items wrapped, and read
        // without the spaces where they wrapped).
        const items = frame.replace(/\n {7}/g, '').replace(/ /g, '');
        for (const item of KEEP.checklist!) expect(items).toContain(`[]${item.replace(/ /g, '')}\n`);
        expect(frame).toContain(x.status);
        // Its own row, not drawn over the instructions.
        if (size.rows === 18) expect(frame).toMatch(new RegExp(`^ {3}${x.more.source}$`, 'm'));
        await press(r, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter);
        await expect(confirmed).resolves.toBe('done');
        r.unmount();
      }
    });
  }
});

/** A stand-in clpstat: the cluster's status, its groups (the part to judge) at the end. */
function clpstat(dir: string, groups: number): string {
  const lines = [
    ' ========================  CLUSTER STATUS  ===========================',
    '  Cluster : cluster',
    '  <server>',
    '    server1 .........: Offline',
    '      lankhb1        : Normal           LAN Heartbeat',
    '   *server2 .........: Online',
    '      lankhb1        : Normal           LAN Heartbeat',
    '  <group>',
    ...Array.from({ length: groups }, (_, i) => [`    failover${i + 1} .......: Online`, `      current        : server2`, `      fip${i + 1}           : Online`]).flat(),
    ' =====================================================================',
  ];
  const file = join(dir, 'clpstat');
  writeFileSync(file, `#!/bin/sh\ncat <<'EOF'\n${lines.join('\n')}\nEOF\n`);
  chmodSync(file, 0o755);
  return file;
}

function clusterPlan(bin: string): Plan {
  const show = step('r1-clpstat', { kind: 'command', title: 'Show the cluster status (clpstat)', commands: [[bin]] });
  return samplePlan({ product: 'clusterpro', steps: [show, CHECK], restorePoints: [] });
}

describe('a manual step that asks to judge the output of the step before', () => {
  for (const size of SIZES) {
    it(`shows that output with it, to its last line, at ${size.columns}x${size.rows}`, async () => {
      const dir = tempDir('uw-judge-');
      const plan = clusterPlan(clpstat(dir, 6));
      const { r, store } = setup(size, plan);
      const run = execute(plan, store.interaction, { logDir: join(dir, 'log'), root: '' });
      let frame = await waitForFrame(r, '[manual] Check every group');
      fits(frame, size);
      expect(frame).toContain('Output of step 1 (Show the cluster status');
      expect(frame).toMatch(/↓ lines 1–\d+ of \d+: PgDn shows more/);
      expect(frame).toContain('[ ] Every group runs on server 2');
      await press(r, END);
      frame = await waitForFrame(r, 'failover6 .......: Online');
      expect(frame).toMatch(/↑ lines \d+–\d+ of \d+: PgUp goes back/);
      expect(frame).toContain('│       current        : server2');
      await press(r, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter);
      await expect(run).resolves.toMatchObject({ status: 'done' });
    });
  }

  it('at 80x24 a short output fits whole, with the earlier steps above it (ja)', async () => {
    setLang('ja');
    const dir = tempDir('uw-judge-');
    const bin = join(dir, 'clpstat');
    writeFileSync(bin, `#!/bin/sh\necho '  <group>'\necho '    failover1 .......: Online'\necho '      current        : server2'\n`);
    chmodSync(bin, 0o755);
    const plan = clusterPlan(bin);
    const size = { columns: 80, rows: 24 };
    const { r, store } = setup(size, plan);
    const run = execute(plan, store.interaction, { logDir: join(dir, 'log'), root: '' });
    const frame = await waitForFrame(r, '[手作業] Check every group');
    fits(frame, size);
    expect(frame).toContain('ステップ 1 (Show the cluster status (clpstat)) の出力:');
    expect(frame).toContain('✓  1. Show the cluster status (clpstat)');
    expect(frame).toContain('│       current        : server2');
    expect(frame).toContain('│   <group>');
    expect(frame).not.toContain('PgDn で続きを表示');
    await press(r, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter);
    await expect(run).resolves.toMatchObject({ status: 'done' });
  });

  it('shows no output after a manual step', async () => {
    const { plan, r, ui } = setup({ columns: 80, rows: 24 });
    ui.onStepStart?.(plan.steps[1]!, 1, 4);
    ui.onOutput?.(plan.steps[1]!, 'tar: archived\n');
    ui.onStepEnd?.(plan.steps[1]!, 'done');
    const first = ui.confirmManual(plan.steps[2]!);
    let frame = await waitForFrame(r, '[manual] Register the license');
    expect(frame).toContain('Output of step 2 (Back up /home/sharetask):');
    expect(frame).toContain('│ tar: archived');
    await press(r, KEY.space, KEY.down, KEY.space, KEY.enter);
    await first;
    ui.onStepEnd?.(plan.steps[2]!, 'done');
    const again = { ...plan.steps[2]!, id: 'again', title: 'Register it again' };
    void ui.confirmManual(again);
    frame = await waitForFrame(r, '[manual] Register it again');
    expect(frame).not.toContain('Output of step');
    expect(frame).not.toContain('tar: archived');
  });
});

describe('a running step with little output', () => {
  it('at 100x30 leaves its empty rows to the steps done before', async () => {
    const steps = Array.from({ length: 16 }, (_, i) => step(`s${i + 1}`, { title: `Step number ${i + 1}` }));
    const plan = samplePlan({ steps });
    const size = { columns: 100, rows: 30 };
    const { r, ui } = setup(size, plan);
    steps.slice(0, 15).forEach((s, i) => (ui.onStepStart?.(s, i, 16), ui.onStepEnd?.(s, 'done')));
    ui.onStepStart?.(steps[15]!, 15, 16);
    ui.onOutput?.(steps[15]!, 'one line\n');
    let frame = await waitForFrame(r, '│ one line');
    fits(frame, size);
    expect(frame).not.toContain('earlier steps');
    for (let i = 1; i <= 15; i++) expect(frame).toContain(`✓ ${String(i).padStart(2)}. Step number ${i}`);
    // A long output takes the rows back, down to a third of the screen for the steps done.
    for (let i = 1; i <= 40; i++) ui.onOutput?.(steps[15]!, `output ${i}\n`);
    frame = await waitForFrame(r, '│ output 40');
    fits(frame, size);
    expect(frame).toMatch(/… \d+ earlier steps/);
    expect(frame).toContain('✓ 15. Step number 15');
    expect(frame).toContain('│ output 25');
  });
});

describe('a short diff', () => {
  it('at 100x30 leaves the rows it does not need to the steps done before', async () => {
    const steps = Array.from({ length: 16 }, (_, i) => step(`s${i + 1}`, { title: `Step number ${i + 1}` }));
    const plan = samplePlan({ steps });
    const size = { columns: 100, rows: 30 };
    const { r, ui } = setup(size, plan);
    steps.slice(0, 15).forEach((s, i) => (ui.onStepStart?.(s, i, 16), ui.onStepEnd?.(s, 'done')));
    const review = ui.reviewDiff(steps[15]!, { file: '/etc/x.conf', diff: '--- x.conf\n+++ x.conf\n@@ -1 +1 @@\n-A = 1\n+A = 2\n', findings: ['A changed'] });
    const frame = await waitForFrame(r, 'Write these changes?');
    fits(frame, size);
    expect(frame).not.toContain('earlier steps');
    for (let i = 1; i <= 15; i++) expect(frame).toContain(`✓ ${String(i).padStart(2)}. Step number ${i}`);
    await press(r, 'a');
    await expect(review).resolves.toBe(true);
  });
});

describe('key help on a narrow terminal', () => {
  it('breaks between keys, never inside one, and drops none', () => {
    const keys = '↑↓ move · Space tick · Enter confirm · PgUp PgDn scroll the text · s stop';
    expect(wrapKeys(keys, 80)).toEqual([keys]);
    expect(wrapKeys(keys, 59)).toEqual(['↑↓ move · Space tick · Enter confirm', 'PgUp PgDn scroll the text · s stop']);
    const ja = '↑↓ 移動 · Space チェック · Enter 確認 · PgUp PgDn 説明をスクロール · s 停止';
    for (const width of [30, 40, 59]) {
      const rows = wrapKeys(ja, width);
      for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(width);
      expect(rows.join(' · ')).toBe(ja);
    }
    // Only a key wider than the screen is shortened.
    expect(wrapKeys(ja, 20)).toContain('PgUp PgDn 説明をス…');
  });

  it('takes its rows from the body, so the screen still fits', async () => {
    const size = { columns: 40, rows: 12 };
    const keys = '↑↓ move · Space tick · Enter confirm · Esc back · Ctrl-C quit';
    // 12 rows: title, rule, the body, 2 of keys, 1 spare.
    expect(bodyRows(size, keys)).toBe(7);
    const r = renderAt(
      <Frame title="ShareTask 5.5: questions" keys={keys}>
        {Array.from({ length: bodyRows(size, keys) }, (_, i) => (
          <Text key={i}>{`body row ${i + 1}`}</Text>
        ))}
      </Frame>,
      size,
    );
    const frame = await waitForFrame(r, 'Ctrl-C quit');
    fits(frame, size);
    expect(frame).toContain('Esc back');
    for (let i = 1; i <= 7; i++) expect(frame).toContain(`body row ${i}\n`);
  });
});
