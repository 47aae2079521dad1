// A sandbox CLUSTERPRO server for the end-to-end tests: recording stand-ins for rpm, chkconfig,
// clpcl, clpgrp, clpmdstat, clpstdn, clpdown, clpstat, hostname and uname first on PATH (each appends
// its argv to one calls log), init scripts under the root, the update's rpms on a media dir.
// The stand-ins keep a little state so that the checks of the procedure see a real effect:
// rpm -U really changes what rpm -qi prints; clpmdstat prints RED a chosen number of times.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Answers } from '../../src/model/definition.js';
import type { Facts, MediaFile } from '../../src/model/facts.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { loadDefinition } from '../../src/plan/load.js';
import { withDefaults } from '../../src/plan/questions.js';
import { callLines, recordCall, sandboxDirs, script } from './stand-ins.js';

// The examples of 2.1.1 to 2.1.5 of the procedure, byte for byte (tabs and trailing tabs kept).
export const QI_IA32 =
  'Name\t: clusterpro\tRelocations:\t(not relocateable)\nVersion\t: 2.0.0\tVendor:\t(none)\nRelease\t: 1\tBuild Date:\tThu Apr 3 19:38:32 2008\nInstall date:\tTue Oct 21 11:24:30 2008\tBuild Host:\tclg239\nGroup\t: Applications/System\tSource RPM:\tclusterpro-2.0.0-1.src.rpm\nSize\t: 83213938\tLicense:\tcommercial\nSummary\t: CLUSTERPRO X 2.0 for Linux(i686)\t\t\nDescription\t: CLUSTERPRO X 2.0 for Linux(i686)\t\t\n';
export const QI_X86_64 =
  'Name      : clusterpro           Relocations: (not relocateable)\nVersion   : 2.0.0              Vendor: (none)\nRelease   : 1                  Build Date: Thu Apr  3 19:52:23 2008\nInstall date: Tue Oct 21 11:31:41 2008  Build Host: clg232\nGroup     : Applications/System  Source RPM: clusterpro-2.0.0-1.src.rpm\nSize      : 104583370           License: commercial\nSummary   : CLUSTERPRO X 2.0 for Linux(x86_64)\nDescription :\nCLUSTERPRO X 2.0 for Linux(x86_64)\n';
export const QI_IA64 =
  'Name\t: clusterpro\tRelocations:\t(not relocatable)\nVersion\t: 2.0.0\tVendor:\t(none)\nRelease\t: 1\tBuild Date:\tThu 03 Apr 2008 08:09:55 PM JST\nInstall Date:\t(not installed)\tBuild Host:\tclg136\nGroup\t: Applications/System\tSource RPM:\tclusterpro-2.0.0-1.src.rpm\nSize\t: 27854118\tLicense:\tcommercial\nSignature\t: (none)\t\t\nSummary\t: CLUSTERPRO X 2.0 for Linux(ia64)\t\t\nDescription\t: CLUSTERPRO X 2.0 for Linux(ia64)\t\t\n';
export const QI_PPC64 =
  'Name\t: clusterpro\tRelocations:\t(not relocatable)\nVersion\t: 2.0.0\tVendor:\t(none)\nRelease\t: 1\tBuild Date:\tThu 03 Apr 2008 08:11:29 PM JST\nInstall Date:\t(not installed)\tBuild Host:\tclg80\nGroup\t: Applications/System\tSource RPM:\tclusterpro-2.0.0-1.src.rpm\nSize\t: 19465662\tLicense:\tcommercial\nSignature\t: (none)\t\t\nSummary\t: CLUSTERPRO X 2.0 for Linux(ppc64)\t\t\nDescription\t: CLUSTERPRO X 2.0 for Linux(ppc64)\t\t\n';
