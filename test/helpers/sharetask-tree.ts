// A small ShareTask machine in a temp dir, for detection, plan and CLI tests: a 5.4.3 server
// whose /home/sharetask is a symbolic link to /opt/sharetask, init scripts, an optional custom
// part, Linux clients, and a media directory with the packages of the CD.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TreeOptions {
  /** A ShareTask server (default true). */
  server?: boolean;
  from?: string;
  /** Daemons with an init script in /etc/init.d (default both). */
  daemons?: string[];
  custom?: boolean;
  /** How /home/sharetask points to /opt/sharetask: 'absolute' reads like a chroot; 'none' makes it a directory. */
  homeLink?: 'relative' | 'absolute' | 'none';
  /** A Linux client in /usr/local (sharetask -> sharetask-5.2.1.0), with the agent service or not. */
  client?: 'agent' | 'cli';
  clientFrom?: string;
  /** Running processes: names written to {root}/proc/PID/comm. */
  processes?: string[];
}

export interface MediaOptions {
  server?: string | false;
  custom?: string | false;
  license?: string | false;
  client?: string | false;
}

export interface SharetaskTree {
  dir: string;
  root: string;
  media: string;
  cleanup(): void;
}

function file(path: string, text = ''): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function makeSharetaskTree(options: TreeOptions = {}, media: MediaOptions = {}): SharetaskTree {
  const dir = mkdtempSync(join(tmpdir(), 'uw-sharetask-'));
  const root = join(dir, 'root');
  const mediaDir = join(dir, 'media');
  mkdirSync(join(root, 'tmp'), { recursive: true });
  mkdirSync(mediaDir, { recursive: true });
  const from = options.from ?? '5.4.3';

  if (options.server ?? true) {
    const link = options.homeLink ?? 'relative';
    const install = link === 'none' ? join(root, 'home/sharetask') : join(root, 'opt/sharetask');
    file(join(install, `sharetask_server-${from}/conf/system.conf`), 'SUID_METHOD = suidperl\n');
    file(join(install, `sharetask_server-${from}/conf/db.conf`), 'dbhost = localhost\ndbname = stask_mpi\n');
    symlinkSync(`sharetask_server-${from}`, join(install, 'sharetask_server'));
    file(join(install, 'data/base/1'), 'x'.repeat(4096));
    if (options.custom) file(join(install, 'custom/index.html'), 'custom\n');
    if (link !== 'none') {
      mkdirSync(join(root, 'home'), { recursive: true });
      symlinkSync(link === 'absolute' ? '/opt/sharetask' : '../opt/sharetask', join(root, 'home/sharetask'));
    }
    for (const d of options.daemons ?? ['sharetaskd', 'stlogd']) file(join(root, 'etc/init.d', d), '#!/bin/sh\n');
    for (const s of ['httpd', 'memcached', 'postgresql']) file(join(root, 'etc/init.d', s), '#!/bin/sh\n');
  }
  if (options.client !== undefined) {
    const clientFrom = options.clientFrom ?? '5.2.1.0';
    file(join(root, `usr/local/sharetask-${clientFrom}/etc/stclient.init`), 'HOST=server\n');
    symlinkSync(`sharetask-${clientFrom}`, join(root, 'usr/local/sharetask'));
    if (options.client === 'agent') file(join(root, 'etc/init.d/sharetask-agent'), '#!/bin/sh\n');
  }
  (options.processes ?? []).forEach((name, i) => file(join(root, 'proc', String(100 + i), 'comm'), `${name}\n`));

  const packages = [
    media.server === false ? undefined : `sharetask_server-${media.server ?? '5.5.1-2'}.tar.gz`,
    media.custom === false || media.custom === undefined ? undefined : `custom_${media.custom}_20120401.tar.gz`,
    media.license === false || media.license === undefined ? undefined : media.license,
    media.client === false || media.client === undefined ? undefined : `sharetask-client-${media.client}.zip`,
  ];
  for (const name of packages) if (name !== undefined) file(join(mediaDir, name), 'package\n');

  return { dir, root, media: mediaDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
