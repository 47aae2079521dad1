// A rollback that failed part-way, run again once the cause is fixed, goes on from the step that
// failed: its finished steps are not repeated (ShareTask's custom-old moved the restored custom
// directory away again and ended with none). And a completed rollback is not a partial one.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

// A command appending its name to the file; it fails while the flag file exists.
const mark = (id: string, file: string, flag?: string): PlannedStep =>
  step('command', {}, { id, commands: [['perl', '-e', `${flag ? `exit 3 if -e '${flag}'; ` : ''}open(my $f, '>>', '${file}'); print $f "${id}\\n";`]] });

describe('rollback run again after it failed part-way', () => {
  it('skips the rollback steps that finished, and runs the rest', async () => {
    const dir = tempDir('uw-rollback-again-');
    const file = join(dir, 'ran');
    const flag = join(dir, 'broken');
    const logDir = join(dir, 'log');
    writeFileSync(flag, '');
    const p = plan(
      [mark('a', file), mark('upgrade', file, flag)].map((s) => ({ ...s, restorePoint: 'rp' })),
      { restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [mark('undo-1', file), mark('undo-2', file, flag), mark('undo-3', file)] }] },
    );
    // The upgrade fails; the operator rolls back; the second rollback step fails too: stop.
    const first = await execute(p, new Recorder({ failure: ['rollback', 'stop'] }), { logDir, root: '' });
    expect(first.status).not.toBe('rolled-back');
    expect(readFileSync(file, 'utf8')).toBe('a\nundo-1\n');

    // resume refuses the half-rolled-back run and names the whole command that finishes the rollback.
    const resume = await runCli(['resume', '--log-dir', logDir, '--lang', 'en']);
    expect(resume.exitCode).toBe(2);
    expect(resume.stderr).toContain(`Finish the rollback (its finished steps are not repeated): "upgrade-wizard rollback --to rp --log-dir ${logDir}"`);

    rmSync(flag);
    const again = await runCli(['rollback', '--to', 'rp', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('a\nundo-1\nundo-2\nundo-3\n');
    expect(existsSync(flag)).toBe(false);
  });
});
