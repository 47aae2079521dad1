// resume and rollback typed at a terminal hold the run lock while their "now?" question waits:
// a second resume (or rollback) in another session is refused then, naming the waiting one.
// Before, the waiting one took the lock only after the answer and went on from the point it had
// read before asking: a run finished meanwhile by `resume --yes` had its steps run again (and a
// migrated conf moved aside). The real binary in tmux, in the Groupmax sandbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { groupmaxSandbox, SERVICES_UNIX, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

afterEach(() => Tmux.killAll());

const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);
const place = (sb: GroupmaxSandbox): string[] => ['--root', sb.root, '--log-dir', sb.logs];

function journal(sb: GroupmaxSandbox): { type: string }[] {
  const file = readdirSync(sb.logs).find((n) => n.endsWith('.jsonl'))!;
  return readFileSync(join(sb.logs, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string });
}

async function atTerminal(sb: GroupmaxSandbox, args: string[]): Promise<Tmux> {
  return Tmux.start(['env', `PATH=${sb.env.PATH}`, 'LANG=C.UTF-8', process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), ...args, ...place(sb), '--lang', 'en'], {
    cwd: repoRoot,
    width: 120,
    height: 30,
    waitTimeoutMs: 60000,
  });
}

describe.skipIf(!hasTmux)('a question at a terminal holds the run lock', () => {
  it('resume waiting at "Continue this run now?": a resume --yes elsewhere is refused, nothing of it runs', async () => {
    const sb = groupmaxSandbox();
    const first = await runCli(['run', '--product', 'groupmax', '--yes', ...place(sb), ...sb.platformArgs, ...sets], { env: sb.env });
    expect(first.exitCode, first.stderr).toBe(0);
    const runId = readdirSync(sb.logs).find((n) => n.endsWith('.jsonl'))!.replace(/^run-|\.jsonl$/g, '');
    const t = await atTerminal(sb, ['resume']);
    await t.waitFor('Continue this run now?');
    const other = await runCli(['resume', '--yes', ...place(sb)], { env: sb.env });
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toMatch(new RegExp(`another upgrade-wizard \\(process \\d+, since [^)]+\\) holds run ${runId} with the log directory ${sb.logs}: it is running it, or waiting at a question on another terminal; nothing was done`));
    // Nothing after the reboot ran: no ports added, no advup2_6, no resume journaled.
    expect(sb.calls()).toEqual([]);
    expect(sb.servicesText()).toBe(SERVICES_UNIX);
    expect(journal(sb).filter((e) => e.type === 'resume')).toEqual([]);
    // No at the question: nothing done, and the lock is given back.
    await t.keys('Enter');
    expect(await t.exitStatus()).toBe(2);
    const after = await runCli(['resume', '--yes', ...place(sb)], { env: sb.env });
    expect(after.exitCode, after.stderr).toBe(0);
    expect(sb.calls()).toEqual(['advup2_6 ']);
  }, 120_000);

  it('rollback waiting at its question: a rollback --yes elsewhere is refused, nothing is recorded', async () => {
    const sb = groupmaxSandbox();
    expect((await runCli(['run', '--product', 'groupmax', '--yes', ...place(sb), ...sb.platformArgs, ...sets], { env: sb.env })).exitCode).toBe(0);
    expect((await runCli(['resume', '--yes', ...place(sb)], { env: sb.env })).exitCode).toBe(0);
    const t = await atTerminal(sb, ['rollback']);
    await t.waitFor('Roll back to "Back to the old version" now? (y/N)');
    const other = await runCli(['rollback', '--to', 'restore-old', '--yes', ...place(sb)], { env: sb.env });
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toMatch(/another upgrade-wizard \(process \d+, since [^)]+\) holds run \S+ with the log directory/);
    expect(journal(sb).filter((e) => e.type === 'rollback')).toEqual([]);
    await t.keys('Enter');
    expect(await t.exitStatus()).toBe(2);
    expect(journal(sb).filter((e) => e.type === 'rollback')).toEqual([]);
  }, 120_000);
});
