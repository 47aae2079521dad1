// The same run cut short — kill -9 inside a step, a crash between steps, Ctrl-C once and twice —
// then `resume`, which must reach the same end state; and `rollback` to the backup.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { ResultPromise } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { ctrlC, groupGone, startCli, until } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { answerArgs, expectedUpgradedState, makeSandbox, placeArgs, readCalls, runIn, runSharetask, sandboxEnv, upgradedState, type Sandbox } from '../helpers/sandbox.js';

const uid = process.getuid?.() ?? 0;
const sandboxes: (Sandbox & { cleanup(): void })[] = [];
afterEach(() => {
  for (const sb of sandboxes.splice(0)) sb.cleanup();
});

async function sandbox(): Promise<Sandbox & { cleanup(): void }> {
  const sb = await makeSandbox();
  sandboxes.push(sb);
  return sb;
}

/** The run, every answer given, with the stand-in `pauseAt` pausing until released. Not awaited. */
function start(sb: Sandbox, pauseAt: string): ResultPromise {
  return startCli(['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', ...placeArgs(sb)], { ...sandboxEnv(sb.dir), SANDBOX_PAUSE_AT: pauseAt });
}

/** Waits (without a deadline of its own: the test timeout is the limit) for a stand-in to pause. */
async function paused(sb: Sandbox, name: string, child: ResultPromise): Promise<void> {
  let ended: unknown;
  void child.then((r) => (ended = r));
  while (!existsSync(join(sb.state, `paused-${name.replace(/\//g, '_')}`))) {
    if (ended) throw new Error(`the run ended before ${name} was reached: ${JSON.stringify(ended)}`);
    await sleep(50);
  }
}

const release = (sb: Sandbox, name: string): void => writeFileSync(join(sb.state, `release-${name.replace(/\//g, '_')}`), '');

/** The run, started and held by the stand-in `name`: it is paused there when this returns (the child in an object, not awaited). */
async function heldAt(sb: Sandbox, name: string): Promise<{ child: ResultPromise }> {
  const child = start(sb, name);
  await paused(sb, name, child);
  return { child };
}

/** kill -9 of the wizard while the stand-in `name` is paused: the stand-in is left running, paused. */
async function killedAt(sb: Sandbox, name: string): Promise<void> {
  const { child } = await heldAt(sb, name);
  child.kill('SIGKILL');
  await child;
}

const journalOf = (sb: Sandbox): string => join(sb.logDir, readdirSync(sb.logDir).find((f) => f.endsWith('.jsonl')) as string);
const types = (sb: Sandbox): string[] => readFileSync(journalOf(sb), 'utf8').split('\n').filter(Boolean).map((l) => { try { return (JSON.parse(l) as { type: string }).type; } catch { return 'cut'; } });
/** Waits until the process group of the journal's last started command has ended. */
async function commandEnded(sb: Sandbox): Promise<void> {
  const started = readFileSync(journalOf(sb), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; pgid?: number });
  const pgid = started.findLast((e) => e.type === 'command-start')?.pgid;
  if (pgid !== undefined) await until(() => groupGone(pgid));
}
/** Lets the paused stand-in `name` go on, and waits until its command has ended. */
async function releasedAndEnded(sb: Sandbox, name: string): Promise<void> {
  release(sb, name);
  await commandEnded(sb);
}
const resumeArgs = (sb: Sandbox): string[] => ['resume', '--yes', '--root', sb.root, '--log-dir', sb.logDir];

