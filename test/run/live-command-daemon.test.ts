// A command that has ended but left a process in its group (an init script's `start` leaves its
// daemon there, without setsid) is not "still running": taking the daemon for the command
// refused every resume and advised killing the service the step had just started.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { bootId } from '../../src/run/boot-id.js';
import { groupAlive } from '../../src/run/live-command.js';
import { procStat } from '../../src/run/proc-stat.js';

const daemons: number[] = [];
afterAll(() => {
  for (const pid of daemons) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe.runIf(process.platform === 'linux')('a command that left a daemon in its group', () => {
  it('is live while it runs, and no longer once it has ended, though its daemon runs on', async () => {
    // The "init script": starts its daemon in the background, then takes a moment and ends.
    const child = spawn('sh', ['-c', 'sleep 60 & echo $!; sleep 0.5'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    const daemon = await new Promise<number>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(Number(String(b).trim()))));
    daemons.push(daemon);
    const pgid = child.pid as number;
    const started = procStat(pgid)?.started;
    expect(started).toBeDefined();
    const c = { type: 'command-start' as const, time: new Date().toISOString(), step: 'start-sharetaskd', argv: ['service', 'sharetaskd', 'start'], pgid, started: started as string, boot: bootId() };
    expect(groupAlive(c)).toBe(true);
    await new Promise((resolve) => child.once('exit', resolve));
    // Let the zombie be reaped, as the wizard's parent would.
    await sleep(100);
    expect(procStat(daemon)?.pgrp).toBe(pgid);
    expect(groupAlive(c)).toBe(false);
  });
});
