// A run stopped by signals from elsewhere (kill from another session, a service manager, a
// shutdown) is recorded as what stopped it: SIGTERM twice is not "Ctrl-C pressed twice", in the
// journal, the summary (printed, and on the screens) and the report. And the report's Commands
// table says why a command has no exit code (not found, killed by a signal), never a bare "?".
// Groupmax's advup2_6, a stand-in held until the test releases it, or taken off PATH.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { printed, repoRoot, runCli, startCli, until } from '../helpers/cli.js';
import { groupmaxSandbox, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);
const place = (sb: GroupmaxSandbox): string[] => ['--root', sb.root, '--log-dir', sb.logs];
const advup = (sb: GroupmaxSandbox): string => join(sb.dir, 'bin', 'advup2_6');

const dirs: string[] = [];
afterEach(async () => {
  await Tmux.killAll();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A Groupmax run stopped at its reboot step, in `lang`; advup2_6 (step 9) comes next. */
async function stoppedAtReboot(lang: 'en' | 'ja'): Promise<GroupmaxSandbox> {
  const sb = groupmaxSandbox();
  dirs.push(sb.dir);
  const r = await runCli(['run', '--product', 'groupmax', '--yes', ...place(sb), ...sb.platformArgs, ...sets, '--lang', lang], { env: sb.env });
  expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  return sb;
}

/** advup2_6 says it started, then waits for the release file. */
function holdAdvup(sb: GroupmaxSandbox): { started: string; release: string } {
  const started = join(sb.dir, 'advup-started');
  const release = join(sb.dir, 'advup-release');
  writeFileSync(advup(sb), `#!/bin/sh\n: > '${started}'\nwhile [ ! -e '${release}' ]; do sleep 0.1; done\necho "advup2_6: completed"\n`);
  chmodSync(advup(sb), 0o755);
  return { started, release };
}

const journal = (sb: GroupmaxSandbox): JournalEvent[] => {
  const file = join(sb.logs, readdirSync(sb.logs).find((f) => f.endsWith('.jsonl')) as string);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JournalEvent);
};
const report = (sb: GroupmaxSandbox): string => readFileSync(join(sb.logs, readdirSync(sb.logs).find((f) => f.endsWith('.md')) as string), 'utf8');
const lastStop = (events: JournalEvent[]) => events.filter((e): e is Extract<JournalEvent, { type: 'interrupted' }> => e.type === 'interrupted').at(-1);
const advupCommands = (events: JournalEvent[]) => events.filter((e) => (e.type === 'command-start' || e.type === 'command') && e.step === 'advup2-6');

const words = {
  en: {
    second: '*** SIGTERM again: killing the running command.',
    summary: /The run was stopped twice by signal \(SIGTERM twice\): step 9 "[^"]+" \(advup2-6\) was killed and is not done\./,
    reason: 'SIGTERM received twice (kill from another session, a shutdown, a service manager stopping the wizard): the running command was killed',
    detail: 'advup2_6 was killed after a second SIGTERM',
    ctrlC: /Ctrl-C (pressed )?twice|second Ctrl-C/,
    killed: /\| advup2-6 \| `advup2_6` \| killed by SIG(TERM|KILL) \| \d+\.\d \|/,
    notFound: '| advup2-6 | `advup2_6` | not found |',
  },
  ja: {
    second: '*** 再度の SIGTERM: 実行中のコマンドを強制終了します。',
    summary: /シグナルにより 2 回停止を求められました \(SIGTERM 2 回\)。ステップ 9「[^」]+」\(advup2-6\) は強制終了され、完了していません。/,
    reason: 'SIGTERM を 2 回受信したため (別のセッションからの kill、シャットダウン、サービス管理によるウィザードの停止など) 実行中のコマンドを強制終了',
    detail: '2 回目の SIGTERM で advup2_6 を強制終了しました',
    ctrlC: /Ctrl-C (が )?2 回|2 回目の Ctrl-C/,
    killed: /\| advup2-6 \| `advup2_6` \| SIG(TERM|KILL) で強制終了 \| \d+\.\d \|/,
    notFound: '| advup2-6 | `advup2_6` | 見つかりません |',
  },
} as const;

describe.each(['en', 'ja'] as const)('resume --yes stopped by SIGTERM twice (%s)', (lang) => {
  it('kills the running command and says SIGTERM, not Ctrl-C, in the summary, the journal and the report', async () => {
    const sb = await stoppedAtReboot(lang);
    const { started, release } = holdAdvup(sb);
    const child = startCli(['resume', '--yes', ...place(sb), '--lang', lang], sb.env);
    await until(() => existsSync(started) && advupCommands(journal(sb)).length === 1);
    // kill PID from another session: the wizard alone, not its process group.
    const noticed = printed(child, '*** SIGTERM');
    process.kill(child.pid as number, 'SIGTERM');
    await noticed;
    process.kill(child.pid as number, 'SIGTERM');
    const r = await child;
    writeFileSync(release, '');
    const out = String(r.stdout);
    expect(r.exitCode, out + String(r.stderr)).toBe(1);
    expect(out).toContain(words[lang].second);
    expect(out).toMatch(words[lang].summary);
    expect(out).not.toMatch(words[lang].ctrlC);

    const events = journal(sb);
    expect(lastStop(events)).toMatchObject({ step: 'advup2-6', reason: words[lang].reason });
    expect(events.filter((e) => e.type === 'step-end' && e.step === 'advup2-6').at(-1)).toMatchObject({ status: 'failed', detail: words[lang].detail });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'stopped' });

    const md = report(sb);
    expect(md).toContain(words[lang].reason);
    expect(md).not.toMatch(words[lang].ctrlC);
    expect(md).toMatch(words[lang].killed);
  }, 120_000);
});

