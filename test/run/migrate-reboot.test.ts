// migrate-config as a step (diff reviewed before anything is written, password masked) and
// the reboot step (the run stops; resume goes on after it).
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReview } from '../../src/model/interaction.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { migrateConfig } from '../../src/run/steps/migrate-config.js';
import { context, plan, Recorder, step, tempDir } from './ctx.js';

function confDir(): { conf: string; sudoers: string } {
  const base = tempDir('uw-mig-');
  const conf = join(base, 'conf');
  mkdirSync(conf);
  writeFileSync(join(conf, 'db.conf'), 'dbhost = localhost\ndbport = 5432\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass = Zq9-secret-Pw\nsslmode = disable\n');
  writeFileSync(join(conf, 'system.conf'), '# system\nLOG_LEVEL = info\n');
  const sudoers = join(base, 'sudoers');
  writeFileSync(sudoers, 'root ALL=(ALL) ALL\n', { mode: 0o440 });
  chmodSync(sudoers, 0o440);
  return { conf, sudoers };
}

describe('migrate-config step', () => {
  it('shows the masked diff before writing; declining leaves every file as it was', async () => {
    const { conf, sudoers } = confDir();
    const s = step('migrate-config', { migrator: 'sharetask-db', options: { conf, sudoers } });
    const seenAtReview: string[] = [];
    const ui = new Recorder({ diff: false });
    ui.reviewDiff = async (_s: PlannedStep, review: DiffReview) => {
      ui.diffs.push(review);
      seenAtReview.push(readFileSync(join(conf, 'system.conf'), 'utf8'));
      return false;
    };
    const out = await migrateConfig.run(s, context(ui));
    expect(out.stopRun).toBe('declined');
    expect(seenAtReview).toEqual(['# system\nLOG_LEVEL = info\n']);
    expect(ui.diffs[0]?.diff).toContain('+SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi:****:disable');
    expect(JSON.stringify(ui.diffs)).not.toContain('Zq9-secret-Pw');
    expect(readFileSync(join(conf, 'system.conf'), 'utf8')).toBe('# system\nLOG_LEVEL = info\n');
    expect(readFileSync(sudoers, 'utf8')).toBe('root ALL=(ALL) ALL\n');
  });

  it('writes system.conf and sudoers once accepted, journals them, and is then found done', async () => {
    const { conf, sudoers } = confDir();
    const s = step('migrate-config', { migrator: 'sharetask-db', options: { conf, sudoers, user_prefs_dir: '/home/sharetask/sharetask_users' } });
    const ctx = context(new Recorder());
    expect(await migrateConfig.isDone?.(s, ctx)).toBe(false);
    await migrateConfig.run(s, ctx);
    const text = readFileSync(join(conf, 'system.conf'), 'utf8');
    expect(text).toContain('SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi:Zq9-secret-Pw:disable');
    expect(text).toContain('USER_PREFS_DIR = /home/sharetask/sharetask_users');
    expect(readFileSync(sudoers, 'utf8')).toContain('Cmnd_Alias SHARETASK');
    expect(await migrateConfig.isDone?.(s, ctx)).toBe(true);
    const journal = readFileSync(ctx.journal!.files.journal, 'utf8');
    expect(journal).toContain('"type":"written"');
    expect(journal).not.toContain('Zq9-secret-Pw');
  });

  it('refuses an unknown migrator by name', async () => {
    await expect(migrateConfig.run(step('migrate-config', { migrator: 'nope', options: {} }), context())).rejects.toThrow(/unknown migrator "nope"/);
  });
});

describe('reboot step', () => {
  it('stops the run after the reboot step; resume continues with the step after it', async () => {
    const dir = tempDir('uw-reboot-');
    const logDir = join(dir, 'log');
    const file = join(dir, 'ran');
    const after = step('command', {}, { id: 'after', commands: [['perl', '-e', `open(my $f, '>>', '${file}'); print $f "after\\n";`]] });
    const p = plan([step('reboot', {}, { id: 'reboot', manual: true, instructions: 'reboot now' }), after]);
    const first = await execute(p, new Recorder(), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'stopped', reason: 'reboot', step: 'reboot' });
    const point = await findResumable(logDir, '');
    expect(point.next).toBe(1);
    expect(point.halfRun).toBeUndefined();
    const second = await resume(point, new Recorder(), { logDir, root: '' });
    expect(second.status).toBe('done');
    expect(readFileSync(file, 'utf8')).toBe('after\n');
  });
});
