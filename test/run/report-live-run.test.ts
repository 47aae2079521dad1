// `report` of a run that another process is still running: refused, naming the process; the run
// writes its report when it ends. Once that process is gone, the report is written from the
// journal, and a command with no end in it is said to have none.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootId } from '../../src/run/boot-id.js';
import { newRunId, runFiles } from '../../src/run/journal.js';
import { JournalWriter } from '../../src/run/journal-writer.js';
import { Redactor } from '../../src/run/redact.js';
import { runCli } from '../helpers/cli.js';
import { plan, step, tempDir } from './ctx.js';

const time = '2026-11-22T10:00:00.000Z';

describe('report of a run in progress', () => {
  it('is refused while its process lives, naming it and writing nothing; written once it has gone', async () => {
    const logDir = tempDir('uw-report-live-');
    const runId = newRunId();
    const writer = new JournalWriter(logDir, runId, new Redactor());
    writer.append({ type: 'run-start', time, runId, plan: plan([step('command', {}, { id: 'a', title: 'Copy the data', commands: [['cp', '-a', '/srv/a', '/srv/b']] })]) });
    writer.append({ type: 'step-start', time, step: 'a' });
    writer.append({ type: 'command-start', time, step: 'a', argv: ['cp', '-a', '/srv/a', '/srv/b'], pgid: 1 });
    writer.close();
    const report = runFiles(logDir, runId).report;
    const running = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(logDir, 'run.lock'), JSON.stringify({ pid: running.pid, bootId: bootId(), runId, since: time }));
      const refused = await runCli(['report', '--log-dir', logDir]);
      expect(refused.exitCode).not.toBe(0);
      expect(refused.stderr).toContain(`another upgrade-wizard (process ${running.pid}, since `);
      expect(refused.stderr).toContain(`holds run ${runId} with the log directory ${logDir}`);
      expect(existsSync(report)).toBe(false);

      // A process starting a run, a resume or a rollback has not named its run yet: it may be this one.
      writeFileSync(join(logDir, 'run.lock'), JSON.stringify({ pid: running.pid, bootId: bootId(), runId: '', since: time }));
      const starting = await runCli(['report', '--log-dir', logDir, '--run', runId]);
      expect(starting.exitCode).not.toBe(0);
      expect(starting.stderr).toContain('(starting a run, a resume or a rollback)');
      expect(existsSync(report)).toBe(false);
    } finally {
      running.kill();
      await once(running, 'exit');
    }
    const written = await runCli(['report', '--log-dir', logDir]);
    expect(written.exitCode).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('| a | `cp -a /srv/a /srv/b` | no end recorded: the wizard ended while it ran | - |');
  });

  it('of an earlier run is written while another run holds the lock', async () => {
    const logDir = tempDir('uw-report-live-');
    const runId = newRunId();
    const writer = new JournalWriter(logDir, runId, new Redactor());
    writer.append({ type: 'run-start', time, runId, plan: plan([step('manual', {}, { id: 'a', title: 'Check' })]) });
    writer.append({ type: 'run-end', time, status: 'done' });
    writer.close();
    writeFileSync(join(logDir, 'run.lock'), JSON.stringify({ pid: process.pid, bootId: bootId(), runId: 'another-run', since: time }));
    const written = await runCli(['report', '--log-dir', logDir, '--run', runId]);
    expect(written.stderr).toBe('');
    expect(written.exitCode).toBe(0);
    expect(existsSync(runFiles(logDir, runId).report)).toBe(true);
  });
});
