// The run's journal: JSON lines (src/model/journal.ts), appended and fsynced one event at a
// time so that a kill -9 leaves a readable journal, plus the human-readable log beside it.
import { accessSync, closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { FailureError, InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/args.js';
import '../i18n/messages/journal.js';
import { readFile } from '../io/fs-async.js';
import { dirname, join, resolve } from 'node:path';
import type { JournalEvent } from '../model/journal.js';
import type { Plan } from '../model/plan.js';
import { Redactor } from './redact.js';
import { refuseIfCommandRunning } from './live-command.js';
import { randomHex } from '../io/crypto.js';

export const DEFAULT_LOG_DIR = '/var/log/upgrade-wizard';

export interface RunFiles {
  journal: string;
  log: string;
  report: string;
}

export function runFiles(logDir: string, runId: string): RunFiles {
  return {
    journal: join(logDir, `run-${runId}.jsonl`),
    log: join(logDir, `run-${runId}.log`),
    report: join(logDir, `run-${runId}.md`),
  };
}

/** Sortable and unique enough: UTC time to the second plus a random suffix. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomHex(2)}`;
}

export const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);
/** A full disk or quota: freeing space is the cure; anything else (EIO, EROFS) is named as it is. */
export const isFull = (code: string): boolean => code === 'ENOSPC' || code === 'EDQUOT';

/**
 * Checks, before anything is done, that the journal can be written: a run that cannot record
 * itself must not start. Creates the directory (0700) if needed.
 */
export function ensureLogDir(logDir: string): void {
  try {
    mkdirSync(logDir, { recursive: true, mode: 0o700 });
    accessSync(logDir, constants.W_OK | constants.X_OK);
  } catch (error) {
    // mkdir -p reports ENOENT for a directory it cannot make on a read-only file system: the
    // nearest directory that exists tells the real cause.
    const found = logDirBlocker(logDir) ?? { dir: logDir, code: errnoOf(error) };
    throw new InputError(logDirMessage(logDir, found.dir, found.code));
  }
}

/** What is wrong with the log dir, and what to do, for the code logDirProblem or ensureLogDir found. */
export function logDirMessage(logDir: string, at: string, code: string): string {
  if (code === 'EROFS') return t('journal.logDir.readOnly', { dir: logDir, at, code });
  if (isFull(code)) return t('journal.logDir.full', { dir: logDir, at, code });
  if (code === 'ENOTDIR') return t('journal.logDir.notDir', { dir: logDir, at, code });
  return t('run.logDir.unwritable', { dir: logDir, code });
}

/** The directory (logDir or the nearest that exists above it) that keeps the journal from being written, and why. */
function logDirBlocker(logDir: string): { dir: string; code: string } | undefined {
  let dir = resolve(logDir);
  for (;;) {
    try {
      if (!statSync(dir).isDirectory()) return { dir, code: 'ENOTDIR' };
      accessSync(dir, constants.W_OK | constants.X_OK);
      return undefined;
    } catch (error) {
      const code = errnoOf(error);
      // Not there yet: it is made in the nearest directory that is. ENOTDIR: a file on the way
      // up, which is the one to name.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(dir) === dir) return { dir, code };
      dir = dirname(dir);
    }
  }
}

/**
 * Why the journal could not be written in logDir (an errno code), else undefined; creates
 * nothing, so that the wizard can say it before any question, when nothing may change yet.
 */
export function logDirProblem(logDir: string): string | undefined {
  return logDirBlocker(logDir)?.code;
}

export interface JournalRecord {
  runId: string;
  file: string;
  plan: Plan;
  events: JournalEvent[];
  /** From run-start: for the commands shown to continue or go back (see Place.envPrefix). */
  envPrefix?: string;
}

/**
 * A journal that cannot be read as a whole: a run is recorded there, and what it did is unknown.
 * Nothing may start, resume or roll back beside it (a new run would redo, over a half-upgraded
 * server, what that run did). line: 1-based, absent when the file itself cannot be read.
 */
export class DamagedJournal extends InputError {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    const dir = dirname(file);
    const log = file.replace(/\.jsonl$/, '.log');
    super(line === undefined ? t('journal.unreadable', { file, code: problem, dir }) : t('journal.damaged', { file, line, problem, dir, log }));
    this.name = 'DamagedJournal';
  }
}

/** Every damaged journal of a log dir at once, so that one look tells the operator all there is to deal with. */
export class DamagedJournals extends InputError {
  constructor(readonly damaged: DamagedJournal[]) {
    super(damaged.map((d) => d.message).join('\n'));
    this.name = 'DamagedJournals';
  }
}

// What a process that goes on with a run writes first: resume, a rollback's start, or the end of
// a rollback refused before its first step (src/run/rollback.ts). A process never writes one of
// these right after a line of its own that it cut short.
const isRestart = (e: JournalEvent): boolean => e.type === 'resume' || (e.type === 'rollback' && e.status === 'start') || e.type === 'run-end';

/**
 * The records of a journal's text. A line that is not a record is tolerated only where a crash
 * leaves one: cut short as the last line, or (after it was ended by JournalWriter) right before
 * the record with which the next process went on (isRestart). Anywhere else it is
 * a damaged journal: dropping it would lose a step's end, and a resume would redo what followed.
 * Undefined for a journal without any record (the first process ended before its run-start).
 */
export function parseJournal(text: string, file: string): JournalEvent[] | undefined {
  const lines = text.split('\n');
  const events: JournalEvent[] = [];
  let bad: { line: number; problem: string } | undefined;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    let problem: string | undefined;
    try {
      value = JSON.parse(line);
      if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') problem = t('journal.problem.notRecord');
    } catch (error) {
      problem = t('journal.problem.json', { error: (error as Error).message });
    }
    if (bad) {
      // The line after a bad one decides: a process going on after a crash, else damage.
      if (problem !== undefined || !isRestart(value as JournalEvent)) throw new DamagedJournal(file, bad.problem, bad.line);
      bad = undefined;
    }
    if (problem !== undefined) bad = { line: i + 1, problem };
    else events.push(value as JournalEvent);
  });
  if (events.length === 0) return undefined;
  if (events[0]?.type !== 'run-start') {
    const first = lines.findIndex((l) => l.trim() !== '');
    throw new DamagedJournal(file, t('journal.problem.noStart'), first + 1);
  }
  return events;
}

