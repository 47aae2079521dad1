// The sample ShareTask server of src/demo in a temp dir, and the wizard run against it.
import { chmodSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShareTaskSandbox, readCalls, sandboxEnv, type Sandbox, type SandboxOptions } from '../../src/demo/sandbox.js';
import { repoRoot, runCli, type CliResult } from './cli.js';
import { Tmux } from './tmux.js';

export type { Sandbox } from '../../src/demo/sandbox.js';
export { readCalls, sandboxEnv };

export async function makeSandbox(options: SandboxOptions = {}): Promise<Sandbox & { cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'uw-sandbox-'));
  const sb = await createShareTaskSandbox(join(dir, 'sb'), options);
  return { ...sb, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** --root, --log-dir (and --media where it applies) of the sandbox. */
export function placeArgs(sb: Sandbox, media = true): string[] {
  return ['--root', sb.root, ...(media ? ['--media', sb.media] : []), '--log-dir', sb.logDir];
}

/** `--set Q=V` for every answer of the sandbox's server. */
export function answerArgs(sb: Sandbox): string[] {
  return Object.entries(sb.answers).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
}

/** The binary with the stand-ins first on PATH. */
export function runIn(sb: Sandbox, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { env: { ...sandboxEnv(sb.dir), ...env } });
}

/** `run --product sharetask --yes` with every answer, in the sandbox. */
export function runSharetask(sb: Sandbox, extra: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', ...placeArgs(sb), ...extra], env);
}

/** `service httpd stop` fails while the returned flag file (made now) exists; every other call goes to the stand-in. */
export function failHttpdStop(sb: Sandbox): string {
  const flag = join(sb.state, 'fail-httpd');
  renameSync(join(sb.bin, 'service'), join(sb.bin, 'service.real'));
  writeFileSync(
    join(sb.bin, 'service'),
    `#!/bin/sh\nif [ -e '${flag}' ] && [ "$1 $2" = "httpd stop" ]; then echo "httpd: could not stop (pid file locked)" >&2; exit 1; fi\nexec '${join(sb.bin, 'service.real')}' "$@"\n`,
  );
  chmodSync(join(sb.bin, 'service'), 0o755);
  writeFileSync(flag, '');
  return flag;
}

/** The binary typed at a 100x30 terminal (tmux) in English, with the sandbox's stand-ins, root and log dir. */
export function atTerminal(sb: Sandbox, args: string[]): Promise<Tmux> {
  const env = Object.entries({ ...sandboxEnv(sb.dir), LANG: 'C.UTF-8' }).map(([k, v]) => `${k}=${v}`);
  return Tmux.start(['env', ...env, process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), ...args, '--root', sb.root, '--log-dir', sb.logDir, '--lang', 'en'], {
    cwd: repoRoot,
    width: 100,
    height: 30,
    waitTimeoutMs: 60000,
  });
}

/** What a finished ShareTask upgrade leaves in the sandbox, summed up for comparison. */
export async function upgradedState(sb: Sandbox): Promise<Record<string, unknown>> {
  const { existsSync, readFileSync, readlinkSync, statSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const home = join(sb.root, 'opt/sharetask');
  const server = join(home, `sharetask_server-${sb.newVersion}`);
  const read = (p: string): string => (existsSync(p) ? readFileSync(p, 'utf8') : '<missing>');
  const archive = join(sb.root, 'tmp/sharetask_bkup.tar.gz');
  const listing = existsSync(archive) ? execFileSync('tar', ['tzf', archive]).toString().split('\n') : [];
  const owner = (p: string): number | string => (existsSync(p) ? statSync(p).uid : '<missing>');
  const system = read(join(server, 'conf/system.conf'));
  const sudoers = read(join(sb.root, 'etc/sudoers'));
  return {
    link: readlinkSync(join(home, 'sharetask_server')),
    customOld: read(join(home, 'custom.OLD/NAB/index.cgi')).includes('custom NAB 2023'),
    customNew: read(join(home, 'custom/NAB/index.cgi')).includes('custom NAB 2024-04-01'),
    sharetaskDb: system.includes(`SHARETASK_DB = stask_mpi:localhost:5432:stask_mpi:${sb.dbpass}:disable`),
    custom: /^CUSTOM = NAB$/m.test(system),
    suid: /^SUID_METHOD = sudo$/m.test(system),
    shippedConfKept: existsSync(join(server, 'conf.ORG/system.conf')),
    dirs: ['sharetask_users', 'sharetask_template', 'sharetask_rra', 'sharetask_rra/status', 'sharetask_rra/image_cache'].map((d) => owner(join(home, d))),
    backupHasRealTree: listing.includes('sharetask/sharetask_server-5.4.3/conf/db.conf') && listing.includes('sharetask/pgsql/data/PG_VERSION'),
    initScriptsSaved: existsSync(join(sb.root, 'tmp/sharetaskd')) && existsSync(join(sb.root, 'tmp/stlogd')),
    sudoersBlock: sudoers.includes('Cmnd_Alias SHARETASK = ') && sudoers.includes(`${sb.webUser} ALL=(ALL) NOPASSWD: SHARETASK`) && sudoers.includes(`Defaults:${sb.webUser} !requiretty`),
    sysconfig: existsSync(join(sb.root, 'etc/sysconfig/sharetaskd')) && existsSync(join(sb.root, 'etc/sysconfig/stlogd')),
    chkconfigOn: ['httpd', 'postgresql', 'memcached', 'sharetaskd', 'stlogd'].every((s) => existsSync(join(sb.state, `chkconfig-${s}`))),
    running: ['httpd', 'postgresql', 'memcached', 'sharetaskd', 'stlogd'].every((s) => existsSync(join(sb.state, 'running', s))),
  };
}

/** The state upgradedState gives after a complete upgrade of a default sandbox. */
export function expectedUpgradedState(sb: Sandbox, uid: number): Record<string, unknown> {
  return {
    link: `sharetask_server-${sb.newVersion}`,
    customOld: true,
    customNew: true,
    sharetaskDb: true,
    custom: true,
    suid: true,
    shippedConfKept: true,
    dirs: [uid, uid, uid, uid, uid],
    backupHasRealTree: true,
    initScriptsSaved: true,
    sudoersBlock: true,
    sysconfig: true,
    chkconfigOn: true,
    running: true,
  };
}