describe.each(['en', 'ja'] as const)('a command that is not on PATH (%s)', (lang) => {
  it('reads "not found" in the Exit column of the report, not "?"', async () => {
    const sb = await stoppedAtReboot(lang);
    rmSync(advup(sb));
    const r = await runCli(['resume', '--yes', ...place(sb), '--lang', lang], { env: sb.env });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expect(advupCommands(journal(sb)).at(-1)).toMatchObject({ type: 'command', exitCode: null, spawnError: 'ENOENT' });
    const md = report(sb);
    expect(md).toContain(words[lang].notFound);
    expect(md).not.toMatch(/\| \? \|/);
  }, 120_000);
});

/** The wizard's node process, by the log dir in its arguments. */
async function wizardPid(sb: GroupmaxSandbox): Promise<number> {
  const ps = await execa('ps', ['-eo', 'pid=,comm=,args=']);
  const line = ps.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find(([, comm, ...args]) => comm === 'node' && args.includes(sb.logs));
  expect(line).toBeDefined();
  return Number(line?.[0]);
}

function wizard(sb: GroupmaxSandbox): Promise<Tmux> {
  const env = { PATH: sb.env.PATH ?? '', TERM: 'xterm-256color', LANG: 'C.UTF-8', HOME: sb.dir };
  return Tmux.start([process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), '--lang', 'en', ...place(sb)], { width: 100, height: 30, env, waitTimeoutMs: 60_000 });
}

describe.skipIf(!hasTmux)('the screens stopped by SIGTERM', () => {
  it('twice while advup2_6 runs: the summary on the screen and printed after it, the journal and the report say SIGTERM', async () => {
    const sb = await stoppedAtReboot('en');
    // advup2_6 fails once (the run stops there, to be resumed on the welcome), then is held.
    const fail = join(sb.dir, 'advup-fail');
    const { started, release } = holdAdvup(sb);
    const held = readFileSync(advup(sb), 'utf8');
    writeFileSync(advup(sb), `#!/bin/sh\nif [ -e '${fail}' ]; then echo "KAKD012-E: conversion failed"; exit 3; fi\n${held.replace('#!/bin/sh\n', '')}`);
    writeFileSync(fail, '');
    expect((await runCli(['resume', '--yes', ...place(sb), '--lang', 'en'], { env: sb.env })).exitCode).toBe(1);
    rmSync(fail);

    const t = await wizard(sb);
    await t.waitFor('Resume the interrupted run');
    await t.keys('Enter');
    // The failed attempt's start and end, and this one's start.
    await until(() => existsSync(started) && advupCommands(journal(sb)).length === 3);
    const pid = await wizardPid(sb);
    process.kill(pid, 'SIGTERM');
    await t.waitFor('Stopping after this step');
    process.kill(pid, 'SIGTERM');
    const screen = (await t.waitFor('was killed and is not done')).replace(/\s+/g, ' ');
    writeFileSync(release, '');
    expect(screen).toContain('The run was stopped twice by signal (SIGTERM twice): step 9');
    await t.keys('q');
    expect(await t.exitStatus()).toBe(1);
    const history = (await t.history()).replace(/\s+/g, ' ');
    expect(history).toContain('The run was stopped twice by signal (SIGTERM twice): step 9');
    expect(history).not.toMatch(words.en.ctrlC);
    expect(lastStop(journal(sb))).toMatchObject({ step: 'advup2-6', reason: words.en.reason });
    expect(report(sb)).toMatch(words.en.killed);
  }, 180_000);

  it('once at a checkpoint: answered "stop" at once and journaled as SIGTERM, as at the line prompts', async () => {
    const sb = await stoppedAtReboot('en');
    const t = await wizard(sb);
    await t.waitFor('Resume without the reboot');
    await t.keys('Down', 'Enter');
    await t.waitFor(/▸ +5\. \[manual\]/);
    process.kill(await wizardPid(sb), 'SIGTERM');
    await t.waitFor('The run stopped: step 5');
    const stop = lastStop(journal(sb));
    expect(stop).toMatchObject({ declined: true });
    expect(stop?.reason).toContain('SIGTERM received (e.g. a shutdown) while the wizard waited for the operator');
    await t.keys('q');
    expect(await t.exitStatus()).toBe(1);
  }, 180_000);
});
