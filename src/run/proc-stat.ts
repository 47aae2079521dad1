// A process as /proc/PID/stat describes it: the run lock (is its holder alive?) and the journal's
// command-start (is a killed wizard's command still running?) both tell a live process from an
// ended one, and from a later one that was given the same number, by its start time.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pgrp: number;
  state: string;
  /** Clock ticks since boot when the process started. */
  started: string;
}

/** The process's entry; null when it has none, undefined without /proc. */
export function procStat(pid: number | string): ProcStat | null | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, which may hold anything): state is field 3, the
    // process group field 5, the start time field 22.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]), started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** Ended, though its entry is still there: a zombie its parent has not reaped, or dead. */
export const hasEnded = (stat: ProcStat): boolean => stat.state === 'Z' || stat.state === 'X';

/**
 * Whether a process of group `pgid` still runs; undefined without /proc. Zombies do not count:
 * a container's init may never reap what a killed command left behind.
 */
export function groupRunning(pgid: number): boolean | undefined {
  if (process.platform !== 'linux') return undefined;
  return readdirSync('/proc').some((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    const stat = procStat(pid);
    return stat !== null && stat !== undefined && stat.pgrp === pgid && !hasEnded(stat);
  });
}
