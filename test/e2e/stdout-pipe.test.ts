// The commands that print a result write it to the descriptor itself while nothing has made
// process.stdout (src/io/stdio.ts). A pipe can be non-blocking (left so by whoever started the
// wizard) and full, or have lost its reader: the whole result must still arrive, or the wizard
// end quietly, as it did through Node's stream.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { findOnPathSync } from '../helpers/which.js';

const python = findOnPathSync('python3');
if (python === undefined) throw new Error('python3 is needed for these tests (.ci/run installs it)');

// A pipe of one page, so that the wizard fills it; the reader waits half a second before reading.
const RELAY = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
mode = sys.argv[1]
if mode == 'nonblocking':
    fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
if mode == 'closed':
    os.close(r)
p = subprocess.Popen(sys.argv[2:], stdout=w, stdin=subprocess.DEVNULL)
os.close(w)
out = b''
if mode != 'closed':
    time.sleep(0.5)
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        out += chunk
sys.stdout.buffer.write(out)
sys.exit(p.wait())
`;

async function relayed(mode: 'nonblocking' | 'closed', args: string[]) {
  const argv = [process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), ...args];
  const r = await execa(python as string, ['-c', RELAY, mode, ...argv], { env: { LANG: 'C' }, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('a result printed into an awkward pipe', () => {
  it('arrives whole through a full non-blocking pipe whose reader is slow', async () => {
    const expected = await runCli(['list', '--json']);
    expect(expected.stdout.length).toBeGreaterThan(4096 * 4);
    const r = await relayed('nonblocking', ['list', '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
  });

  it('ends the wizard quietly, with its own exit code, when the reader has gone', async () => {
    const r = await relayed('closed', ['list', '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const bad = await relayed('closed', ['plan', '--product', 'nosuch']);
    expect(bad.exitCode).toBe(2);
  });
});
