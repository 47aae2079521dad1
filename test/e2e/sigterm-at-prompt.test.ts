// SIGTERM (a shutdown) while `resume` typed at a terminal waits at a checkpoint: nothing runs
// there, so the prompt is answered "stop" at once, journaled as SIGTERM, not as Ctrl-C, and the
// process ends (it waited for the answer until kill -9 before).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { hasTmux } from '../helpers/tmux.js';
import { atTerminal, failHttpdStop, makeSandbox, runSharetask } from '../helpers/sandbox.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(!hasTmux)('SIGTERM at a prompt of resume at a terminal', () => {
  it('answers the checkpoint "stop" at once, journaled as SIGTERM, and the process ends', async () => {
    const sb = await makeSandbox();
    cleanups.push(() => sb.cleanup());
    // `service httpd stop` fails once: the run stops before the checkpoint after the backup.
    const flag = failHttpdStop(sb);
    expect((await runSharetask(sb)).exitCode).toBe(1);
    rmSync(flag);

    const t = await atTerminal(sb, ['resume']);
    cleanups.push(() => t.kill());
    await t.waitFor('Continue this run now?');
    await t.type('y');
    await t.keys('Enter');
    await t.waitFor((s) => s.includes('Space tick · a all · Enter confirm · Ctrl-C stop'));

    // The wizard's own process: node, with this sandbox's log dir in its arguments.
    const ps = await execa('ps', ['-eo', 'pid=,comm=,args=']);
    const wizard = ps.stdout
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .find(([, comm, ...args]) => comm === 'node' && args.includes('resume') && args.includes(sb.logDir));
    expect(wizard).toBeDefined();
    process.kill(Number(wizard?.[0]), 'SIGTERM');

    expect(await t.exitStatus()).toBe(1);
    const history = await t.history();
    expect(history).not.toContain('Ctrl-C: the running step will finish');
    expect(history).toContain('The run stopped: step');
    const file = join(sb.logDir, readdirSync(sb.logDir).find((f) => f.endsWith('.jsonl')) as string);
    const events = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JournalEvent);
    const stop = events.filter((e): e is Extract<JournalEvent, { type: 'interrupted' }> => e.type === 'interrupted').at(-1);
    expect(stop).toMatchObject({ declined: true });
    expect(stop?.reason).toContain('SIGTERM received (e.g. a shutdown) while the wizard waited for the operator');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'stopped' });
  }, 120_000);
});