describe('resume after the run was cut short', () => {
  it('kill -9 inside a command step: resume names the step, and --rerun-step finishes the upgrade', async () => {
    const sb = await sandbox();
    await killedAt(sb, 'database_upgrade.pl');
    // The database upgrade outlives the wizard: going on now would run it twice at once.
    expect(types(sb).at(-1)).toBe('command-start');
    const early = await runIn(sb, [...resumeArgs(sb), '--rerun-step', 'database-upgrade']);
    expect(early.exitCode).toBe(2);
    expect(early.stderr).toMatch(/a command of run \S+ is still running: step database-upgrade, ".*database_upgrade\.pl --start" \(process group \d+\)/);
    await releasedAndEnded(sb, 'database_upgrade.pl');
    const again = await runSharetask(sb);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/an unfinished run of sharetask for this root exists: .*next step database-upgrade/);

    const first = await runIn(sb, resumeArgs(sb));
    expect(first.exitCode).toBe(2);
    expect(first.stdout).toContain('step database-upgrade was interrupted: it is checked before the run goes on');
    expect(first.stdout).toMatch(/Step \d+ "[^"]+" \(database-upgrade\) may have partly run/);
    expect(first.stdout).toContain(`upgrade-wizard resume --yes --root ${sb.root} --log-dir ${sb.logDir} --rerun-step database-upgrade`);

    const second = await runIn(sb, [...resumeArgs(sb), '--rerun-step', 'database-upgrade']);
    expect(second.exitCode).toBe(0);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
    expect((await readCalls(sb.dir)).filter((c) => c === 'database_upgrade.pl --start').length).toBe(2);
  }, 300_000);

  it('kill -9 inside a service step: it is run again by itself', async () => {
    const sb = await sandbox();
    await killedAt(sb, 'init.d/postgresql');
    await releasedAndEnded(sb, 'init.d/postgresql');
    const r = await runIn(sb, resumeArgs(sb));
    expect(r.exitCode).toBe(0);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
    const calls = (await readCalls(sb.dir)).filter((c) => c.startsWith('service '));
    expect(calls.slice(0, 6)).toEqual(['service stlogd stop', 'service sharetaskd stop', 'service httpd stop', 'service memcached stop', 'service postgresql stop', 'service postgresql stop']);
  }, 300_000);

  it('a crash between two steps: resume starts at the next step without asking', async () => {
    const sb = await sandbox();
    await killedAt(sb, 'custom_symlink.pl');
    await releasedAndEnded(sb, 'custom_symlink.pl');
    // Cut the journal back to the end of the step before: the state of a crash right after it.
    const lines = readFileSync(journalOf(sb), 'utf8').split('\n').filter(Boolean);
    const cut = lines.findLastIndex((l) => (JSON.parse(l) as { type: string }).type === 'step-start');
    expect(JSON.parse(lines[cut] as string)).toMatchObject({ type: 'step-start', step: 'custom-symlink' });
    writeFileSync(journalOf(sb), `${lines.slice(0, cut).join('\n')}\n`);
    const r = await runIn(sb, resumeArgs(sb));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/next: custom-symlink/);
    expect(r.stdout).not.toMatch(/interrupted/);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
  }, 300_000);

  it('Ctrl-C once: the running step finishes, the run stops resumable, resume completes it', async () => {
    const sb = await sandbox();
    const { child } = await heldAt(sb, 'database_upgrade.pl');
    await ctrlC(child);
    release(sb, 'database_upgrade.pl');
    const r = await child;
    expect(r.exitCode).toBe(1);
    expect(String(r.stdout)).toMatch(/the running step will finish/);
    expect(String(r.stdout)).toMatch(/stopped after Ctrl-C, before step \d+ "[^"]+" \(conf-keep-shipped\)/);
    expect(types(sb).slice(-4)).toEqual(['command', 'step-end', 'interrupted', 'run-end']);
    const again = await runIn(sb, resumeArgs(sb));
    expect(again.exitCode).toBe(0);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
    expect((await readCalls(sb.dir)).filter((c) => c === 'database_upgrade.pl --start').length).toBe(1);
  }, 300_000);

  it('Ctrl-C twice: the running command is killed, journaled, and resume asks about that step', async () => {
    const sb = await sandbox();
    const { child } = await heldAt(sb, 'database_upgrade.pl');
    await ctrlC(child, 2);
    const r = await child;
    release(sb, 'database_upgrade.pl');
    expect(r.exitCode).toBe(1);
    expect(String(r.stdout)).toMatch(/killing the running command/);
    expect(types(sb).slice(-4)).toEqual(['command', 'step-end', 'interrupted', 'run-end']);
    const again = await runIn(sb, resumeArgs(sb));
    expect(again.exitCode).toBe(2);
    expect(again.stdout).toMatch(/--rerun-step database-upgrade/);
  }, 300_000);
});

