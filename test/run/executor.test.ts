// The executor, its journal, log and report; failures, interruptions, resume and rollback,
// on small plans of real commands.
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { listJournals, readJournal } from '../../src/run/journal.js';
import { Redactor } from '../../src/run/redact.js';
import { findResumable, isFinished, rebootMissing, resumePointOf } from '../../src/run/resumable.js';
import { resume } from '../../src/run/resume.js';
import { summarize } from '../../src/run/summary.js';
import { defaultRestorePoint, rollbackMismatch } from '../../src/run/rollback.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

const temp = (): string => tempDir('uw-exec-');
const perl = (id: string, code: string, extra: Partial<PlannedStep> = {}): PlannedStep => step('command', {}, { id, title: `step ${id}`, commands: [['perl', '-e', code]], ...extra });
/** Appends the step id to a file: which steps ran, in which order. */
const mark = (id: string, file: string, extra: Partial<PlannedStep> = {}): PlannedStep => perl(id, `open(my $f, '>>', '${file}'); print $f "${id}\\n";`, extra);
const ran = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
const events = async (file: string): Promise<JournalEvent[]> => (await readJournal(file)).events;

describe('execute', () => {
  it('journals every step, writes log and report (0600 in a 0700 dir), and keeps secrets out of all three', async () => {
    const dir = temp();
    const logDir = join(dir, 'log');
    const said = join(dir, 'said');
    writeFileSync(said, 'dbpass = hunter22secret\nPGPASSWORD=s3cr3tval psql\nall fine\n');
    const p = plan([
      step('command', {}, { id: 'talk', title: 'talk', commands: [['cat', said]] }),
      step('manual', {}, { id: 'look', title: 'look at it', manual: true, instructions: 'check', checklist: ['item one'] }),
    ]);
    const result = await execute(p, new Recorder(), { logDir, root: '' });
    expect(result.status).toBe('done');
    const files = result.files!;
    expect(statSync(logDir).mode & 0o777).toBe(0o700);
    for (const f of [files.journal, files.log, files.report]) {
      expect(statSync(f).mode & 0o777).toBe(0o600);
      const text = readFileSync(f, 'utf8');
      expect(text).not.toContain('hunter22secret');
      expect(text).not.toContain('s3cr3tval');
    }
    expect(readFileSync(files.log, 'utf8')).toContain('all fine');
    const ev = await events(files.journal);
    expect(ev.map((e) => e.type)).toEqual(['run-start', 'step-start', 'command-start', 'command', 'step-end', 'step-start', 'confirm', 'confirm', 'step-end', 'run-end']);
    const report = readFileSync(files.report, 'utf8');
    expect(report).toContain('Status: **done**');
    expect(report).toMatch(/look at it: item one \(by the operator\)/);
    expect(report).toMatch(/\| talk \| `cat .*said` \| 0 \|/);
  });

  it('writes nothing in a dry run', async () => {
    const dir = temp();
    const file = join(dir, 'ran');
    const ui = new Recorder();
    const result = await execute(plan([mark('a', file)]), ui, { logDir: join(dir, 'log'), root: '', dryRun: true });
    expect(result.status).toBe('dry-run');
    expect(existsSync(join(dir, 'log'))).toBe(false);
    expect(ran(file)).toEqual([]);
    expect(ui.text()).toContain('$ perl -e');
  });

  it('a finished run with a skipped step is not "all done": the summary counts and names it', async () => {
    const dir = temp();
    const p = plan([perl('a', 'exit 0'), perl('b', 'exit 1', { skippable: true, title: 'optional check' }), perl('c', 'exit 0')]);
    const result = await execute(p, new Recorder({ failure: ['skip'] }), { logDir: join(dir, 'log'), root: '' });
    expect(result).toMatchObject({ status: 'done', skipped: ['b'] });
    const text = summarize(p, result, { root: '', logDir: join(dir, 'log') }).lines.join('\n');
    expect(text).toContain('finished: 2 of 3 steps done, 1 skipped: step 2 (b) (the report says why).');
    expect(text).not.toContain('all 3 steps done');
  });

  it('offers retry, skip only where allowed, rollback where a restore point applies, and stop', async () => {
    const dir = temp();
    const file = join(dir, 'ran');
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    const flaky = perl('flaky', `open(my $f, '<', '${counter}'); my $n = <$f>; open($f, '>', '${counter}'); print $f $n + 1; exit($n >= 1 ? 0 : 1)`, { restorePoint: 'rp' });
    const p = plan([mark('first', file), flaky, perl('bad', 'exit 2', { skippable: true }), mark('last', file)], {
      restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [mark('undo', file)] }],
    });
    const ui = new Recorder({ failure: ['retry', 'skip'] });
    const result = await execute(p, ui, { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('done');
    expect(ui.failures.map((f) => [f.step, f.choices])).toEqual([
      ['flaky', ['retry', 'rollback', 'stop']],
      ['bad', ['retry', 'skip', 'rollback', 'stop']],
    ]);
    expect(ran(file)).toEqual(['first', 'last']);
  });

  it('rolls back to the restore point in force when asked after a failure', async () => {
    const dir = temp();
    const file = join(dir, 'ran');
    const p = plan([mark('a', file, { restorePoint: 'rp' }), perl('b', 'exit 1'), mark('c', file)], {
      restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [mark('undo', file)] }],
    });
    const result = await execute(p, new Recorder({ failure: ['rollback'] }), { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('rolled-back');
    expect(ran(file)).toEqual(['a', 'undo']);
    const ev = await events(result.files!.journal);
    expect(ev.filter((e) => e.type === 'rollback').map((e) => (e as { status: string }).status)).toEqual(['start', 'done']);
    expect(isFinished(await readJournal(result.files!.journal))).toBe(true);
  });

  it('stops on a failure, and resume runs the failed step again and goes on', async () => {
    const dir = temp();
    const file = join(dir, 'ran');
    const gate = join(dir, 'gate');
    const logDir = join(dir, 'log');
    const p = plan([mark('a', file), perl('b', `exit(-e '${gate}' ? 0 : 1)`), mark('c', file)]);
    const first = await execute(p, new Recorder(), { logDir, root: '' });
    expect(first).toMatchObject({ status: 'failed', step: 'b' });
    writeFileSync(gate, '');
    const point = await findResumable(logDir, '');
    expect(point.next).toBe(1);
    const second = await resume(point, new Recorder(), { logDir, root: '' });
    expect(second.status).toBe('done');
    expect(ran(file)).toEqual(['a', 'c']);
    expect(second.runId).toBe(first.runId);
    expect(readFileSync(second.files!.report, 'utf8')).toMatch(/resumed at b/);
  });

  it("shows the report's way back as a pasteable command: quoted, with the run's PATH prefix, without --yes, after a resume too", async () => {
    const dir = temp();
    const root = join(dir, 'server root');
    mkdirSync(root);
    const logDir = join(dir, 'log');
    const gate = join(dir, 'gate');
    const p = plan([perl('a', `exit(-e '${gate}' ? 0 : 1)`, { restorePoint: 'rp' })], {
      root,
      restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [perl('undo', 'exit 0')] }],
    });
    const prefix = 'PATH=/sandbox/bin:"$PATH" ';
    const first = await execute(p, new Recorder(), { logDir, root, envPrefix: prefix });
    expect(first.status).toBe('failed');
    const command = `${prefix}upgrade-wizard rollback --to rp --root '${root}' --log-dir ${logDir}`;
    const lineOf = (report: string) => report.split('\n').find((l) => l.includes('upgrade-wizard rollback'));
    expect(lineOf(readFileSync(first.files!.report, 'utf8'))).toBe(command);
    // The resuming process was not given the prefix: the journal keeps it.
    writeFileSync(gate, '');
    const point = await findResumable(logDir, root);
    expect(point.record.envPrefix).toBe(prefix);
    const second = await resume(point, new Recorder(), { logDir, root });
    expect(second.status).toBe('done');
    expect(lineOf(readFileSync(second.files!.report, 'utf8'))).toBe(command);
  });
});

