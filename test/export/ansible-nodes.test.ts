// The multi-node exports: a CLUSTERPRO rolling update is server 2's play, then server 1's; a
// JobCenter UNIX version-up is the standby node's play, then the active node's; each play runs
// its hosts one after another and holds exactly that node's plan (checked against `plan --json`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { buildClusterproSandbox } from '../helpers/clusterpro-sandbox.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';

interface Play {
  name: string;
  hosts: string;
  serial?: number;
  tasks: { name: string; tags: string[]; 'ansible.builtin.fail'?: unknown }[];
}

const tmp = mkdtempSync(join(tmpdir(), 'uw-nodes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Step ids of a play, in order (each step's tasks carry its id as their tag; guards are 'always'). */
const stepIds = (p: Play): string[] => [...new Set(p.tasks.flatMap((t) => t.tags ?? []))].filter((tag) => tag !== 'always');

/** --start-at-task starts at the first task of that name: no name may repeat across the plays. */
function expectUniqueNames(plays: Play[]): void {
  const names = plays.flatMap((p) => p.tasks.map((t) => t.name));
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
}

async function planIds(args: string[], env: Record<string, string | undefined>): Promise<string[]> {
  const r = await runCli(['plan', '--json', ...args], { env });
  expect(r.exitCode, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { steps: { id: string }[] }).steps.map((s) => s.id);
}

describe('export --format ansible of a CLUSTERPRO rolling update', () => {
  const s = buildClusterproSandbox({ installed: '2.1.2-1' });
  const sets = ['component=server', 'mode=rolling', 'arch=x86_64', 'product=x2', 'from=2.1.2-1', 'replicator=no', 'kernel_update=no', 'webmanager=no', 'servers=node1,node2'];
  const args = ['--product', 'clusterpro', '--root', s.root, '--media', s.media, '--log-dir', s.logs, ...sets.flatMap((v) => ['--set', v])];
  const out = join(tmp, 'clp');

  it('has server 2 first, then server 1, one host at a time, each with its own plan', async () => {
    const r = await runCli(['export', '--format', 'ansible', '-o', out, ...args], { env: s.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const plays = parse(readFileSync(join(out, 'playbook.yml'), 'utf8')) as Play[];
    expect(plays.map((p) => [p.hosts, p.serial])).toEqual([
      ['server2', 1],
      ['server1', 1],
    ]);
    expect(stepIds(plays[0] as Play)).toEqual(await planIds([...args, '--set', 'server=server2'], s.env));
    expect(stepIds(plays[1] as Play)).toEqual(await planIds([...args, '--set', 'server=server1'], s.env));
    expect(stepIds(plays[0] as Play).some((id) => id.startsWith('r2-'))).toBe(true);
    expect(stepIds(plays[1] as Play).some((id) => id.startsWith('r1-'))).toBe(true);
    expectUniqueNames(plays);
    // No play refuses to start: the order between the servers is the playbook's own.
    for (const p of plays) expect(p.tasks.some((t) => t['ansible.builtin.fail'] !== undefined)).toBe(false);
    const inventory = readFileSync(join(out, 'inventory.example.ini'), 'utf8');
    expect(inventory.indexOf('[server2]')).toBeGreaterThanOrEqual(0);
    expect(inventory.indexOf('[server1]')).toBeGreaterThan(inventory.indexOf('[server2]'));
  }, 120_000);
});

describe('export --format ansible of a JobCenter UNIX version-up', () => {
  const s = buildJobcenterSandbox();
  const sets = ['cluster=unix', 'operation=versionup', 'from=R12.8', 'to=R13.2'];
  const args = ['--product', 'jobcenter', '--root', s.root, '--media', s.media, '--log-dir', s.logs, ...sets.flatMap((v) => ['--set', v])];
  const out = join(tmp, 'jc');

  it('has the standby node first, then the active node, the active one not refused for want of a standby run', async () => {
    const r = await runCli(['export', '--format', 'ansible', '-o', out, ...args], { env: s.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const plays = parse(readFileSync(join(out, 'playbook.yml'), 'utf8')) as Play[];
    expect(plays.map((p) => [p.hosts, p.serial])).toEqual([
      ['standby', 1],
      ['active', 1],
    ]);
    expect(stepIds(plays[0] as Play)).toEqual(await planIds([...args, '--set', 'role=standby'], s.env));
    expect(stepIds(plays[1] as Play)).toEqual(await planIds([...args, '--set', 'role=active'], s.env));
    expectUniqueNames(plays);
    expect(plays[0]?.tasks.find((t) => t.tags.includes('always'))?.name).toMatch(/^\[standby\] /);
    for (const p of plays) expect(p.tasks.some((t) => t['ansible.builtin.fail'] !== undefined)).toBe(false);
    expect(existsSync(join(out, 'README.md'))).toBe(true);
  }, 120_000);
});
