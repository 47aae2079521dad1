// A run started with a PATH prefix (the demo's stand-ins) keeps it in its journal: the commands
// that `resume` and `rollback` print later, in another process, carry it too, so that a pasted
// command acts on the sandbox and not on the machine's real services.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

const prefix = 'PATH=/sandbox/bin:"$PATH" ';

async function failedRun(): Promise<{ root: string; logDir: string }> {
  const dir = tempDir('uw-prefix-');
  const root = join(dir, 'root');
  mkdirSync(root);
  const logDir = join(dir, 'log');
  const fails = step('command', {}, { id: 'a', title: 'fails', commands: [['perl', '-e', 'exit 1']], restorePoint: 'rp' });
  const p = plan([fails], { root, restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [step('command', {}, { id: 'undo', title: 'undo', commands: [['true']] })] }] });
  expect((await execute(p, new Recorder(), { logDir, root, envPrefix: prefix })).status).toBe('failed');
  return { root, logDir };
}

describe('the PATH prefix of a run, in later processes', () => {
  it('resume without a terminal refuses with the command to run, prefix first', async () => {
    const { root, logDir } = await failedRun();
    const r = await runCli(['resume', '--root', root, '--log-dir', logDir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${prefix}upgrade-wizard resume --yes --root ${root} --log-dir ${logDir}`);
  });

  it('rollback without a terminal refuses with the command to run, prefix first', async () => {
    const { root, logDir } = await failedRun();
    const r = await runCli(['rollback', '--to', 'rp', '--root', root, '--log-dir', logDir]);
    expect(r.exitCode).toBe(2);
    // rp was not reached by a step that finished: a terminal shows that before it asks, --yes would not.
    expect(r.stderr).toContain(`${prefix}upgrade-wizard rollback --to rp --root ${root} --log-dir ${logDir}`);
    expect(r.stderr).not.toContain(`--log-dir ${logDir} --yes`);
  });
});