describe('interruptions and resume', () => {
  it('stops before the next step when the stop signal is raised, leaving a resumable journal', async () => {
    const dir = temp();
    const file = join(dir, 'ran');
    const logDir = join(dir, 'log');
    const stop = new AbortController();
    const ui = new Recorder();
    ui.onStepEnd = (s) => {
      if (s.id === 'a') stop.abort();
    };
    const result = await execute(plan([mark('a', file), mark('b', file)]), ui, { logDir, root: '', signal: stop.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'interrupted', step: 'b' });
    const point = await findResumable(logDir, '');
    expect(point.next).toBe(1);
    expect(point.halfRun).toBeUndefined();
    await resume(point, new Recorder(), { logDir, root: '' });
    expect(ran(file)).toEqual(['a', 'b']);
  });

  it('the first Ctrl-C ends a long wait: journaled and summed up as a wait stopped, not as a command killed', async () => {
    const dir = temp();
    const logDir = join(dir, 'log');
    const stop = new AbortController();
    const ui = new Recorder();
    // The mirror stays RED; the operator presses Ctrl-C once while the wizard waits for GREEN.
    ui.onProgress = () => stop.abort();
    const wait = step('verify', { verify: { argv: ['echo', 'Mirror Color RED'], expectOutput: 'GREEN', waitSeconds: 43200, intervalSeconds: 60 } }, { id: 'mirror' });
    const result = await execute(plan([wait]), ui, { logDir, root: '', signal: stop.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'wait-stopped', step: 'mirror' });
    const interrupted = (await events(result.files!.journal)).filter((e) => e.type === 'interrupted');
    expect(interrupted).toMatchObject([{ step: 'mirror', reason: 'Ctrl-C during the wait: the check had not passed yet' }]);
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain('Ctrl-C during the wait');
    expect(report).not.toContain('twice');
  });

  it('after a crash mid-step: a harmless or provably done step goes on; a command asks; idempotent ones re-run', async () => {
    const dir = temp();
    const logDir = join(dir, 'log');
    mkdirSync(join(dir, 'v2'));
    symlinkSync('v2', join(dir, 'app'));
    const file = join(dir, 'ran');
    const p = plan([step('switch-symlink', { link: join(dir, 'app'), target: 'v2' }, { id: 'link' }), mark('cmd', file), mark('idem', file, { params: { idempotent: true } })]);
    const result = await execute(p, new Recorder({ manual: true }), { logDir, root: '' });
    // Simulate kill -9 inside each step in turn: cut the journal after that step's step-start.
    const lines = readFileSync(result.files!.journal, 'utf8').split('\n').filter(Boolean);
    const cutAfterStart = (id: string): string => {
      const at = lines.findIndex((l) => l.includes('"type":"step-start"') && l.includes(`"step":"${id}"`));
      const copy = join(dir, `log-${id}`);
      mkdirSync(copy);
      writeFileSync(join(copy, result.files!.journal.split('/').pop() as string), `${lines.slice(0, at + 1).join('\n')}\n{"type":"comm`);
      return copy;
    };
    // The symlink already points at v2: found done, not repeated.
    const linkLog = cutAfterStart('link');
    const linkPoint = await findResumable(linkLog, '');
    expect(linkPoint.halfRun?.step.id).toBe('link');
    const ui1 = new Recorder();
    const r1 = await resume(linkPoint, ui1, { logDir: linkLog, root: '' });
    expect(r1.status).toBe('done');
    expect(ui1.ends[0]).toMatchObject({ step: 'link', status: 'done', detail: 'interrupted earlier, found already done on resume' });
    // A command without a check: the driver decides (here: stop), nothing runs.
    const before = ran(file).length;
    const ui2 = new Recorder();
    const r2 = await resume(await findResumable(cutAfterStart('cmd'), ''), ui2, { logDir: join(dir, 'log-cmd'), root: '' });
    expect(r2).toMatchObject({ status: 'stopped', reason: 'half-run', step: 'cmd' });
    expect(ui2.failures[0]?.choices).toEqual(['retry', 'markDone', 'stop']);
    expect(ran(file).length).toBe(before);
    // Marked idempotent: run again without asking.
    const ui3 = new Recorder();
    const r3 = await resume(await findResumable(cutAfterStart('idem'), ''), ui3, { logDir: join(dir, 'log-idem'), root: '' });
    expect(r3.status).toBe('done');
    expect(ui3.failures).toEqual([]);
    expect(ran(file).slice(before)).toEqual(['idem']);
  });

  it('finds only unfinished runs of the same root', async () => {
    const dir = temp();
    const logDir = join(dir, 'log');
    await execute(plan([perl('a', 'exit 0')]), new Recorder(), { logDir, root: '' });
    await expect(findResumable(logDir, '')).rejects.toThrow(/no unfinished run/);
    await execute(plan([perl('a', 'exit 1')], { root: join(dir, 'r') }), new Recorder(), { logDir, root: join(dir, 'r') });
    await expect(findResumable(logDir, '')).rejects.toThrow(/is for --root/);
    expect((await findResumable(logDir, join(dir, 'r'))).next).toBe(0);
  });

  it('reads a journal whose last line was cut by a crash', async () => {
    const dir = temp();
    const result = await execute(plan([perl('a', 'exit 0')]), new Recorder(), { logDir: dir, root: '' });
    appendFileSync(result.files!.journal, '{"type":"step-st');
    const record = await readJournal(result.files!.journal);
    expect(record.events.at(-1)?.type).toBe('run-end');
    expect((await listJournals(dir)).length).toBe(1);
  });
});

