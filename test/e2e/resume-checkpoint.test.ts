// A run stopped while a checkpoint waited for the operator (the SSH session dropped, kill -9):
// resume says the checkpoint is asked again, not that it "is checked" as a half-run command is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import type { DiffReview, Interaction } from '../../src/model/interaction.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { NonInteractive } from '../../src/run/noninteractive.js';
import { plan as planOf, Recorder, step, tempDir } from '../run/ctx.js';

/** A ShareTask config migration as a step, on a conf dir of its own: its diff is what gets declined. */
function migrateStep(prefix: string): { dir: string; conf: string; migrate: PlannedStep } {
  const dir = tempDir(prefix);
  const conf = join(dir, 'conf');
  mkdirSync(conf);
  writeFileSync(join(conf, 'db.conf'), 'dbhost = localhost\ndbport = 5432\ndbname = stask\ndbuser = stask\ndbpass = pw\nsslmode = disable\n');
  writeFileSync(join(conf, 'system.conf'), 'LOG_LEVEL = info\n');
  writeFileSync(join(dir, 'sudoers'), 'root ALL=(ALL) ALL\n', { mode: 0o440 });
  const migrate = step('migrate-config', { migrator: 'sharetask-db', options: { conf, sudoers: join(dir, 'sudoers') } }, { id: 'migrate-conf' });
  return { dir, conf, migrate };
}

describe('resume of a run stopped at a checkpoint', () => {
  it('says the checkpoint is asked again', async () => {
    const sb = groupmaxSandbox();
    const sets = ['from=5', 'platform=unix', 'mail_server=no', 'journal=no', 'console=no', 'autostart=no'].flatMap((a) => ['--set', a]);
    const p = await runCli(['plan', '--product', 'groupmax', ...sets, '--root', sb.root, '--json'], { env: sb.env });
    expect(p.exitCode, p.stderr).toBe(0);
    const plan = JSON.parse(p.stdout) as Plan;
    const [first] = plan.steps;
    expect(first?.manual).toBe(true);
    // What the journal holds when the process went away while the checkpoint was on screen.
    const time = new Date().toISOString();
    mkdirSync(sb.logs, { recursive: true });
    const events = [
      { type: 'run-start', time, runId: '20261122-000000-ab12', plan },
      { type: 'step-start', time, step: first?.id },
    ];
    writeFileSync(join(sb.logs, 'run-20261122-000000-ab12.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const r = await runCli(['resume', '--root', sb.root, '--log-dir', sb.logs], { env: sb.env });
    // From a script it needs --yes; what it found is said first.
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain(`step ${first?.id} was waiting for the operator when the run stopped: it is asked again`);
    expect(r.stdout).not.toContain('it is checked before the run goes on');
  });

  it('says a declined change is asked again and that nothing of it was done, not that it was interrupted', async () => {
    const { dir, conf, migrate } = migrateStep('uw-declined-');
    const logDir = join(dir, 'log');
    const first = await execute(planOf([migrate]), new Recorder({ diff: false }), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'stopped', reason: 'declined', step: 'migrate-conf' });
    const r = await runCli(['resume', '--log-dir', logDir, '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('step migrate-conf was not accepted when the run stopped, and nothing of it was done: it is asked again');
    expect(r.stdout).not.toContain('was interrupted');
    expect(readFileSync(join(conf, 'system.conf'), 'utf8')).toBe('LOG_LEVEL = info\n');
  });

  it('a declined change is said as not accepted, not as FAILED, while the journal keeps it for resume', async () => {
    const { dir, migrate } = migrateStep('uw-declined-words-');
    const out: string[] = [];
    // The terminal's driver, answering No at the diff (as the operator at resume's prompt).
    class Declining extends NonInteractive implements Interaction {
      override async reviewDiff(_s: PlannedStep, _r: DiffReview): Promise<boolean> {
        return false;
      }
    }
    const r = await execute(planOf([migrate]), new Declining((s) => void out.push(s)), { logDir: join(dir, 'log'), root: '' });
    expect(r).toMatchObject({ status: 'stopped', reason: 'declined' });
    const text = out.join('');
    expect(text).toContain('NOT ACCEPTED (the run stops here): the change of');
    expect(text).not.toContain('FAILED');
    const ends = readFileSync(r.files!.journal, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; status?: string }).filter((e) => e.type === 'step-end');
    expect(ends.map((e) => e.status)).toEqual(['failed']);
  });

  it('--skip-step of a failed step the procedure does not call optional is refused, saying how to go on', async () => {
    const dir = tempDir('uw-not-optional-');
    const logDir = join(dir, 'log');
    const failing = step('command', {}, { id: 'start-httpd', commands: [['perl', '-e', 'exit 3']] });
    const first = await execute(planOf([failing]), new Recorder(), { logDir, root: '' });
    expect(first.status).toBe('failed');
    const r = await runCli(['resume', '--yes', '--skip-step', 'start-httpd', '--log-dir', logDir, '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--skip-step start-httpd: the procedure does not call this step optional, so it cannot be skipped. Fix the cause, then continue (the step is run again):');
    expect(r.stderr).toContain(`upgrade-wizard resume --yes --log-dir ${logDir}`);
    expect(r.stderr).not.toContain('(-)');
    // --rerun-step of that step is what a plain resume does: accepted.
    const again = await runCli(['resume', '--yes', '--rerun-step', 'start-httpd', '--log-dir', logDir, '--lang', 'en']);
    expect(again.stderr).not.toContain('can be named');
  });
});
