// End to end: the real binary (`npx tsc -p .` first) on a sandbox CLUSTERPRO server with
// recording stand-ins first on PATH; runs stop at every reboot of the procedure and go on with
// `resume`. Answers the wizard can detect (arch, version, product, Replicator, mirror disks,
// which server this is) are left to the detectors.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FailureChoice, Interaction, Progress } from '../../src/model/interaction.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { buildClusterproSandbox, facts, plan, type ClusterproSandbox } from '../helpers/clusterpro-sandbox.js';

const DEL = ['clusterpro_alertsync', 'clusterpro_webmgr', 'clusterpro', 'clusterpro_md', 'clusterpro_trn', 'clusterpro_evt'].map((s) => `chkconfig --del ${s}`);
const ADD = ['clusterpro_evt', 'clusterpro_trn', 'clusterpro_md', 'clusterpro', 'clusterpro_webmgr', 'clusterpro_alertsync'].map((s) => `chkconfig --add ${s}`);

function place(s: ClusterproSandbox): string[] {
  return ['--root', s.root, '--log-dir', s.logs];
}
const run = (s: ClusterproSandbox, sets: string[]) =>
  runCli(['run', '--product', 'clusterpro', '--yes', ...place(s), '--media', s.media, ...sets.flatMap((v) => ['--set', v])], { env: s.env });
const resume = (s: ClusterproSandbox) => runCli(['resume', '--yes', ...place(s)], { env: s.env });
/**
 * The calls that change the server, without the `rpm -qi clusterpro` looks (the detectors' and,
 * as the seed writes it, the check of 3.1.5).
 */
const work = (s: ClusterproSandbox): string[] => s.calls().filter((c) => c !== 'rpm -qi clusterpro');

