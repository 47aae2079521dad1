// The report as a change record: a failure that ended the run, later resumed, and a stop
// after Ctrl-C, as the administrator must be able to read them back from the report alone.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const dir = tempDir('uw-report-');
const bin = join(dir, 'bin');
const savedPath = process.env.PATH;

beforeAll(() => {
  mkdirSync(bin);
  // A stand-in for a vendor's tool: fails, saying why, until the gate file named by $1 exists.
  writeFileSync(join(bin, 'jnwengine-check'), '#!/bin/sh\nif [ -e "$1" ]; then echo "queues empty"; exit 0; fi\necho "checking queues"\necho "ERROR: 3 jobs still queued" >&2\nexit 3\n');
  chmodSync(join(bin, 'jnwengine-check'), 0o755);
  process.env.PATH = `${bin}:${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
});

const cmd = (id: string, title: string, argv: string[]): PlannedStep => step('command', {}, { id, title, commands: [argv] });

describe('the report', () => {
  it('records a failure that ended the run, the resume after it, and every failed attempt of a step', async () => {
    const logDir = join(dir, 'log-failed');
    const gate = join(dir, 'gate');
    const p = plan([cmd('stop-msg', 'Stop the message service', ['true']), cmd('queues', 'Check the job queues', ['jnwengine-check', gate]), cmd('stop-web', 'Stop the web server', ['true'])]);
    const first = await execute(p, new Recorder({ failure: ['stop'] }), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'failed', step: 'queues' });
    writeFileSync(gate, '');
    const second = await resume(await findResumable(logDir, ''), new Recorder(), { logDir, root: '' });
    expect(second.status).toBe('done');

    const report = readFileSync(second.files!.report, 'utf8');
    const section = (heading: string): string => report.split(`## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
    // In order: the run failed at step 2 with the first line of the error, then it was resumed there.
    const breaks = section('Interruptions and resumes').trim().split('\n');
    expect(breaks).toHaveLength(2);
    expect(breaks[0]).toMatch(/the run failed at step 2 "Check the job queues" \(queues\): jnwengine-check .*gate: exit code 3$/);
    expect(breaks[1]).toMatch(/ resumed at queues$/);
    // The step ended done, and its failed attempt is still on record with the tool's own words.
    expect(report).toMatch(/\| 2 \| Check the job queues \(queues\) \| done \|/);
    const failed = section('Failed attempts of steps').trim().split('\n');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('step 2 "Check the job queues" (queues): jnwengine-check');
    expect(failed[0]).toContain('exit code 3<br>checking queues<br>ERROR: 3 jobs still queued');
  });

  it('a run without failures has no failed attempts section', async () => {
    const result = await execute(plan([cmd('stop-msg', 'Stop the message service', ['true'])]), new Recorder(), { logDir: join(dir, 'log-clean'), root: '' });
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).not.toContain('Failed attempts');
    expect(report).not.toContain('Interruptions and resumes');
  });

  it.each([
    ['en', 'stopped by Ctrl-C after step 1 "Stop the message service" (stop-msg) finished; step 2 "Stop the web server" (stop-web) was not started'],
    ['ja', 'ステップ 1「Stop the message service」(stop-msg) の完了後、Ctrl-C により停止 (ステップ 2「Stop the web server」(stop-web) は未開始)'],
  ] as const)('(%s) after one Ctrl-C during a step, names the step that finished and the one not started', async (lang, said) => {
    const logDir = join(dir, `log-ctrl-c-${lang}`);
    const stop = new AbortController();
    const ui = new Recorder();
    // Ctrl-C while stop-msg runs: it finishes, and the run stops before stop-web.
    ui.onOutput = (s) => {
      if (s.id === 'stop-msg') stop.abort();
    };
    const p = plan([cmd('stop-msg', 'Stop the message service', ['echo', 'stopping']), cmd('stop-web', 'Stop the web server', ['true'])], { lang });
    const result = await execute(p, ui, { logDir, root: '', signal: stop.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'interrupted', step: 'stop-web' });
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain(said);
    // Not the old wording, which named stop-web as if it had been the running step.
    expect(report).not.toMatch(/after the running step finished \(stop-web\)|完了後、Ctrl-C により停止 \(stop-web\)/);
    expect(report).not.toContain(lang === 'en' ? 'Failed attempts' : '失敗した試行');
  });

  it('after a resume stopped at once by Ctrl-C, says the run stopped before the step', async () => {
    const logDir = join(dir, 'log-before');
    const stop = new AbortController();
    const ui = new Recorder();
    ui.onStepEnd = (s) => {
      if (s.id === 'a') stop.abort();
    };
    const p = plan([cmd('a', 'First', ['true']), cmd('b', 'Second', ['true'])]);
    await execute(p, ui, { logDir, root: '', signal: stop.signal });
    const again = new AbortController();
    again.abort();
    const result = await resume(await findResumable(logDir, ''), new Recorder(), { logDir, root: '', signal: again.signal });
    const report = readFileSync(result.files!.report, 'utf8');
    const breaks = report.split('## Interruptions and resumes\n')[1]?.split('\n## ')[0]?.trim().split('\n') ?? [];
    expect(breaks.map((l) => l.replace(/^- \S+ /, ''))).toEqual([
      'stopped by Ctrl-C after step 1 "First" (a) finished; step 2 "Second" (b) was not started',
      'resumed at b',
      'stopped by Ctrl-C before step 2 "Second" (b) started',
    ]);
  });
});
