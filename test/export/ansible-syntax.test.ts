// Every product exports a playbook that `ansible-playbook --syntax-check` accepts; a secret answer
// (the iPlanet bind password) is asked by vars_prompt and never written into the files.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, type CliResult } from '../helpers/cli.js';
import { ansiblePlaybook, runPlaybook } from '../helpers/ansible.js';
import { makeSandbox, placeArgs, sandboxEnv } from '../helpers/sandbox.js';
import { buildClusterproSandbox } from '../helpers/clusterpro-sandbox.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { iplanetSandbox, INSTANCE, SLAPD, WEB_INSTANCE, WEB_ROOT } from '../helpers/iplanet-sandbox.js';

const sets = (...v: string[]): string[] => v.flatMap((s) => ['--set', s]);
const PW = 'Bind-Secret-77';
const cleanups: (() => void)[] = [];
const removeLater = (dir: string): void => void cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => cleanups.forEach((c) => c()));

async function exportTo(out: string, args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return runCli(['export', '--format', 'ansible', '-o', out, ...args], { env });
}

const products: [string, () => Promise<{ out: string; result: CliResult }>][] = [
  [
    'sharetask',
    async () => {
      const sb = await makeSandbox();
      cleanups.push(() => sb.cleanup());
      const out = join(sb.dir, 'pb');
      return { out, result: await exportTo(out, ['--product', 'sharetask', ...placeArgs(sb)], sandboxEnv(sb.dir)) };
    },
  ],
  [
    'groupmax',
    async () => {
      const sb = groupmaxSandbox();
      removeLater(sb.dir);
      const out = join(sb.dir, 'pb');
      const args = ['--product', 'groupmax', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...sets('from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes')];
      return { out, result: await exportTo(out, args, sb.env) };
    },
  ],
  [
    'clusterpro',
    async () => {
      const s = buildClusterproSandbox({ installed: '2.1.2-1' });
      removeLater(s.dir);
      const out = join(s.dir, 'pb');
      const args = ['--product', 'clusterpro', '--root', s.root, '--media', s.media, '--log-dir', s.logs];
      return { out, result: await exportTo(out, [...args, ...sets('component=server', 'mode=update', 'arch=x86_64', 'product=x2', 'from=2.1.2-1', 'replicator=no', 'kernel_update=no', 'webmanager=no', 'servers=node1,node2')], s.env) };
    },
  ],
  [
    'jobcenter',
    async () => {
      const s = buildJobcenterSandbox();
      removeLater(s.dir);
      const out = join(s.dir, 'pb');
      return { out, result: await exportTo(out, ['--product', 'jobcenter', '--root', s.root, '--media', s.media, '--log-dir', s.logs, ...sets('cluster=unix', 'operation=rolling-patch', 'from=R13.2', 'to=R13.2.1')], s.env) };
    },
  ],
  [
    'iplanet-messaging',
    async () => {
      const sb = iplanetSandbox();
      removeLater(sb.dir);
      const out = join(sb.dir, 'pb');
      const args = ['--product', 'iplanet-messaging', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs];
      const answers = sets('from=5.1', `msg_instance=${INSTANCE}`, `slapd_instances=${SLAPD}`, 'delegated_admin=no', 'directory_server_version=4.16', 'store_mounted=no', 'ldif_exports=yes', 'ug_suffix=o=siroe.com', 'web_server=yes', `webserver_root=${WEB_ROOT}`, `web_instance=${WEB_INSTANCE}`);
      return { out, result: await exportTo(out, [...args, ...answers], { ...sb.env, UPGRADE_WIZARD_SECRET_BIND_PASSWORD: PW }) };
    },
  ],
];

describe.skipIf(!ansiblePlaybook)('ansible-playbook --syntax-check of every product', () => {
  for (const [product, make] of products) {
    it(product, async () => {
      const { out, result } = await make();
      expect(result.exitCode, result.stderr).toBe(0);
      const check = await runPlaybook(out, ['--syntax-check', '-i', 'inventory.example.ini', 'playbook.yml']);
      expect(check.exitCode, check.output).toBe(0);
      for (const f of readdirSync(out, { recursive: true }) as string[]) {
        if (f.endsWith('.yml') || f.endsWith('.md') || f.endsWith('.ini')) expect(readFileSync(join(out, f), 'utf8')).not.toContain(PW);
      }
      if (product === 'iplanet-messaging') {
        const plays = parse(readFileSync(join(out, 'playbook.yml'), 'utf8')) as { vars_prompt?: { name: string; private: boolean }[] }[];
        expect(plays[0]?.vars_prompt).toEqual([expect.objectContaining({ name: 'secret_bind_password', private: true })]);
      }
    }, 120_000);
  }
});
