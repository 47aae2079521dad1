// The rollback commands the wizard suggests do what they say when pasted, and a rollback is not
// run twice: Groupmax's restores by hand are not "confirmed" by --yes in milliseconds, a point
// rollback refuses with --yes is not suggested with --yes, a run already rolled back is not
// rolled back again, and a run whose rollback did not finish is pointed at that rollback.
import { readdirSync, readFileSync, writeFileSync, chmodSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { snapshotTree } from '../helpers/tree.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);
const place = (sb: GroupmaxSandbox): string[] => ['--root', sb.root, '--log-dir', sb.logs];
const journalFile = (logDir: string): string => join(logDir, readdirSync(logDir).find((n) => n.endsWith('.jsonl'))!);
const events = (logDir: string): { type: string; status?: string }[] => readFileSync(journalFile(logDir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const mark = (id: string, file: string, extra: Partial<PlannedStep> = {}, fail = false): PlannedStep =>
  step('command', {}, { id, title: `step ${id}`, commands: [['perl', '-e', `${fail ? 'exit 3; ' : ''}open(my $f, '>>', '${file}'); print $f "${id}\\n";`]], ...extra });
const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** Groupmax run --yes to the reboot, then resume --yes failing at advup2_6 (restore-old in force). */
async function failedAtAdvup(): Promise<{ sb: GroupmaxSandbox; stdout: string }> {
  const sb = groupmaxSandbox();
  expect((await runCli(['run', '--product', 'groupmax', '--yes', ...place(sb), ...sb.platformArgs, ...sets], { env: sb.env })).exitCode).toBe(0);
  const advup = join(sb.dir, 'bin', 'advup2_6');
  writeFileSync(advup, '#!/bin/sh\necho "advup2_6: the data directory is locked" >&2\nexit 1\n');
  chmodSync(advup, 0o755);
  const failed = await runCli(['resume', '--yes', ...place(sb)], { env: sb.env });
  expect(failed.exitCode).toBe(1);
  return { sb, stdout: failed.stdout };
}

describe('rollback advice', () => {
  it('Groupmax after a failure under --yes: the manual restore is suggested for a terminal, without --yes', async () => {
    const { sb, stdout } = await failedAtAdvup();
    const text = flat(stdout);
    const command = `upgrade-wizard rollback --to restore-old --root ${sb.root} --log-dir ${sb.logs}`;
    expect(text).toContain(`Or go back to restore point "restore-old" (Back to the old version). Its steps are restores done by hand: run this at a terminal`);
    expect(stdout).toContain(`  ${command}\n`);
    expect(stdout).not.toMatch(/rollback --to restore-old [^\n]*--yes/);
    // Pasted where there is no terminal: refused, and nothing is recorded as restored.
    const pasted = await runCli([...command.split(' ').slice(1), '--lang', 'en'], { env: sb.env });
    expect(pasted.exitCode).toBe(2);
    expect(flat(pasted.stderr)).toContain(`nothing was done: its steps are restores done by hand, each confirmed as it is done, so it is confirmed at a terminal only (not with --yes). Run it in a terminal: ${command}`);
    expect(events(sb.logs).some((e) => e.type === 'rollback')).toBe(false);
  }, 120_000);

  it('a point rollback refuses with --yes is suggested for a terminal only, after a stop and without a terminal', async () => {
    const dir = tempDir('uw-rollback-advice-');
    const logDir = join(dir, 'log');
    const ran = join(dir, 'ran');
    const undo = (id: string): PlannedStep => mark(id, ran);
    const p = plan([mark('a', ran, { restorePoint: 'early' }), mark('b', ran, { restorePoint: 'late' })], {
      restorePoints: [
        { id: 'early', title: 'early point', explain: 'x', rollback: [undo('undo-early')] },
        { id: 'late', title: 'late point', explain: 'x', rollback: [undo('undo-late')] },
      ],
    });
    expect((await execute(p, new Recorder(), { logDir, root: '' })).status).toBe('done');
    const before = snapshotTree(dir);
    // An earlier stage than the one in force, typed without --yes where there is no terminal.
    const early = await runCli(['rollback', '--to', 'early', '--log-dir', logDir, '--lang', 'en']);
    expect(early.exitCode).toBe(2);
    expect(flat(early.stderr)).toContain(`this is not the restore point in force (see the warning above), so it is confirmed at a terminal only (not with --yes). Run it in a terminal: upgrade-wizard rollback --to early --log-dir ${logDir} Or go back to the restore point in force: upgrade-wizard rollback --to late --log-dir ${logDir} --yes`);
    expect(early.stderr).not.toContain(`--to early --log-dir ${logDir} --yes`);
    expect(snapshotTree(dir)).toEqual(before);
    // What it does suggest with --yes works.
    const late = await runCli(['rollback', '--to', 'late', '--log-dir', logDir, '--yes', '--lang', 'en']);
    expect(late.exitCode, late.stderr).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe('a\nb\nundo-late\n');
  });

  it('a point only the failed step opened is suggested without --yes (rollback --yes refuses it)', async () => {
    const dir = tempDir('uw-rollback-opened-');
    const logDir = join(dir, 'log');
    const ran = join(dir, 'ran');
    const flag = join(dir, 'broken');
    writeFileSync(flag, '');
    const failing = step('command', {}, { id: 'b', title: 'step b', restorePoint: 'rp', commands: [['perl', '-e', `exit 3 if -e '${flag}'`]] });
    const p = plan([mark('a', ran), failing], { restorePoints: [{ id: 'rp', title: 'the point', explain: 'x', rollback: [mark('undo', ran)] }] });
    expect((await execute(p, new Recorder(), { logDir, root: '' })).status).toBe('failed');
    const again = await runCli(['resume', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toContain(`Or go back to restore point "rp" (the point) at a terminal, which shows what it undoes before it asks:\n  upgrade-wizard rollback --to rp --log-dir ${logDir}\n`);
    const withYes = await runCli(['rollback', '--to', 'rp', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(withYes.exitCode).toBe(2);
    const without = await runCli(['rollback', '--to', 'rp', '--log-dir', logDir, '--lang', 'en']);
    expect(without.exitCode).toBe(2);
    expect(without.stderr).toContain('so it is confirmed at a terminal only (not with --yes)');
    expect(without.stderr).not.toMatch(/--to rp [^\n]*--yes/);
    expect(readFileSync(ran, 'utf8')).toBe('a\n');
  });

  it('a run already rolled back is not rolled back again', async () => {
    const dir = tempDir('uw-rollback-twice-');
    const logDir = join(dir, 'log');
    const ran = join(dir, 'ran');
    const p = plan([mark('a', ran, { restorePoint: 'rp' }), mark('b', ran)], { restorePoints: [{ id: 'rp', title: 'the backup', explain: 'x', rollback: [mark('undo-1', ran), mark('undo-2', ran)] }] });
    expect((await execute(p, new Recorder(), { logDir, root: '' })).status).toBe('done');
    const first = await runCli(['rollback', '--to', 'rp', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe('a\nb\nundo-1\nundo-2\n');
    const journal = readFileSync(journalFile(logDir), 'utf8');
    for (const args of [['rollback', '--yes'], ['rollback', '--to', 'rp', '--yes'], ['rollback']]) {
      const second = await runCli([...args, '--log-dir', logDir, '--lang', 'en']);
      expect(second.exitCode, args.join(' ')).toBe(2);
      expect(second.stderr).toMatch(/run \S+ was already rolled back to restore point rp \("the backup"\) on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: its steps ran then, and nothing is left to roll back to it\./);
    }
    expect(readFileSync(ran, 'utf8')).toBe('a\nb\nundo-1\nundo-2\n');
    expect(readFileSync(journalFile(logDir), 'utf8')).toBe(journal);
  });

  it('run and resume over a rollback that did not finish give the commands that work', async () => {
    const { sb } = await failedAtAdvup();
    // What the journal holds when that rollback stopped at its second step (Ctrl-C at a terminal).
    const time = new Date().toISOString();
    appendFileSync(
      journalFile(sb.logs),
      [
        { type: 'rollback', time, point: 'restore-old', status: 'start' },
        { type: 'step-start', time, step: 'restore-old/stop-all' },
        { type: 'step-end', time, step: 'restore-old/stop-all', status: 'done', durationMs: 1 },
        { type: 'step-start', time, step: 'restore-old/restore-environment' },
        { type: 'step-end', time, step: 'restore-old/restore-environment', status: 'failed', durationMs: 1 },
        { type: 'rollback', time, point: 'restore-old', status: 'failed' },
        { type: 'run-end', time, status: 'failed', report: 'r.md' },
      ].map((e) => `${JSON.stringify(e)}\n`).join(''),
    );
    const run = await runCli(['run', '--product', 'groupmax', '--yes', ...place(sb), ...sb.platformArgs, ...sets, '--lang', 'en'], { env: sb.env });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`has a rollback to restore point restore-old that did not finish, and cannot be continued with resume. Finish the rollback (its finished steps are not repeated):\n  upgrade-wizard rollback --to restore-old --root ${sb.root} --log-dir ${sb.logs}\nor, to start over from the first step anyway, add --new-run to this command.`);
    expect(run.stderr).not.toContain('resume --yes');
    const resume = await runCli(['resume', '--yes', ...place(sb), '--lang', 'en'], { env: sb.env });
    expect(resume.exitCode).toBe(2);
    expect(resume.stderr).toContain('Or start over from the first step: upgrade-wizard run --product groupmax with the same answers, --root and --log-dir as before, and --new-run');
    // Which works.
    const anew = await runCli(['run', '--product', 'groupmax', '--yes', '--new-run', ...place(sb), ...sb.platformArgs, ...sets, '--lang', 'en'], { env: sb.env });
    expect(anew.exitCode, anew.stderr).toBe(0);
  }, 120_000);
});
