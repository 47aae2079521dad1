// The services file (/etc/services, %SystemRoot%\system32\drivers\etc\services): which of the
// wanted "name port/protocol" entries are there, which are missing, and which collide with an
// entry of another name. Pure: latin1 text in (any encoding round-trips), text out; the planner
// turns collisions into blockers and the ensure-services step appends only the missing entries.
import { dominantEol, joinLines, splitLines } from './lines.js';

export interface ServiceEntry {
  name: string;
  port: number;
  protocol: string;
}

export interface ServicesLine {
  /** 1-based line number. */
  line: number;
  /** The line as written, without its ending. */
  text: string;
  name: string;
  port: number;
  protocol: string;
  aliases: string[];
}

export type ServiceCheck =
  | { entry: ServiceEntry; status: 'present'; at: ServicesLine }
  | { entry: ServiceEntry; status: 'missing' }
  /** The port/protocol is taken by another service name: adding ours would shadow or be shadowed. */
  | { entry: ServiceEntry; status: 'port-conflict'; at: ServicesLine }
  /** The name is already given another port for the protocol: getservbyname would return that one. */
  | { entry: ServiceEntry; status: 'name-conflict'; at: ServicesLine };

const ENTRY = /^([^\s#]+)\s+([0-9]{1,5})\/([A-Za-z0-9]+)((?:\s+[^\s#]+)*)\s*(?:#.*)?$/;

/** The service lines of a services file; comments, blanks and lines that do not parse are skipped. */
export function parseServices(latin1: string): ServicesLine[] {
  const out: ServicesLine[] = [];
  splitLines(latin1).lines.forEach((l, i) => {
    const m = ENTRY.exec(l.text.trim());
    if (!m) return;
    out.push({
      line: i + 1,
      text: l.text,
      name: m[1] as string,
      port: Number(m[2]),
      protocol: (m[3] as string).toLowerCase(),
      aliases: (m[4] ?? '').trim().split(/\s+/).filter((a) => a !== ''),
    });
  });
  return out;
}

const names = (l: ServicesLine): string[] => [l.name, ...l.aliases];

/** What the file says about each wanted entry, in the order asked. */
export function checkServices(latin1: string, wanted: readonly ServiceEntry[]): ServiceCheck[] {
  const lines = parseServices(latin1);
  return wanted.map((entry) => {
    const protocol = entry.protocol.toLowerCase();
    const samePort = lines.filter((l) => l.port === entry.port && l.protocol === protocol);
    const mine = samePort.find((l) => names(l).includes(entry.name));
    if (mine) return { entry, status: 'present', at: mine };
    const taken = samePort[0];
    if (taken) return { entry, status: 'port-conflict', at: taken };
    const renamed = lines.find((l) => l.protocol === protocol && names(l).includes(entry.name));
    if (renamed) return { entry, status: 'name-conflict', at: renamed };
    return { entry, status: 'missing' };
  });
}

export function formatEntry(e: ServiceEntry): string {
  return `${e.name}\t${e.port}/${e.protocol}`;
}

export interface ServicesEdit {
  /** The new text; equal to the input when nothing was missing. */
  text: string;
  added: ServiceEntry[];
  checks: ServiceCheck[];
}

/**
 * Appends the missing entries (with the file's own line ending), leaving every existing byte
 * alone. Returns null when any entry collides: then nothing may be written.
 */
export function addServices(latin1: string, wanted: readonly ServiceEntry[]): ServicesEdit | null {
  const checks = checkServices(latin1, wanted);
  if (checks.some((c) => c.status === 'port-conflict' || c.status === 'name-conflict')) return null;
  // Two wanted entries of one name count once.
  const added: ServiceEntry[] = [];
  for (const c of checks) {
    if (c.status === 'missing' && !added.some((a) => a.name === c.entry.name && a.protocol === c.entry.protocol)) added.push(c.entry);
  }
  if (added.length === 0) return { text: latin1, added, checks };
  const split = splitLines(latin1);
  const eol = dominantEol(latin1);
  const last = split.lines[split.lines.length - 1];
  if (last !== undefined && last.eol === '') last.eol = eol;
  for (const e of added) split.lines.push({ text: formatEntry(e), eol });
  return { text: joinLines(split), added, checks };
}
