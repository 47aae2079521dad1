import { describe, expect, it, vi } from 'vitest';
import { setLang, t } from '../../src/i18n/index.js';
import { PlanReview } from '../../src/ui/screens/PlanReview.js';
import { displayWidth } from '../../src/ui/text.js';
import { KEY, frameOf, press, renderAt80x24, samplePlan, step, waitForFrame } from './helpers.js';

describe('plan review', () => {
  it('numbers every step, marks automatic and manual, quotes argv and names the restore point', async () => {
    const r = renderAt80x24(<PlanReview plan={samplePlan()} product="ShareTask 5.5" target="/tmp/sbx" onStart={() => undefined} />);
    let frame = await waitForFrame(r, '4 steps (1 manual)');
    expect(frame).toContain(' 1. [auto] Stop the ShareTask services  (procedure 2.1)');
    expect(frame).toContain('$ service stlogd stop');
    expect(frame).toContain('restore point: Restore from the backup archive');
    expect(frame).toContain(' 3. [manual] Register the license');
    expect(frame).toContain('☐ License file uploaded');
    await press(r, KEY.pageDown);
    frame = await waitForFrame(r, '4. [auto] Switch the symlink');
    expect(frame).toContain(`$ ln -s 'sharetask server-5.5.0-1' 'it'\\''s here'`);
  });

  it('ends with what comes after the last step, elsewhere, when the plan has it', async () => {
    const plan = samplePlan({ steps: [step('only')], next: ['on the active node, run this wizard with role=active.'] });
    const r = renderAt80x24(<PlanReview plan={plan} product="JobCenter" target="/" onStart={() => undefined} />);
    const frame = await waitForFrame(r, 'When every step is done, next');
    expect(frame).toContain('→ on the active node, run this wizard with role=active.');
  });

  it('says what was checked and found sound before the steps, apart from the warnings', async () => {
    const plan = samplePlan({ warnings: ['the service httpd will be stopped'], checked: ['the packages match their SHA-256 checksums in /cd/SHA256SUMS: a.tgz'] });
    const frame = await waitForFrame(renderAt80x24(<PlanReview plan={plan} product="ShareTask 5.5" target="/" onStart={() => undefined} />), '✓ the packages');
    expect(frame).toContain('! the service httpd will be stopped');
    expect(frame).toContain('✓ the packages match their SHA-256 checksums in /cd/SHA256SUMS: a.tgz');
    expect(frame.indexOf('✓')).toBeLessThan(frame.indexOf('4 steps'));
  });

  it('says in words, in each language, which machine of the cluster runs a step', async () => {
    const plan = samplePlan({ steps: [{ ...step('unregister'), runsOn: 'standby' }] });
    let frame = await waitForFrame(renderAt80x24(<PlanReview plan={plan} product="JobCenter" target="/" onStart={() => undefined} />), 'runs on:');
    expect(frame).toContain('runs on: the standby node');
    setLang('ja');
    try {
      frame = await waitForFrame(renderAt80x24(<PlanReview plan={plan} product="JobCenter" target="/" onStart={() => undefined} />), '実行するマシン');
      expect(frame).toContain('実行するマシン: 待機系');
    } finally {
      setLang('en');
    }
  });

  it('keeps its header on one line in Japanese, where the scroll position is wide', async () => {
    setLang('ja');
    try {
      const steps = Array.from({ length: 30 }, (_, i) => step(`s${i}`));
      const product = 'iPlanet Messaging Server 5.2 へのアップグレード(UNIX)';
      const r = renderAt80x24(<PlanReview plan={samplePlan({ steps })} product={product} target="/" onStart={() => undefined} />);
      await waitForFrame(r, '行目');
      const [header = '', rule = ''] = frameOf(r).split('\n');
      // The title shortened to leave room, the screen's name whole, the rule right below.
      expect(header).toMatch(/^iPlanet Messaging Server 5\.2 へのア.*…: 実行計画 +1–\d+ 行目 \/ 全 \d+ 行$/);
      expect(displayWidth(header)).toBeLessThanOrEqual(79);
      expect(rule).toMatch(/^─+$/);
    } finally {
      setLang('en');
    }
  });

  it('keeps start disabled while blockers are open, showing each with its fix', async () => {
    const onStart = vi.fn();
    const plan = samplePlan({ blockers: [{ id: 'not-root', message: 'The wizard must run as root', fix: 'run it with sudo' }] });
    const r = renderAt80x24(<PlanReview plan={plan} product="ShareTask 5.5" target="/" onStart={onStart} />);
    let frame = await waitForFrame(r, '1 blocker(s)');
    expect(frame).toContain('✗ The wizard must run as root');
    expect(frame).toContain('fix: run it with sudo');
    expect(frame).toContain('Start is disabled');
    await press(r, KEY.enter, 'y', KEY.enter);
    frame = await waitForFrame(r, 'Start is disabled');
    expect(frame).not.toContain('This will change the server');
    expect(onStart).not.toHaveBeenCalled();
  });

  it('a blocked plan reached through the questions says Esc goes back to them, in one line in both languages', async () => {
    const onBack = vi.fn();
    const plan = samplePlan({ blockers: [{ id: 'range', message: 'No procedure for R9', fix: 'check the versions' }] });
    const r = renderAt80x24(<PlanReview plan={plan} product="P" target="/" onStart={() => undefined} onBack={onBack} />);
    await waitForFrame(r, '✗ Start is disabled by the 1 blocker(s) above: Esc changes the answers.');
    await press(r, KEY.escape);
    await vi.waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
    for (const lang of ['en', 'ja'] as const) {
      for (const key of ['ui.plan.startDisabled', 'ui.plan.startDisabledBack']) {
        expect(displayWidth(t(key, { count: 12 }, lang))).toBeLessThanOrEqual(78);
      }
    }
  });

  it('asks for a confirmation that defaults to No before starting', async () => {
    const onStart = vi.fn();
    const r = renderAt80x24(<PlanReview plan={samplePlan()} product="ShareTask 5.5" target="/tmp/sbx" onStart={onStart} />);
    await waitForFrame(r, 'Press Enter to start the 4 steps');
    await press(r, KEY.enter);
    let frame = await waitForFrame(r, 'This will change the server: /tmp/sbx');
    expect(frame).toContain('› No');
    await press(r, KEY.enter);
    frame = await waitForFrame(r, 'Press Enter to start');
    expect(onStart).not.toHaveBeenCalled();
    await press(r, KEY.enter, 'y', KEY.enter);
    await vi.waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
  });

  it('scrolls a long plan within 24 rows', async () => {
    const steps = Array.from({ length: 40 }, (_, i) => step(`s${i + 1}`, { title: `Long step ${i + 1}` }));
    const r = renderAt80x24(<PlanReview plan={samplePlan({ steps })} product="P" target="/" onStart={() => undefined} />);
    let frame = await waitForFrame(r, 'Long step 1');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frame).not.toContain('Long step 40');
    await press(r, KEY.pageDown, KEY.pageDown);
    frame = await waitForFrame(r, 'Long step 3');
    expect(frame).not.toContain('Long step 1\n');
    await press(r, KEY.pageDown, KEY.pageDown);
    frame = await waitForFrame(r, 'Long step 40');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
