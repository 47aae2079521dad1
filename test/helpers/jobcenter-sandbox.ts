// A sandbox JobCenter cluster node for the end-to-end tests: recording stand-ins for rpm, ps,
// jc_check, reg, cluster and regsvr32 first on PATH and for /usr/lib/nqs/nqsstop under the root
// (each appends its argv to one calls log; nqsstop can be made to find no daemon); a Windows tree under the root as the wizard maps it
// (ROOT/C/Windows/...), the patch rpm on a media dir, and a log dir shared by the node's runs.
// ps -ef prints a scripted sequence of process tables, so that the wizard's process checks see
// the cluster site stopped, then running again.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Answers } from '../../src/model/definition.js';
import type { JournalEvent } from '../../src/model/journal.js';
import { runCli, type CliResult } from './cli.js';
import { callLines, recordCall, sandboxDirs, script } from './stand-ins.js';

export const PATCH_RPM = 'NECJcpt-13.2.1-1.x86_64.rpm';

const HEADER = 'UID        PID  PPID  C STIME TTY          TIME CMD';
/** ps -ef with no JobCenter process of the cluster site. */
export const PS_STOPPED = `${HEADER}\nroot         1     0  0 10:00 ?        00:00:01 /sbin/init\nroot       812     1  0 10:00 ?        00:00:00 /usr/sbin/sshd -D\n`;
/** ps -ef of a running cluster site (3.1.3 step 10); jcdbs only from R13.1. */
export function psRunning(r131: boolean, without: string[] = []): string {
  const names = ['cjcpw', 'nqsdaemon', 'jnwcaster', 'jnwengine', 'sclaunchd', 'comagent', ...(r131 ? ['jcdbs'] : [])];
  const lines = names
    .filter((n) => !without.includes(n))
    .map((n, i) => `root      ${2000 + i}     1  0 10:05 ?        00:00:00 /usr/lib/nqs/${n} -s jcsite`);
  return `${PS_STOPPED}${lines.join('\n')}\n`;
}

export interface JobcenterSandbox {
  dir: string;
  root: string;
  media: string;
  logs: string;
  /** Environment for the binary: stand-ins first on PATH, NQS_SITE unset. */
  env: Record<string, string | undefined>;
  /** Every stand-in call so far, "name arg1 arg2 ...", in order. */
  calls(): string[];
  /** From now on nqsstop finds no daemon to stop and fails as the real one does (false: it stops one). */
  localSiteDown(down?: boolean): void;
  /** What ps -ef prints on its next calls, in order; the last one repeats. */
  psSequence(outputs: string[]): void;
  /** `run --product jobcenter --yes` with these answers (and the sandbox's root, media and log dir). */
  run(answers: Answers, extraEnv?: Record<string, string | undefined>): Promise<CliResult>;
  resume(extraEnv?: Record<string, string | undefined>): Promise<CliResult>;
  /** The journals of the log dir, oldest first. */
  journals(): JournalEvent[][];
  /** The file of the sandbox Windows tree (ROOT/C/...). */
  win(path: string): string;
}