export const QI_VMWARE =
  'Name\t: clusterpro\tRelocations:\t(not relocateable)\nVersion\t: 2.0.2\tVendor:\t(none)\nRelease\t: 1\tBuild Date:\tThu Oct 9 11:55:25 2008\nInstall date:\t(not installed)\tBuild Host:\tclg237\nGroup\t: Applications/System\tSource RPM:\tclusterpro-2.0.2-1.src.rpm\nSize\t: 20415411\tLicense:\tcommercial\nSummary\t: CLUSTERPRO X 2.0 for Linux(i386/vmware)\t\t\nDescription\t: CLUSTERPRO X 2.0 for Linux(i386/vmware)\t\t\n';

/** rpm -qi output in the x86_64 example's layout, for any version and summary. */
export function rpmQi(o: { version: string; release: string; summary: string }): string {
  return [
    'Name      : clusterpro           Relocations: (not relocateable)',
    `Version   : ${o.version.padEnd(19)}Vendor: (none)`,
    `Release   : ${o.release.padEnd(19)}Build Date: Thu Apr  3 19:52:23 2008`,
    'Install date: Tue Oct 21 11:31:41 2008  Build Host: clg232',
    `Group     : Applications/System  Source RPM: clusterpro-${o.version}-${o.release}.src.rpm`,
    'Size      : 104583370           License: commercial',
    `Summary   : ${o.summary}`,
    'Description :',
    o.summary,
    '',
  ].join('\n');
}

/** The seed's clpmdstat screens (3.1.3.2): md NAME between server2 and server1. */
export function mdstatRed(name: string): string {
  return `\nMirror Status: Abnormal\n\n${name.padEnd(19)}server2                server1\n-----\nMirror Color       RED                    GREEN\nLastupdate Time   --                    2008/10/22 10:12:51\nBreak Time        --                    2008/10/22 10:11:15\nDisk Error         OK                     OK\nDifference Percent 0%                     1%\n`;
}
export function mdstatGreen(name: string): string {
  return `\nMirror Status: Normal\n\n${name.padEnd(13)}server2          server1\n-----\nMirror Color  GREEN           GREEN\n`;
}

export const ARCH_FILE: Record<string, string> = {
  i686: 'i686',
  x86_64: 'x86_64',
  ia64: 'ia64',
  ppc64: 'ppc64',
  vmware: 'vmware.i386',
};

export interface ClusterproSandbox {
  dir: string;
  bin: string;
  root: string;
  media: string;
  logs: string;
  state: string;
  /** Environment for the binary: stand-ins first on PATH, no `service` (init scripts are used). */
  env: Record<string, string>;
  /** Every stand-in call so far, "name arg1 arg2 ...", in order. */
  calls(): string[];
  /** The Version-Release that rpm -qi reports now, or undefined when not installed. */
  installed(): string | undefined;
  /** Services registered with chkconfig now (start at boot). */
  autostart(): string[];
  setHostname(name: string): void;
  /** clpmdstat --mirror NAME prints RED this many times, then GREEN ('forever': never GREEN). */
  mirrorRed(name: string, times: number | 'forever'): void;
  /** The next rpm -U / -i fails (exit 1) once. */
  failNextRpm(): void;
}

const SERVICES = ['clusterpro_evt', 'clusterpro_trn', 'clusterpro_md', 'clusterpro', 'clusterpro_webmgr', 'clusterpro_alertsync'];

export interface SandboxOptions {
  /** Installed Version-Release ("2.1.2-1"); absent: clusterpro not installed. */
  installed?: string;
  arch?: keyof typeof ARCH_FILE;
  hostname?: string;
  /** Mirror disk resources written into clp.conf (none by default). */
  mirrors?: string[];
  /** Extra rpm versions put on the media for every arch (downgrade targets, decoys). */
  mediaVersions?: string[];
  /** What `uname -m` says on this server (x86_64 by default, whatever the machine running the tests). */
  machine?: string;
}