describe('clusterpro end to end', () => {
  test('3.1.2 update on server 1: two reboots, resumed, chkconfig and rpm in order, version checked', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'x86_64', hostname: 'node1' });
    const sets = ['component=server', 'mode=update', 'webmanager=no', 'servers=node1,node2'];

    const first = await run(s, sets);
    expect(first.exitCode, first.stderr + first.stdout).toBe(0);
    // Stopped at (3): the cluster shutdown stops this server; nothing installed yet.
    expect(first.stdout).toContain('u-restart');
    expect(first.stdout).toContain('upgrade-wizard resume');
    expect(work(s)).toEqual([...DEL, 'clpstdn']);
    expect(s.autostart()).toEqual([]);
    expect(s.installed()).toBe('2.1.2-1');

    const second = await resume(s);
    expect(second.exitCode, second.stderr + second.stdout).toBe(0);
    expect(work(s)).toEqual([...DEL, 'clpstdn', `rpm -U ${s.media}/clusterpro-2.1.3-1.x86_64.rpm`, ...ADD]);
    expect(s.installed()).toBe('2.1.3-1');

    const third = await resume(s);
    expect(third.exitCode, third.stderr + third.stdout).toBe(0);
    // 3.1.5 as the seed: rpm -qi clusterpro, its Version and Release read (the last call of the run).
    expect(s.calls().slice(-1)).toEqual(['rpm -qi clusterpro']);
    expect(s.autostart()).toHaveLength(6);
    expect(third.stdout).toMatch(/verify-version/);
  }, 60_000);

  test('3.1.3 rolling update, server 2 with Replicator: mirrors RED then GREEN, waited for one by one', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.0-1', arch: 'vmware', hostname: 'node2', mirrors: ['md1', 'md2'] });
    s.mirrorRed('md1', 2);
    s.mirrorRed('md2', 1);
    const first = await run(s, ['component=server', 'mode=rolling', 'webmanager=no', 'servers=node1,node2']);
    expect(first.exitCode, first.stderr + first.stdout).toBe(0);
    // Detected: server 2 of the cluster, VMware ESX 3.5, Replicator with two mirror disks.
    expect(first.stdout).toMatch(/not recommended/);
    expect(work(s)).toEqual(['clpgrp -m', ...DEL, 'clpdown']);

    expect((await resume(s)).exitCode).toBe(0);
    expect(work(s).slice(-7)).toEqual([`rpm -U ${s.media}/clusterpro-2.1.3-1.vmware.i386.rpm`, ...ADD]);

    const last = await resume(s);
    expect(last.exitCode, last.stderr + last.stdout).toBe(0);
    const mdstat = work(s).filter((c) => c.startsWith('clpmdstat'));
    expect(mdstat).toEqual(['clpmdstat --mirror md1', 'clpmdstat --mirror md1', 'clpmdstat --mirror md1', 'clpmdstat --mirror md2', 'clpmdstat --mirror md2']);
    expect(last.stdout).toContain('r2-mirror-wait-2');
    expect(s.calls().slice(-1)).toEqual(['rpm -qi clusterpro']);
    expect(s.installed()).toBe('2.1.3-1');
    expect(last.stdout).toContain('server 1');
    // Only once server 2's part is done does its run send the operator on to server 1.
    expect(first.stdout).not.toContain('Next:');
    expect(last.stdout).toContain('Next: on server 1 (the first of node1, node2), run this wizard with server=server1 and the same other answers.');
    // Its restore point is for an update that stopped half-way: a finished run's report does not offer it.
    const report = readFileSync(join(s.logs, readdirSync(s.logs).find((f) => f.endsWith('.md')) as string), 'utf8');
    expect(report).toContain('This rollback is only for a run that stopped before its end; this run finished, so it is not offered.');
    expect(report).not.toContain('rollback --to autostart-removed');
    // Nor does the rollback command run it on the finished server.
    const calls = s.calls().length;
    const back = await runCli(['rollback', '--yes', ...place(s)], { env: s.env });
    expect(back.exitCode).toBe(2);
    expect(back.stderr).toMatch(/restore point autostart-removed \(".*"\) is only for a run that stopped before its end, and would act on the finished server\. Nothing was done\./);
    expect(s.calls().slice(calls).filter((c) => c.startsWith('chkconfig'))).toEqual([]);
  }, 90_000);

  test('3.1.4 no-stop update on server 1: suspend, init scripts in the seed order, resume, no reboot', async () => {
    const s = buildClusterproSandbox({ installed: '2.0.3-1', arch: 'i686', hostname: 'node1' });
    const r = await run(s, ['component=server', 'mode=nostop', 'webmanager=no', 'servers=node1,node2', 'replicator=no']);
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    expect(work(s)).toEqual([
      'clpstat',
      'clpcl --suspend',
      ...['clusterpro_alertsync', 'clusterpro_webmgr', 'clusterpro_trn', 'clusterpro_evt'].map((n) => `init.d/${n} stop`),
      `rpm -U ${s.media}/clusterpro-2.1.3-1.i686.rpm`,
      ...['clusterpro_evt', 'clusterpro_trn', 'clusterpro_webmgr', 'clusterpro_alertsync'].map((n) => `init.d/${n} start`),
      'clpcl --resume',
    ]);
    expect(s.calls().slice(-1)).toEqual(['rpm -qi clusterpro']);
  }, 60_000);

  test('a failed rpm -U stops the run, names the restore point, and the rollback puts the start-up settings back', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'x86_64', hostname: 'node2' });
    expect((await run(s, ['component=server', 'mode=update', 'webmanager=no', 'servers=node1,node2'])).exitCode).toBe(0);
    // server 2 runs no clpstdn: it goes down with the cluster shutdown started on server 1.
    expect(work(s)).toEqual(DEL);
    s.failNextRpm();
    const failed = await resume(s);
    expect(failed.exitCode).not.toBe(0);
    expect(failed.stdout).toContain('u-rpm');
    expect(failed.stdout).toContain('autostart-removed');
    expect(s.installed()).toBe('2.1.2-1');
    const back = await runCli(['rollback', '--to', 'autostart-removed', '--yes', ...place(s)], { env: s.env });
    expect(back.exitCode, back.stderr + back.stdout).toBe(0);
    expect(work(s).slice(-6)).toEqual(ADD);
    expect(s.autostart()).toHaveLength(6);
    // This procedure makes no backup: the end of the rollback does not speak of one as kept.
    expect(back.stdout).toContain('its steps ran. Nothing the run backed up or set aside was deleted;');
    expect(back.stdout).not.toContain('The backups stay');
  }, 60_000);

  test.each([
    ['CLUSTERPRO X 1.0', { installed: '1.0.2-1' }, /CLUSTERPRO X 1\.0/],
    ['a version the IA64 table lacks', { installed: '2.1.1-1', arch: 'ia64' as const }, /2\.1\.1-1/],
  ])('refused before anything runs: %s', async (_name, o, reason) => {
    const s = buildClusterproSandbox({ hostname: 'node1', ...o });
    const r = await run(s, ['component=server', 'mode=update', 'webmanager=no', 'servers=node1,node2']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr + r.stdout).toMatch(reason);
    expect(work(s)).toEqual([]);
  }, 30_000);

  test('3.1.5 reads the version from rpm -qi clusterpro: an rpm still at 2.1.2-1 fails the check', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', hostname: 'node1' });
    const verify = plan({ mode: 'update' }, facts({ root: s.root })).steps.find((x) => x.id === 'verify-version') as PlannedStep;
    const failures: string[] = [];
    const ui: Interaction = {
      confirmManual: async () => 'done',
      reviewDiff: async () => true,
      onFailure: async (_step, error) => {
        failures.push(error);
        return 'stop';
      },
      onOutput: () => undefined,
      onProgress: () => undefined,
    };
    const saved = process.env.PATH;
    process.env.PATH = s.env.PATH;
    try {
      const p = plan({ mode: 'update' }, facts({ root: s.root }));
      expect((await execute({ ...p, steps: [verify] }, ui, { logDir: s.logs, root: s.root, confirmedBy: '--yes' })).status).toBe('failed');
      writeFileSync(join(s.state, 'installed'), '2.1.3-1\n');
      mkdirSync(join(s.logs, 'again'));
      expect((await execute({ ...p, steps: [verify] }, ui, { logDir: join(s.logs, 'again'), root: s.root, confirmedBy: '--yes' })).status).toBe('done');
    } finally {
      process.env.PATH = saved;
    }
    expect(failures).toHaveLength(1);
    expect(s.calls()).toEqual(['rpm -qi clusterpro', 'rpm -qi clusterpro']);
  }, 30_000);

  test('a new installation on a server where CLUSTERPRO runs is refused before the kernel step', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'x86_64', hostname: 'node1' });
    const r = await run(s, ['component=server', 'mode=install', 'kernel_update=yes', 'arch=x86_64']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('CLUSTERPRO is already installed on this server');
    expect(r.stderr).toContain('nothing was done');
    expect(work(s)).toEqual([]);
    expect(s.installed()).toBe('2.1.2-1');
  }, 30_000);

  test('3.1.1 new installation, in Japanese: rpm -i of the arch given, then a reboot', async () => {
    const s = buildClusterproSandbox({ hostname: 'node1' });
    const args = ['run', '--lang', 'ja', '--product', 'clusterpro', '--yes', ...place(s), '--media', s.media];
    const r = await runCli([...args, '--set', 'component=server', '--set', 'mode=install', '--set', 'arch=ppc64'], { env: s.env });
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('CLUSTERPRO をインストール');
    expect(work(s)).toEqual([`rpm -i ${s.media}/clusterpro-2.1.3-1.ppc64.rpm`]);
    expect(s.installed()).toBe('2.1.3-1');
    const after = await runCli(['resume', '--lang', 'ja', '--yes', ...place(s)], { env: s.env });
    expect(after.exitCode, after.stderr + after.stdout).toBe(0);
    expect(after.stdout).toContain('ライセンスを登録する');
  }, 60_000);

  test('the mirror wait gives up clearly: still RED after the timeout is a failure quoting the colours', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.3-1', hostname: 'node2', mirrors: ['md1'] });
    s.mirrorRed('md1', 'forever');
    const full = plan({ mode: 'rolling', server: 'server2', replicator: 'yes', mirrors: ['md1'] }, facts({ root: s.root }));
    const wait = full.steps.find((x) => x.id === 'r2-mirror-wait') as PlannedStep;
    // The definition waits hours; the same step with a 3 s limit shows what the operator gets.
    const short = { ...wait, params: { verify: { ...(wait.params.verify as object), waitSeconds: 3, intervalSeconds: 1 } } };
    const seen: { output: string[]; progress: Progress[]; failure?: string; choices?: FailureChoice[] } = { output: [], progress: [] };
    const ui: Interaction = {
      confirmManual: async () => 'done',
      reviewDiff: async () => true,
      onFailure: async (_step, error, choices) => {
        seen.failure = error;
        seen.choices = choices;
        return 'stop';
      },
      onOutput: (_step, chunk) => void seen.output.push(chunk),
      onProgress: (_step, p) => void seen.progress.push(p),
    };
    const saved = process.env.PATH;
    process.env.PATH = s.env.PATH;
    try {
      const result = await execute({ ...full, steps: [short] }, ui, { logDir: s.logs, root: s.root, confirmedBy: '--yes' });
      expect(result.status).toBe('failed');
    } finally {
      process.env.PATH = saved;
    }
    expect(seen.failure).toMatch(/still failing after 3 s: Mirror Color +RED +GREEN/);
    expect(seen.choices).toContain('retry');
    expect(seen.output.join('\n')).toMatch(/waiting, \d\/3 s: not yet \(Mirror Color +RED +GREEN\)/);
    expect(seen.progress.length).toBeGreaterThan(0);
    expect(seen.progress.every((p) => p.unit === 'seconds' && p.total === 3)).toBe(true);
    expect(s.calls().filter((c) => c === 'clpmdstat --mirror md1').length).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
