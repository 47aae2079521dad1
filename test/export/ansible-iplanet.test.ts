// The exported iPlanet playbook (store_mounted=no), run by ansible-playbook against a sandbox
// server: the message store comes back under its own name with its mail (never nested inside the
// empty directory made in its place, which rmdir removed first: nothing left aside), the backup of the
// upgrade's result finds its directory, the server-root archive leaves the moved store out as the
// wizard's does, and the configuration differences are shown. Without anyone at a terminal the
// play stops before its first change, saying why.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli } from '../helpers/cli.js';
import { ansiblePlaybook, runPlaybook, type AnsibleResult } from '../helpers/ansible.js';
import { iplanetSandbox, INSTANCE, SLAPD, WEB_INSTANCE, WEB_ROOT, type IplanetSandbox } from '../helpers/iplanet-sandbox.js';

const PW = 'Bind-Secret-31';
const sets = ['from=5.1', `msg_instance=${INSTANCE}`, `slapd_instances=${SLAPD}`, 'delegated_admin=no', 'directory_server_version=4.16', 'store_mounted=no', 'ldif_exports=yes', 'ug_suffix=o=siroe.com', 'web_server=yes', `webserver_root=${WEB_ROOT}`, `web_instance=${WEB_INSTANCE}`];

async function exportPlaybook(sb: IplanetSandbox): Promise<string> {
  const out = join(sb.dir, 'pb');
  const r = await runCli(['export', '--format', 'ansible', '-o', out, '--product', 'iplanet-messaging', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs, ...sets.flatMap((s) => ['--set', s])], {
    // The export needs every answer to decide the plan; the secret is never written into it.
    env: { ...sb.env, UPGRADE_WIZARD_SECRET_BIND_PASSWORD: PW },
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return out;
}

async function play(sb: IplanetSandbox, out: string, vars: Record<string, unknown>): Promise<AnsibleResult> {
  const extra = JSON.stringify({ upgrade_wizard: [process.execPath, join(repoRoot, 'bin/upgrade-wizard.js')], upgrade_become: false, secret_bind_password: PW, ...vars });
  return runPlaybook(out, ['-i', 'inventory.example.ini', '-c', 'local', '-e', extra, 'playbook.yml'], { ...sb.env, LANG: 'C.UTF-8' });
}

const tarList = async (archive: string): Promise<string[]> => String((await execa('tar', ['tzf', archive])).stdout).split('\n');

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
const sandbox = (): IplanetSandbox => {
  const sb = iplanetSandbox({ queued: true, password: PW });
  cleanups.push(() => rmSync(sb.dir, { recursive: true, force: true }));
  return sb;
};

describe.skipIf(!ansiblePlaybook)('export --format ansible of iPlanet, run by ansible-playbook', () => {
  let sb: IplanetSandbox;
  let played: AnsibleResult;
  const bk = (): string => join(sb.root, 'var/tmp/ims52-upgrade');

  beforeAll(async () => {
    sb = sandbox();
    // The operator's setup -k (a manual step) leaves backup.TIMESTAMP and the new files.
    sb.afterUpgrade();
    played = await play(sb, await exportPlaybook(sb), { upgrade_confirm_unseen: true });
  }, 600_000);

  it('runs to the end', () => {
    expect(played.exitCode, played.output.slice(-4000)).toBe(0);
  });

  it('runs the hosts of the group one after another, each pause naming its host', () => {
    const plays = parse(readFileSync(join(sb.dir, 'pb', 'playbook.yml'), 'utf8')) as { serial?: number; tasks: { block?: Record<string, unknown>[] }[] }[];
    expect(plays.map((p) => p.serial)).toEqual([1]);
    const tasks = plays.flatMap((p) => p.tasks.flatMap((t) => [t as Record<string, unknown>, ...(t.block ?? [])]));
    const prompts = tasks.map((t) => (t['ansible.builtin.pause'] as { prompt?: string } | undefined)?.prompt).filter((p) => p !== undefined);
    expect(prompts.length).toBeGreaterThan(3);
    for (const p of prompts) expect(p.startsWith('[{{ inventory_hostname }}] ')).toBe(true);
    expect(played.output).toContain('[localhost] Watch the message queue');
  });

  it('puts the message store back under its own name, the empty directory removed rather than kept aside', () => {
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
    expect(existsSync(join(sb.store, 'primary.pre-5.2'))).toBe(false);
    expect(existsSync(`${sb.store}.pre-5.2`)).toBe(false);
    expect(readdirSync(dirname(sb.store))).toEqual(['primary']);
  });

  it('saves the result of the upgrade into a directory it creates', async () => {
    expect(await tarList(join(bk(), 'after-upgrade', 'setup.tar.gz'))).toContain('setup/msg/upgrade.log');
    expect(readFileSync(join(bk(), 'after-upgrade', 'adm.conf'), 'utf8')).toContain('ldapurl');
  });

  it('leaves the moved store out of the server-root archive, as the wizard does', async () => {
    const archived = await tarList(join(bk(), 'server-root.tar.gz'));
    expect(archived).toContain('server5/msg-budgie/config/local.conf');
    expect(archived.some((n) => n.includes('primary.pre-5.2'))).toBe(false);
    expect(archived.some((n) => n.endsWith('/1.msg'))).toBe(false);
  });

  it('shows the configuration differences that the next manual step applies', () => {
    expect(played.output).toContain('-  ! site rule: reject the old relay');
    expect(played.output).toMatch(/Only in \S*imta\/config: option\.dat/);
  });
});

describe.skipIf(!ansiblePlaybook)('export --format ansible of iPlanet without a terminal', () => {
  it('stops before the first change unless upgrade_confirm_unseen is set, and says why', async () => {
    const sb = sandbox();
    sb.afterUpgrade();
    const out = await exportPlaybook(sb);
    const r = await play(sb, out, {});
    expect(r.exitCode).not.toBe(0);
    expect(r.output).toContain('nobody typed yes at a terminal');
    expect(r.output).toContain('upgrade_confirm_unseen=true');
    expect(sb.calls()).toEqual([]);
    expect(existsSync(join(sb.root, 'var/tmp/ims52-upgrade'))).toBe(false);
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
    // --tags picks steps; the refusal still runs.
    const plays = parse(readFileSync(join(out, 'playbook.yml'), 'utf8')) as { tasks: { name: string; tags?: string[]; block?: unknown[] }[] }[];
    const guards = (plays[0]?.tasks ?? []).filter((t) => !t.block);
    expect(guards.map((t) => t.tags)).toEqual([['always'], ['always']]);
    // The secret's file is made and removed under any --tags; the steps keep only their own tag.
    const block = (plays[0]?.tasks ?? []).find((t) => t.block) as { tags?: string[]; block: { name: string; tags: string[] }[]; always: { tags: string[] }[] };
    expect(block.tags).toBeUndefined();
    expect(block.block.filter((t) => t.tags.includes('always')).map((t) => t.name)).toEqual(['Create the 0600 file of bind_password', 'Write bind_password into its file']);
    expect(block.always.map((t) => t.tags)).toEqual([['always']]);
    const byTag = await runPlaybook(out, ['-i', 'inventory.example.ini', '-c', 'local', '-e', JSON.stringify({ upgrade_become: false, secret_bind_password: PW }), '--tags', 'save-results', 'playbook.yml'], { ...sb.env, LANG: 'C.UTF-8' });
    expect(byTag.exitCode).not.toBe(0);
    expect(byTag.output).toContain('nobody typed yes at a terminal');
    expect(existsSync(join(sb.root, 'var/tmp/ims52-upgrade'))).toBe(false);
  }, 600_000);
});