export function buildClusterproSandbox(o: SandboxOptions = {}): ClusterproSandbox {
  const { dir, bin, root, media, logs, state, log } = sandboxDirs('clp-sbx-');
  mkdirSync(join(state, 'autostart'));
  const record = recordCall(log);

  // Each clusterpro package of the media: the update for every arch, older versions, the Builder.
  const versions = ['2.1.3-1', ...(o.mediaVersions ?? ['2.1.2-1', '2.1.0-1'])];
  for (const v of versions) for (const a of Object.values(ARCH_FILE)) writeFileSync(join(media, `clusterpro-${v}.${a}.rpm`), `rpm ${v} ${a}\n`);
  writeFileSync(join(media, 'clusterprobuilder-2.1.1-1.linux.i686.rpm'), 'builder rpm\n');
  writeFileSync(join(media, 'clusterprobuilder-2.1.0-1.linux.i686.rpm'), 'old builder rpm\n');

  if (o.installed !== undefined) {
    writeFileSync(join(state, 'installed'), `${o.installed}\n`);
    writeFileSync(join(state, 'arch'), `${ARCH_FILE[o.arch ?? 'x86_64']}\n`);
    for (const s of SERVICES) writeFileSync(join(state, 'autostart', s), '');
  }
  writeFileSync(join(state, 'hostname'), `${o.hostname ?? 'node1'}\n`);
  // A configured cluster has a clp.conf; a server where CLUSTERPRO is not installed has none.
  if (o.installed !== undefined || o.mirrors !== undefined) {
    const mds = (o.mirrors ?? []).map((m) => `<md name="${m}"><parameters/></md>`).join('');
    mkdirSync(join(root, 'opt/nec/clusterpro/etc'), { recursive: true });
    writeFileSync(join(root, 'opt/nec/clusterpro/etc/clp.conf'), `<?xml version="1.0"?><root><resource>${mds}</resource></root>\n`);
  }

  script(
    join(bin, 'rpm'),
    `${record}
S='${state}'
summary() { case "$1" in vmware.i386) echo "i386/vmware" ;; *) echo "$1" ;; esac; }
case "$1" in
  -qi)
    if [ ! -f "$S/installed" ]; then echo "package $2 is not installed"; exit 1; fi
    vr=$(cat "$S/installed"); arch=$(cat "$S/arch")
    if [ "$2" != clusterpro ] && [ "$2" != "clusterpro-$vr" ]; then echo "package $2 is not installed"; exit 1; fi
    v=\${vr%-*}; r=\${vr##*-}; line=\${v%.*}
    printf 'Name      : clusterpro           Relocations: (not relocateable)\\n'
    printf 'Version   : %-19sVendor: (none)\\n' "$v"
    printf 'Release   : %-19sBuild Date: Thu Apr  3 19:52:23 2008\\n' "$r"
    printf 'Summary   : CLUSTERPRO X %s for Linux(%s)\\n' "$line" "$(summary "$arch")"
    ;;
  -U|-i)
    if [ -f "$S/rpm-fails" ]; then rm -f "$S/rpm-fails"; echo "error: $2: install failed (stand-in)" >&2; exit 1; fi
    if [ ! -f "$2" ]; then echo "error: open of $2 failed: No such file or directory" >&2; exit 1; fi
    f=$(basename "$2")
    case "$f" in
      clusterprobuilder-*) touch "$S/builder" ;;
      clusterpro-*)
        echo "$f" | sed -n 's/^clusterpro-\\([0-9.]*-[0-9]*\\)\\..*$/\\1/p' > "$S/installed"
        echo "$f" | sed -n 's/^clusterpro-[0-9.]*-[0-9]*\\.\\(.*\\)\\.rpm$/\\1/p' > "$S/arch"
        ;;
    esac
    ;;
  -e) rm -f "$S/builder" ;;
  *) echo "rpm stand-in: unexpected $*" >&2; exit 2 ;;
esac`,
  );
  script(
    join(bin, 'chkconfig'),
    `${record}
case "$1" in
  --del) rm -f '${state}/autostart/'"$2" ;;
  --add) touch '${state}/autostart/'"$2" ;;
  *) exit 2 ;;
esac`,
  );
  writeFileSync(join(state, 'mdstat-red.txt'), mdstatRed('NAME'));
  writeFileSync(join(state, 'mdstat-green.txt'), mdstatGreen('NAME'));
  script(
    join(bin, 'clpmdstat'),
    `${record}
[ "$1" = --mirror ] || exit 2
f='${state}/mdstat-'"$2"
n=0; [ -f "$f" ] && n=$(cat "$f")
if [ "$n" = forever ] || [ "$n" -gt 0 ]; then
  [ "$n" = forever ] || echo $((n - 1)) > "$f"
  sed "s/^NAME /$2 /" '${state}/mdstat-red.txt'
else
  sed "s/^NAME /$2 /" '${state}/mdstat-green.txt'
fi`,
  );
  for (const name of ['clpstdn', 'clpdown', 'clpcl', 'clpgrp']) script(join(bin, name), record);
  script(join(bin, 'clpstat'), `${record}\necho " Cluster : cluster"\necho "   server1 : Online"\necho "   server2 : Online"`);
  script(join(bin, 'hostname'), `cat '${state}/hostname'`);
  // The sandbox server's hardware, not the test machine's: a new installation proposes its arch.
  script(join(bin, 'uname'), `if [ "$1" = -m ]; then echo '${o.machine ?? 'x86_64'}'; else exec /bin/uname "$@"; fi`);
  for (const s of SERVICES) script(join(root, 'etc/init.d', s), `printf '%s' "init.d/$(basename "$0")" >> '${log}'; for a in "$@"; do printf ' %s' "$a" >> '${log}'; done; echo >> '${log}'`);

  const nodeDir = dirname(process.execPath);
  return {
    dir,
    bin,
    root,
    media,
    logs,
    state,
    env: { PATH: `${bin}:${nodeDir}:/usr/bin:/bin` },
    calls: () => callLines(log),
    installed: () => (existsSync(join(state, 'installed')) ? readFileSync(join(state, 'installed'), 'utf8').trim() : undefined),
    autostart: () => SERVICES.filter((s) => existsSync(join(state, 'autostart', s))),
    setHostname: (name) => writeFileSync(join(state, 'hostname'), `${name}\n`),
    mirrorRed: (name, times) => writeFileSync(join(state, `mdstat-${name}`), `${times}\n`),
    failNextRpm: () => writeFileSync(join(state, 'rpm-fails'), ''),
  };
}

