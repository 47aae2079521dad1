// A log dir whose file system is full, on a real small tmpfs (root, and a kernel that lets this
// container mount one; skipped otherwise): the run stops with a message that says which directory,
// where the run stands and how to go on, never a stack trace; a step whose command passed is
// not shown as failed; the journal keeps only whole records (a cut line would be refused later
// as damage); and a report that cannot be written is written again from the journal.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { newRunId, readJournal, runFiles } from '../../src/run/journal.js';
import { JournalWriteError, JournalWriter } from '../../src/run/journal-writer.js';
import { Redactor } from '../../src/run/redact.js';
import { ReportWriteError, writeReport } from '../../src/run/report.js';
import { isRoot, runCli } from '../helpers/cli.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';
import { execute } from '../../src/run/executor.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const base = tempDir('uw-logfull-');
const mounts: string[] = [];
/** A new tmpfs of `size` under base; undefined where none can be mounted. */
function smallFs(name: string, size = '512k'): string | undefined {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  if (!isRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});
const canMount = smallFs('probe', '64k') !== undefined;

/** Fills the file system of dir to its last block with the file `filler`. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'a');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}

/** Every line of a journal is a whole JSON record: nothing a later reader would refuse as damage. */
function wholeLines(file: string): JournalEvent[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JournalEvent);
}

const time = '2026-11-22T10:00:00.000Z';