function recordOf(events: JournalEvent[], file: string): JournalRecord {
  const start = events[0] as Extract<JournalEvent, { type: 'run-start' }>;
  return { runId: start.runId, file, plan: start.plan, events, ...(start.envPrefix ? { envPrefix: start.envPrefix } : {}) };
}

/**
 * Reads a journal. A record cut short by a crash is skipped: it is the last line of the process
 * that crashed (a resumed run then goes on after it on the next line). Any other line that is
 * not a record, or a journal without its run-start, throws DamagedJournal.
 */
export async function readJournal(file: string): Promise<JournalRecord> {
  const events = parseJournal(await readFile(file, 'utf8'), file);
  if (!events) throw new DamagedJournal(file, t('journal.problem.noStart'), 1);
  return recordOf(events, file);
}

/**
 * Every run journal of the log dir, newest first, read synchronously (small files: a round trip
 * through the thread pool each cost more waiting than reading). A journal that cannot be read
 * throws DamagedJournals (all of them named): skipping it would let resume find "no unfinished run",
 * rollback "no run", and run start all over a half-upgraded server. An empty one is left out:
 * its process ended before its run began, nothing was done.
 */
export async function listJournals(logDir: string): Promise<JournalRecord[]> {
  let names: string[];
  try {
    names = readdirSync(logDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No directory, no runs; one that cannot be read must not pass for an empty one.
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new InputError(t('run.logDir.unreadable', { dir: logDir, code: code ?? String(error) }));
  }
  const files = names.filter((n) => /^run-.+\.jsonl$/.test(n)).sort().reverse();
  const out: JournalRecord[] = [];
  const damaged: DamagedJournal[] = [];
  for (const name of files) {
    const file = join(logDir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone since readdir (moved out by the operator): not a run of this dir any more.
      if (code !== 'ENOENT') damaged.push(new DamagedJournal(file, code ?? String(error)));
      continue;
    }
    try {
      const events = parseJournal(text, file);
      if (events) out.push(recordOf(events, file));
    } catch (error) {
      if (!(error instanceof DamagedJournal)) throw error;
      damaged.push(error);
    }
  }
  if (damaged.length > 0) throw new DamagedJournals(damaged);
  return out;
}

/** The last run-end event, if the run ended (a resumed run may have several). */
export function lastRunEnd(events: JournalEvent[]): Extract<JournalEvent, { type: 'run-end' }> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as JournalEvent;
    if (e.type === 'run-end') return e;
    if (e.type === 'step-start' || e.type === 'resume' || e.type === 'rollback') return undefined;
  }
  return undefined;
}

/** Ids of the steps a run has finished (done, or skipped by the operator). */
/** The last end of each step, by step id: what a step came to after its retries and resumes. */
export function lastStepEnds(events: readonly JournalEvent[]): Map<string, Extract<JournalEvent, { type: 'step-end' }>> {
  const last = new Map<string, Extract<JournalEvent, { type: 'step-end' }>>();
  for (const e of events) if (e.type === 'step-end') last.set(e.step, e);
  return last;
}

export function doneSteps(events: readonly JournalEvent[]): Set<string> {
  const done = new Set<string>();
  for (const e of events) if (e.type === 'step-end' && (e.status === 'done' || e.status === 'skipped')) done.add(e.step);
  return done;
}
