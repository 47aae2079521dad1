// A sandbox Groupmax master management server for the end-to-end tests: a services file under
// the root (UNIX /etc/services, or the Windows one under a system folder with CRLF endings),
// and a recording stand-in for advup2_6 first on PATH (it appends its argv to the calls log).
// Everything else of the procedure is a confirmed checkpoint.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { callLines } from './stand-ins.js';
import type { Tmux } from './tmux.js';

export interface GroupmaxSandbox {
  dir: string;
  root: string;
  logs: string;
  /** The services file inside the root. */
  services: string;
  env: Record<string, string>;
  /** --set arguments for the platform (unix, or windows with the sandbox's system folder). */
  platformArgs: string[];
  calls(): string[];
  /** The services file now, as latin1 (bytes kept). */
  servicesText(): string;
  /** Names of the backups made beside the services file. */
  servicesBackups(): string[];
}

/** A services file like an old server's: comments, aliases, one Shift_JIS comment byte sequence. */
export const SERVICES_UNIX = 'ftp\t\t21/tcp\nssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\nsmtp\t\t25/tcp\t\tmail\n# \x83\x81\x81[\x83\x8b (mail)\n';

export function groupmaxSandbox(opts: { platform?: 'unix' | 'windows'; services?: string } = {}): GroupmaxSandbox {
  const platform = opts.platform ?? 'unix';
  const dir = mkdtempSync(join(tmpdir(), 'uw-groupmax-'));
  const root = join(dir, 'root');
  const bin = join(dir, 'bin');
  const logs = join(dir, 'logs');
  const callsLog = join(dir, 'calls.log');
  const services = platform === 'unix' ? join(root, 'etc', 'services') : join(root, 'C', 'WINNT', 'system32', 'drivers', 'etc', 'services');
  mkdirSync(dirname(services), { recursive: true });
  mkdirSync(bin, { recursive: true });
  const text = opts.services ?? (platform === 'unix' ? SERVICES_UNIX : SERVICES_UNIX.replace(/\n/g, '\r\n'));
  writeFileSync(services, Buffer.from(text, 'latin1'), { mode: 0o644 });
  writeFileSync(callsLog, '');
  const advup = join(bin, 'advup2_6');
  writeFileSync(advup, `#!/bin/sh\necho "advup2_6 $*" >> '${callsLog}'\necho "advup2_6: upgrade of the master management server data completed"\n`);
  chmodSync(advup, 0o755);
  return {
    dir,
    root,
    logs,
    services,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    platformArgs: platform === 'unix' ? ['--set', 'platform=unix'] : ['--set', 'platform=windows', '--set', 'system_root=C:\\WINNT'],
    calls: () => callLines(callsLog),
    servicesText: () => readFileSync(services).toString('latin1'),
    servicesBackups: () => (existsSync(dirname(services)) ? readdirSync(dirname(services)).filter((n) => n.startsWith('services.bak-')) : []),
  };
}

/** The wizard in a terminal at "Start the upgrade now": starts the run and confirms its checkpoints up to the reboot step. */
export async function startToReboot(t: Tmux): Promise<void> {
  await t.waitFor('Start the upgrade now');
  await t.keys('y', 'Enter');
  await t.checkpoint('Stop the address service of the master management server');
  await t.checkpoint('Stop Object Server');
  await t.checkpoint('Turn off the automatic start of the address service');
}
