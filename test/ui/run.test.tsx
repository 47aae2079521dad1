import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/run/proc.js';
import { RunStore } from '../../src/ui/bridge.js';
import { context } from '../run/ctx.js';
import { RunScreen } from '../../src/ui/screens/run/RunScreen.js';
import { displayWidth } from '../../src/ui/text.js';
import { KEY, press, renderAt, renderAt80x24, samplePlan, step, waitForFrame } from './helpers.js';

function setup(secrets: string[] = [], size = { columns: 80, rows: 24 }) {
  const plan = samplePlan();
  const store = new RunStore(plan, secrets);
  const r = renderAt(<RunScreen store={store} plan={plan} product="ShareTask 5.5" />, size);
  const steps = plan.steps;
  const at = (id: string) => {
    const s = steps.find((x) => x.id === id);
    if (!s) throw new Error(id);
    return s;
  };
  return { plan, store, r, ui: store.interaction, at };
}

describe('run screen', () => {
  it('lists finished steps and shows the running step with the tail of its output', async () => {
    const { r, ui, at } = setup(['s3cret']);
    ui.onStepStart?.(at('stop-services'), 0, 4);
    ui.onStepEnd?.(at('stop-services'), 'done');
    ui.onStepStart?.(at('backup'), 1, 4);
    for (let i = 1; i <= 40; i++) ui.onOutput?.(at('backup'), `file-${i}\n`);
    ui.onOutput?.(at('backup'), '\u001B[32mcolour\u001B[0m pass=s3cret\n');
    const frame = await waitForFrame(r, 'pass=****');
    expect(frame).toContain('✓  1. Stop the ShareTask services');
    expect(frame).toContain('▸  2. Back up /home/sharetask');
    expect(frame).toContain('│ file-40');
    expect(frame).not.toContain('file-1\n');
    expect(frame).not.toContain('s3cret');
    expect(frame).toContain('1 of 4 done');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });

  it("puts each line of a real command's output on a line of its own, the command line too", async () => {
    const { r, ui, at } = setup();
    ui.onStepStart?.(at('backup'), 1, 4);
    // Two writes far apart arrive as two chunks, as clpmdstat's lines do while a mirror is waited for.
    await runCommand(context(ui), at('backup'), ['perl', '-e', '$| = 1; print "Mirror Status: Abnormal\\n"; select(undef, undef, undef, 0.3); print "Mirror Color RED\\n"']);
    const frame = await waitForFrame(r, 'Mirror Color RED');
    expect(frame).toMatch(/│ \$ perl -e .*\n.*│ Mirror Status: Abnormal *\n.*│ Mirror Color RED/);
  });

  it('draws a progress bar for measurable work and a spinner otherwise', async () => {
    const { r, ui, at } = setup();
    ui.onStepStart?.(at('backup'), 1, 4);
    let frame = await waitForFrame(r, 'working…');
    ui.onProgress?.(at('backup'), { done: 512 * 1024 * 1024, total: 1024 * 1024 * 1024, unit: 'bytes' });
    frame = await waitForFrame(r, '50%');
    expect(frame).toContain('512.0 MiB / 1.0 GiB');
    expect(frame).toMatch(/█+░+/);
  });

  it('shows every step done so far above a short manual step, and leaves a long one its room', async () => {
    const extra = ['a', 'b', 'c', 'd', 'e'].map((id) => step(id, { title: `Earlier step ${id}` }));
    const base = samplePlan();
    const plan = samplePlan({ steps: [...extra, ...base.steps] });
    const store = new RunStore(plan, []);
    const r = renderAt80x24(<RunScreen store={store} plan={plan} product="ShareTask 5.5" />);
    const ui = store.interaction;
    const at = (id: string) => plan.steps.find((x) => x.id === id)!;
    extra.forEach((s, i) => (ui.onStepStart?.(s, i, plan.steps.length), ui.onStepEnd?.(s, 'done')));
    ui.onStepStart?.(at('stop-services'), 5, plan.steps.length);
    ui.onStepEnd?.(at('stop-services'), 'done');
    void ui.confirmManual(at('license'));
    let frame = await waitForFrame(r, '[manual] Register the license');
    expect(frame).toContain('✓  1. Earlier step a');
    expect(frame).toContain('✓  6. Stop the ShareTask services');
    expect(frame).not.toContain('earlier steps');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);

    const long = { ...at('license'), instructions: Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the instructions.`).join('\n') };
    store.respond(true);
    void ui.confirmManual(long);
    frame = await waitForFrame(r, 'Line 1 of the instructions.');
    expect(frame).toContain('… 4 earlier steps');
    expect(frame).toContain('✓  6. Stop the ShareTask services');
    expect(frame).toContain('[ ] License file uploaded');
  });

  it('needs every checklist item ticked before a manual step is confirmed', async () => {
    const { r, ui, at } = setup();
    ui.onStepStart?.(at('license'), 2, 4);
    const confirmed = ui.confirmManual(at('license'));
    let frame = await waitForFrame(r, '[manual] Register the license');
    expect(frame).toContain('register the new license key');
    expect(frame).toContain('[ ] License file uploaded');
    await press(r, KEY.space, KEY.enter);
    frame = await waitForFrame(r, 'Tick every item first (1 of 2 ticked)');
    expect(frame).toContain('[x] License file uploaded');
    await press(r, KEY.down, KEY.space);
    await waitForFrame(r, 'All ticked');
    await press(r, KEY.enter);
    await expect(confirmed).resolves.toBe('done');
  });

  it('wraps a long checklist item under its text instead of cutting off its path', async () => {
    const { r, ui, at } = setup();
    const log = '/tmp/upgrade-wizard-demo-XBiVUn/root/var/log/httpd/error_log';
    const step = { ...at('license'), checklist: [`no new error in ${log}`, 'logging in works'] };
    ui.onStepStart?.(step, 4, 4);
    const confirmed = ui.confirmManual(step);
    const frame = await waitForFrame(r, 'logging in works');
    expect(frame).not.toContain('…');
    expect(frame).toMatch(/› \[ \] no new error in \/tmp\/upgrade-wizard-demo-XBiVUn\/root\/var\/log\/httpd\/\n {7}error_log\n +\[ \] logging in works/);
    await press(r, KEY.space, KEY.down, KEY.space);
    await waitForFrame(r, 'All ticked');
    await press(r, KEY.enter);
    await expect(confirmed).resolves.toBe('done');
  });

  it('offers no skip after a failure when the step does not allow it', async () => {
    const { r, ui, at } = setup();
    ui.onStepStart?.(at('symlink'), 3, 4);
    const choice = ui.onFailure(at('symlink'), 'ln: failed to create symbolic link: File exists', ['retry', 'rollback', 'stop']);
    let frame = await waitForFrame(r, 'Step 4 failed: Switch the symlink');
    expect(frame).toContain('ln: failed to create symbolic link: File exists');
    expect(frame).toContain('Retry the step');
    expect(frame).toContain('Roll back: Restore from the backup archive');
    expect(frame).toContain('Stop here (resume later)');
    expect(frame).not.toContain('Skip');
    // A rollback changes the server too: asked once more, with its steps, No first.
    await press(r, KEY.down, KEY.enter);
    let asked = await waitForFrame(r, (f) => f.replace(/\s+/g, ' ').includes('Roll back to "Restore from the backup archive" now? These steps run on the server:'));
    expect(asked).toContain('1. Unpack the backup');
    expect(asked).toContain('› No');
    await press(r, KEY.enter);
    frame = await waitForFrame(r, 'Retry the step');
    expect(frame).toContain('Stop here (resume later)');
    await press(r, KEY.down, KEY.enter);
    asked = await waitForFrame(r, 'Roll back to "Restore from the backup archive" now?');
    expect(asked).toContain('1. Unpack the backup');
    await press(r, 'y', KEY.enter);
    await expect(choice).resolves.toBe('rollback');
  });

  it('offers skip where allowed, and a retried step asks again with a fresh list', async () => {
    const { r, ui, at } = setup();
    const first = ui.onFailure(at('stop-services'), 'exit 1', ['retry', 'skip', 'rollback', 'stop']);
    await waitForFrame(r, 'Skip this step and go on (recorded as skipped, not as done)');
    await press(r, KEY.enter);
    await expect(first).resolves.toBe('retry');
    const second = ui.onFailure(at('stop-services'), 'exit 1 again', ['retry', 'skip', 'rollback', 'stop']);
    await waitForFrame(r, 'exit 1 again');
    await press(r, KEY.down, KEY.enter);
    await expect(second).resolves.toBe('skip');
  });

  it('shows the config diff for review: s stops without writing', async () => {
    const { r, ui, at } = setup();
    const diff = ['--- sharetask.conf', '+++ sharetask.conf (migrated)', '@@ -1,2 +1,2 @@', '-DBCONF = db.conf', '+SHARETASK_DB = sharetask:localhost:5432:st:****:prefer', ' CUSTOM = XYZ'].join('\n');
    const review = ui.reviewDiff(at('symlink'), { file: '/tmp/sbx/home/sharetask/conf/sharetask.conf', diff, findings: ['db.conf folded into SHARETASK_DB'] });
    const frame = await waitForFrame(r, 'sharetask.conf');
    // Numbered as the other steps; the path on a row of its own, whole.
    expect(frame).toContain('▸  4. Switch the symlink: changes to\n       /tmp/sbx/home/sharetask/conf/sharetask.conf\n');
    expect(frame).toContain('! db.conf folded into SHARETASK_DB');
    expect(frame).toContain('-DBCONF = db.conf');
    expect(frame).toContain('+SHARETASK_DB = sharetask:localhost:5432:st:****:prefer');
    expect(frame).toContain('a: accept and write');
    await press(r, 's');
    await expect(review).resolves.toBe(false);
  });

  it('diff review: tabs (diff headers, config lines) become spaces, so no line is wider than the screen', async () => {
    const { r, ui, at } = setup();
    const file = `/tmp/upgrade-wizard-demo-abcdef/root/home/sharetask/conf/${'x'.repeat(20)}.conf`;
    const diff = [`--- ${file}\tcurrent`, `+++ ${file}\tmigrated`, '@@ -1 +1 @@', '-A\t= 1', '+A\t= 2'].join('\n');
    // Headers that name another path than the reviewed file (a comparison's) keep it whole.
    const review = ui.reviewDiff(at('symlink'), { file: '/elsewhere.conf', diff, findings: [] });
    const frame = await waitForFrame(r, '+A      = 2');
    expect(frame).not.toContain('\t');
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(frame).toContain('-A      = 1');
    // The header's rest is not a removed or added line.
    expect(frame).toMatch(/^ {4,}x+\.conf +current$/m);
    expect(frame).not.toMatch(/^ *[-+]x+\.conf/m);
    await press(r, 'a');
    await expect(review).resolves.toBe(true);
  });

  it('diff review: a accepts, and a long diff scrolls', async () => {
    const { r, ui, at } = setup();
    const diff = ['--- a', '+++ b', '@@ -1,60 +1,60 @@', ...Array.from({ length: 60 }, (_, i) => `+line ${i + 1}`)].join('\n');
    const review = ui.reviewDiff(at('symlink'), { file: 'x.conf', diff, findings: [] });
    let frame = await waitForFrame(r, '+line 1\n');
    expect(frame).not.toContain('+line 60');
    await press(r, KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown);
    frame = await waitForFrame(r, '+line 60');
    await press(r, 'a');
    await expect(review).resolves.toBe(true);
  });

  it('Ctrl-C once asks to stop after the step; twice aborts and answers a waiting prompt with stop', async () => {
    const { r, ui, at, store } = setup();
    ui.onStepStart?.(at('backup'), 1, 4);
    expect(store.requestStop()).toBe('requested');
    expect(store.stopSignal.aborted).toBe(true);
    expect(store.killSignal.aborted).toBe(false);
    await waitForFrame(r, 'Stopping after this step… press Ctrl-C again to abort now.');
    const choice = ui.onFailure(at('backup'), 'tar: interrupted', ['retry', 'rollback', 'stop']);
    expect(store.requestStop()).toBe('aborting');
    expect(store.killSignal.aborted).toBe(true);
    await expect(choice).resolves.toBe('stop');
    await waitForFrame(r, 'Aborting now…');
  });
});

describe('read-only comparison', () => {
  it('asks to confirm reading, not to write', async () => {
    const { r, ui, at } = setup();
    const review = ui.reviewDiff(at('symlink'), { file: '/x/backup.20240101', diff: '--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n', findings: [], readOnly: true });
    const frame = await waitForFrame(r, 'A comparison to read; nothing is written.');
    // Neither the heading, the question nor the keys speak of writing.
    expect(frame).not.toContain('write?');
    expect(frame).not.toContain('accept and write');
    expect(frame).not.toContain('changes to');
    expect(frame).toContain('/x/backup.20240101 (old) against the files in place now');
    expect(frame).toContain('a I have read it · s stop');
    await press(r, 'a');
    await expect(review).resolves.toBe(true);
  });
});

describe('a diff on a small terminal', () => {
  it('gives the diff the rows of the finished steps but one, at 60x18', async () => {
    const { plan, r, ui } = setup([], { columns: 60, rows: 18 });
    const [a, b, c, d] = plan.steps;
    for (const s of [a!, b!, c!]) {
      ui.onStepStart?.(s, plan.steps.indexOf(s), plan.steps.length);
      ui.onStepEnd?.(s, 'done');
    }
    const file = '/tmp/upgrade-wizard-demo-Ab12Cd/root/home/sharetask/sharetask_server/conf/system.conf';
    const diff = [`--- ${file} current`, `+++ ${file} new`, '@@ -1,12 +1,12 @@', ...Array.from({ length: 12 }, (_, i) => `-old ${i}\n+new ${i}`)].join('\n');
    void ui.reviewDiff(d!, { file, diff, findings: [], readOnly: false });
    // Writing is offered once the end has been read; meanwhile the screen says how much is below.
    const frame = await waitForFrame(r, 'Read to the end before writing (PgDn, End) · s: stop');
    expect(frame).toMatch(/↓ lines 1–\d+ of 27: \d+ more below \(PgDn, End\)/);
    // The heading has the path; the diff's headers only the name (they took six rows here).
    expect(frame).toContain(' --- system.conf current\n +++ system.conf new\n');
    // One row for the three steps done, the rest for the diff but the row that says how much is
    // below: four changed lines (fewer when the steps took three rows and the headers wrapped over six).
    expect(frame.split('\n').filter((l) => /^ [-+](old|new) \d/.test(l)).length).toBeGreaterThanOrEqual(4);
    expect(frame).toContain('… 3 earlier steps');
    expect(frame.split('\n').length).toBeLessThanOrEqual(18);
  });
});
