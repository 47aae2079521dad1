// The interactive wizard as a person meets it: the built binary in tmux at 80x24, driven by
// keys, read from the screen. `demo` builds its sample ShareTask 5.4 server under TMPDIR,
// which each test points at its own temporary directory.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, readlink, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NEW_VERSION, OLD_VERSION } from '../../src/demo/sandbox.js';
import { Tmux } from '../helpers/tmux.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'bin/upgrade-wizard.js');
const sessions: Tmux[] = [];
const dirs: string[] = [];

beforeAll(() => {
  if (!existsSync(join(repo, 'build/cli.js'))) throw new Error('build/cli.js is missing: run `npx tsc -p .` before the end-to-end tests');
});

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.kill();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function demo(lang: 'en' | 'ja', env: Record<string, string> = {}): Promise<{ t: Tmux; tmp: string }> {
  const tmp = await mkdtemp(join(tmpdir(), 'uw-e2e-'));
  dirs.push(tmp);
  const vars = Object.entries({ TMPDIR: tmp, LANG: 'C.UTF-8', ...env }).map(([k, v]) => `${k}=${v}`);
  const t = await Tmux.start(['env', '-u', 'NO_COLOR', '-u', 'FORCE_COLOR', ...vars, process.execPath, bin, 'demo', '--lang', lang], { cwd: repo });
  sessions.push(t);
  return { t, tmp };
}

/** The sandbox the demo built, from the line it prints first. */
async function sandboxOf(t: Tmux): Promise<string> {
  const dir = /Demo sandbox[^:]*: (\S+)/.exec(await t.history())?.[1];
  if (!dir) throw new Error(`no sandbox line in:\n${await t.history()}`);
  return dir;
}

/** Answers the questions: detected values and defaults as proposed, the web user typed. */
async function answerQuestions(t: Tmux): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const screen = await t.waitFor((s) => /question \d+ of \d+/.test(s) || s.includes('Press Enter to start') || s.includes('Start is disabled'));
    if (!/question \d+ of \d+/.test(screen)) return;
    const number = /question (\d+) of/.exec(screen)?.[1];
    // The web server's user must exist here: the demo's is the current user, not the default.
    if (screen.includes('web server') || /> apache█/.test(screen)) {
      await t.keys('C-u');
      await t.type(userInfo().username);
    }
    await t.keys('Enter');
    await t.waitFor((s) => !s.includes(`question ${number} of`) || s.includes('✗'));
    const after = await t.screen();
    if (after.includes(`question ${number} of`)) throw new Error(`question ${number} was refused:\n${after}`);
  }
}

/** From the welcome, with the answers proposed, to the run's first manual step; returns the demo's sandbox. */
async function toFirstCheckpoint(t: Tmux): Promise<string> {
  await t.waitFor('Enter continue', 60000);
  const sandbox = await sandboxOf(t);
  await t.keys('Enter');
  await answerQuestions(t);
  await t.waitFor('Press Enter to start');
  await t.keys('Enter');
  await t.waitFor('This will change the server');
  await t.keys('y', 'Enter');
  await t.waitFor('tick each item', 120000);
  return sandbox;
}

/** Runs the plan to its end: ticks manual checklists, accepts config diffs. */
async function runToSummary(t: Tmux): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const screen = await t.waitFor(
      (s) =>
        s.includes('tick each item') ||
        s.includes('a: accept and write') ||
        s.includes('Read to the end before writing') ||
        s.includes('What now?') ||
        s.includes('upgrade-wizard: summary'),
      120000,
    );
    if (screen.includes('upgrade-wizard: summary')) return screen;
    if (screen.includes('What now?')) throw new Error(`a step failed:\n${screen}`);
    if (screen.includes('Read to the end before writing')) {
      // A diff longer than the screen is offered for writing once its end has been shown.
      expect(screen).toMatch(/↓ lines 1–\d+ of \d+: \d+ more below \(PgDn, End\)/);
      expect(screen).not.toContain('a: accept and write');
      await t.keys('End');
      await t.waitFor('a: accept and write');
      continue;
    }
    if (screen.includes('a: accept and write')) {
      // The diff screen is still (no spinner): any change means the answer was taken.
      const still = await t.screen();
      await t.keys('a');
      await t.waitFor((s) => s !== still);
      continue;
    }
    const total = Number(/(\d+) of (\d+) ticked/.exec(screen)?.[2] ?? '1');
    for (let k = 0; k < total; k++) await t.keys('Space', 'Down');
    await t.waitFor('All ticked');
    const title = /▸\s+(\d+)\. \[manual\]/.exec(screen)?.[1];
    await t.keys('Enter');
    await t.waitFor((s) => !s.includes(`▸ ${title?.padStart(2)}. [manual]`));
  }
  throw new Error('the run did not reach the summary');
}

