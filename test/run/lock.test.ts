// The log dir's run lock: one process runs steps at a time; a lock whose process is gone (killed,
// crashed, another boot) is taken over; a refused process leaves no journal behind.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { bootId } from '../../src/run/boot-id.js';
import { execute } from '../../src/run/executor.js';
import { lockRun } from '../../src/run/lock.js';
import { openSession } from '../../src/run/session.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(execFileSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).trim());
}

describe('the run lock', () => {
  it('refuses a second session in the same log dir, naming the holder, and leaves no journal for it', async () => {
    const logDir = tempDir('uw-lock-');
    const p = plan([step('command', {}, { id: 'a', title: 'a', commands: [['true']] })]);
    const first = openSession(p, 'run-one', new Recorder(), { logDir, root: '' });
    const before = readdirSync(logDir).sort();
    let refusal: unknown;
    try {
      await execute(p, new Recorder(), { logDir, root: '' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InputError);
    expect(String((refusal as Error).message)).toMatch(new RegExp(`another upgrade-wizard \\(process ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\) holds run run-one with the log directory ${logDir}: it is running it, or waiting at a question on another terminal; nothing was done`));
    expect(readdirSync(logDir).sort()).toEqual(before);
    first.unlock();
    expect(existsSync(join(logDir, 'run.lock'))).toBe(false);
    expect((await execute(p, new Recorder(), { logDir, root: '' })).status).toBe('done');
    // Given back at the end of the run.
    expect(existsSync(join(logDir, 'run.lock'))).toBe(false);
  });

  it('takes over a lock whose process is gone, from another boot, or cut short', () => {
    const logDir = tempDir('uw-lock-');
    const file = join(logDir, 'run.lock');
    for (const left of [
      JSON.stringify({ pid: deadPid(), bootId: bootId(), runId: 'x', since: '2026-11-22T00:00:00Z' }),
      JSON.stringify({ pid: process.ppid, bootId: 'another-boot', runId: 'x', since: '2026-11-22T00:00:00Z' }),
      '{"pid": 12',
    ]) {
      writeFileSync(file, left);
      const unlock = lockRun(logDir, 'mine');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, runId: 'mine' });
      unlock();
      expect(existsSync(file)).toBe(false);
    }
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock whose process was killed but not yet reaped, or whose number a new process has', async () => {
    const logDir = tempDir('uw-lock-');
    const file = join(logDir, 'run.lock');
    // The child ends at once and its parent never waits for it: a zombie (perl is part of every Debian).
    const parent = spawn('perl', ['-e', '$| = 1; my $pid = fork; exit 0 unless $pid; print "$pid\n"; sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number((await once(parent.stdout, 'data'))[0].toString().trim());
      for (let i = 0; i < 100 && !/\) Z /.test(readFileSync(`/proc/${zombie}/stat`, 'utf8')); i++) await new Promise((r) => setTimeout(r, 20));
      expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
      const started = (pid: number): string => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;
      for (const left of [
        { pid: zombie, bootId: bootId(), runId: 'x', since: '2026-11-22T00:00:00Z' },
        // The number of a live process, which started after the holder did: not the holder.
        { pid: parent.pid, bootId: bootId(), runId: 'x', since: '2026-11-22T00:00:00Z', started: String(Number(started(parent.pid!)) - 1) },
      ]) {
        writeFileSync(file, JSON.stringify(left));
        const unlock = lockRun(logDir, 'mine');
        expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, runId: 'mine', started: started(process.pid) });
        unlock();
      }
      // The same process, started when the lock says: still held.
      writeFileSync(file, JSON.stringify({ pid: parent.pid, bootId: bootId(), runId: 'theirs', since: '2026-11-22T00:00:00Z', started: started(parent.pid!) }));
      expect(() => lockRun(logDir, 'mine')).toThrow(`another upgrade-wizard (process ${parent.pid}`);
    } finally {
      parent.kill();
    }
  });

  it('takes over a stale lock when a process that was taking it over ended in the middle, and leaves no guard behind', () => {
    const logDir = tempDir('uw-lock-');
    const file = join(logDir, 'run.lock');
    const gone = { pid: deadPid(), bootId: bootId(), runId: '', since: '2026-11-22T00:00:00Z' };
    writeFileSync(file, JSON.stringify({ ...gone, runId: 'x' }));
    writeFileSync(`${file}.takeover`, JSON.stringify(gone));
    const unlock = lockRun(logDir, 'mine');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, runId: 'mine' });
    expect(readdirSync(logDir)).toEqual(['run.lock']);
    unlock();
    expect(readdirSync(logDir)).toEqual([]);
  });

  it('leaves a stale lock to the live process that is taking it over', () => {
    const logDir = tempDir('uw-lock-');
    const file = join(logDir, 'run.lock');
    const left = JSON.stringify({ pid: deadPid(), bootId: bootId(), runId: 'x', since: '2026-11-22T00:00:00Z' });
    const taking = JSON.stringify({ pid: process.ppid, bootId: bootId(), runId: '', since: '2026-11-22T00:00:00Z' });
    writeFileSync(file, left);
    writeFileSync(`${file}.takeover`, taking);
    expect(() => lockRun(logDir, 'mine')).toThrow(`the run lock ${file} was taken by another upgrade-wizard starting at this moment; nothing was done. Try again.`);
    expect(readFileSync(file, 'utf8')).toBe(left);
    expect(readFileSync(`${file}.takeover`, 'utf8')).toBe(taking);
  });

  it('does not remove a lock that another process has taken over meanwhile', () => {
    const logDir = tempDir('uw-lock-');
    const file = join(logDir, 'run.lock');
    const unlock = lockRun(logDir, 'mine');
    const theirs = JSON.stringify({ pid: process.ppid, bootId: bootId(), runId: 'theirs', since: '2026-11-22T00:00:00Z' });
    writeFileSync(file, theirs);
    unlock();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});
