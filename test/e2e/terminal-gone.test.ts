// The terminal goes away under the wizard (an SSH session dropped, the terminal window closed):
// what it prints afterwards must go nowhere, not end the process with an unhandled EIO.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { hasTmux } from '../helpers/tmux.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('the terminal goes away', () => {
  it('at the welcome screen: the wizard ends without an unhandled write error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-gone-'));
    dirs.push(dir);
    const socket = `uw-gone-${process.pid}`;
    const tmux = (...args: string[]) => execa('tmux', ['-L', socket, ...args], { stdin: 'ignore', reject: false });
    // sh outlives the hang-up (its trap) to keep the wizard's stderr and exit status.
    const inner = `trap : HUP; TMPDIR='${dir}' '${process.execPath}' '${join(repoRoot, 'bin/upgrade-wizard.js')}' demo --lang en 2>'${dir}/err'; echo $? > '${dir}/status'`;
    await tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'w', '-x', '80', '-y', '24', 'sh', '-c', inner);
    try {
      for (let i = 0; i < 300 && !(await tmux('capture-pane', '-p', '-t', 'w')).stdout.includes('Enter continue'); i++) await sleep(100);
    } finally {
      await tmux('kill-server');
    }
    for (let i = 0; i < 300 && !existsSync(join(dir, 'status')); i++) await sleep(100);
    const stderr = readFileSync(join(dir, 'err'), 'utf8');
    expect(stderr).not.toContain("Unhandled 'error' event");
    expect(stderr).not.toContain('EIO');
    // Ended by the hang-up (128 + 1), not by Node.js aborting as it restores a terminal that is
    // gone ("Assertion failed" with a native stack trace, 134).
    expect(stderr).not.toContain('Assertion failed');
    expect(readFileSync(join(dir, 'status'), 'utf8').trim()).toBe('129');
  }, 60_000);
});
