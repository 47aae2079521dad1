// The reader of the wizard's output goes away in the middle of a run (`| head` that had its
// lines, a `| tee` ended by the Ctrl-C meant for the wizard): writes fail with EPIPE. The
// running step must finish and the run stop cleanly (journal end, report, no lock), resumable,
// instead of the process dying in the middle of the step.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { answerArgs, expectedUpgradedState, makeSandbox, placeArgs, runIn, sandboxEnv, upgradedState, type Sandbox } from '../helpers/sandbox.js';

const uid = process.getuid?.() ?? 0;
const sandboxes: (Sandbox & { cleanup(): void })[] = [];
afterEach(() => {
  for (const sb of sandboxes.splice(0)) sb.cleanup();
});

describe('the output goes away during a run', () => {
  it('the running step finishes, the run stops journaled and resumable, and resume completes it', async () => {
    const sb = await makeSandbox();
    sandboxes.push(sb);
    const child = execa(process.execPath, [join(repoRoot, 'bin/upgrade-wizard.js'), 'run', '--product', 'sharetask', ...answerArgs(sb), '--yes', ...placeArgs(sb)], {
      env: { ...sandboxEnv(sb.dir), LANG: 'C', SANDBOX_PAUSE_AT: 'database_upgrade.pl' },
      stdin: 'ignore',
      reject: false,
    });
    let ended = false;
    void child.finally(() => (ended = true));
    const pausedFile = join(sb.state, 'paused-database_upgrade.pl');
    while (!existsSync(pausedFile)) {
      if (ended) throw new Error(`the run ended before the database upgrade: ${JSON.stringify(await child)}`);
      await sleep(50);
    }
    // Nobody reads any more: the pipe's read end is closed while the step runs.
    child.stdout?.destroy();
    writeFileSync(join(sb.state, 'release-database_upgrade.pl'), '');
    const r = await child;
    expect(r.stderr).not.toMatch(/EPIPE|Node\.js v/);
    expect(r.exitCode).toBe(1);

    const journal = join(sb.logDir, readdirSync(sb.logDir).find((f) => f.endsWith('.jsonl')) as string);
    const events = readFileSync(journal, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; step?: string; status?: string; reason?: string });
    // The step that was running finished, and nothing after it started.
    expect(events.find((e) => e.type === 'step-end' && e.step === 'database-upgrade')?.status).toBe('done');
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ reason: expect.stringContaining('the output went away') }]);
    expect(events.at(-1)?.type).toBe('run-end');
    const report = readFileSync(join(sb.logDir, readdirSync(sb.logDir).find((f) => f.endsWith('.md')) as string), 'utf8');
    // The change record gives the real cause, not Ctrl-C.
    expect(report).toMatch(/the output went away .*; step \d+ .* was not started/);
    expect(report).not.toContain('stopped by Ctrl-C');
    expect(existsSync(join(sb.logDir, 'run.lock'))).toBe(false);

    const resumed = await runIn(sb, ['resume', '--yes', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
  }, 300_000);
});
