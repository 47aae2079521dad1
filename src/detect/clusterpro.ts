// CLUSTERPRO detectors: thin readers around the pure parsers of clusterpro-rpm.ts. They run
// `rpm -qi clusterpro` (found on PATH, so tests put a stand-in first), read clp.conf under the
// root and this server's host name, and only propose answers with evidence; the definition
// (wizards/clusterpro.yaml) decides what is allowed and refuses what the seed excludes.
import { readFile } from '../io/fs-async.js';
import { hostname as osHostname, machine as osMachine } from 'node:os';
import { t } from '../i18n/index.js';
import '../i18n/messages/clusterpro.js';
import type { Answers } from '../model/definition.js';
import { mirrorResources, parseRpmQi, type ClusterproArch, type ClusterproRpm } from './clusterpro-rpm.js';
import type { DetectContext, Detector, Proposal } from './registry.js';
import { underRoot } from './system.js';

/** Where CLUSTERPRO X keeps the cluster configuration. */
export const CLP_CONF = '/opt/nec/clusterpro/etc/clp.conf';

export interface ClusterproProbe {
  rpm: ClusterproRpm;
  /** The telling lines of the rpm output, quoted as evidence. */
  rpmEvidence: string;
  /** rpm ran and said the package is not installed: a fact, unlike an rpm that could not run. */
  notInstalled?: boolean;
  /** Mirror disk resources of clp.conf; undefined when there is no readable clp.conf. */
  mirrors?: string[];
  /** Hybrid disk resources (Replicator DR) also mean the Replicator option is in use. */
  hybridDisks: boolean;
  confPath: string;
  hostname: string;
  /** The machine's hardware name (uname -m) and where it was read; a new installation's arch. */
  machine?: { name: string; evidence: string };
}

const cache = new Map<string, Promise<ClusterproProbe>>();

/** Probes once per root and process: several questions share one `rpm -qi` run. */
export function probeClusterpro(root: string): Promise<ClusterproProbe> {
  let probe = cache.get(root);
  if (probe === undefined) {
    probe = readProbe(root);
    cache.set(root, probe);
  }
  return probe;
}

/** Forgets earlier probes (tests; or after an update changed the installed version). */
export function clearClusterproProbe(): void {
  cache.clear();
}

async function readProbe(root: string): Promise<ClusterproProbe> {
  // execa only when probing: importing it weighs more than starting Node.js, for every plan.
  const { execa } = await import('execa');
  const r = await execa('rpm', ['-qi', 'clusterpro'], { reject: false, stdin: 'ignore', timeout: 60_000 });
  const text = `${String(r.stdout ?? '')}\n${String(r.stderr ?? '')}`;
  const rpm = parseRpmQi(text);
  const rpmEvidence =
    r.exitCode === undefined
      ? t('detect.clp.rpmFailed', { reason: String(r.shortMessage) })
      : rpm.installed
        ? t('detect.clp.rpm', { version: rpm.version ?? '-', release: rpm.release ?? '-', summary: rpm.summary ?? '-' })
        : t('detect.clp.rpmNone');
  const confPath = underRoot(root, CLP_CONF);
  let mirrors: string[] | undefined;
  let hybridDisks = false;
  try {
    const conf = await readFile(confPath, 'utf8');
    mirrors = mirrorResources(conf);
    hybridDisks = /<hd\s+name\s*=/.test(conf);
  } catch {
    // No readable clp.conf (no cluster configured yet): propose nothing from it.
  }
  const notInstalled = r.exitCode !== undefined && !rpm.installed && /is not installed/i.test(text);
  const machine = await readMachine();
  return { rpm, rpmEvidence, notInstalled, ...(mirrors !== undefined ? { mirrors } : {}), hybridDisks, confPath, hostname: await readHostname(), ...(machine ? { machine } : {}) };
}

/**
 * The hardware name, from `uname -m` found on PATH like rpm and hostname (a sandbox puts its
 * own first, so a rehearsal under --root says the server's, not this machine's); Node's own
 * reading of it when there is no uname.
 */
async function readMachine(): Promise<{ name: string; evidence: string } | undefined> {
  const { execa } = await import('execa');
  const r = await execa('uname', ['-m'], { reject: false, stdin: 'ignore', timeout: 10_000 });
  const name = r.exitCode === 0 ? String(r.stdout).trim() : '';
  if (name !== '') return { name, evidence: t('detect.clp.uname', { machine: name }) };
  const own = osMachine();
  return own === '' ? undefined : { name: own, evidence: t('detect.clp.osMachine', { machine: own }) };
}

async function readHostname(): Promise<string> {
  const { execa } = await import('execa');
  const r = await execa('hostname', [], { reject: false, stdin: 'ignore', timeout: 10_000 });
  const name = r.exitCode === 0 ? String(r.stdout).trim() : '';
  return name !== '' ? name : osHostname();
}

/** Host names compare case-insensitively, a full name matching its short form. */
export function sameHost(a: string, b: string): boolean {
  const short = (h: string): string => h.trim().toLowerCase().split('.')[0] ?? '';
  return a.trim().toLowerCase() === b.trim().toLowerCase() || short(a) === short(b);
}