// ---------------------------------------------------------------- plan fixtures (no processes)
export const def = loadDefinition(new URL('../../wizards/clusterpro.yaml', import.meta.url).pathname);
export const ROOT = '/sbx';
const file = (name: string): MediaFile => ({ path: `/media/${name}`, name, groups: {} });

export function facts(over: Partial<Facts> = {}): Facts {
  return {
    root: ROOT,
    media: '/media',
    mediaFiles: {
      update_rpm: file('clusterpro-2.1.3-1.x86_64.rpm'),
      downgrade_rpm: file('clusterpro-2.1.2-1.x86_64.rpm'),
      builder_rpm: file('clusterprobuilder-2.1.1-1.linux.i686.rpm'),
      builder_exe: file('clusterprobuilder-2.1.1-1.linux.i686.exe'),
    },
    isRoot: true,
    hasServiceCommand: false,
    runningServices: [],
    detected: {},
    ...over,
  };
}

export const SERVER: Answers = { component: 'server', arch: 'x86_64', product: 'x2', from: '2.1.2-1', replicator: 'no', kernel_update: 'no', webmanager: 'no', servers: ['node1', 'node2'], server: 'server1' };

/** A consistent server unless the answers say otherwise: CLUSTERPRO installed, except for a new installation. */
export function plan(answers: Answers, f: Facts = facts(), lang: 'ja' | 'en' = 'en'): Plan {
  const installed = answers.mode === 'install' ? 'no' : 'yes';
  return buildPlan(def, withDefaults(def, { ...SERVER, installed, ...answers }), f, lang);
}
