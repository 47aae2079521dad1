// A failure the operator retries in the same session: each failed attempt and the choice are in
// the journal and the report (not only in the .log), and the end of the step says which attempt
// passed. A crash during the retry leaves a step begun and not ended, re-checked on resume.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { resumePointOf } from '../../src/run/resumable.js';
import { setLang } from '../../src/i18n/index.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

/** Fails the first `fails` times it runs, then passes (a counter file keeps the count). */
function flaky(dir: string, fails: number): PlannedStep {
  const counter = join(dir, 'n');
  writeFileSync(counter, '0');
  const code = `open(my $f, '<', '${counter}'); my $n = <$f>; open($f, '>', '${counter}'); print $f $n + 1; if ($n < ${fails}) { print STDERR "make: *** [install_agent] Error 2\\n"; exit 2 } exit 0`;
  return step('command', {}, { id: 'agent-make', title: 'make install_agent', commands: [['perl', '-e', code]] });
}

describe('a failure retried in the same session', () => {
  it('journals the failed attempt and the choice; the report lists it and the step says it passed on attempt 2', async () => {
    const dir = tempDir('uw-retry-');
    const ui = new Recorder({ failure: ['retry'] });
    const result = await execute(plan([flaky(dir, 1)]), ui, { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('done');
    const events = (await readJournal(result.files!.journal)).events.filter((e) => e.type === 'step-start' || e.type === 'step-end');
    expect(events.map((e) => (e.type === 'step-end' ? `end:${e.status}` : 'start'))).toEqual(['start', 'end:failed', 'start', 'end:done']);
    const [, failed, , done] = events as [JournalEvent, Extract<JournalEvent, { type: 'step-end' }>, JournalEvent, Extract<JournalEvent, { type: 'step-end' }>];
    expect(failed.detail).toContain('Error 2');
    expect(failed.detail).toContain('the operator chose to retry the step');
    expect(done.detail).toContain('attempt 2, after 1 failed attempt(s) the operator retried');
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain('## Failed attempts of steps');
    expect(report).toMatch(/- .* step 1 "make install_agent" \(agent-make\): .*Error 2.*the operator chose to retry the step/);
    expect(report).toMatch(/\| 1 \| make install_agent \(agent-make\) \| done \| .* \| attempt 2, after 1 failed attempt\(s\) the operator retried \|/);
    // The screens see one end of the step, not two.
    expect(ui.ends.map((e) => e.status)).toEqual(['done']);
  });

  it('in Japanese, every failed attempt of two retries is in the report', async () => {
    const dir = tempDir('uw-retry-');
    setLang('ja');
    const result = await execute(plan([flaky(dir, 2)], { lang: 'ja' }), new Recorder({ failure: ['retry', 'retry'] }), { logDir: join(dir, 'log'), root: '' }).finally(() => setLang('en'));
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain('## ステップの失敗した試行');
    expect(report.match(/オペレーターがステップの再試行を選びました/g)).toHaveLength(2);
    expect(report).toContain('3 回目の実行 (失敗 2 回の後、オペレーターが再試行)');
  });

  it('a run stopped after a retried failure resumes at that step as a plain failure', async () => {
    const dir = tempDir('uw-retry-');
    const result = await execute(plan([flaky(dir, 5)]), new Recorder({ failure: ['retry', 'stop'] }), { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('failed');
    const point = resumePointOf(await readJournal(result.files!.journal));
    expect(point.next).toBe(0);
    expect(point.halfRun).toBeUndefined();
  });
});

describe('a rollback step retried in the same session', () => {
  it('journals the failed attempt of the rollback step, and the report lists it', async () => {
    const dir = tempDir('uw-retry-rollback-');
    const undo = { ...flaky(dir, 1), id: 'undo' };
    const failing = step('command', {}, { id: 'upgrade', restorePoint: 'rp', commands: [['perl', '-e', 'exit 4']] });
    const p = plan([failing], { restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [undo] }] });
    const result = await execute(p, new Recorder({ failure: ['rollback', 'retry'] }), { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('rolled-back');
    const ends = (await readJournal(result.files!.journal)).events.filter((e): e is Extract<JournalEvent, { type: 'step-end' }> => e.type === 'step-end' && e.step === 'rp/undo');
    expect(ends.map((e) => e.status)).toEqual(['failed', 'done']);
    expect(ends[0]?.detail).toContain('the operator chose to retry the step');
    expect(readFileSync(result.files!.report, 'utf8')).toMatch(/rp\/undo.*Error 2.*the operator chose to retry the step/);
  });
});
