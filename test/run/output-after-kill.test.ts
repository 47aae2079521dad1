// A command's output is not a pipe into the wizard: after a kill -9 of the wizard the command
// (detached, its own process group) runs on, and its next write must not kill it with SIGPIPE.
// An `rpm -ivh` printing hash marks, or database_upgrade.pl, would otherwise die mid-way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { groupGone, startCli, until } from '../helpers/cli.js';
import { killedAfterEach, standInsOnPath } from '../helpers/stand-ins.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const dir = tempDir('uw-sigpipe-');
// A stand-in for a tool that reports progress as it goes: a line on stdout and one on stderr
// every 100 ms for 2 s; notes its start and its end in $1, its pid in $2.
standInsOnPath(join(dir, 'bin'), {
  ticker: 'echo $$ > "$2"\necho start >> "$1"\ni=0\nwhile [ $i -lt 20 ]; do\n  i=$((i + 1))\n  echo "tick $i"\n  echo "tock $i" >&2\n  sleep 0.1\ndone\necho end >> "$1"',
});
const groups = killedAfterEach();
const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');

describe('kill -9 of the wizard while a command prints', () => {
  it('the command runs on to its end (no SIGPIPE); until the kill its output reached the log', async () => {
    const logDir = join(dir, 'log');
    const [trace, pidFile] = ['trace', 'pid'].map((n) => join(dir, n)) as [string, string];
    const ticker: PlannedStep = step('command', {}, { id: 'b', title: 'Step b', commands: [['ticker', trace, pidFile]] });
    // A run stopped (Ctrl-C) before b: the real binary's `resume --yes` runs b.
    const stop = new AbortController();
    const ui = new Recorder();
    ui.onStepEnd = (s) => {
      if (s.id === 'a') stop.abort();
    };
    const first = await execute(plan([step('command', {}, { id: 'a', title: 'Step a', commands: [['true']] }), ticker]), ui, { logDir, root: '', signal: stop.signal });
    expect(first).toMatchObject({ status: 'stopped', step: 'b' });
    const log = first.files!.log;

    // In a process group of its own, as a shell starts a job, so that only it is killed.
    const wizard = startCli(['resume', '--yes', '--log-dir', logDir]);
    // Killed mid-output: once the wizard has shown a line from each of the command's streams.
    await until(() => /\[b\] \| tick \d+/.test(read(log)) && /\[b\] \| tock \d+/.test(read(log)));
    const pgid = Number(read(pidFile));
    groups.push(pgid);
    wizard.kill('SIGKILL');
    expect((await wizard).signal).toBe('SIGKILL');
    expect(read(trace)).toBe('start\n');

    await until(() => groupGone(pgid));
    // Before the fix the stand-in died at its next `echo` (SIGPIPE): 'start' and no 'end'.
    expect(read(trace)).toBe('start\nend\n');
    // The wizard's capture of the raw (unmasked) output is not left behind by the kill.
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`upgrade-wizard-output-${wizard.pid}-`))).toEqual([]);
  });
});
