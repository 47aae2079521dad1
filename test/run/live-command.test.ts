// A command runs in its own process group, so a kill -9 of the wizard leaves it running. The
// journal records the group when the command starts; while it lives on, resume and rollback do
// nothing beside it (two database upgrades at once), and the report says what did not finish.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { InputError } from '../../src/errors.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { JournalWriter } from '../../src/run/journal-writer.js';
import { groupAlive, liveCommand, unendedCommands } from '../../src/run/live-command.js';
import { Redactor } from '../../src/run/redact.js';
import { findResumable } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { groupGone, runCli, startCli, until } from '../helpers/cli.js';
import { killedAfterEach, standInsOnPath } from '../helpers/stand-ins.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const dir = tempDir('uw-live-');
// A stand-in for a long vendor tool (database_upgrade.pl): notes its start in $2, writes its
// pid to $3 once under way, and ends only when the gate file $1 exists.
standInsOnPath(join(dir, 'bin'), { 'gated-job': 'echo start >> "$2"\necho $$ > "$3"\necho ready\nuntil [ -e "$1" ]; do sleep 0.1; done\necho end >> "$2"' });
const groups = killedAfterEach();

const mark = (id: string, file: string): PlannedStep => step('command', {}, { id, title: `Step ${id}`, commands: [['perl', '-e', `open(my $f, '>>', '${file}'); print $f "${id}\\n";`]] });
const gated = (id: string, gate: string, ran: string, pidFile: string): PlannedStep => step('command', {}, { id, title: `Step ${id}`, commands: [['gated-job', gate, ran, pidFile]] });
const journalEvents = (file: string): JournalEvent[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEvent);
const section = (report: string, heading: string): string[] =>
  (report.split(`## ${heading}\n`)[1]?.split('\n## ')[0] ?? '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^- \S+ /, ''));

/**
 * Until the command has started and the wizard has journaled it (the write follows the spawn at
 * once, but on a busy machine the stand-in can be under way first): a kill -9 in that moment is
 * the one the journal cannot know of.
 */
const commandUnderWay = (pidFile: string, journal: string) => (): boolean => existsSync(pidFile) && journalEvents(journal).at(-1)?.type === 'command-start';

describe('the process group of a running command', () => {
  it('is journaled when the command starts; while it runs it is live, and nobody opens the journal to go on', async () => {
    const logDir = join(dir, 'log-inproc');
    const [gate, ran, pidFile] = ['gate-1', 'ran-1', 'pid-1'].map((n) => join(dir, n)) as [string, string, string];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const ui = new Recorder();
    ui.onOutput = (_s, chunk) => {
      if (chunk.includes('ready')) ready();
    };
    const running = execute(plan([gated('job', gate, ran, pidFile)]), ui, { logDir, root: '' });
    await isReady;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    groups.push(pid);
    const journal = join(logDir, readdirSync(logDir).find((f) => f.endsWith('.jsonl')) as string);
    const events = journalEvents(journal);
    const start = events.at(-1);
    // The group is the command's own (detached): its id is the stand-in's pid.
    expect(start).toMatchObject({ type: 'command-start', step: 'job', argv: ['gated-job', gate, ran, pidFile], pgid: pid });
    expect(start).toHaveProperty('started', expect.stringMatching(/^\d+$/));
    expect(liveCommand(events)).toEqual(start);
    // A second writer (a resume, a rollback) for this run refuses, naming the step and the group.
    const runId = (events[0] as Extract<JournalEvent, { type: 'run-start' }>).runId;
    let refused: unknown;
    try {
      new JournalWriter(logDir, runId, new Redactor()).close();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as Error).message).toContain(`a command of run ${runId} is still running: step job, "gated-job ${gate} ${ran} ${pidFile}" (process group ${pid})`);
    expect((refused as Error).message).toContain(`kill -TERM -- -${pid}`);
    // A group with that number but another start time is a later process: not the command.
    const c = start as Extract<JournalEvent, { type: 'command-start' }>;
    expect(groupAlive({ ...c, started: String(Number(c.started) + 1) })).toBe(false);
    // Nor is anything from before a reboot.
    expect(groupAlive({ ...c, boot: '00000000-0000-0000-0000-000000000000' })).toBe(false);

    writeFileSync(gate, '');
    expect((await running).status).toBe('done');
    const after = journalEvents(journal);
    // It ended in the journal: no longer a command to wait for, even if its number came back.
    expect(unendedCommands(after)).toEqual([]);
    expect(liveCommand(after)).toBeUndefined();
  });

  it('kill -9 of the wizard during a command: resume and rollback refuse while it runs, and go on once it has ended; the report says what did not finish', async () => {
    const logDir = join(dir, 'log-kill');
    const [gate, ran, pidFile, marks] = ['gate-2', 'ran-2', 'pid-2', 'marks-2'].map((n) => join(dir, n)) as [string, string, string, string];
    const p = plan(
      [mark('a', marks), gated('b', gate, ran, pidFile), mark('c', marks)].map((s) => ({ ...s, restorePoint: 'rp' })),
      { restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [mark('undo', marks)] }] },
    );
    // Stopped (Ctrl-C) after a: the CLI's resume runs b.
    const stop = new AbortController();
    const ui = new Recorder();
    ui.onStepEnd = (s) => {
      if (s.id === 'a') stop.abort();
    };
    const first = await execute(p, ui, { logDir, root: '', signal: stop.signal });
    expect(first).toMatchObject({ status: 'stopped', step: 'b' });
    const journal = first.files!.journal;

    const child = startCli(['resume', '--yes', '--log-dir', logDir]);
    await until(commandUnderWay(pidFile, journal));
    const pgid = Number(readFileSync(pidFile, 'utf8'));
    groups.push(pgid);
    child.kill('SIGKILL');
    await child;
    // The stand-in runs on without the wizard.
    expect(groupGone(pgid)).toBe(false);
    expect(journalEvents(journal).at(-1)).toMatchObject({ type: 'command-start', step: 'b', pgid });

    const journalBefore = readFileSync(journal, 'utf8');
    for (const args of [
      ['resume', '--yes', '--rerun-step', 'b'],
      ['rollback', '--to', 'rp', '--yes'],
    ]) {
      const r = await runCli([...args, '--log-dir', logDir, '--lang', 'en']);
      expect(r.exitCode, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain(`is still running: step b, "gated-job ${gate} ${ran} ${pidFile}" (process group ${pgid})`);
    }
    // Before the fix: a second gated-job started beside the first, and the rollback ran undo.
    expect(readFileSync(ran, 'utf8')).toBe('start\n');
    expect(readFileSync(marks, 'utf8')).toBe('a\n');
    expect(readFileSync(journal, 'utf8')).toBe(journalBefore);

    writeFileSync(gate, '');
    await until(() => groupGone(pgid));
    // The step is half-run: resume --yes stops on it and says so; its report says it did not finish.
    const half = await resume(await findResumable(logDir, ''), new Recorder({ failure: ['stop'] }), { logDir, root: '' });
    expect(half).toMatchObject({ status: 'stopped', reason: 'half-run', step: 'b' });
    const report = readFileSync(half.files!.report, 'utf8');
    expect(report).toMatch(/\| 2 \| Step b \(b\) \| started, did not finish \| \| started at \S+; no end was recorded/);
    expect(section(report, 'Interruptions and resumes')).toEqual([
      'stopped by Ctrl-C after step 1 "Step a" (a) finished; step 2 "Step b" (b) was not started',
      'resumed at b',
      'the wizard ended without recording an end (killed, crashed or power lost) while step 2 "Step b" (b) ran',
      'resumed at b',
      expect.stringMatching(/^step b \(Step b\) was interrupted and may have partly run; .* — step 2 "Step b" \(b\)$/),
    ]);
    expect(report).toContain(`| b | \`gated-job ${gate} ${ran} ${pidFile}\` | no end recorded: the wizard ended while it ran | - |`);

    const r = await runCli(['resume', '--yes', '--rerun-step', 'b', '--log-dir', logDir, '--lang', 'en']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(marks, 'utf8')).toBe('a\nc\n');
    expect((await readJournal(journal)).events.filter((e) => e.type === 'command-start' && e.step === 'b')).toHaveLength(2);
  });

  it('kill -9 of a rollback: the next rollback waits for its command, then finishes; the report says the first did not finish', async () => {
    const logDir = join(dir, 'log-rollback');
    const [gate, ran, pidFile, marks] = ['gate-3', 'ran-3', 'pid-3', 'marks-3'].map((n) => join(dir, n)) as [string, string, string, string];
    const p = plan([{ ...mark('a', marks), restorePoint: 'rp' }], {
      restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [{ ...gated('custom-old', gate, ran, pidFile), title: 'Put the old custom back' }, mark('undo', marks)] }],
    });
    const done = await execute(p, new Recorder(), { logDir, root: '' });
    expect(done.status).toBe('done');
    const child = startCli(['rollback', '--to', 'rp', '--yes', '--log-dir', logDir]);
    await until(commandUnderWay(pidFile, done.files!.journal));
    const pgid = Number(readFileSync(pidFile, 'utf8'));
    groups.push(pgid);
    child.kill('SIGKILL');
    await child;

    const refused = await runCli(['rollback', '--to', 'rp', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`is still running: step rp/custom-old, "gated-job ${gate} ${ran} ${pidFile}" (process group ${pgid})`);
    expect(readFileSync(ran, 'utf8')).toBe('start\n');

    writeFileSync(gate, '');
    await until(() => groupGone(pgid));
    const again = await runCli(['rollback', '--to', 'rp', '--yes', '--log-dir', logDir, '--lang', 'en']);
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    const journal = (await readJournal(join(logDir, readdirSync(logDir).find((f) => f.endsWith('.jsonl')) as string))).file;
    const report = readFileSync(journal.replace(/\.jsonl$/, '.md'), 'utf8');
    expect(section(report, 'Rollbacks')).toEqual([
      'rp: started',
      'rp: did not finish: no end was recorded (the wizard was killed or crashed, or the machine went down)',
      'rp: started',
      'rp: done',
    ]);
    expect(section(report, 'Interruptions and resumes')).toEqual(['the wizard ended without recording an end (killed, crashed or power lost) while rollback step "Put the old custom back" (rp/custom-old) ran']);
  });
});
