// The iPlanet wizard in a real pseudo-terminal (tmux): the questions (a list, a password typed as
// stars), the plan review, the checkpoints; the operator runs ./setup -k while the wizard waits at
// its checkpoint, then reads the comparison of backup.TIMESTAMP with the new files and finishes.
// The password reaches ldapsearch through its 0600 file and nothing else. Needs tmux and the build.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iplanetSandbox, NEW_MAPPINGS } from '../helpers/iplanet-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const session = `ipl-tty-${process.pid}`;
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

describe.skipIf(!hasTmux)('iplanet in a terminal', () => {
  test('questions (list, masked password), review, checkpoints, setup -k by the operator, the comparison, the end', async () => {
    const PW = 'Tty-Bind-77x';
    const sb = iplanetSandbox({ queued: true, password: PW });
    start(sb.env, sb.dir, ['--product', 'iplanet-messaging', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs]);
    await waitFor('Enter continue');
    keys('Enter');
    const answer = async (question: string, ...k: string[]): Promise<string> => {
      const shown = await waitFor(question);
      keys(...k);
      return shown;
    };
    await answer('Installed Messaging Server version', '-l', '5.1');
    keys('Enter');
    await answer('High Availability (cluster) set-up', 'Enter');
    await answer('server-root directory', 'Enter');
    await answer('The Messaging Server instance', '-l', 'msg-budgie');
    keys('Enter');
    await answer('The Directory Server instances', '-l', 'slapd-budgie');
    keys('Enter');
    await answer('Installed Directory Server version', '-l', '4.13');
    keys('Enter');
    await answer('Directory Server host name', 'Enter');
    await answer('Directory Server port', 'Enter');
    await answer('Is there an iPlanet Web Server?', 'n', 'Enter');
    await answer('Delegated Administrator for Messaging', 'n', 'Enter');
    await answer('a mounted file system of its own?', 'n', 'Enter');
    await answer('Where the backups go', 'Enter');
    await answer('also save the user/group and personal address book', 'y', 'Enter');
    await answer('The user/group suffix', '-l', 'o=siroe.com');
    keys('Enter');
    await answer('(bind DN)', 'Enter');
    await answer("The directory manager's password", '-l', PW);
    // Typed, but only stars on the screen.
    expect(await waitFor('*'.repeat(PW.length))).not.toContain(PW);
    keys('Enter');
    const review = await waitFor('Press Enter to start');
    expect(review).toContain('stop dispatcher');
    expect(review).not.toContain(PW);
    keys('Enter');
    await waitFor('Start the upgrade now');
    keys('y', 'Enter');
    await checkpoint('Back up the whole server-root with your existing backup system (recommended)');
    const ds = await waitFor(/▸ +\d+\. \[manual\] Upgrade the Directory Server slapd-budgie/);
    expect(ds).toContain('chose 1 (Netscape Server Products Core Components), 2 (Netscape Directory Suite) and');
    await checkpoint('Upgrade the Directory Server slapd-budgie (setup -k)', 2);
    await checkpoint('Prepare the Directory Server with ims_dssetup.pl');
    const setup = await waitFor(/▸ +\d+\. \[manual\] Upgrade the Messaging Server/);
    expect(setup).toContain('Chose components 1 (Netscape Server Products Core Components), 3 (Administration Services) and 4');
    // The operator runs ./setup -k in another terminal now; it leaves backup.TIMESTAMP behind.
    sb.afterUpgrade();
    await checkpoint('Upgrade the Messaging Server (./setup -k)', 4);
    const diff = await waitFor('A comparison to read; nothing is written.');
    expect(diff).toContain('differs: imta/config/mappings');
    expect(diff).toContain('-  ! site rule: reject the old relay');
    keys('a');
    await checkpoint('Apply the customisations again');
    await checkpoint('Watch the message queue');
    const end = await waitFor('The upgrade finished.');
    expect(end).toContain('server-root.tar.gz');
    expect(end).not.toContain(PW);
    expect(readFileSync(join(sb.inst, 'imta/config/mappings'), 'utf8')).toBe(NEW_MAPPINGS);
    expect(sb.calls().filter((c) => c.startsWith('ldapsearch-password'))).toEqual(['ldapsearch-password ok', 'ldapsearch-password ok']);
    expect(sb.calls().at(-1)).toBe('start-msg ');
    for (const f of readdirSync(sb.logs)) expect(readFileSync(join(sb.logs, f), 'utf8')).not.toContain(PW);
    keys('q');
  }, 180_000);
});
