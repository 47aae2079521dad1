// The real binary (`npx tsc -p .` first) on a sandbox CLUSTERPRO server 2 (rolling update): the
// shutdown steps take down the machine the wizard runs on, so the restart step after them may
// find the restart already done. A reboot is faked as the other tests do: the boot id the journal
// holds is replaced by another one. Also: a resume that goes on without the restart says so in
// the report, and a Japanese report says its status words in Japanese.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { bootId } from '../../src/run/boot-id.js';
import { runCli } from '../helpers/cli.js';
import { buildClusterproSandbox, type ClusterproSandbox } from '../helpers/clusterpro-sandbox.js';

const OTHER_BOOT = '00000000-0000-0000-0000-000000000000';
const place = (s: ClusterproSandbox): string[] => ['--root', s.root, '--log-dir', s.logs];
const run = (s: ClusterproSandbox, webmanager: 'yes' | 'no', lang: 'en' | 'ja' = 'en') =>
  runCli(['--lang', lang, 'run', '--product', 'clusterpro', '--yes', ...place(s), '--media', s.media, ...['component=server', 'mode=rolling', `webmanager=${webmanager}`, 'servers=node1,node2'].flatMap((v) => ['--set', v])], { env: s.env });
const resume = (s: ClusterproSandbox, ...extra: string[]) => runCli(['resume', '--yes', ...place(s), ...extra], { env: s.env });
const server2 = (): ClusterproSandbox => buildClusterproSandbox({ installed: '2.1.0-1', arch: 'x86_64', hostname: 'node2' });

function runFile(s: ClusterproSandbox, ext: string): string {
  const name = readdirSync(s.logs).find((f) => f.endsWith(ext));
  if (!name) throw new Error(`no *${ext} in ${s.logs}`);
  return join(s.logs, name);
}
const journalEvents = (s: ClusterproSandbox): JournalEvent[] =>
  readFileSync(runFile(s, '.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEvent);
/** As after a restart of the machine: the boot ids journaled so far are of an earlier boot. */
function fakeReboot(s: ClusterproSandbox): void {
  const file = runFile(s, '.jsonl');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`"boot":"${bootId()}"`);
  writeFileSync(file, text.replaceAll(bootId(), OTHER_BOOT));
}
/** The journal as the process left it when the machine went down during `step`: up to its start. */
function cutAtStart(s: ClusterproSandbox, step: string): void {
  const file = runFile(s, '.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const at = lines.findIndex((l) => (JSON.parse(l) as JournalEvent).type === 'step-start' && l.includes(`"step":"${step}"`));
  expect(at).toBeGreaterThan(0);
  writeFileSync(file, lines.slice(0, at + 1).map((l) => `${l}\n`).join(''));
}
const rpmCalls = (s: ClusterproSandbox): string[] => s.calls().filter((c) => c.startsWith('rpm -U'));
const stepRow = (report: string, id: string): string => report.split('\n').find((l) => l.includes(`(${id}) |`)) ?? '';

describe('clusterpro: the restart after a shutdown step', () => {
  test('WebManager: the server was shut down before the step was confirmed; on resume the step is asked again and the restart counts as done', async () => {
    const s = server2();
    const first = await run(s, 'yes');
    expect(first.exitCode, first.stderr + first.stdout).toBe(0);
    // What the operator reads at the checkpoint: confirm first, then shut down.
    expect(first.stdout).toContain('Confirm this step first, then run the shutdown of server 2 from WebManager.');
    cutAtStart(s, 'r2-down-webmanager');
    fakeReboot(s);

    const again = await resume(s);
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).toContain('step r2-down-webmanager was waiting for the operator when the run stopped: it is asked again');
    expect(again.stdout).toContain('the machine has already restarted since step r2-down-webmanager (Shut server 2 down from WebManager) began');
    // It went on to the update and stopped only at the next restart, which comes after new work.
    expect(rpmCalls(s)).toEqual([`rpm -U ${s.media}/clusterpro-2.1.3-1.x86_64.rpm`]);
    expect(again.stdout).toContain('The run stopped for the restart of step 8 "Restart server 2" (r2-reboot)');
    const report = readFileSync(runFile(s, '.md'), 'utf8');
    expect(stepRow(report, 'r2-restart')).toContain('| done |');
    expect(stepRow(report, 'r2-restart')).toContain('restart already done: the boot id changed after step r2-down-webmanager began');
    // Not a resume without a reboot: the machine did restart.
    expect(report).not.toContain('without the reboot step');
  }, 60_000);

  test('WebManager: confirmed first, then shut down (as the step says): after the restart the run goes on without a warning', async () => {
    const s = server2();
    // Why the order matters, with the step in the plan (the review screen, the runbooks).
    const planned = await runCli(['plan', '--product', 'clusterpro', '--json', ...['component=server', 'mode=rolling', 'webmanager=yes', 'servers=node1,node2'].flatMap((v) => ['--set', v]), '--root', s.root, '--media', s.media], { env: s.env });
    const down = (JSON.parse(planned.stdout) as { steps: { id: string; explain?: string }[] }).steps.find((x) => x.id === 'r2-down-webmanager');
    expect(down?.explain).toContain('This shutdown also stops this server, where the wizard runs. Confirm the step first');
    expect((await run(s, 'yes')).exitCode).toBe(0);
    fakeReboot(s);
    const again = await resume(s);
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).not.toContain('has not been rebooted');
    expect(rpmCalls(s)).toHaveLength(1);
  }, 60_000);

  test('clpdown: the machine went down while it ran; after the restart and "skip", the restart counts as done; without a restart it is still asked for', async () => {
    for (const rebooted of [true, false]) {
      const s = server2();
      // clpdown takes the machine down, and the wizard with it, before the step is recorded.
      writeFileSync(join(s.bin, 'clpdown'), `#!/bin/sh\necho clpdown >> '${join(s.dir, 'calls.log')}'\nkill -9 $PPID\n`);
      chmodSync(join(s.bin, 'clpdown'), 0o755);
      const first = await run(s, 'no');
      expect(first.exitCode).not.toBe(0);
      // Killed with the machine before or after the command's start was journaled: begun, never ended.
      expect(journalEvents(s).at(-1)).toMatchObject({ type: expect.stringMatching(/^(step|command)-start$/), step: 'r2-clpdown' });
      if (rebooted) fakeReboot(s);

      // Asked what to do with the half-run clpdown: --yes does not decide that.
      const asked = await resume(s);
      expect(asked.exitCode).not.toBe(0);
      expect(asked.stdout).toContain('step r2-clpdown (Shut server 2 down (clpdown)) was interrupted and may have partly run');
      expect(rpmCalls(s)).toEqual([]);

      // What the step's explanation says to choose: skip (the server is down already).
      const skipped = await resume(s, '--skip-step', 'r2-clpdown');
      expect(skipped.exitCode, skipped.stderr + skipped.stdout).toBe(0);
      if (rebooted) {
        expect(skipped.stdout).toContain('the machine has already restarted since step r2-clpdown (Shut server 2 down (clpdown)) began');
        expect(rpmCalls(s)).toHaveLength(1);
        expect(skipped.stdout).toContain('(r2-reboot)');
      } else {
        // Same boot: the machine has not gone down yet, the restart is still to come.
        expect(skipped.stdout).toContain('The run stopped for the restart of step 5 "Start server 2 and log in as root" (r2-restart)');
        expect(rpmCalls(s)).toEqual([]);
      }
    }
  }, 90_000);
});

