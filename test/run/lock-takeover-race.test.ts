// Several wizards started at the same moment over a lock left by a crash: one of them takes it.
// Before the takeover guard, one process could move aside the lock another had just taken, a
// third took the lock meanwhile, and two processes held it at once (in about 3% of such starts).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bootId } from '../../src/run/boot-id.js';
import { tempDir } from './ctx.js';

const lockModule = fileURLToPath(new URL('../../build/run/lock.js', import.meta.url));

// Each round, at the same instant: take the lock; while holding it, be the only one in the
// critical section (a file made with O_EXCL) and still be named by the lock; then give it back.
const child = `
import { takeRunLock } from ${JSON.stringify(lockModule)};
import { appendFileSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
const [dir, t0, rounds, out] = process.argv.slice(1);
for (let r = 0; r < Number(rounds); r++) {
  const at = Number(t0) + r * 60;
  if (Date.now() > at + 20) continue;
  // Asleep until 10 ms before the instant, then spinning (not spinning all along: six processes
  // would take both CPUs from the tests beside this one), so that all start within a moment.
  if (at - Date.now() > 10) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, at - Date.now() - 10);
  while (Date.now() < at) {}
  let lock;
  try { lock = takeRunLock(dir, 'r' + r); } catch { continue; }
  let alone = true;
  try { writeFileSync(dir + '/inside', String(process.pid), { flag: 'wx' }); } catch { alone = false; }
  const until = Date.now() + 10;
  while (Date.now() < until) {}
  let named = false;
  try { named = readFileSync(dir + '/run.lock', 'utf8').includes('"pid":' + process.pid + ','); } catch {}
  if (alone) unlinkSync(dir + '/inside');
  lock.release();
  appendFileSync(out, r + ' ' + process.pid + ' ' + (alone ? 'alone' : 'together') + ' ' + (named ? 'named' : 'lost') + '\\n');
}
`;

describe('a stale run lock taken over by processes starting together', () => {
  it.skipIf(process.platform !== 'linux')('is held by one process at a time, and the lock names it while it does', async () => {
    const logDir = tempDir('uw-lock-race-');
    const out = join(tempDir('uw-lock-race-out-'), 'holds');
    writeFileSync(out, '');
    const rounds = 150;
    const t0 = Date.now() + 1500;
    const exits = Array.from({ length: 6 }, async () => {
      const kid = spawn(process.execPath, ['--input-type=module', '-e', child, logDir, String(t0), String(rounds), out], { stdio: ['ignore', 'ignore', 'inherit'] });
      return (await once(kid, 'exit'))[0] as number;
    });
    const crashed = JSON.stringify({ pid: 999999, bootId: bootId(), runId: 'old', since: '2026-11-22T00:00:00Z' });
    let stale = 0;
    for (let r = 0; r < rounds; r++) {
      while (Date.now() < t0 + r * 60 - 30) await new Promise((resolve) => setTimeout(resolve, 1));
      try {
        // Only when no process holds it: a live lock is not for this test to replace.
        writeFileSync(join(logDir, 'run.lock'), crashed, { flag: 'wx' });
        stale++;
      } catch {
        // Still held by a late round.
      }
    }
    expect(await Promise.all(exits)).toEqual(exits.map(() => 0));
    const holds = readFileSync(out, 'utf8').trim().split('\n');
    // The rounds ran: most found a crashed lock, and some process took it each time.
    expect(stale).toBeGreaterThan(rounds * 0.8);
    expect(holds.length).toBeGreaterThan(rounds * 0.8);
    expect(holds.filter((h) => !h.endsWith(' alone named'))).toEqual([]);
  }, 60000);
});
