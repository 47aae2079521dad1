// A backup destination that cannot be written (a read-only file system, no permission) is a
// blocker of the plan: found before anything runs, not by the backup step once every service it
// needs stopped is stopped.
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chattrWorks, whileImmutable } from '../helpers/chattr.js';
import { isRoot } from '../helpers/cli.js';
import { answerArgs, makeSandbox, placeArgs, readCalls, runIn, runSharetask, type Sandbox } from '../helpers/sandbox.js';

const sandboxes: (Sandbox & { cleanup(): void })[] = [];
afterEach(() => {
  for (const sb of sandboxes.splice(0)) sb.cleanup();
});

/** Runs fn while dir cannot be written by this user: immutable for root, mode 0555 otherwise. */
async function unwritable<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  if (isRoot) return whileImmutable(dir, fn);
  chmodSync(dir, 0o555);
  try {
    return await fn();
  } finally {
    chmodSync(dir, 0o755);
  }
}

describe.runIf(chattrWorks || !isRoot)('a backup destination that cannot be written', () => {
  it('plan shows the blocker naming the directory; run refuses before any service is stopped', async () => {
    const sb = await makeSandbox();
    sandboxes.push(sb);
    // The ShareTask backup goes to /tmp of the server.
    const dest = join(sb.root, 'tmp');
    const [planned, ran] = await unwritable(dest, async () => [
      await runIn(sb, ['plan', '--product', 'sharetask', ...answerArgs(sb), ...placeArgs(sb), '--json']),
      await runSharetask(sb),
    ]);
    const blockers = (JSON.parse(planned.stdout) as { blockers: { id: string; message: string; fix: string }[] }).blockers;
    expect(blockers.map((b) => b.id)).toEqual(['backup-not-writable']);
    expect(blockers[0]?.message).toContain(`${dest} is not writable`);
    expect(blockers[0]?.fix).toContain(`make ${dest} writable`);
    expect(ran.exitCode).toBe(2);
    expect(ran.stderr).toContain('the backup would fail after the services are stopped');
    expect(await readCalls(sb.dir)).toEqual([]);
    expect(existsSync(join(sb.logDir, 'run.lock'))).toBe(false);
  }, 120_000);
});
