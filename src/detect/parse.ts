// Pure parsers of what the readers find: link targets, file names, process names. No I/O.
import { compareVersions, parseVersion } from '../versions/index.js';

/** The version in a link target such as "sharetask_server-5.4.3" or "/usr/local/sharetask-5.2.1.0". */
export function versionFromLinkTarget(target: string, prefix: string): string | null {
  const base = target.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!base.startsWith(prefix)) return null;
  const rest = base.slice(prefix.length);
  return parseVersion(rest) === null ? null : rest;
}

export interface MediaMatch {
  name: string;
  groups: Record<string, string>;
  /** Other file names that matched too; the newest (by a `version` group) or the last by name wins. */
  others: string[];
}

/** The file of names that matches a pattern; null when none does. */
export function matchMediaName(names: readonly string[], pattern: RegExp): MediaMatch | null {
  const hits = names
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((h): h is { name: string; m: RegExpExecArray } => h.m !== null)
    .map((h) => ({ name: h.name, groups: Object.fromEntries(Object.entries(h.m.groups ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string> }));
  if (hits.length === 0) return null;
  hits.sort((a, b) => byVersion(a.groups.version, b.groups.version) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const best = hits[hits.length - 1] as { name: string; groups: Record<string, string> };
  return { ...best, others: hits.slice(0, -1).map((h) => h.name) };
}

function byVersion(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined || parseVersion(a) === null || parseVersion(b) === null) return 0;
  try {
    return compareVersions(a, b);
  } catch {
    return 0;
  }
}

// Services whose processes are not named like the service (the init script's name).
const PROCESS_NAMES: Record<string, string[]> = {
  postgresql: ['postgres', 'postmaster'],
  mysqld: ['mysqld', 'mysqld_safe'],
};

/** The process names (as in /proc/PID/comm) that show a service is running. */
export function processNamesOf(service: string): string[] {
  // comm holds at most 15 characters of the executable's name.
  return (PROCESS_NAMES[service] ?? [service]).map((n) => n.slice(0, 15));
}

/** The services, in the order given, that have a process among the running command names. */
export function runningServices(services: readonly string[], comms: readonly string[]): string[] {
  const running = new Set(comms.map((c) => c.trim()));
  return services.filter((s) => processNamesOf(s).some((n) => running.has(n)));
}
