// The run lock seen at the moment another process creates it: a lock not yet written (or not yet
// readable) is not one "cut short by a crash". Taken over, two processes ran the same steps.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bootId } from '../../src/run/boot-id.js';
import { lockRun } from '../../src/run/lock.js';
import { tempDir } from './ctx.js';

describe('a run lock being written', () => {
  it('is not taken over: the process that is writing it is named', async () => {
    const logDir = tempDir('uw-lock-written-');
    const file = join(logDir, 'run.lock');
    const go = join(logDir, 'go');
    // Another wizard's two moves: the file is created empty, and its text comes a moment later
    // (here: once the test has looked at the empty file).
    const holder = `{"pid":%s,"bootId":"${bootId()}","runId":"theirs","since":"2026-11-22T00:00:00Z"}`;
    const writer = spawn('sh', ['-c', `: > '${file}'; while [ ! -e '${go}' ]; do sleep 0.05; done; sleep 0.3; printf '${holder}' "$$" > '${file}'; sleep 30`], { stdio: 'ignore' });
    try {
      while (!existsSync(file)) await sleep(20);
      expect(statSync(file).size).toBe(0);
      spawn('sh', ['-c', `: > '${go}'`]);
      let refusal: unknown;
      let unlock: (() => void) | undefined;
      try {
        unlock = lockRun(logDir, 'mine');
      } catch (error) {
        refusal = error;
      }
      unlock?.();
      expect(String(refusal)).toContain(`another upgrade-wizard (process ${writer.pid}, since `);
      expect(String(refusal)).toContain('holds run theirs');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: writer.pid, runId: 'theirs' });
    } finally {
      writer.kill();
    }
  });
});
