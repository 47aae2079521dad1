// SIGTERM (a shutdown) while `resume` typed at a terminal waits at a checkpoint: nothing runs
// there, so the prompt is answered "stop" at once, journaled as SIGTERM, not as Ctrl-C, and the
// process ends (it waited for the answer until kill -9 before).
import { chmodSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { repoRoot } from '../helpers/cli.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { makeSandbox, runSharetask, sandboxEnv } from '../helpers/sandbox.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(!hasTmux)('SIGTERM at a prompt of resume at a terminal', () => {
  it('answers the checkpoint "stop" at once, journaled as SIGTERM, and the process ends', async () => {
    const sb = await makeSandbox();
    cleanups.push(() => sb.cleanup());
    // `service httpd stop` fails once: the run stops before the checkpoint after the backup.
    const flag = join(sb.state, 'fail-httpd');
    renameSync(join(sb.bin, 'service'), join(sb.bin, 'service.real'));
    writeFileSync(
      join(sb.bin, 'service'),
      `#!/bin/sh\nif [ -e '${flag}' ] && [ "$1 $2" = "httpd stop" ]; then echo "httpd: could not stop" >&2; exit 1; fi\nexec '${join(sb.bin, 'service.real')}' "$@"\n`,
    );
    chmodSync(join(sb.bin, 'service'), 0o755);
    writeFileSync(flag, '');
    expect((await runSharetask(sb)).exitCode).toBe(1);
    rmSync(flag);

    const env = Object.entries({ ...sandboxEnv(sb.dir), LANG: 'C.UTF-8' }).map(([k, v]) => `${k}=${v}`);
    const t = await Tmux.start(['env', ...env, process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), 'resume', '--root', sb.root, '--log-dir', sb.logDir, '--lang', 'en'], {
      cwd: repoRoot,
      width: 100,
      height: 30,
      waitTimeoutMs: 60000,
    });
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
