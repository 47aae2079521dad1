// The Groupmax wizard in a real pseudo-terminal (tmux): the questions (2.0 asks its revision),
// the plan review with the six ports, the checkpoints up to the reboot, where the run stops with
// the command to resume; then the wizard started again offers to resume and finishes the
// upgrade. Needs tmux and the built binary.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { groupmaxSandbox, SERVICES_UNIX } from '../helpers/groupmax-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const session = `gmx-tty-${process.pid}`;
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

/** A checkpoint: wait until it is the current step, tick its items, confirm. */
async function checkpoint(title: string, items = 1): Promise<void> {
  await waitFor(new RegExp(`▸ +\\d+\\. \\[manual\\] ${title.replace(/[()]/g, '\\$&')}`));
  for (let i = 0; i < items; i++) keys('Space');
  keys('Enter');
}

function start(env: Record<string, string>, dir: string, args: string[]): void {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // no earlier session
  }
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '45', 'env', '-i', `PATH=${env.PATH}`, 'TERM=xterm-256color', 'LANG=C', `HOME=${dir}`, process.execPath, bin, ...args);
}

afterEach(() => {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // the wizard quit and took its session with it
  }
});

describe.skipIf(!hasTmux)('groupmax in a terminal', () => {
  test('from 2.0 (02-00): questions, review, stop at the reboot, resume in the wizard to the end', async () => {
    const sb = groupmaxSandbox();
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    start(sb.env, sb.dir, ['--product', 'groupmax', ...place]);
    await waitFor('Enter continue');
    keys('Enter');
    await waitFor('Installed version (5, 3, 2.0');
    keys('-l', '2.0');
    keys('Enter');
    await waitFor('Which revision of Version 2.0 is installed?');
    keys('Enter');
    await waitFor('Operating system of the server');
    keys('Down', 'Enter');
    await waitFor('Is this server a mail server');
    keys('y', 'Enter');
    await waitFor('collect the master management server journal');
    keys('n', 'Enter');
    await waitFor('operator console');
    keys('n', 'Enter');
    await waitFor('start automatically?');
    keys('y', 'Enter');
    const review = await waitFor('Press Enter to start');
    expect(review).toContain('Turn off the automatic start of the address service');
    keys('PageDown');
    const more = await waitFor('adreq_ap 9081/tcp');
    expect(more).toContain('adagt_ap 9080/tcp');
    keys('Enter');
    await waitFor('Start the upgrade now');
    keys('y', 'Enter');
    await checkpoint('Stop the address service of the master management server');
    await checkpoint('Stop Object Server');
    await checkpoint('Turn off the automatic start of the address service');
    const stopped = await waitFor('The run stopped for a reboot');
    expect(stopped).toContain(`upgrade-wizard resume --yes --root ${sb.root}`);
    expect(sb.servicesText()).toBe(SERVICES_UNIX);
    expect(sb.calls()).toEqual([]);
    keys('q');

    // After the reboot: the wizard again, which finds the run and continues it.
    start(sb.env, sb.dir, place);
    const welcome = await waitFor('Resume the interrupted run');
    expect(welcome).toContain('4 of 14 steps finished');
    expect(welcome).toContain('Next step: Back up the old environment');
    keys('Enter');
    await checkpoint('Back up the old environment', 2);
    await checkpoint('Install Object Server, Address Server and Mail Server', 3);
    await checkpoint('Start Object Server');
    await checkpoint('Run the Address_Mail setup');
    await checkpoint('Start the address service');
    await checkpoint('Start the mail application');
    await checkpoint('Back up the Version 6 environment (recommended)', 2);
    await checkpoint('Restore the automatic start');
    const end = await waitFor('The upgrade finished.');
    expect(end).toContain('services.bak-');
    expect(sb.calls()).toEqual(['advup2_6 ']);
    expect(sb.servicesText()).toBe(`${SERVICES_UNIX}imap\t143/tcp\nadrshd\t20141/tcp\npop3\t110/tcp\npopcfg\t106/tcp\nadagt_ap\t9080/tcp\nadreq_ap\t9081/tcp\n`);
    keys('q');
  }, 180_000);
});
