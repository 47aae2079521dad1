// resume --yes --skip-step over a required step cut short (a kill -9 during iPlanet's
// backup-server-root leaves only server-root.tar.gz.partial) went on with no backup at all.
// Refused now, saying that resume checks the step itself and the command to run it again; the
// plain resume then makes the backup again. A step that cannot check itself (CLUSTERPRO's
// clpdown) keeps --skip-step as the operator's "it did complete" (clusterpro-reboot-resume).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

const mark = (id: string, file: string): PlannedStep =>
  step('command', {}, { id, title: `Step ${id}`, commands: [['perl', '-e', `open(my $f, '>>', '${file}'); print $f "${id}\\n";`]] });

describe('resume --skip-step of a required step cut short', () => {
  it('is refused while the backup is only a .partial; the plain resume makes the backup again', async () => {
    const dir = tempDir('uw-skip-half-');
    const source = join(dir, 'server-root');
    mkdirSync(join(source, 'config'), { recursive: true });
    writeFileSync(join(source, 'config', 'msg.conf'), 'service.http.port = 80\n');
    const archive = join(dir, 'backup', 'server-root.tar.gz');
    const ran = join(dir, 'ran');
    const backup = step('backup', { source, archive }, { id: 'backup-server-root', title: 'Save the files of server-root' });
    const steps = [mark('stop', ran), backup, mark('upgrade', ran)];
    // The whole run once, then its journal cut right after the backup's start, as a kill -9
    // inside tar leaves it; the archive is only its .partial.
    const whole = await execute(plan(steps), new Recorder(), { logDir: join(dir, 'whole'), root: '' });
    expect(whole.status).toBe('done');
    const lines = readFileSync(whole.files!.journal, 'utf8').split('\n').filter(Boolean);
    const at = lines.findIndex((l) => l.includes('"type":"step-start"') && l.includes('"step":"backup-server-root"'));
    const logDir = join(dir, 'log');
    mkdirSync(logDir);
    const journal = join(logDir, whole.files!.journal.split('/').pop()!);
    writeFileSync(journal, `${lines.slice(0, at + 1).join('\n')}\n`);
    renameSync(archive, `${archive}.partial`);
    writeFileSync(ran, 'stop\n');
    const before = readFileSync(journal, 'utf8');

    for (const lang of ['en', 'ja']) {
      const skip = await runCli(['resume', '--yes', '--skip-step', 'backup-server-root', '--log-dir', logDir, '--lang', lang]);
      expect(skip.exitCode).toBe(2);
      if (lang === 'en') {
        expect(skip.stderr).toContain('--skip-step backup-server-root: step 2 (Save the files of server-root) was cut short while it ran, and the procedure does not call it optional');
        expect(skip.stderr).toContain(`\n  upgrade-wizard resume --yes --log-dir ${logDir}\n`);
        expect(skip.stderr).toContain(`\n  upgrade-wizard resume --yes --log-dir ${logDir} --rerun-step backup-server-root\n`);
      } else {
        expect(skip.stderr).toContain('--skip-step backup-server-root: ステップ 2 (Save the files of server-root) は実行中に中断されました。手順書では任意ではないため');
      }
    }
    // Nothing went on: no upgrade, no backup, nothing journaled.
    expect(readFileSync(ran, 'utf8')).toBe('stop\n');
    expect(existsSync(archive)).toBe(false);
    expect(readFileSync(journal, 'utf8')).toBe(before);

    const again = await runCli(['resume', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(existsSync(archive)).toBe(true);
    expect(readFileSync(ran, 'utf8')).toBe('stop\nupgrade\n');
  }, 60_000);

  it('an optional step cut short is still skipped with --skip-step', async () => {
    const dir = tempDir('uw-skip-half-opt-');
    const source = join(dir, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'a'), 'a\n');
    const ran = join(dir, 'ran');
    const backup = step('backup', { source, archive: join(dir, 'b.tar.gz') }, { id: 'backup-new', title: 'Back up the new environment', skippable: true });
    const whole = await execute(plan([backup, mark('after', ran)]), new Recorder(), { logDir: join(dir, 'whole'), root: '' });
    const lines = readFileSync(whole.files!.journal, 'utf8').split('\n').filter(Boolean);
    const at = lines.findIndex((l) => l.includes('"type":"step-start"') && l.includes('"step":"backup-new"'));
    const logDir = join(dir, 'log');
    mkdirSync(logDir);
    writeFileSync(join(logDir, whole.files!.journal.split('/').pop()!), `${lines.slice(0, at + 1).join('\n')}\n`);
    writeFileSync(ran, '');
    const skip = await runCli(['resume', '--yes', '--skip-step', 'backup-new', '--log-dir', logDir, '--lang', 'en']);
    expect(skip.exitCode, skip.stdout + skip.stderr).toBe(0);
    expect(skip.stdout).toContain('step backup-new is skipped as --skip-step asks');
    expect(readFileSync(ran, 'utf8')).toBe('after\n');
  }, 60_000);
});
