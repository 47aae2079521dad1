// resume --rerun-step / --skip-step refused where they do not fit, before anything is done, with
// words that say why: a required step declined at its config diff is not skipped (it did nothing,
// and the run "finished" without SHARETASK_DB), both options at once are refused, and an id the
// run has not is said to be unknown, with the run's ids.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

/** A ShareTask config migration as a required step, on a conf dir of its own. */
function migration(dir: string): { conf: string; migrate: PlannedStep } {
  const conf = join(dir, 'conf');
  mkdirSync(conf);
  writeFileSync(join(conf, 'db.conf'), 'dbhost = localhost\ndbport = 5432\ndbname = stask\ndbuser = stask\ndbpass = pw\nsslmode = disable\n');
  writeFileSync(join(conf, 'system.conf'), 'LOG_LEVEL = info\n');
  writeFileSync(join(dir, 'sudoers'), 'root ALL=(ALL) ALL\n', { mode: 0o440 });
  return { conf, migrate: step('migrate-config', { migrator: 'sharetask-db', options: { conf, sudoers: join(dir, 'sudoers') } }, { id: 'migrate-config-custom' }) };
}

const journalText = (logDir: string): string => readFileSync(join(logDir, readdirSync(logDir).find((n) => n.endsWith('.jsonl'))!), 'utf8');
const mark = (id: string, file: string, fail = false): PlannedStep =>
  step('command', {}, { id, title: `step ${id}`, commands: [['perl', '-e', `${fail ? 'exit 3; ' : ''}open(my $f, '>>', '${file}'); print $f "${id}\\n";`]] });

describe('resume --rerun-step / --skip-step', () => {
  it('refuses to skip a required step that was declined, and both options at once; nothing is done', async () => {
    const dir = tempDir('uw-skip-declined-');
    const logDir = join(dir, 'log');
    const { conf, migrate } = migration(dir);
    const ran = join(dir, 'ran');
    const first = await execute(plan([migrate, mark('after', ran)]), new Recorder({ diff: false }), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'stopped', reason: 'declined', step: 'migrate-config-custom' });
    const before = journalText(logDir);

    const skip = await runCli(['resume', '--yes', '--skip-step', 'migrate-config-custom', '--log-dir', logDir, '--lang', 'en']);
    expect(skip.exitCode).toBe(2);
    expect(skip.stderr).toContain('--skip-step migrate-config-custom: this step was not accepted when the run stopped, so nothing of it was done, and the procedure does not call it optional');
    expect(skip.stderr).toContain(`upgrade-wizard resume --log-dir ${logDir}`);
    expect(skip.stdout).not.toContain('finished');

    const both = await runCli(['resume', '--yes', '--rerun-step', 'migrate-config-custom', '--skip-step', 'migrate-config-custom', '--log-dir', logDir, '--lang', 'en']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('--rerun-step migrate-config-custom and --skip-step migrate-config-custom ask for opposite things; give one of them. Nothing was done.');

    // Nothing written, nothing run, nothing journaled.
    expect(journalText(logDir)).toBe(before);
    expect(readFileSync(join(conf, 'system.conf'), 'utf8')).toBe('LOG_LEVEL = info\n');
    expect(readdirSync(dir)).not.toContain('ran');
  });

  it('an unknown id is said to be unknown, with the ids; another step than the failed one is not "no step was interrupted"', async () => {
    const dir = tempDir('uw-step-ids-');
    const logDir = join(dir, 'log');
    const ran = join(dir, 'ran');
    const first = await execute(plan([mark('one', ran), mark('two', ran, true), mark('three', ran)]), new Recorder(), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'failed', step: 'two' });
    const before = journalText(logDir);

    const unknown = await runCli(['resume', '--yes', '--rerun-step', 'nosuch', '--log-dir', logDir, '--lang', 'en']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain(`--rerun-step nosuch: run ${first.runId} has no step with this id. Its steps (the id is the word after the number):\n  1. one: step one\n  2. two: step two\n  3. three: step three`);
    expect(unknown.stderr).not.toContain('no step was interrupted');

    const other = await runCli(['resume', '--yes', '--skip-step', 'three', '--log-dir', logDir, '--lang', 'en']);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toContain('--skip-step three: the run goes on at step 2 (two), which failed; only that step can be named');
    expect(other.stderr).not.toContain('no step was interrupted');

    expect(journalText(logDir)).toBe(before);
    expect(readFileSync(ran, 'utf8')).toBe('one\n');
  });
});
