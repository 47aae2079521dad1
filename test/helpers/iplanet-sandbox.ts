// A sandbox iPlanet Messaging Server 5.1 for the end-to-end tests. Under the root: server-root
// /usr/iplanet/server5 with the vendor's stop/start scripts, imsimta, a Directory Server
// instance (db2ldif, logs/pid, stop/start-slapd), shared/bin/ldapsearch, a message queue, a
// message store, the configuration; a Web Server; the installation binaries (setup) on a media
// dir; hareg, mount and umount first on PATH. Every stand-in appends "NAME ARGS" to one calls
// log. ldapsearch also notes whether its -j file held the expected password with mode 0600
// (never the password itself) and where that file was, so a test can check it is gone.
//
// setup -k is interactive and a manual step: afterUpgrade() leaves what it leaves behind (the
// old configuration moved to backup.TIMESTAMP, the new files in place), as the operator's run
// of it would.
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { callLines, sandboxDirs } from './stand-ins.js';
import type { Answers } from '../../src/model/definition.js';
import type { Facts } from '../../src/model/facts.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { loadDefinition } from '../../src/plan/load.js';
import { withDefaults } from '../../src/plan/questions.js';

export const SERVER_ROOT = '/usr/iplanet/server5';
export const INSTANCE = 'msg-budgie';
export const SLAPD = 'slapd-budgie';
export const WEB_ROOT = '/usr/iplanet/servers';
export const WEB_INSTANCE = 'https-budgie';

export interface IplanetSandbox {
  dir: string;
  root: string;
  media: string;
  logs: string;
  /** Absolute paths inside the sandbox. */
  sr: string;
  inst: string;
  store: string;
  env: Record<string, string>;
  calls(): string[];
  /** Plays the operator's ./setup -k: old configuration to backup.TIMESTAMP, new files written. */
  afterUpgrade(): void;
  read(rel: string): string;
}

function file(path: string, body: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body, { mode });
  chmodSync(path, mode);
}

export const OLD_MAPPINGS = 'PORT_ACCESS\n\n  *|*|*|*|*  $C$|INTERNAL_IP;$3|$Y$E\n  ! site rule: reject the old relay\n  TCP|*|25|192.168.9.9|*  $N\n';
export const NEW_MAPPINGS = 'PORT_ACCESS\n\n  *|*|*|*|*  $C$|INTERNAL_IP;$3|$Y$E\n';

