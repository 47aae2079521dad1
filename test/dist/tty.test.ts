// The interactive wizard of the CD folder in a real pseudo-terminal (tmux), offline: its first
// screen shows what it detected on the sample server, and the next key leads to the questions.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { basePath, buildDist, copyDist, isolated } from './dist.js';

const session = `uw-dist-tty-${process.pid}`;
const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', session);

/** Waits until the screen shows `text`; the deadline only bounds a hung wizard. */
async function waitFor(text: string, deadlineMs = 40_000): Promise<string> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const now = screen();
    if (now.includes(text)) return now;
    if (Date.now() > until) throw new Error(`the screen never showed ${text}; it shows:\n${now}`);
    await sleep(200);
  }
}

describe.skipIf(!hasTmux)('the CD folder in a terminal', () => {
  let built: { dir: string; cleanup(): void };
  let cd: { dir: string; cleanup(): void };
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    built = await buildDist();
    cd = copyDist(built.dir);
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => {
    try {
      execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
    } catch {
      // the wizard quit and took its session with it
    }
    sb?.cleanup();
    cd?.cleanup();
    built?.cleanup();
  });

  it('renders the first screen with the detections, then the first question', async () => {
    const [file, argv] = isolated(['sh', join(cd.dir, 'upgrade-wizard.sh'), '--product', 'sharetask', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir]);
    tmux(
      'new-session', '-d', '-s', session, '-x', '120', '-y', '40',
      'env', '-i', `PATH=${basePath([sb.bin])}`, 'TERM=xterm-256color', 'LANG=C', `HOME=${sb.dir}`, file, ...argv,
    );
    const first = await waitFor('Enter continue');
    expect(first).toContain('upgrade-wizard: welcome');
    expect(first).toContain(`Target: the sandbox ${sb.root}`);
    expect(first).toContain('5.4.3');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor('Which ShareTask component do you upgrade?');
  });
});
