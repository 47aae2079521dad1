// Reboot steps and resume on small plans of real commands, in process: going on without the
// reboot at the operator's word is recorded; a restart counts only after the work it must follow.
// A reboot is faked as elsewhere: the boot id the journal holds is replaced by another one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { bootId } from '../../src/run/boot-id.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const perl = (id: string, code: string): PlannedStep => step('command', {}, { id, title: `step ${id}`, commands: [['perl', '-e', code]] });
const restart = step('reboot', {}, { id: 'restart', title: 'Restart the machine', manual: true, instructions: 'Restart it now.' });
function fakeReboot(journal: string): void {
  writeFileSync(journal, readFileSync(journal, 'utf8').replaceAll(bootId(), '00000000-0000-0000-0000-000000000000'));
}

describe('going on without the reboot', () => {
  it('the operator chose it (the wizard\'s "Resume without the reboot"): said in the journal, the log and the report', async () => {
    const logDir = join(tempDir('uw-reboot-'), 'log');
    const p = plan([perl('a', 'exit 0'), restart, perl('c', 'exit 0')]);
    const first = await execute(p, new Recorder(), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'stopped', reason: 'reboot' });
    const ui = new Recorder();
    const result = await resume(await findResumable(logDir, ''), ui, { logDir, root: '' });
    expect(result.status).toBe('done');
    const said = 'resumed at c without the reboot step 2 (Restart the machine) asked for: the machine had not restarted since (same boot id); the operator chose to go on';
    const files = result.files!;
    expect(readFileSync(files.report, 'utf8')).toContain(`## Interruptions and resumes`);
    expect(readFileSync(files.report, 'utf8')).toContain(said);
    expect(readFileSync(files.log, 'utf8')).toContain(said);
    const events = (await readJournal(files.journal)).events;
    expect(events.find((e) => e.type === 'resume')).toMatchObject({ withoutReboot: { step: 'restart', number: 2, by: 'operator' } });
  });

  it('after a real restart the resume is a plain one', async () => {
    const logDir = join(tempDir('uw-reboot-'), 'log');
    const first = await execute(plan([perl('a', 'exit 0'), restart, perl('c', 'exit 0')]), new Recorder(), { logDir, root: '' });
    fakeReboot(first.files!.journal);
    const result = await resume(await findResumable(logDir, ''), new Recorder(), { logDir, root: '' });
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain('resumed at c\n');
    expect(report).not.toContain('without the reboot step');
  });
});

describe('a reboot step after a restart', () => {
  it('still stops when the step before it ran again after the restart: the reboot must follow that work', async () => {
    const dir = tempDir('uw-reboot-');
    const logDir = join(dir, 'log');
    const flag = join(dir, 'fail-once');
    writeFileSync(flag, '');
    // Fails while the flag is there, removing it: the second attempt succeeds.
    const work = perl('work', `if (-e '${flag}') { unlink '${flag}'; exit 1 } exit 0`);
    const first = await execute(plan([work, restart, perl('c', 'exit 0')]), new Recorder(), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'failed', step: 'work' });
    fakeReboot(first.files!.journal);
    const again = await resume(await findResumable(logDir, ''), new Recorder(), { logDir, root: '' });
    expect(existsSync(flag)).toBe(false);
    expect(again).toMatchObject({ status: 'stopped', reason: 'reboot', step: 'restart' });
  });
});