describe('rollback', () => {
  it('shows the rollback without --yes, refuses an unknown point, and restores the old tree from the backup', async () => {
    const sb = await sandbox();
    expect((await runSharetask(sb)).exitCode).toBe(0);
    const before = snapshotTree(sb.root);
    const shown = await runIn(sb, ['rollback', '--to', 'backup-archive', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(shown.exitCode).toBe(2);
    expect(shown.stdout).toMatch(/rollback to restore point backup-archive/);
    expect(shown.stdout).toMatch(/Restore the backup/);
    expect(snapshotTree(sb.root)).toEqual(before);
    const unknown = await runIn(sb, ['rollback', '--to', 'nowhere', '--yes', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/backup-archive: /);
    expect(unknown.stderr).toMatch(/old-symlink: /);
    // The link switched back onto a database already upgraded: never confirmed unseen.
    const stale = await runIn(sb, ['rollback', '--to', 'old-symlink', '--yes', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(stale.exitCode).toBe(2);
    expect(stale.stderr).toMatch(/the restore point in force after the steps done is backup-archive \("Restore from the 2\.2 backup"\); old-symlink is for an earlier stage and does not undo step \d+ "[^"]+" \([a-z0-9-]+\) nor what was done after it\. Nothing was done/);
    expect(stale.stderr).toContain(`Or go back to the restore point in force: upgrade-wizard rollback --to backup-archive --root ${sb.root} --log-dir ${sb.logDir} --yes`);
    expect(snapshotTree(sb.root)).toEqual(before);

    const calls = (await readCalls(sb.dir)).length;
    const r = await runIn(sb, ['rollback', '--to', 'backup-archive', '--yes', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Rolled back to the restore point "Restore from the 2\.2 backup" \(backup-archive\): its steps ran\./);
    const home = join(sb.root, 'opt/sharetask');
    expect(readlinkSync(join(home, 'sharetask_server'))).toBe('sharetask_server-5.4.3');
    expect(existsSync(join(home, 'sharetask_server-5.5.1-2'))).toBe(false);
    expect(existsSync(join(home, 'custom.OLD'))).toBe(false);
    expect(readFileSync(join(home, 'custom/NAB/index.cgi'), 'utf8')).toContain('custom NAB 2023');
    expect(readFileSync(join(sb.root, 'home/sharetask/sharetask_server/conf/db.conf'), 'utf8')).toContain(`dbpass = ${sb.dbpass}`);
    expect(existsSync(join(sb.root, 'opt/sharetask.broken/sharetask_server-5.5.1-2'))).toBe(true);
    expect((await readCalls(sb.dir)).slice(calls).filter((c) => c.startsWith('service '))).toEqual([
      ...['httpd', 'stlogd', 'sharetaskd', 'memcached', 'postgresql'].map((s) => `service ${s} stop`),
      ...['postgresql', 'memcached', 'httpd', 'sharetaskd', 'stlogd'].map((s) => `service ${s} start`),
    ]);
  }, 300_000);
});

describe('rollback without its backup', () => {
  it('refuses before any step when the archive to restore is not there: nothing is moved aside, no service is touched', async () => {
    const sb = await sandbox();
    expect((await runSharetask(sb)).exitCode).toBe(0);
    // The operator moved the backup to tape to free the disk.
    const archive = execFileSync('find', [sb.root, '-name', 'sharetask_bkup.tar.gz']).toString().trim();
    expect(archive).not.toBe('');
    rmSync(archive);
    const before = snapshotTree(sb.root);
    const calls = (await readCalls(sb.dir)).length;
    // And the last record was cut short by a crash: the refusal must leave the journal readable.
    writeFileSync(journalOf(sb), `${readFileSync(journalOf(sb), 'utf8')}{"type":"step-st`);
    const r = await runIn(sb, ['rollback', '--to', 'backup-archive', '--yes', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout + r.stderr).toContain(`the rollback to backup-archive cannot start: its backup ${archive} is not there`);
    expect(r.stdout).not.toContain('The rollback failed at step');
    expect(r.stdout + r.stderr).toContain('Nothing was done: no step of the rollback ran');
    expect(snapshotTree(sb.root)).toEqual(before);
    expect((await readCalls(sb.dir)).slice(calls)).toEqual([]);
    expect(types(sb)).not.toContain('rollback');
    // Refused the same way again, not as a damaged journal.
    const again = await runIn(sb, ['rollback', '--to', 'backup-archive', '--yes', '--root', sb.root, '--log-dir', sb.logDir]);
    expect(again.stdout + again.stderr).toContain('cannot start: its backup');
    expect(again.stderr).not.toContain('damaged');
  }, 300_000);
});