describe('clusterpro: going on without the restart', () => {
  test('resume --yes on the same boot: the report, the log and the journal say the restart was not done', async () => {
    const s = server2();
    expect((await run(s, 'no')).exitCode).toBe(0);
    const again = await resume(s);
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).toContain('has not been rebooted since step 5 (Start server 2 and log in as root)');
    const said = 'resumed at r2-rpm without the reboot step 5 (Start server 2 and log in as root) asked for: the machine had not restarted since (same boot id); resume --yes went on without asking';
    expect(readFileSync(runFile(s, '.md'), 'utf8')).toContain(said);
    expect(readFileSync(runFile(s, '.log'), 'utf8')).toContain(said);
    expect(journalEvents(s).find((e) => e.type === 'resume')).toMatchObject({ from: 'r2-rpm', boot: bootId(), withoutReboot: { step: 'r2-restart', number: 5, by: '--yes' } });
  }, 60_000);

  test('in Japanese: the report says it in Japanese, and its status words too', async () => {
    const s = server2();
    expect((await run(s, 'no', 'ja')).exitCode).toBe(0);
    const stopped = readFileSync(runFile(s, '.md'), 'utf8');
    expect(stopped).toContain('- 状態: **停止**');
    expect(stepRow(stopped, 'r2-chkconfig-del')).toContain('| 完了 |');
    expect(stepRow(stopped, 'r2-rpm')).toContain('| 未実行 |');
    expect(stopped).not.toMatch(/\| (done|failed|skipped|stopped) \|/);

    expect((await runCli(['--lang', 'ja', 'resume', '--yes', ...place(s)], { env: s.env })).exitCode).toBe(0);
    const report = readFileSync(runFile(s, '.md'), 'utf8');
    expect(report).toContain('r2-rpm から再開。ステップ 5 (サーバ2 を起動して root で login) が求めた再起動は行われていません (boot id が同じ)。resume --yes により確認なしで続行しました');
    expect(report).not.toMatch(/\| (done|failed|skipped|stopped) \|/);
  }, 60_000);
});