function put(path: string, content = ''): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export function buildJobcenterSandbox(): JobcenterSandbox {
  const { dir, bin, root, media, logs, state, log } = sandboxDirs('jc-sbx-');
  mkdirSync(logs);
  const record = (name: string): string => recordCall(log, name);

  // The patch of 3.2 / 3.3, and the guide's misspelt name that must not be picked.
  writeFileSync(join(media, PATCH_RPM), 'patch rpm\n');
  writeFileSync(join(media, 'NECJOpt-13.2.1-1.x86_64.rpm'), 'not the patch\n');

  script(
    join(bin, 'rpm'),
    `${record('rpm')}
[ "$1" = -ivh ] || { echo "rpm stand-in: unexpected $*" >&2; exit 2; }
[ -f "$2" ] || { echo "error: open of $2 failed: No such file or directory" >&2; exit 1; }
basename "$2" >> '${state}/patched'
echo "Preparing...                ########################################### [100%]"`,
  );
  script(
    join(bin, 'ps'),
    `${record('ps')}
n=$(cat '${state}/ps-count' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '${state}/ps-count'
last=$(ls '${state}/ps' 2>/dev/null | sort -n | tail -1)
f='${state}/ps/'$n; [ -f "$f" ] || f='${state}/ps/'$last
cat "$f"`,
  );
  script(
    join(bin, 'jc_check'),
    `${record('jc_check')}
echo "[machine list] node1 node2 jcsite"
echo "[queue] guibs_1 guilb_def"
echo "[user mapping] jcadmin -> jcadmin"`,
  );
  for (const name of ['reg', 'cluster', 'regsvr32']) script(join(bin, name), record(name));
  // As the real one when no daemon runs (a node whose local site is not used): an error, exit 1.
  script(
    join(root, 'usr/lib/nqs/nqsstop'),
    `${record('nqsstop')}
[ -f '${state}/nqs-down' ] && { echo "NQS daemon is not running" >&2; exit 1; }
exit 0`,
  );

  // The Windows tree (1.1.2 / 1.1.3): DLLs, the log and setup folders, files that must stay.
  const win = (p: string): string => join(root, 'C', ...p.split('/'));
  for (const sys of ['Windows/system32', 'Windows/SysWOW64']) {
    put(win(`${sys}/necjcsock.dll`), 'dll');
    put(win(`${sys}/NECJCEX.DLL`), 'dll');
    put(win(`${sys}/necjclog/jc.log`), 'log');
    put(win(`${sys}/necjcupsetup/setup.ini`), 'ini');
    put(win(`${sys}/kernel32.dll`), 'keep');
    put(win(`${sys}/drivers/necfoo.sys`), 'keep');
  }
  put(win('Windows/cluster/JobCenterCluster.dll'), 'dll');
  put(win('Windows/cluster/JobCenterClusterEx.dll'), 'dll');
  put(win('Windows/cluster/clussvc.exe'), 'keep');
  put(win('JobCenter/SV/ins/JobCenterCluster.vbs'), "' JobCenterCluster.vbs\n");
  mkdirSync(join(root, 'S', 'JobCenter'), { recursive: true });

  const nodeDir = dirname(process.execPath);
  const env = { PATH: `${bin}:${nodeDir}:/usr/bin:/bin`, NQS_SITE: undefined };
  const sets = (answers: Answers): string[] => Object.entries(answers).flatMap(([k, v]) => ['--set', `${k}=${Array.isArray(v) ? v.join(',') : v}`]);
  return {
    dir,
    root,
    media,
    logs,
    env,
    calls: () => callLines(log).map((l) => l.trimEnd()),
    localSiteDown: (down = true) => (down ? writeFileSync(join(state, 'nqs-down'), '') : rmSync(join(state, 'nqs-down'), { force: true })),
    psSequence(outputs) {
      const psDir = join(state, 'ps');
      mkdirSync(psDir, { recursive: true });
      for (const f of readdirSync(psDir)) writeFileSync(join(psDir, f), '');
      writeFileSync(join(state, 'ps-count'), '0');
      outputs.forEach((o, i) => writeFileSync(join(psDir, String(i + 1)), o));
    },
    run: (answers, extraEnv = {}) =>
      runCli(['run', '--product', 'jobcenter', '--yes', '--root', root, '--media', media, '--log-dir', logs, ...sets(answers)], { env: { ...env, ...extraEnv } }),
    resume: (extraEnv = {}) => runCli(['resume', '--yes', '--root', root, '--log-dir', logs], { env: { ...env, ...extraEnv } }),
    journals: () =>
      readdirSync(logs)
        .filter((n) => /^run-.*\.jsonl$/.test(n))
        .sort()
        .map((n) => readFileSync(join(logs, n), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as JournalEvent)),
    win: (p) => win(p),
  };
}

export const exists = (p: string): boolean => existsSync(p);