describe('a reboot step', () => {
  it('stops the run; resume knows whether the machine rebooted since, by its boot id', async () => {
    const dir = temp();
    const logDir = join(dir, 'log');
    const p = plan([perl('a', 'exit 0'), step('reboot', {}, { id: 'boot', title: 'Restart the machine' }), perl('c', 'exit 0')]);
    const result = await execute(p, new Recorder(), { logDir, root: '' });
    expect(result).toMatchObject({ status: 'stopped', reason: 'reboot', step: 'boot' });
    const point = await findResumable(logDir, '');
    expect(point.next).toBe(2);
    // Not rebooted here: the boot id noted by the step is this boot's.
    expect(rebootMissing(point)?.number).toBe(2);
    expect(rebootMissing(point)?.step.title).toBe('Restart the machine');
    // As after a reboot: another boot id in the journal.
    const journal = result.files!.journal;
    const text = readFileSync(journal, 'utf8');
    writeFileSync(journal, text.replace(/boot_id=[0-9a-f-]+/, 'boot_id=00000000-0000-0000-0000-000000000000'));
    expect(rebootMissing(await findResumable(logDir, ''))).toBeUndefined();
  });
});

describe('rollback points', () => {
  it('defaults to the restore point of the last step done', async () => {
    const dir = temp();
    const p: Plan = plan([perl('a', 'exit 0', { restorePoint: 'one' }), perl('b', 'exit 0'), perl('c', 'exit 0', { restorePoint: 'two' }), perl('d', 'exit 1')], {
      restorePoints: ['one', 'two'].map((id) => ({ id, title: id, explain: id, rollback: [perl('x', 'exit 0')] })),
    });
    const result = await execute(p, new Recorder(), { logDir: dir, root: '' });
    expect(defaultRestorePoint(await readJournal(result.files!.journal))).toBe('two');
    expect(resumePointOf(await readJournal(result.files!.journal)).next).toBe(3);
  });

  it('says when --to names a point that is not the one in force: earlier (later steps stay done) or not reached yet', async () => {
    const dir = temp();
    const p: Plan = plan([perl('a', 'exit 0', { restorePoint: 'one' }), perl('b', 'exit 0', { title: 'upgrade the database' }), perl('c', 'exit 0', { restorePoint: 'two' }), perl('d', 'exit 1', { restorePoint: 'three' })], {
      restorePoints: ['one', 'two', 'three'].map((id) => ({ id, title: `point ${id}`, explain: id, rollback: [perl('x', 'exit 0')] })),
    });
    const record = await readJournal((await execute(p, new Recorder(), { logDir: dir, root: '' })).files!.journal);
    expect(rollbackMismatch(record, 'two')).toBeUndefined();
    expect(rollbackMismatch(record, 'one')).toEqual({
      problem: 'the restore point in force after the steps done is two ("point two"); one is for an earlier stage and does not undo step 3 "step c" (c) nor what was done after it.',
      inForce: 'two',
    });
    expect(rollbackMismatch(record, 'three')).toEqual({ problem: 'no step done so far is covered by three: its steps would undo work that has not been done.', inForce: 'two' });
  });
});

describe('redaction', () => {
  it('masks known secrets anywhere and secret-looking key = value lines', () => {
    const r = new Redactor();
    r.addSecret('Tr0ub4dor');
    expect(r.text('connect with Tr0ub4dor now')).toBe('connect with **** now');
    expect(r.text('dbpass = abc')).toBe('dbpass = ****');
    expect(r.text('SHARETASK_DB = db:h:5432:u:pw:disable')).toBe('SHARETASK_DB = db:h:5432:u:****:disable');
    expect(r.value({ answers: { db_password: 'x1' }, n: 1 })).toEqual({ answers: { db_password: '****' }, n: 1 });
  });
});

it('lists journals newest first', async () => {
  const dir = temp();
  await execute(plan([perl('a', 'exit 0')]), new Recorder(), { logDir: dir, root: '' });
  await execute(plan([perl('b', 'exit 0')]), new Recorder(), { logDir: dir, root: '' });
  const names = readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort();
  expect((await listJournals(dir)).map((r) => r.file.split('/').pop())).toEqual(names.reverse());
});
