// A journal the wizard cannot read in full is a run whose state is unknown: it is named (file,
// line, what is wrong, what to do) and nothing is resumed, rolled back or started beside it.
// Only the cut last line a crash leaves (and the same line once the next process went on after
// it) is read past.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { DamagedJournals, listJournals, readJournal } from '../../src/run/journal.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { runCli } from '../helpers/cli.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

// A command appending its id to `file`: what ran, and how often.
const mark = (id: string, file: string): PlannedStep => step('command', {}, { id, title: `Step ${id}`, commands: [['perl', '-e', `open(my $f, '>>', '${file}'); print $f "${id}\\n";`]] });

/** A run of steps a..e stopped by Ctrl-C after c: steps a, b, c have their done records. */
async function stoppedRun(name: string): Promise<{ logDir: string; journal: string; ran: string }> {
  const dir = tempDir(`uw-damage-${name}-`);
  const logDir = join(dir, 'log');
  const ran = join(dir, 'ran');
  const stop = new AbortController();
  const ui = new Recorder();
  ui.onStepEnd = (s) => {
    if (s.id === 'c') stop.abort();
  };
  const p = plan(['a', 'b', 'c', 'd', 'e'].map((id) => mark(id, ran)));
  const result = await execute(p, ui, { logDir, root: '', signal: stop.signal });
  expect(result).toMatchObject({ status: 'stopped', step: 'd' });
  return { logDir, journal: result.files!.journal, ran };
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);
/** 1-based number of the line holding the step-end of `id`. */
const stepEndLine = (file: string, id: string): number => lines(file).findIndex((l) => l.includes('"type":"step-end"') && l.includes(`"step":"${id}"`)) + 1;

function damage(file: string, line: number, edit: (l: string) => string): void {
  const all = lines(file);
  all[line - 1] = edit(all[line - 1] as string);
  writeFileSync(file, `${all.join('\n')}\n`);
}

describe('a damaged journal', () => {
  it('a broken first line: listed, resumed and rolled back nothing; the message names the file, the line and what to do', async () => {
    const { logDir, journal, ran } = await stoppedRun('first');
    damage(journal, 1, (l) => l.replace('{"type":"run-start"', '{"type":"run-start"XX'));
    const before = readFileSync(journal, 'utf8');

    await expect(listJournals(logDir)).rejects.toBeInstanceOf(DamagedJournals);
    await expect(findResumable(logDir, '')).rejects.toThrow(`${journal}, line 1: the journal of a run is damaged: it is not a JSON record (`);

    for (const args of [['resume', '--yes'], ['rollback', '--yes']]) {
      const r = await runCli([...args, '--log-dir', logDir, '--lang', 'en']);
      expect(r.exitCode, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain(`${journal}, line 1: the journal of a run is damaged: it is not a JSON record`);
      expect(r.stderr).toContain(`Repair that line (one JSON record a line; the log ${journal.replace(/\.jsonl$/, '.log')} beside it tells what the run did), or, if that run is over and no longer needed, move the file out of ${logDir}.`);
      // Not the old answers, which took the damaged run for none at all.
      expect(r.stderr).not.toMatch(/there is no unfinished run|there is no run for root/);
    }
    expect(readFileSync(journal, 'utf8')).toBe(before);
    expect(readFileSync(ran, 'utf8')).toBe('a\nb\nc\n');
  });

  it('(ja) the same refusal in Japanese', async () => {
    const { logDir, journal } = await stoppedRun('ja');
    damage(journal, 1, (l) => l.slice(0, 30));
    const r = await runCli(['resume', '--yes', '--log-dir', logDir, '--lang', 'ja']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${journal} の 1 行目: 実行のジャーナルが壊れています: JSON のレコードではありません`);
  });

  it('a broken line in the middle: resume refuses, naming it, instead of redoing every step after it', async () => {
    const { logDir, journal, ran } = await stoppedRun('middle');
    const line = stepEndLine(journal, 'a');
    expect(line).toBeGreaterThan(1);
    damage(journal, line, (l) => l.replace('"status":"done"', '"status":"done"XX'));
    await expect(findResumable(logDir, '')).rejects.toThrow(`${journal}, line ${line}: the journal of a run is damaged: it is not a JSON record`);
    const r = await runCli(['resume', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${journal}, line ${line}: the journal of a run is damaged`);
    // Steps b and c were not run again (before the fix: "1 of 5 steps finished; next: b").
    expect(r.stdout).not.toMatch(/steps finished/);
    expect(readFileSync(ran, 'utf8')).toBe('a\nb\nc\n');
  });

  it('a line that is JSON but no record, or a journal whose first record is not its start, is damaged too', async () => {
    const { logDir, journal } = await stoppedRun('shape');
    const line = stepEndLine(journal, 'b');
    damage(journal, line, () => '42');
    await expect(readJournal(journal)).rejects.toThrow(`${journal}, line ${line}: the journal of a run is damaged: it is not a journal record`);
    const other = await stoppedRun('no-start');
    writeFileSync(other.journal, `${lines(other.journal).slice(1).join('\n')}\n`);
    await expect(listJournals(other.logDir)).rejects.toThrow(`${other.journal}, line 1: the journal of a run is damaged: the first record is not the start of the run`);
  });

  it('every damaged journal of the log dir is named at once', async () => {
    const { logDir, journal } = await stoppedRun('two');
    const second = join(logDir, 'run-20000101-000000-beef.jsonl');
    writeFileSync(second, `${lines(journal)[0]}\nnot json\n${lines(journal)[1]}\n`);
    damage(journal, 2, () => '{');
    const error = (await listJournals(logDir).catch((e: unknown) => e)) as DamagedJournals;
    expect(error).toBeInstanceOf(DamagedJournals);
    expect(error.damaged.map((d) => [d.file, d.line])).toEqual([
      [journal, 2],
      [second, 2],
    ]);
  });

  it('the last line cut short by a crash is still read past, and so it is after the resume that went on after it', async () => {
    const { logDir, journal, ran } = await stoppedRun('cut');
    // A kill -9 in the middle of writing the run-end: the state a crash leaves.
    const text = readFileSync(journal, 'utf8');
    const cut = text.slice(text.lastIndexOf('{"type":"run-end"'), text.lastIndexOf('{"type":"run-end"') + 25);
    writeFileSync(journal, text.slice(0, text.lastIndexOf('{"type":"run-end"') + 25));
    const point = await findResumable(logDir, '');
    expect(point.record.plan.steps[point.next]?.id).toBe('d');
    const result = await resume(point, new Recorder(), { logDir, root: '' });
    expect(result.status).toBe('done');
    expect(readFileSync(ran, 'utf8')).toBe('a\nb\nc\nd\ne\n');
    // The cut line now sits before the resume's first record: read past, not damage.
    const after = lines(journal);
    expect(JSON.parse(after[after.indexOf(cut) + 1] as string)).toMatchObject({ type: 'resume' });
    expect((await listJournals(logDir)).map((r) => r.runId)).toEqual([result.runId]);
  });

  it('an empty journal (its process ended before the run began) is no run and no damage', async () => {
    const dir = tempDir('uw-damage-empty-');
    mkdirSync(join(dir, 'log'));
    writeFileSync(join(dir, 'log', 'run-20000101-000000-abcd.jsonl'), '');
    expect(await listJournals(join(dir, 'log'))).toEqual([]);
  });
});
