// The interactive wizard in a real pseudo-terminal (tmux): an administrator on server 1 of a
// two-server cluster answers the CLUSTERPRO questions (detected answers preselected), reviews the
// plan, starts it, confirms the checkpoint that waits for the other server, and the run stops at
// the reboot of 3.1.2 (3) with the command to resume. Needs tmux and the built binary.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { buildClusterproSandbox } from '../helpers/clusterpro-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const session = `clp-tty-${process.pid}`;
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

describe.skipIf(!hasTmux)('clusterpro in a terminal', () => {
  test('3.1.2 on server 1: questions, plan review, checkpoint, stop for the reboot', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'x86_64', hostname: 'node1' });
    // Command as argv (tmux runs it without a shell); a clean environment with the stand-ins first.
    tmux(
      'new-session', '-d', '-s', session, '-x', '120', '-y', '45',
      'env', '-i', `PATH=${s.env.PATH}`, 'TERM=xterm-256color', 'LANG=C', `HOME=${s.dir}`,
      process.execPath, bin, '--product', 'clusterpro', '--root', s.root, '--media', s.media, '--log-dir', s.logs,
    );
    await waitFor('Enter continue');
    expect(screen()).toContain('Version 2.1.2, Release 1');
    keys('Enter');
    await waitFor('What are you updating?');
    keys('Enter');
    await waitFor('What is the situation and the work?');
    keys('Down', 'Enter');
    // Detected answers come preselected with their evidence: the operator only confirms.
    expect(await waitFor('Which architecture?')).toMatch(/› x86_64.*detected/);
    keys('Enter');
    await waitFor('Which product is installed?');
    keys('Enter');
    expect(await waitFor('Installed version?')).toContain('2.1.2-1');
    keys('Enter');
    await waitFor('Is the kernel updated too');
    keys('Enter');
    await waitFor('Is WebManager used?');
    keys('n', 'Enter');
    await waitFor("Host names of the cluster's servers?");
    keys('-l', 'node1,node2');
    keys('Enter');
    await waitFor('Which server is this one?');
    keys('Enter');
    const review = await waitFor('Press Enter to start');
    expect(review).toContain('runs on: all');
    expect(review).toContain('$ clpstdn');
    keys('Enter');
    await waitFor('Start the upgrade now');
    keys('y', 'Enter');
    // The checkpoint of 3.1.2 (1): every server, named.
    expect(await waitFor('I have done this step')).toContain('every server (node1, node2)');
    expect(s.calls().filter((c) => c.startsWith('chkconfig'))).toHaveLength(6);
    keys('Space', 'Enter');
    const end = await waitFor('The run stopped for a reboot');
    expect(end).toContain('upgrade-wizard resume --yes');
    expect(s.calls().filter((c) => c !== 'rpm -qi clusterpro')).toEqual([
      ...['clusterpro_alertsync', 'clusterpro_webmgr', 'clusterpro', 'clusterpro_md', 'clusterpro_trn', 'clusterpro_evt'].map((n) => `chkconfig --del ${n}`),
      'clpstdn',
    ]);
    expect(s.installed()).toBe('2.1.2-1');
    keys('q');
  }, 120_000);
});
