// The interactive wizard in a real pseudo-terminal (tmux): the standby node's rolling patch was
// run (run --yes) into the log dir; on the active node the administrator answers the JobCenter
// questions, sees on the plan that the standby run allowed this one, starts it, and confirms the
// patched files and the failback checkpoint item by item. Needs tmux and the built binary.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { buildJobcenterSandbox, PATCH_RPM } from '../helpers/jobcenter-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const session = `jc-tty-${process.pid}`;
const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();

const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', session);
const keys = (...k: string[]): void => void tmux('send-keys', '-t', session, ...k);

/** Waits until the screen shows `text`; the deadline only bounds a hung wizard, it asserts nothing about speed. */
async function waitFor(text: string | RegExp, deadlineMs = 40_000): Promise<string> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const now = screen();
    if (typeof text === 'string' ? now.includes(text) : text.test(now)) return now;
    if (Date.now() > until) throw new Error(`the screen never showed ${String(text)}; it shows:\n${now}`);
    await sleep(200);
  }
}

afterAll(() => {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // the wizard quit and took its session with it
  }
});

describe.skipIf(!hasTmux)('jobcenter in a terminal', () => {
  test('3.3.3 / 3.3.4 on the active node after the standby run: questions, plan, run, failback checkpoint', async () => {
    const s = buildJobcenterSandbox();
    const standby = await s.run({ cluster: 'unix', operation: 'rolling-patch', role: 'standby', from: 'R13.2', to: 'R13.2.1', local_site: 'yes' });
    expect(standby.exitCode, standby.stdout + standby.stderr).toBe(0);
    const rpm = `rpm -ivh ${join(s.media, PATCH_RPM)}`;
    expect(s.calls()).toEqual(['nqsstop', rpm]);

    tmux(
      'new-session', '-d', '-s', session, '-x', '120', '-y', '50',
      'env', '-i', `PATH=${s.env.PATH}`, 'TERM=xterm-256color', 'LANG=C', `HOME=${s.dir}`,
      process.execPath, bin, '--product', 'jobcenter', '--root', s.root, '--media', s.media, '--log-dir', s.logs,
    );
    await waitFor('Enter continue');
    keys('Enter');
    await waitFor('Which kind of cluster?');
    keys('Down', 'Down', 'Enter');
    await waitFor('What are you doing?');
    keys('Down', 'Down', 'Enter');
    await waitFor('Which node is this server?');
    keys('Down', 'Enter');
    await waitFor('Was the standby node done outside this wizard');
    keys('Enter');
    await waitFor('Installed version (before the change)?');
    keys('-l', 'R13.2');
    await waitFor('> R13.2');
    keys('Enter');
    await waitFor('Version after the change (target)?');
    keys('C-u');
    keys('-l', 'R13.2.1');
    await waitFor('> R13.2.1');
    keys('Enter');
    await waitFor('Is the local JobCenter site of this server used?');
    keys('Enter');

    const review = await waitFor('Press Enter to start');
    expect(review).toMatch(/Order check standby-first passed: run \S+ finished at/);
    expect(review).toContain('the environment variable NQS_SITE must not be set');
    expect(review).toContain(`$ ${rpm}`);
    expect(review).toContain('Fail back');
    keys('Enter');
    await waitFor('Start the upgrade now');
    keys('y', 'Enter');

    await waitFor('Check that the patched files are updated');
    await waitFor('I have done this step');
    expect(s.calls()).toEqual(['nqsstop', rpm, 'nqsstop', rpm]);
    keys('Space', 'Enter');
    const failback = await waitFor('The failback completed correctly');
    expect(failback).toContain('JobCenter work runs on the active node');
    // Every item must be ticked: Enter with one open item does not confirm the checkpoint.
    keys('Space', 'Enter');
    await waitFor('Tick every item first');
    keys('Down', 'Space', 'Enter');
    const end = await waitFor('The upgrade finished');
    expect(end).toContain('all 5 steps done');
    const active = s.journals().find((j) => j.some((e) => e.type === 'run-start' && e.plan.answers.role === 'active')) ?? [];
    const items = active.filter((e) => e.type === 'confirm' && e.step === 's334-failback').map((e) => (e.type === 'confirm' ? e.by : ''));
    expect(items).toEqual(['operator', 'operator', 'operator']);
    keys('q');
  }, 120_000);
});