export function iplanetSandbox(opts: { queued?: boolean; password?: string } = {}): IplanetSandbox {
  const { dir, root, bin, media, logs, log: callsLog } = sandboxDirs('uw-iplanet-');
  const expected = join(dir, 'expected-password');
  const sr = join(root, SERVER_ROOT);
  const inst = join(sr, INSTANCE);
  const store = join(inst, 'store', 'partition', 'primary');
  writeFileSync(expected, opts.password ?? '', { mode: 0o600 });
  const recorder = (name: string, extra = ''): string => `#!/bin/sh\necho "${name} $*" >> '${callsLog}'\n${extra}exit 0\n`;

  for (const name of ['hareg', 'mount', 'umount']) file(join(bin, name), recorder(name), 0o755);
  file(join(media, 'solaris', 'setup'), '#!/bin/sh\necho "the interactive installer"\n', 0o755);

  file(join(sr, 'stop-admin'), recorder('stop-admin'), 0o755);
  file(join(sr, 'start-admin'), recorder('start-admin'), 0o755);
  file(join(inst, 'imsimta'), recorder('imsimta'), 0o755);
  file(join(inst, 'stop-msg'), recorder('stop-msg'), 0o755);
  file(join(inst, 'start-msg'), recorder('start-msg'), 0o755);
  file(join(inst, 'config', 'local.conf'), 'local.store.quotaenforcement = on\n');
  file(join(inst, 'config', 'msg.conf'), 'service.imap.port = 143\n');
  file(join(inst, 'imta', 'config', 'mappings'), OLD_MAPPINGS);
  file(join(inst, 'imta', 'config', 'imta.cnf'), '! imta.cnf\nl defragment\n');
  file(join(inst, 'html', 'index.html'), '<html>Messenger Express</html>\n');
  file(join(inst, 'log', 'imta', 'mail.log_current'), '26-Feb-2002 10:00:00.00 tcp_local ims-ms E 1 a@siroe.com rfc822;b@siroe.com\n');
  mkdirSync(join(inst, 'imta', 'queue', 'tcp_local'), { recursive: true });
  if (opts.queued) file(join(inst, 'imta', 'queue', 'tcp_local', 'ZZ01.00'), 'From: a@siroe.com\n\nstill in transit\n');
  file(join(store, 'user', 'a', 'store.idx'), 'index of a\n', 0o600);
  file(join(store, 'user', 'a', '1.msg'), 'From: b@siroe.com\n\nhello\n', 0o600);
  chmodSync(store, 0o700);
  file(join(sr, 'admin-serv', 'config', 'adm.conf'), 'ldapurl: ldap://localhost:389/o=NetscapeRoot\n');
  file(join(sr, 'setup', 'install.inf'), '[General]\nServerRoot= /usr/iplanet/server5\n');
  file(join(sr, 'setup', 'msg', 'install.log'), 'installed 5.1\n');

  const slapd = join(sr, SLAPD);
  file(join(slapd, 'logs', 'pid'), '4242\n');
  file(join(slapd, 'db', 'userRoot.db'), 'directory data\n');
  file(join(slapd, 'db2ldif'), recorder('db2ldif', `mkdir -p ldif && echo "dn: o=siroe.com" > ldif/2002_02_26_120000.ldif\n`), 0o755);
  file(join(slapd, 'stop-slapd'), recorder('stop-slapd'), 0o755);
  file(join(slapd, 'start-slapd'), recorder('start-slapd'), 0o755);
  // -j FILE: the bind password file. Record what a test may know, never the password.
  const ldapsearch = `#!/bin/sh
echo "ldapsearch $*" >> '${callsLog}'
pw=
while [ $# -gt 0 ]; do
  if [ "$1" = "-j" ]; then pw="$2"; fi
  shift
done
if [ -n "$pw" ]; then
  echo "ldapsearch-pwfile $pw" >> '${callsLog}'
  if cmp -s "$pw" '${expected}' && [ "$(stat -c %a "$pw")" = "600" ]; then echo "ldapsearch-password ok" >> '${callsLog}'; else echo "ldapsearch-password WRONG" >> '${callsLog}'; fi
fi
echo "version: 1"
echo "dn: uid=a, ou=People, o=siroe.com"
echo "mail: a@siroe.com"
exit 0
`;
  file(join(sr, 'shared', 'bin', 'ldapsearch'), ldapsearch, 0o755);

  const web = join(root, WEB_ROOT);
  for (const inst2 of ['https-admserv', WEB_INSTANCE]) {
    file(join(web, inst2, 'stop'), recorder(`${inst2}/stop`), 0o755);
    file(join(web, inst2, 'start'), recorder(`${inst2}/start`), 0o755);
  }

  return {
    dir,
    root,
    media,
    logs,
    sr,
    inst,
    store,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    calls: () => callLines(callsLog),
    afterUpgrade: () => {
      const backup = join(inst, 'backup.20020226120000');
      mkdirSync(backup, { recursive: true });
      for (const rel of ['config', 'imta/config', 'html']) cpSync(join(inst, rel), join(backup, rel), { recursive: true });
      file(join(inst, 'imta', 'config', 'mappings'), NEW_MAPPINGS);
      file(join(inst, 'imta', 'config', 'option.dat'), '! new in 5.2\n');
      file(join(inst, 'config', 'msg.conf'), 'service.imap.port = 143\nservice.http.enable = 1\n');
      file(join(sr, 'setup', 'msg', 'upgrade.log'), 'upgraded to 5.2\n');
    },
    read: (rel: string) => readFileSync(join(root, rel), 'utf8'),
  };
}


// ---------------------------------------------------------------- plan fixtures (no processes)
export const def = loadDefinition(new URL('../../wizards/iplanet-messaging.yaml', import.meta.url).pathname);
export const ROOT = '/sbx';
/** The server-root under ROOT, as the plan's paths name it. */
export const SR = `${ROOT}${SERVER_ROOT}`;

/** The facts of ROOT: the 5.2 setup found on a CD, or (withMedia false) no media at all. */
export function facts(withMedia = true): Facts {
  return {
    root: ROOT,
    ...(withMedia ? { media: '/cd' } : {}),
    mediaFiles: withMedia ? { ims52: { path: '/cd/solaris/setup', name: 'setup', groups: {} } } : {},
    isRoot: true,
    hasServiceCommand: false,
    runningServices: [],
    detected: {},
  };
}

/** A plain 5.1 server but for its Directory Server instances, asked only when the Directory Server is in this server-root. */
export const BASE: Answers = {
  from: '5.1',
  msg_instance: INSTANCE,
  directory_server_version: '4.16',
  web_server: 'no',
  delegated_admin: 'no',
  store_mounted: 'no',
};

export function plan(answers: Answers = {}, f: Facts = facts(), lang: 'ja' | 'en' = 'en'): Plan {
  return buildPlan(def, withDefaults(def, { ...BASE, ...answers }), f, lang);
}

/** The step ids of a restore point's rollback ([] for a point the plan has not). */
export const rollbackIds = (p: Plan, point: string): string[] => p.restorePoints.find((r) => r.id === point)?.rollback.map((s) => s.id) ?? [];
