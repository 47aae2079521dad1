// A new run beside what a killed wizard left running, or over a rollback left unfinished:
// `run --new-run` started the same tools again while the killed wizard's command (its own
// process group) still ran, and the screens planned and started a new upgrade over a half-done
// rollback with no word of it. `run` (with or without --new-run) now refuses while any journal of
// the log dir has a live command; the screens' plan gets a blocker for each (and their start is
// refused under the lock), naming the command that finishes the rollback.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { newRunBlockers } from '../../src/commands/wizard-services.js';
import { setLang } from '../../src/i18n/index.js';
import { execute } from '../../src/run/executor.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

const groups: number[] = [];
afterEach(() => {
  setLang('en');
  for (const g of groups.splice(0)) {
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

const mark = (id: string, file: string, fail = false): PlannedStep =>
  step('command', {}, { id, title: `Step ${id}`, restorePoint: 'rp', commands: [['perl', '-e', `${fail ? 'exit 3; ' : ''}open(my $f, '>>', '${file}'); print $f "${id}\\n";`]] });
const events = (file: string): JournalEvent[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JournalEvent);
const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);

describe('a new run while a killed wizard\'s command still runs', () => {
  it('run refuses, with or without --new-run, and so do the screens; nothing of the new run starts', async () => {
    const sb = groupmaxSandbox();
    const logDir = sb.logs;
    const bin = join(sb.dir, 'bin');
    const [gate, pidFile, marks] = ['gate', 'pid', 'marks'].map((n) => join(sb.dir, n)) as [string, string, string];
    // A long vendor tool: writes its pid once under way, ends when the gate file exists.
    writeFileSync(join(bin, 'gated-job'), `#!/bin/sh\necho $$ > '${pidFile}'\nuntil [ -e '${gate}' ]; do sleep 0.1; done\n`);
    chmodSync(join(bin, 'gated-job'), 0o755);
    const p = plan([mark('a', marks), step('command', {}, { id: 'b', title: 'Step b', commands: [['gated-job']] })], { product: 'groupmax', root: sb.root });
    const stop = new AbortController();
    const ui = new Recorder();
    ui.onStepEnd = (s) => {
      if (s.id === 'a') stop.abort();
    };
    const first = await execute(p, ui, { logDir, root: sb.root, signal: stop.signal });
    const journal = first.files!.journal;
    // A resume runs b; the wizard is killed with -9 once b is under way and journaled.
    const child = execa(process.execPath, [join(repoRoot, 'bin/upgrade-wizard.js'), 'resume', '--yes', '--root', sb.root, '--log-dir', logDir], { env: { ...sb.env, LANG: 'C' }, stdin: 'ignore', reject: false, detached: true });
    while (!(existsSync(pidFile) && events(journal).at(-1)?.type === 'command-start')) await sleep(50);
    const pgid = Number(readFileSync(pidFile, 'utf8'));
    groups.push(pgid);
    child.kill('SIGKILL');
    await child;
    const runFiles = (): string[] => readdirSync(logDir).filter((n) => n.startsWith('run-')).sort();
    const files = runFiles();
    const journalBefore = readFileSync(journal, 'utf8');

    for (const extra of [['--new-run'], []]) {
      const r = await runCli(['run', '--product', 'groupmax', '--yes', ...extra, '--root', sb.root, '--log-dir', logDir, ...sb.platformArgs, ...sets, '--lang', 'en'], { env: sb.env });
      expect(r.exitCode, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain(`a command of run ${first.runId} is still running: step b, "gated-job" (process group ${pgid})`);
      expect(r.stderr).toContain('Nothing was done: a new run started now would run the procedure beside it, or run it twice.');
    }
    // No new run: no journal, nothing of Groupmax's procedure done.
    expect(runFiles()).toEqual(files);
    expect(readFileSync(journal, 'utf8')).toBe(journalBefore);
    expect(sb.calls()).toEqual([]);

    // The screens: the plan has a blocker naming the command and how to end it.
    const blockers = await newRunBlockers({ root: sb.root, logDir }, 'groupmax');
    expect(blockers.map((b) => b.id)).toEqual(['command-running']);
    expect(blockers[0]?.message).toContain(`step b, "gated-job" (process group ${pgid}); a new run would run beside it`);
    expect(blockers[0]?.fix).toContain(`kill -TERM -- -${pgid}`);

    // Once it has ended, the run is no longer refused for it (the unfinished run is said instead).
    writeFileSync(gate, '');
    while ((() => { try { process.kill(-pgid, 0); return true; } catch { return false; } })()) await sleep(50);
    expect(await newRunBlockers({ root: sb.root, logDir }, 'groupmax')).toEqual([]);
  }, 60_000);
});

describe('a new run over an unfinished rollback, on the screens', () => {
  it('is a blocker of the plan naming the command that finishes the rollback, in English and Japanese', async () => {
    const dir = tempDir('uw-new-after-rollback-');
    const root = join(dir, 'root');
    const logDir = join(dir, 'log');
    mkdirSync(root);
    const file = join(dir, 'ran');
    const p = plan([mark('a', file), mark('b', file, true)], { product: 'groupmax', root, restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [mark('undo-1', file), mark('undo-2', file, true)] }] });
    const first = await execute(p, new Recorder({ failure: ['rollback', 'stop'] }), { logDir, root });
    expect(first.status).toBe('failed');

    const blockers = await newRunBlockers({ root, logDir }, 'groupmax');
    expect(blockers).toEqual([
      {
        id: 'rollback-unfinished',
        message: `run ${first.runId} (groupmax) has a rollback to restore point rp that did not finish: the server is half-way back, and no new run of groupmax starts over it`,
        fix: `finish the rollback first (its finished steps are not repeated): upgrade-wizard rollback --to rp --root ${root} --log-dir ${logDir}`,
      },
    ]);
    setLang('ja');
    const ja = await newRunBlockers({ root, logDir }, 'groupmax');
    expect(ja[0]?.message).toContain('には完了していない復元ポイント rp へのロールバックがあります');
    expect(ja[0]?.fix).toBe(`先にロールバックを完了してください (完了済みの手順は繰り返しません): upgrade-wizard rollback --to rp --root ${root} --log-dir ${logDir}`);
    // Another product of this root is not held back by it, as run --yes does not.
    expect(await newRunBlockers({ root, logDir }, 'sharetask')).toEqual([]);
  });
});
