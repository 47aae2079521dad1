// One process runs steps per log dir at a time. A second wizard (another SSH session) would
// otherwise offer to "resume" the run the first one is still executing, and run its steps twice.
// The lock names its holder; one left by a process that is gone (killed, crashed, rebooted) is
// taken over. It appears with its content complete (written aside, then linked into place): an
// empty or half-written lock read by a process starting at the same moment passed for one cut
// short by a crash, was removed, and both processes ran the steps.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/args.js';
import { readableTime } from '../io/backup-name.js';
import { bootId } from './boot-id.js';
import { hasEnded, procStat } from './proc-stat.js';
import { randomHex } from '../io/crypto.js';

interface Holder {
  pid: number;
  bootId: string;
  /** "" while the command that took it has not yet found or started its run. */
  runId: string;
  since: string;
  /** When the process started (clock ticks since boot, /proc/PID/stat); absent where there is no /proc. */
  started?: string;
}

/** A lock taken by a command before it reads the journal and asks: see ExecuteOptions.lock. */
export interface RunLock {
  /** Names the run in the lock, once the command knows it (a refused process reads it). */
  name(runId: string): void;
  /** Gives the lock back (once; later calls do nothing). */
  release(): void;
}

const lockFile = (logDir: string): string => join(logDir, 'run.lock');

/** How long an unreadable lock is given to become readable before it counts as cut short by a crash. */
const SETTLE_MS = 2000;

function alive(h: Holder): boolean {
  if (h.bootId !== bootId()) return false;
  const stat = procStat(h.pid);
  if (stat !== undefined) {
    // A killed process whose parent has not reaped it (a zombie) has ended; a process with
    // another start time only has the same number, reused after the holder ended.
    return stat !== null && !hasEnded(stat) && (h.started === undefined || h.started === stat.started);
  }
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid !== 'number' || typeof h.bootId !== 'string') return undefined;
    return { pid: h.pid, bootId: h.bootId, runId: typeof h.runId === 'string' ? h.runId : '', since: String(h.since), ...(typeof h.started === 'string' ? { started: h.started } : {}) };
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Gone meanwhile, or no log dir to read (said later by the journal's own checks): no holder.
    return undefined;
  }
}

const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The lock file's text and holder; undefined when there is none. Text that is not a holder is
 * waited for a moment: on a filesystem without hard links the lock is created, then written.
 * What stays unreadable was cut short by a crash: no live holder.
 */
function current(file: string): { text: string; holder?: Holder } | undefined {
  for (let waited = 0; ; waited += 50) {
    const text = readText(file);
    if (text === undefined) return undefined;
    const holder = parse(text);
    if (holder || waited >= SETTLE_MS) return holder ? { text, holder } : { text };
    pause(50);
  }
}

const isMine = (h: Holder | undefined, mine: Holder): boolean => h !== undefined && h.pid === mine.pid && h.started === mine.started && h.bootId === mine.bootId;

function held(logDir: string, holder: Pick<Holder, 'pid' | 'runId' | 'since'>): InputError {
  // The server's local time, as the operator reads it on the console and in backup names.
  const since = readableTime(holder.since);
  return new InputError(t(holder.runId === '' ? 'run.lock.heldStarting' : 'run.lock.held', { pid: holder.pid, runId: holder.runId, since, dir: logDir }));
}

/** The live process, other than this one, that holds logDir's lock. */
export function liveHolder(logDir: string): Pick<Holder, 'pid' | 'runId' | 'since'> | undefined {
  const holder = current(lockFile(logDir))?.holder;
  return holder && holder.pid !== process.pid && alive(holder) ? holder : undefined;
}

/** Refuses, naming the process, while another one runs steps with this log dir: said before anything is asked. */
export function refuseIfLocked(logDir: string): void {
  const holder = liveHolder(logDir);
  if (holder) throw held(logDir, holder);
}

/**
 * Refuses while a live process holds runId (or holds the lock and has not yet named its run): its
 * journal is still being written, and a report of it would say its running command had no end.
 */
export function refuseIfRunning(logDir: string, runId: string): void {
  const holder = liveHolder(logDir);
  if (holder && (holder.runId === runId || holder.runId === '')) throw held(logDir, holder);
}

const aside = (file: string): string => `${file}.${process.pid}-${randomHex(4)}`;

function remove(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Puts `text` at `file` if there is no file there yet, whole at once; false when there is one. */
function create(file: string, text: string): boolean {
  const temp = aside(file);
  writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw error;
    // No hard links here (FAT, some network shares): created, then written; readers wait for the text (current()).
    try {
      writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    remove(temp);
  }
}

/**
 * Removes the lock judged stale, only if it is still the one read (`seen`), and only while this
 * process holds the takeover guard beside it. Two processes may judge the lock at once: without
 * the guard, the second moved aside the lock the first had just put in its place, and a third
 * could take the lock before it was put back; two of them then ran steps.
 */
function takeOver(file: string, seen: string, mine: Holder): void {
  const guard = `${file}.takeover`;
  if (!create(guard, JSON.stringify(mine))) {
    const other = current(guard);
    if (other && !(other.holder && alive(other.holder))) {
      // Left by a process that ended inside its takeover, which lasts microseconds.
      if (readText(guard) === other.text) remove(guard);
    } else {
      // Another process is taking over: it holds the lock when it is done.
      pause(10);
    }
    return;
  }
  try {
    // Under the guard nothing else removes or replaces the lock: it is the stale one, or a live one.
    if (readText(file) === seen) remove(file);
  } finally {
    remove(guard);
  }
}

/**
 * Takes the log dir's run lock, or refuses naming the process that holds it. `runId` may be
 * left out by a command that takes the lock before it knows its run (RunLock.name says it later).
 */
export function takeRunLock(logDir: string, runId = ''): RunLock {
  const file = lockFile(logDir);
  const started = procStat(process.pid)?.started;
  const mine: Holder = { pid: process.pid, bootId: bootId(), runId, since: new Date().toISOString(), ...(started ? { started } : {}) };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, JSON.stringify(mine))) return ownLock(file, mine);
    const found = current(file);
    if (!found) continue;
    if (found.holder && alive(found.holder)) throw held(logDir, found.holder);
    takeOver(file, found.text, mine);
  }
  // Taken again between our look and our try: another process is starting right now.
  throw new InputError(t('run.lock.raced', { file }));
}

/** Takes the log dir's run lock for runId, or refuses naming the process that holds it. Returns its release. */
export function lockRun(logDir: string, runId: string): () => void {
  const lock = takeRunLock(logDir, runId);
  return () => lock.release();
}

function ownLock(file: string, mine: Holder): RunLock {
  let released = false;
  // Only our own: a lock taken over after this process was thought gone is not ours to touch.
  const ours = (): boolean => isMine(current(file)?.holder, mine);
  return {
    name(runId: string): void {
      if (released || runId === mine.runId || !ours()) return;
      mine.runId = runId;
      const temp = aside(file);
      writeFileSync(temp, JSON.stringify(mine), { mode: 0o600, flag: 'wx' });
      // Replaced whole: a reader never sees it half-written.
      renameSync(temp, file);
    },
    release(): void {
      if (released) return;
      released = true;
      if (ours()) remove(file);
    },
  };
}
