// A manual rollback step the operator does not confirm stops the rollback there, as a manual step
// of the run does: it was recorded as skipped, the rollback as completed, and the wizard then
// refused to roll back again ("already rolled back") though the restore was never confirmed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { runCli } from '../helpers/cli.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

describe('a manual rollback step not confirmed', () => {
  it('stops the rollback, unfinished, and the rollback can be run again', async () => {
    const dir = tempDir('uw-rb-declined-');
    const root = join(dir, 'root');
    const logDir = join(dir, 'log');
    const fails = step('command', {}, { id: 'upgrade', restorePoint: 'rp', commands: [['perl', '-e', 'exit 3']] });
    const restore = step('manual', {}, { id: 'restore-db', title: 'Restore the database', manual: true, instructions: 'Restore it.' });
    const after = step('command', {}, { id: 'start', commands: [['perl', '-e', 'exit 0']] });
    const p = plan([fails], { root, restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [restore, after] }] });
    const result = await execute(p, new Recorder({ failure: ['rollback'], manual: false }), { logDir, root });
    expect(result).toMatchObject({ status: 'stopped', reason: 'declined', step: 'rp/restore-db' });
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    expect(events.find((e) => e.type === 'step-end' && e.step === 'rp/restore-db')).toMatchObject({ status: 'failed' });
    expect(events.some((e) => e.type === 'step-start' && e.step === 'rp/start')).toBe(false);
    expect(events.filter((e) => e.type === 'rollback').map((e) => e.type === 'rollback' && e.status)).toEqual(['start', 'failed']);
    // Not "already rolled back": the rollback is still to finish (at a terminal, its step being manual).
    const again = await runCli(['rollback', '--to', 'rp', '--root', root, '--log-dir', logDir]);
    expect(again.stderr).not.toContain('already rolled back');
    expect(again.stdout + again.stderr).toContain('Restore the database');
  });
});

describe('a plan without restore points', () => {
  it('rollback says there is none to run, not "choose one with --to" from an empty list', async () => {
    const dir = tempDir('uw-rb-none-');
    const root = join(dir, 'root');
    const logDir = join(dir, 'log');
    const fails = step('command', {}, { id: 'upgrade', commands: [['perl', '-e', 'exit 3']] });
    await execute(plan([fails], { root }), new Recorder({ failure: ['stop'] }), { logDir, root });
    const r = await runCli(['rollback', '--yes', '--root', root, '--log-dir', logDir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('(test) has no restore points: the wizard has no rollback to run for it. Nothing was done');
    expect(r.stderr).not.toContain('choose one with --to');
  });
});