describe('interactive wizard in a terminal (tmux 80x24)', () => {
  it('demo: from the welcome screen to the summary, and the sandbox is upgraded', async () => {
    const { t } = await demo('en');
    const welcome = await t.waitFor('Enter continue', 60000);
    expect(welcome).toContain('Found on this machine:');
    expect(welcome).toContain(OLD_VERSION);
    const sandbox = await sandboxOf(t);
    await t.keys('Enter');
    await answerQuestions(t);

    const plan = await t.waitFor('Press Enter to start');
    expect(plan).toMatch(/\d+ steps \(\d+ manual\)/);
    for (const line of plan.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    await t.keys('Enter');
    await t.waitFor('This will change the server');
    await t.keys('y', 'Enter');

    const summary = await runToSummary(t);
    expect(summary).toContain('The upgrade finished.');
    expect(summary).toContain('Report:');
    await t.keys('Enter');
    expect(await t.exitStatus()).toBe(0);
    // The way back starts a line of its own: after the sentence it began mid-line and broke inside a path.
    const lines = (await t.history()).split('\n').map((l) => l.trim());
    const back = lines.findIndex((l) => l.startsWith('To roll back to the last restore point'));
    expect(lines[back]).toBe('To roll back to the last restore point ("Restore from the 2.2 backup"):');
    // A long command is wrapped between its arguments, never inside a path, each row but the last
    // ending in " \" so that the rows copied together are still one command for the shell.
    expect(lines[back + 1]).toBe(`PATH=${join(sandbox, 'bin')}:"$PATH" \\`);
    expect(lines[back + 2]).toMatch(/^upgrade-wizard rollback --to backup-archive( --root \S+)? \\$/);
    // What stays in the terminal after the wizard ends has the whole command on one line.
    const rollbackLine = `PATH=${join(sandbox, 'bin')}:"$PATH" upgrade-wizard rollback --to backup-archive --root ${join(sandbox, 'root')} --log-dir ${join(sandbox, 'log')}`;
    expect(lines).toContain(rollbackLine);
    // Pasted into a shell it starts this wizard (nothing named upgrade-wizard is on PATH from a
    // checkout): without a terminal and --yes it shows the rollback and asks for --yes.
    const pasted = spawnSync('sh', ['-c', rollbackLine], { env: { PATH: '/usr/bin:/bin', LANG: 'C' }, encoding: 'utf8' });
    expect(pasted.stderr).not.toContain('not found');
    expect(pasted.stdout + pasted.stderr).toContain('--yes');
    expect(await t.history()).toContain(`The demo sandbox stays in ${sandbox}`);

    const home = join(sandbox, 'root/home/sharetask');
    expect(await readlink(join(home, 'sharetask_server'))).toBe(`sharetask_server-${NEW_VERSION}`);
    const conf = await readFile(join(home, 'sharetask_server/conf/system.conf'), 'latin1');
    expect(conf).toMatch(/^SHARETASK_DB = /m);
    expect(conf).not.toMatch(/^SUID_METHOD = suidperl/m);
  }, 300000);

  it('Ctrl-C stops after the running step; the wizard started again offers to resume and finishes', async () => {
    const { t } = await demo('en');
    // The first manual step waits for the operator: the right moment to ask for a stop.
    const sandbox = await toFirstCheckpoint(t);
    await t.keys('C-c');
    await t.waitFor('Stopping after this step… press Ctrl-C again to abort now.');
    const screen = await t.screen();
    const total = Number(/(\d+) of (\d+) ticked/.exec(screen)?.[2] ?? '1');
    for (let k = 0; k < total; k++) await t.keys('Space', 'Down');
    await t.keys('Enter');
    const stopped = await t.waitFor('upgrade-wizard: summary', 60000);
    expect(stopped).toContain('The run stopped before the end.');
    await t.keys('Enter');
    expect(await t.exitStatus()).toBe(1);
    const printed = await t.history();
    expect(printed).toContain('To continue in the wizard (it offers to resume):');
    // Every command the demo prints keeps its stand-ins first on PATH: pasted without them, a
    // resume would stop and start the real machine's services.
    const standIns = join(sandbox, 'bin');
    expect(printed).toContain(`PATH=${standIns}:"$PATH" upgrade-wizard resume --root ${join(sandbox, 'root')}`);
    expect(printed).toContain(`PATH=${standIns}:"$PATH" upgrade-wizard rollback --to backup-archive`);
    // Without --yes: typed at a terminal they ask at each checkpoint instead of confirming it unseen.
    expect(printed).not.toContain('--yes');
    // So does the report's way back, the record an administrator keeps and reads later.
    const reportName = (await readdir(join(sandbox, 'log'))).find((f) => f.endsWith('.md'));
    const report = await readFile(join(sandbox, 'log', reportName ?? 'none'), 'utf8');
    expect(report).toContain(`PATH=${standIns}:"$PATH" upgrade-wizard rollback --to backup-archive --root ${join(sandbox, 'root')}`);
    expect(report).not.toContain('--yes');

    // Same root, media and log dir, the stand-ins first on PATH: as the hint says.
    const again = await Tmux.start(
      ['env', `PATH=${join(sandbox, 'bin')}:${process.env.PATH ?? ''}`, process.execPath, bin, '--lang', 'en', '--root', join(sandbox, 'root'), '--media', join(sandbox, 'media'), '--log-dir', join(sandbox, 'log')],
      { cwd: repo },
    );
    sessions.push(again);
    const offer = await again.waitFor('Resume the interrupted run', 60000);
    expect(offer).toMatch(/An interrupted run of .* was found/);
    // When it started, in the server's local time (the journal's UTC would mislead).
    expect(offer).toMatch(/The run started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\. Next step:/);
    await again.keys('Enter');
    const summary = await runToSummary(again);
    expect(summary).toContain('The upgrade finished.');
    await again.keys('Enter');
    expect(await again.exitStatus()).toBe(0);
    expect(await readlink(join(sandbox, 'root/home/sharetask/sharetask_server'))).toBe(`sharetask_server-${NEW_VERSION}`);
  }, 300000);

  it('the terminal goes away at a checkpoint: the run stops there, journaled and reported, and the wizard ends', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'uw-e2e-'));
    dirs.push(tmp);
    const err = join(tmp, 'stderr');
    // stderr to a file: Node.js's own last words, if any, come after the terminal is gone.
    const t = await Tmux.start(['sh', '-c', 'exec "$@" 2>"$0"', err, 'env', `TMPDIR=${tmp}`, 'LANG=C.UTF-8', process.execPath, bin, 'demo', '--lang', 'en'], { cwd: repo, keepStatusOnHangup: true });
    sessions.push(t);
    const sandbox = await toFirstCheckpoint(t);
    // An SSH session dropped: the terminal closes; the wizard gets no SIGHUP (no shell passes it on).
    await t.hangUp();
    // Before: the wizard waited on the checkpoint until its input closed and the process simply
    // ended: no stop in the journal, no report, and Node.js aborted restoring the terminal (134).
    expect(await t.exitStatus()).toBe(129);
    expect(await readFile(err, 'utf8')).not.toContain('Assertion failed');
    const log = join(sandbox, 'log');
    const files = await readdir(log);
    expect(files).not.toContain('run.lock');
    const journal = (await readFile(join(log, files.find((f) => f.endsWith('.jsonl')) ?? 'none'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { type: string; step?: string; reason?: string; status?: string });
    const reason = 'the terminal went away (SIGHUP) while the wizard waited for the operator: the step was not confirmed and is asked again when the run is resumed';
    expect(journal.slice(-2)).toMatchObject([{ type: 'interrupted', step: 'keep-backup-safe', reason }, { type: 'run-end', status: 'stopped' }]);
    const report = await readFile(join(log, files.find((f) => f.endsWith('.md')) ?? 'none'), 'utf8');
    expect(report).toContain(reason);
  }, 300000);

  it('speaks Japanese with --lang ja', async () => {
    const { t } = await demo('ja');
    const welcome = await t.waitFor('このマシンで見つかったもの:', 60000);
    expect(welcome).toContain('upgrade-wizard: ようこそ');
    expect(welcome).toContain('Enter 次へ');
    await t.keys('C-c');
    expect(await t.exitStatus()).toBe(2);
    expect(await t.history()).toContain('ウィザードを終了しました。この実行では何も変更していません。');
  }, 120000);

  it('writes no colour codes with NO_COLOR, and colours without it', async () => {
    // eslint-disable-next-line no-control-regex
    const colour = /\u001B\[(?:[0-9;]*;)?(?:3[0-79]|9[0-7]|38;[25])[;m]/;
    const plain = await demo('en', { NO_COLOR: '1' });
    await plain.t.waitFor('Enter continue', 60000);
    expect(await plain.t.screenWithEscapes()).not.toMatch(colour);
    const coloured = await demo('en', { FORCE_COLOR: '1' });
    await coloured.t.waitFor('Enter continue', 60000);
    expect(await coloured.t.screenWithEscapes()).toMatch(colour);
  }, 120000);
});
