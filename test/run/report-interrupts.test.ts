// The report says what happened when a command was killed (Ctrl-C twice) and a later resume
// stopped on that half-run step: not a Ctrl-C stop "before" a step that had run.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { bootId } from '../../src/run/boot-id.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const dir = tempDir('uw-report-kill-');
const bin = join(dir, 'bin');
const savedPath = process.env.PATH;

beforeAll(() => {
  mkdirSync(bin);
  // A long tool: says it is under way, then waits for ever (until killed).
  writeFileSync(join(bin, 'long-upgrade'), '#!/bin/sh\necho ready\nexec sleep 600\n');
  chmodSync(join(bin, 'long-upgrade'), 0o755);
  process.env.PATH = `${bin}:${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
});

const cmd = (id: string, title: string, argv: string[]): PlannedStep => step('command', {}, { id, title, commands: [argv] });
const breaks = (report: string, heading: string): string[] =>
  (report.split(`## ${heading}\n`)[1]?.split('\n## ')[0] ?? '')
    .trim()
    .split('\n')
    .map((l) => l.replace(/^- \S+ /, ''));

describe('the report after a killed command', () => {
  it.each([
    ['en', 'Interruptions and resumes', /^step upgrade \(Upgrade the database\) was interrupted and may have partly run; .* — step 2 "Upgrade the database" \(upgrade\)$/, 'stopped by Ctrl-C before'],
    // The reason as the resuming process said it (its own language); the step as the report names it.
    ['ja', '中断と再開', /^.+ — ステップ 2「Upgrade the database」\(upgrade\)$/, 'の開始前に Ctrl-C により停止'],
  ] as const)('(%s) a resume that stopped on the half-run step says so, in its own words', async (lang, heading, said, notSaid) => {
    const logDir = join(dir, `log-${lang}`);
    const kill = new AbortController();
    const ui = new Recorder();
    // The second Ctrl-C while the tool runs: its process group is killed.
    ui.onOutput = (_s, chunk) => {
      if (chunk.includes('ready')) kill.abort();
    };
    const p = plan([cmd('stop', 'Stop the server', ['true']), cmd('upgrade', 'Upgrade the database', ['long-upgrade']), cmd('start', 'Start the server', ['true'])], { lang });
    const first = await execute(p, ui, { logDir, root: '', killSignal: kill.signal });
    expect(first).toMatchObject({ status: 'stopped', reason: 'killed', step: 'upgrade' });
    // resume --yes cannot tell whether the upgrade completed: it stops there.
    const again = await resume(await findResumable(logDir, ''), new Recorder({ failure: ['stop'] }), { logDir, root: '' });
    expect(again).toMatchObject({ status: 'stopped', reason: 'half-run', step: 'upgrade' });
    const lines = breaks(readFileSync(again.files!.report, 'utf8'), heading);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(said);
    expect(lines.join('\n')).not.toContain(notSaid);
  });

  it('a process that ended in a step without a record: on the same boot a crash, after a restart the machine going down', async () => {
    for (const rebooted of [false, true]) {
      const logDir = join(dir, `log-lost-${rebooted}`);
      const p = plan([cmd('stop', 'Stop the server', ['true']), cmd('upgrade', 'Upgrade the database', ['true']), cmd('start', 'Start the server', ['true'])]);
      const first = await execute(p, new Recorder(), { logDir, root: '' });
      // The journal as a kill -9 (or the machine going down) in the upgrade leaves it: up to its command's start.
      const journal = first.files!.journal;
      const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean);
      const at = lines.findIndex((l) => l.includes('"type":"command-start"') && l.includes('"step":"upgrade"'));
      let text = lines.slice(0, at + 1).map((l) => `${l}\n`).join('');
      if (rebooted) text = text.replaceAll(bootId(), '00000000-0000-0000-0000-000000000000');
      writeFileSync(journal, text);
      // The operator has the upgrade run again (it may have half-run).
      const again = await resume(await findResumable(logDir, ''), new Recorder({ failure: ['retry'] }), { logDir, root: '' });
      expect(again.status).toBe('done');
      const lost = rebooted
        ? 'the machine restarted while step 2 "Upgrade the database" (upgrade) ran; the wizard recorded no end'
        : 'the wizard ended without recording an end (killed, crashed or power lost) while step 2 "Upgrade the database" (upgrade) ran';
      expect(breaks(readFileSync(again.files!.report, 'utf8'), 'Interruptions and resumes')).toEqual([lost, 'resumed at upgrade']);
    }
  });
});
