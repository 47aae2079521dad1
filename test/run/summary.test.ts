// What the operator reads when a run stops: the step by number and title, and commands that
// do what they say when pasted into a shell, in the place the run acted on.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/run/summary.js';
import { quoteArgv } from '../../src/quote.js';
import { samplePlan } from '../ui/helpers.js';
import { tempDir } from './ctx.js';

describe('run summary', () => {
  it('names the stopped step by number and title, and its commands keep the demo sandbox on PATH and quote paths', () => {
    const base = join(tempDir('uw-summary-'), 'my sandbox');
    const bin = join(base, 'bin');
    mkdirSync(bin, { recursive: true });
    // A stand-in for the wizard: shows the arguments it got and whether the sandbox's bin comes first.
    writeFileSync(join(bin, 'upgrade-wizard'), '#!/bin/sh\ncase "$PATH" in "$SANDBOX_BIN":*) echo sandbox-first;; esac\nprintf "<%s>\\n" "$@"\n');
    chmodSync(join(bin, 'upgrade-wizard'), 0o755);
    const place = { root: join(base, 'root'), logDir: join(base, 'log'), envPrefix: `PATH=${quoteArgv([bin])}:"$PATH" ` };
    const { lines, exitCode } = summarize(samplePlan(), { runId: 'r1', status: 'stopped', reason: 'declined', step: 'license' }, place);
    expect(exitCode).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('The run stopped: step 3 "Register the license" (license) was not confirmed.');
    expect(text).toContain('To continue (the step is asked again):');
    expect(text).not.toContain('interrupted');
    const commands = text.split('\n').filter((l) => l.includes('upgrade-wizard ')).map((l) => l.trim());
    expect(commands).toHaveLength(2);
    const run = (command: string) => execFileSync('sh', ['-c', command], { env: { PATH: '/usr/bin:/bin', SANDBOX_BIN: bin } }).toString();
    expect(run(commands[0]!)).toBe(`sandbox-first\n<resume>\n<--yes>\n<--root>\n<${place.root}>\n<--log-dir>\n<${place.logDir}>\n`);
    expect(run(commands[1]!)).toBe(`sandbox-first\n<rollback>\n<--to>\n<backup>\n<--root>\n<${place.root}>\n<--log-dir>\n<${place.logDir}>\n<--yes>\n`);
  });

  it('a stop the operator chose says how to continue, not to fix a cause; a failure does', () => {
    const place = { root: '/tmp/sbx', logDir: '/var/log/upgrade-wizard' };
    const text = (r: Parameters<typeof summarize>[1]) => summarize(samplePlan(), r, place).lines.join('\n');
    const waited = text({ runId: 'r1', status: 'stopped', reason: 'wait-stopped', step: 'symlink' });
    expect(waited).toContain('The run stopped on Ctrl-C during the wait of step 4 "Switch the symlink" (symlink): its check had not passed yet');
    expect(waited).toContain('To continue (the interrupted step is checked and run again):\n  upgrade-wizard resume');
    expect(text({ runId: 'r1', status: 'stopped', reason: 'interrupted', step: 'symlink' })).not.toContain('fixing the cause');
    expect(text({ runId: 'r1', status: 'failed', reason: 'failure', step: 'symlink', error: 'exit 1' })).toContain('After fixing the cause, continue');
  });

  it('a stop for a restart names the step whose instructions say how (a cluster shutdown is not a reboot by hand)', () => {
    const r = summarize(samplePlan(), { runId: 'r1', status: 'stopped', reason: 'reboot', step: 'symlink' }, { root: '', logDir: '/var/log/upgrade-wizard' });
    expect(r.exitCode).toBe(0);
    expect(r.lines.join('\n')).toContain('The run stopped for the restart of step 4 "Switch the symlink" (symlink): restart the machine as that step says; afterwards continue with:\n  upgrade-wizard resume');
  });

  it('a step that may have partly run gets commands to run it again or to mark it done, by its id', () => {
    const { lines, exitCode } = summarize(samplePlan(), { runId: 'r1', status: 'stopped', reason: 'half-run', step: 'symlink' }, { root: '/tmp/sbx', logDir: '/var/log/upgrade-wizard' });
    expect(exitCode).toBe(2);
    const text = lines.join('\n');
    expect(text).toContain('Step 4 "Switch the symlink" (symlink) may have partly run');
    expect(text).toContain('upgrade-wizard resume --yes --root /tmp/sbx --rerun-step symlink');
    expect(text).toContain('upgrade-wizard resume --yes --root /tmp/sbx --skip-step symlink');
  });
});
