// The export of every product with the answers the export tests use (sandboxes, --set): shared by
// the syntax-check and ansible-lint tests. Each maker exports into a fresh directory.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from './cli.js';
import { makeSandbox, placeArgs, sandboxEnv } from './sandbox.js';
import { buildClusterproSandbox } from './clusterpro-sandbox.js';
import { buildJobcenterSandbox } from './jobcenter-sandbox.js';
import { groupmaxSandbox } from './groupmax-sandbox.js';
import { iplanetSandbox, INSTANCE, SLAPD, WEB_INSTANCE, WEB_ROOT } from './iplanet-sandbox.js';

const sets = (...v: string[]): string[] => v.flatMap((s) => ['--set', s]);
/** The iPlanet bind password, given through the environment: never in the exported files. */
export const BIND_PASSWORD = 'Bind-Secret-77';

async function exportTo(out: string, args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return runCli(['export', '--format', 'ansible', '-o', out, ...args], { env });
}

export interface ProductExport {
  out: string;
  result: CliResult;
}

/** [product, export it]: cleanup is pushed onto `cleanups` (call them in afterAll). */
export function productExports(cleanups: (() => void)[]): [string, () => Promise<ProductExport>][] {
  const removeLater = (dir: string): void => void cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return [
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
        return { out, result: await exportTo(out, [...args, ...answers], { ...sb.env, UPGRADE_WIZARD_SECRET_BIND_PASSWORD: BIND_PASSWORD }) };
      },
    ],
  ];
}