describe.runIf(canMount)('a full log directory', () => {
  it('stops the journal at its last whole record with a message that says where the run stands and how to go on', async () => {
    const dir = smallFs('unit') as string;
    const runId = newRunId();
    const writer = new JournalWriter(dir, runId, new Redactor());
    const steps = [step('manual', {}, { id: 'a' }), step('manual', {}, { id: 'b' })];
    writer.append({ type: 'run-start', time, runId, plan: plan(steps, { root: '/srv/sandbox' }) });
    writer.append({ type: 'step-start', time, step: 'a' });
    writer.append({ type: 'step-end', time, step: 'a', status: 'done', durationMs: 1 });
    writer.append({ type: 'step-start', time, step: 'b' });
    const filler = fill(dir);
    // Longer than a page: it cannot fit in what is left of the journal's last block.
    let error: unknown;
    try {
      writer.append({ type: 'step-end', time, step: 'b', status: 'done', durationMs: 1, detail: 'x'.repeat(6000) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JournalWriteError);
    const message = (error as Error).message;
    expect(message).toContain(`the log directory ${dir} is full (ENOSPC)`);
    expect(message).toContain('the end of step b, which was done');
    expect(message).toContain('step b began and has no recorded end');
    expect(message).toContain(`upgrade-wizard resume --root /srv/sandbox --log-dir ${dir}`);
    const files = runFiles(dir, runId);
    expect(wholeLines(files.journal).at(-1)).toMatchObject({ type: 'step-start', step: 'b' });
    expect((await readJournal(files.journal)).events).toHaveLength(4);

    // Space freed: the same writer goes on.
    rmSync(filler);
    writer.append({ type: 'step-end', time, step: 'b', status: 'done', durationMs: 1 });
    // The log full: no throw where it is written (a command's output handler), the next record stops the run.
    fill(dir);
    expect(() => writer.log('y'.repeat(6000))).not.toThrow();
    expect(() => writer.append({ type: 'run-end', time, status: 'done' })).toThrow(`the log directory ${dir} is full (ENOSPC): ${files.log} could not be written`);
    expect(wholeLines(files.journal).at(-1)).toMatchObject({ type: 'step-end', step: 'b', status: 'done' });
    writer.close();
  });

  it('during a rollback: the step that filled it is not taken for failed, nor offered again; the message names the rollback', async () => {
    const dir = smallFs('rollback') as string;
    // The rollback's step fills the log dir's file system (a restore writing its log there), and succeeds.
    const filler = join(dir, 'filler');
    // Then it prints more than the log's last block holds: the log fails, and the next record stops the run.
    const fills = ['perl', '-e', `open(my $f, '>', '${filler}') or die; 1 while syswrite($f, 'x' x 4096); print 'y' x 99, "\\n" for 1 .. 100;`];
    const undo = step('command', {}, { id: 'undo', title: 'Undo', commands: [fills], allowFailure: true });
    const p = plan(
      [
        { ...step('command', {}, { id: 'a', commands: [['true']] }), restorePoint: 'rp' },
        { ...step('command', {}, { id: 'b', commands: [['false']] }), restorePoint: 'rp' },
      ],
      { root: '/srv/sandbox', restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [undo] }] },
    );
    const ui = new Recorder({ failure: ['rollback', 'retry', 'retry'] });
    let error: unknown;
    try {
      await execute(p, ui, { logDir: dir, root: '' });
    } catch (e) {
      error = e;
    }
    // Before: the full log dir was the rollback step's "failure", offered to be retried.
    expect(ui.failures.map((f) => f.step)).toEqual(['b']);
    expect(error).toBeInstanceOf(JournalWriteError);
    expect((error as Error).message).toContain(`the log directory ${dir} is full (ENOSPC)`);
    expect((error as Error).message).toContain('upgrade-wizard rollback --to rp');
  });

  it('a report that cannot be written says so, leaves no empty report, and `report` writes it from the journal', async () => {
    const dir = smallFs('report') as string;
    const runId = newRunId();
    const writer = new JournalWriter(dir, runId, new Redactor());
    writer.append({ type: 'run-start', time, runId, plan: plan([step('manual', {}, { id: 'a', title: 'Check the files' })]) });
    writer.append({ type: 'step-start', time, step: 'a' });
    writer.append({ type: 'step-end', time, step: 'a', status: 'done', durationMs: 1 });
    writer.append({ type: 'run-end', time, status: 'done' });
    writer.close();
    const files = runFiles(dir, runId);
    const filler = fill(dir);
    const record = await readJournal(files.journal);
    const write = writeReport(record, files, new Redactor());
    await expect(write).rejects.toBeInstanceOf(ReportWriteError);
    await expect(write).rejects.toThrow(
      `the report ${files.report} could not be written: the log directory ${dir} is full (ENOSPC). Run ${runId} is recorded whole in its journal ${files.journal} (status: done)`,
    );
    await expect(write).rejects.toThrow(`write the report from the journal with:\n  upgrade-wizard report --log-dir ${dir} --run ${runId}`);
    expect(readdirSync(dir).filter((n) => n.endsWith('.md') || n.endsWith('.tmp'))).toEqual([]);

    rmSync(filler);
    const again = await runCli(['report', '--log-dir', dir, '--run', runId]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain(`report of run ${runId} written from its journal: ${files.report}`);
    expect(readFileSync(files.report, 'utf8')).toMatch(/\| 1 \| Check the files \(a\) \| done \|/);
  });

  it('run --yes: a command that passed is not shown failed, no stack trace, and resume goes on once space is freed', async () => {
    const sbx = buildJobcenterSandbox();
    const logs = smallFs('jc-logs', '1m') as string;
    // The first step's check (test R13.2.1 = R13.2.1) passes, and on its way fills the log dir's
    // file system, as another writer would: the journal cannot record that it passed.
    writeFileSync(join(sbx.dir, 'bin', 'test'), `#!/bin/sh\nhead -c 100000000 /dev/zero > '${logs}/filler' 2>/dev/null\nexec /usr/bin/test "$@"\n`);
    chmodSync(join(sbx.dir, 'bin', 'test'), 0o755);
    const answers = { cluster: 'unix', operation: 'patch', from: 'R13.2', to: 'R13.2.1', local_site: 'no', role: 'standby' };
    const sets = Object.entries(answers).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
    const place = ['--root', sbx.root, '--log-dir', logs];
    const r = await runCli(['run', '--product', 'jobcenter', '--yes', '--media', sbx.media, ...place, ...sets], { env: sbx.env });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(`the log directory ${logs} is full (ENOSPC)`);
    expect(r.stdout).not.toContain('failed; the run stops here');
    expect(r.stdout).not.toContain('FAILED');
    const journal = readdirSync(logs).find((n) => n.endsWith('.jsonl')) as string;
    const events = wholeLines(join(logs, journal));
    // What the message says of where the run stands is what the journal holds.
    const lastStep = events.filter((e): e is Extract<JournalEvent, { type: 'step-start' | 'step-end' }> => e.type === 'step-start' || e.type === 'step-end').at(-1);
    expect(lastStep).toBeDefined();
    expect(r.stderr).toContain(lastStep?.type === 'step-start' ? `step ${lastStep.step} began and has no recorded end` : `the last step recorded is ${lastStep?.step}`);
    expect(r.stderr).toContain(`continue with:\n  upgrade-wizard resume --root ${sbx.root} --log-dir ${logs}`);
    expect(events.some((e) => e.type === 'step-end' && e.status === 'failed')).toBe(false);

    rmSync(join(logs, 'filler'));
    rmSync(join(sbx.dir, 'bin', 'test'));
    const resumed = await runCli(['resume', '--yes', ...place], { env: sbx.env });
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(existsSync(join(logs, journal.replace(/\.jsonl$/, '.md')))).toBe(true);
  }, 120_000);
});