function listAnswer(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * The part of the procedure this server takes from its place in the `servers` answer: the first
 * host is server 1 (it also runs the one-server steps), the second is server 2, later ones "other".
 */
export function serverRole(host: string, servers: readonly string[]): 'server1' | 'server2' | 'other' | undefined {
  const index = servers.findIndex((s) => sameHost(s, host));
  if (index === -1) return undefined;
  return index === 0 ? 'server1' : index === 1 ? 'server2' : 'other';
}

/** A `uname -m` name as the `arch` question spells it; none for machines the update has no rpm for. */
export function archOfMachine(name: string): ClusterproArch | undefined {
  if (name === 'x86_64' || name === 'ia64' || name === 'ppc64') return name;
  return /^i[3-6]86$/.test(name) ? 'i686' : undefined;
}

const isServer = (answers: Answers): boolean => answers.component === undefined || answers.component === 'server';

// Pure parts of each detector, on a probe already read (unit-tested without processes).
export const fromProbe = {
  arch(p: ClusterproProbe): Proposal | null {
    if (p.rpm.installed) return p.rpm.arch !== undefined ? { value: p.rpm.arch, evidence: p.rpmEvidence } : null;
    // Nothing installed to read it from (a new installation): the rpm to install is the machine's.
    const arch = p.machine === undefined ? undefined : archOfMachine(p.machine.name);
    if (p.notInstalled !== true || p.machine === undefined || arch === undefined) return null;
    return { value: arch, evidence: t('detect.clp.archMachine', { rpm: p.rpmEvidence, machine: p.machine.evidence }) };
  },
  installed(p: ClusterproProbe): Proposal | null {
    if (p.rpm.installed) return { value: 'yes', evidence: p.rpmEvidence };
    return p.notInstalled === true ? { value: 'no', evidence: p.rpmEvidence } : null;
  },
  /** The procedure that fits the package: 3.1.1 without it, 3.1.2 (the first for a running cluster) with it. */
  mode(p: ClusterproProbe): Proposal | null {
    if (p.rpm.installed) return { value: 'update', evidence: t('detect.clp.modeUpdate', { evidence: p.rpmEvidence }) };
    return p.notInstalled === true ? { value: 'install', evidence: t('detect.clp.modeInstall', { evidence: p.rpmEvidence }) } : null;
  },
  from(p: ClusterproProbe): Proposal | null {
    return p.rpm.versionRelease !== undefined ? { value: p.rpm.versionRelease, evidence: p.rpmEvidence } : null;
  },
  product(p: ClusterproProbe): Proposal | null {
    const { product, productReason } = p.rpm;
    if (product === undefined) return null;
    const why = productReason === undefined ? '' : ` — ${t(`detect.clp.why.${productReason.key}`, productReason.params)}`;
    return { value: product, evidence: `${p.rpmEvidence}${why}` };
  },
  replicator(p: ClusterproProbe): Proposal | null {
    if (p.mirrors === undefined) return null;
    if (p.mirrors.length > 0) return { value: 'yes', evidence: t('detect.clp.mirrors', { file: p.confPath, names: p.mirrors.join(', ') }) };
    if (p.hybridDisks) return { value: 'yes', evidence: t('detect.clp.hybrid', { file: p.confPath }) };
    return { value: 'no', evidence: t('detect.clp.noMirrors', { file: p.confPath }) };
  },
  mirrors(p: ClusterproProbe): Proposal | null {
    if (p.mirrors === undefined || p.mirrors.length === 0) return null;
    return { value: p.mirrors, evidence: t('detect.clp.mirrors', { file: p.confPath, names: p.mirrors.join(', ') }) };
  },
  server(p: ClusterproProbe, answers: Answers): Proposal | null {
    const servers = listAnswer(answers.servers);
    const role = serverRole(p.hostname, servers);
    if (role === undefined) return null;
    const index = servers.findIndex((s) => sameHost(s, p.hostname)) + 1;
    return { value: role, evidence: t('detect.clp.server', { host: p.hostname, index, servers: servers.join(', ') }) };
  },
};

function serverOnly(pick: (p: ClusterproProbe, answers: Answers) => Proposal | null): Detector {
  return async (ctx: DetectContext) => (isServer(ctx.answers) ? pick(await probeClusterpro(ctx.root), ctx.answers) : null);
}

export const clusterproDetectors: Record<string, Detector> = {
  'clusterpro.installed': serverOnly(fromProbe.installed),
  'clusterpro.mode': serverOnly(fromProbe.mode),
  'clusterpro.arch': serverOnly(fromProbe.arch),
  'clusterpro.from': serverOnly(fromProbe.from),
  'clusterpro.product': serverOnly(fromProbe.product),
  'clusterpro.replicator': serverOnly(fromProbe.replicator),
  'clusterpro.mirrors': serverOnly(fromProbe.mirrors),
  'clusterpro.server': serverOnly(fromProbe.server),
};
