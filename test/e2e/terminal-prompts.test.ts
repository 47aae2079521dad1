// `resume` and `rollback` typed at a terminal without --yes: the real binary in tmux asks before
// it starts, and the operator answers each checkpoint (failure, manual step, config diff) with
// @inquirer/prompts instead of --yes confirming them unseen.
import { chmodSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, type Tmux } from '../helpers/tmux.js';
import { snapshotTree } from '../helpers/tree.js';
import { atTerminal, expectedUpgradedState, failHttpdStop, makeSandbox, runSharetask, upgradedState, type Sandbox } from '../helpers/sandbox.js';

const uid = process.getuid?.() ?? 0;
const flat = (text: string): string => text.replace(/\s+/g, '');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function wizard(sb: Sandbox, args: string[]): Promise<Tmux> {
  const t = await atTerminal(sb, args);
  cleanups.push(() => t.kill());
  return t;
}

const journal = (sb: Sandbox): { type: string; step?: string; by?: string }[] => {
  const file = join(sb.logDir, readdirSync(sb.logDir).find((f) => f.endsWith('.jsonl')) as string);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; step?: string; by?: string });
};

describe.skipIf(!hasTmux)('resume and rollback at a terminal, without --yes', () => {
  it('resume asks first, then the operator retries a failure, ticks the checklists and accepts the config diffs', async () => {
    const sb = await makeSandbox();
    cleanups.push(() => sb.cleanup());
    const flag = failHttpdStop(sb);
    const first = await runSharetask(sb);
    expect(first.exitCode).toBe(1);
    // A script gets no prompt: it must say --yes.
    expect(first.stdout).toContain(`upgrade-wizard resume --yes --root ${sb.root}`);

    const t = await wizard(sb, ['resume']);
    await t.waitFor('Continue this run now? Its manual steps and config changes will be asked here. (y/N)');
    await t.type('y');
    await t.keys('Enter');
    // The failed step is run again and fails again: the operator is asked what now.
    await t.waitFor((s) => s.includes('What now?') && s.includes('↑↓ choose · Enter confirm'));
    // Before the backup there is nothing to roll back to: retry or stop.
    expect(await t.screen()).toMatch(/ {4}failed:\n {6}service httpd stop: exit code 1\n[^\n]*\n\? What now\?\n❯ Retry the step\n +Stop here \(resume later\)/);
    rmSync(flag);
    await t.keys('Enter');
    // The manual step after the backup: every item must be ticked.
    await t.waitFor((s) => s.includes('Space tick · a all · Enter confirm · Ctrl-C stop') && s.includes('sharetask_bkup.tar.gz'));
    await t.keys('Space', 'Enter');
    await t.waitFor('Tick every item first (1 of 3 ticked)');
    await t.type('a');
    await t.keys('Enter');
    // The output of the Perl module check (3.6), read and confirmed.
    await t.waitFor((s) => s.includes('Space tick · a all') && s.includes('name no missing module'));
    await t.type('a');
    await t.keys('Enter');
    for (const file of [join(sb.root, 'home/sharetask/sharetask_server/conf/system.conf'), join(sb.root, 'etc/sudoers')]) {
      // Compared without white space: the question wraps at the terminal's width.
      const asked = flat(`Write these changes to ${file}? (No stops the run here; nothing is written) (y/N)`);
      await t.waitFor((s) => flat(s).endsWith(asked));
      await t.type('y');
      await t.keys('Enter');
    }
    await t.waitFor((s) => s.includes('Space tick · a all') && s.includes('logging in to ShareTask from a browser works'));
    await t.type('a');
    await t.keys('Enter');
    expect(await t.exitStatus(60000)).toBe(0);
    expect(await t.history()).toMatch(/finished: all \d+ steps done/);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
    const confirms = journal(sb).filter((e) => e.type === 'confirm' && e.step === 'keep-backup-safe');
    expect(confirms.length).toBeGreaterThan(0);
    expect(confirms.every((e) => e.by === 'operator')).toBe(true);
  }, 300_000);

  it('a rollback chosen after a failure is asked once more with its steps; No goes back to the choices', async () => {
    const sb = await makeSandbox();
    cleanups.push(() => sb.cleanup());
    // chkconfig fails near the end, after the backup: a restore point is in force there.
    const flag = join(sb.state, 'fail-chkconfig');
    renameSync(join(sb.bin, 'chkconfig'), join(sb.bin, 'chkconfig.real'));
    writeFileSync(join(sb.bin, 'chkconfig'), `#!/bin/sh\nif [ -e '${flag}' ]; then echo "chkconfig: read-only /etc/rc.d" >&2; exit 1; fi\nexec '${join(sb.bin, 'chkconfig.real')}' "$@"\n`);
    chmodSync(join(sb.bin, 'chkconfig'), 0o755);
    writeFileSync(flag, '');
    expect((await runSharetask(sb)).exitCode).toBe(1);

    const t = await wizard(sb, ['resume']);
    await t.waitFor('Continue this run now?');
    await t.type('y');
    await t.keys('Enter');
    await t.waitFor((s) => s.includes('What now?') && s.includes('Roll back: Restore from the 2.2 backup'));
    await t.keys('Down', 'Enter');
    await t.waitFor((s) => flat(s).includes(flat('Roll back to "Restore from the 2.2 backup" now? These steps run on the server:')) && s.includes('Roll back now? (y/N)'));
    expect(await t.screen()).toMatch(/ {2}1\) \S/);
    await t.keys('Enter');
    // No: the choices again, and nothing was restored.
    await t.waitFor((s) => s.trimEnd().endsWith('↑↓ choose · Enter confirm') && s.lastIndexOf('What now?') > s.lastIndexOf('Roll back now?'));
    expect(journal(sb).some((e) => e.type === 'rollback')).toBe(false);
    rmSync(flag);
    await t.keys('Enter');
    await t.waitFor((s) => s.includes('Space tick · a all') && s.includes('logging in to ShareTask from a browser works'));
    await t.type('a');
    await t.keys('Enter');
    expect(await t.exitStatus(60000)).toBe(0);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
  }, 300_000);

  it('rollback asks before anything is done; No (the default) changes nothing', async () => {
    const sb = await makeSandbox();
    cleanups.push(() => sb.cleanup());
    expect((await runSharetask(sb)).exitCode).toBe(0);
    const before = snapshotTree(sb.dir);
    const t = await wizard(sb, ['rollback']);
    await t.waitFor('Roll back to "Restore from the 2.2 backup" now? (y/N)');
    await t.keys('Enter');
    expect(await t.exitStatus()).toBe(2);
    expect(await t.history()).toContain('error: nothing was done.');
    expect(snapshotTree(sb.dir)).toEqual(before);
  }, 120_000);
});
