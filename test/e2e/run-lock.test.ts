// Two sessions on one server: while a run executes, a second run, resume, rollback or wizard with
// the same log dir is refused before it asks or does anything, naming the process that runs.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, placeArgs, runIn, runSharetask, type Sandbox } from '../helpers/sandbox.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** `service httpd stop` says it waits (STATE/waiting), then waits until STATE/gate exists: the run is held inside a step. */
function holdAtHttpdStop(sb: Sandbox): { gate: string; waiting: string } {
  const gate = join(sb.state, 'gate');
  const waiting = join(sb.state, 'waiting');
  renameSync(join(sb.bin, 'service'), join(sb.bin, 'service.real'));
  writeFileSync(
    join(sb.bin, 'service'),
    `#!/bin/sh\nif [ "$1 $2" = "httpd stop" ]; then : > '${waiting}'; while [ ! -e '${gate}' ]; do sleep 0.1; done; fi\nexec '${join(sb.bin, 'service.real')}' "$@"\n`,
  );
  chmodSync(join(sb.bin, 'service'), 0o755);
  return { gate, waiting };
}

async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !condition(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('one run at a time per log dir', () => {
  it('refuses a second run, resume, rollback and wizard while a run executes; the lock goes with the run', async () => {
    const sb = await makeSandbox();
    cleanups.push(() => sb.cleanup());
    const { gate, waiting } = holdAtHttpdStop(sb);
    const lock = join(sb.logDir, 'run.lock');
    const first = runSharetask(sb);
    cleanups.push(() => writeFileSync(gate, ''));
    await until(() => existsSync(waiting));
    const holder = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; runId: string };

    const held = `another upgrade-wizard (process ${holder.pid}, since `;
    for (const args of [
      ['run', '--product', 'sharetask', '--yes', ...placeArgs(sb)],
      ['resume', '--yes', ...placeArgs(sb, false)],
      ['rollback', '--yes', ...placeArgs(sb, false)],
      ['interactive', '--product', 'sharetask', ...placeArgs(sb)],
    ]) {
      const r = await runIn(sb, args);
      expect(r.exitCode, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain(held);
      expect(r.stderr, args[0]).toContain(`holds run ${holder.runId} with the log directory ${sb.logDir}: it is running it, or waiting at a question on another terminal; nothing was done`);
    }

    writeFileSync(gate, '');
    const done = await first;
    expect(done.exitCode, done.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    // Nothing of the refused ones ran: each command of the run once.
    expect(readFileSync(sb.callsLog, 'utf8').match(/service httpd stop/g)).toHaveLength(1);
  }, 120_000);
});
