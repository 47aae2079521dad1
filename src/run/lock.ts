// One process runs steps per log dir at a time. A second wizard (another SSH session) would
// otherwise offer to "resume" the run the first one is still executing, and run its steps twice.
// The lock names its holder; one left by a process that is gone (killed, crashed, rebooted) is
// taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/args.js';
import { readableStamp } from '../io/backup-name.js';
import { bootId } from './boot-id.js';

interface Holder {
  pid: number;
  bootId: string;
  runId: string;
  since: string;
  /** When the process started (clock ticks since boot, /proc/PID/stat); absent where there is no /proc. */
  started?: string;
}

const lockFile = (logDir: string): string => join(logDir, 'run.lock');

/** State and start time of a process from /proc; null when it has no entry, undefined without /proc. */
function procStat(pid: number): { state: string; started: string } | null | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, which may hold anything): state is field 3, start time field 22.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

function alive(h: Holder): boolean {
  if (h.bootId !== bootId()) return false;
  const stat = procStat(h.pid);
  if (stat !== undefined) {
    // A killed process whose parent has not reaped it (a zombie) has ended; a process with
    // another start time only has the same number, reused after the holder ended.
    return stat !== null && stat.state !== 'Z' && stat.state !== 'X' && (h.started === undefined || h.started === stat.started);
  }
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    if (typeof h.pid !== 'number' || typeof h.bootId !== 'string') return undefined;
    return { pid: h.pid, bootId: h.bootId, runId: String(h.runId), since: String(h.since), ...(typeof h.started === 'string' ? { started: h.started } : {}) };
  } catch {
    // gone meanwhile, or cut short by a crash while written: no live holder
    return undefined;
  }
}

function held(logDir: string, holder: Holder): InputError {
  // The server's local time, as the operator reads it on the console and in backup names.
  const since = Number.isNaN(Date.parse(holder.since)) ? holder.since : readableStamp(new Date(holder.since));
  return new InputError(t('run.lock.held', { pid: holder.pid, runId: holder.runId, since, dir: logDir }));
}

/** Refuses, naming the process, while another one runs steps with this log dir: said before anything is asked. */
export function refuseIfLocked(logDir: string): void {
  const holder = holderOf(lockFile(logDir));
  if (holder && holder.pid !== process.pid && alive(holder)) throw held(logDir, holder);
}

/** Takes the log dir's run lock for runId, or refuses naming the process that holds it. Returns its release. */
export function lockRun(logDir: string, runId: string): () => void {
  const file = lockFile(logDir);
  const started = procStat(process.pid)?.started;
  const mine: Holder = { pid: process.pid, bootId: bootId(), runId, since: new Date().toISOString(), ...(started ? { started } : {}) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return release(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(file);
      if (holder && alive(holder)) throw held(logDir, holder);
      remove(file);
    }
  }
  // Taken again between our look and our try: another process is starting right now.
  throw new InputError(t('run.lock.raced', { file }));
}

function remove(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function release(file: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Only our own: a lock taken over after this process was thought gone is not ours to remove.
    if (holderOf(file)?.pid === process.pid) remove(file);
  };
}
