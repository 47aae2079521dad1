// The writer of a run's journal (JSON lines, fsync'ed) and its human log: every record whole or
// not at all, and a file system that fills up stops the run with where it stands and how to go
// on. Kept apart from the readers (src/run/journal.ts): the plan and the welcome read journals
// and have no use for the commands this writer's messages name.
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { FailureError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/journal.js';
import type { JournalEvent } from '../model/journal.js';
import { errnoOf, isFull, parseJournal, runFiles, type RunFiles } from './journal.js';
import { refuseIfCommandRunning } from './live-command.js';
import { Redactor } from './redact.js';
import { resumeCommand, rollbackCommand } from './summary.js';

function lastByte(file: string, size: number): number {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] as number;
  } finally {
    closeSync(fd);
  }
}

/** Where a run stands as far as its journal knows: the last step record written. */
interface LastStep {
  step: string;
  status: 'start' | 'done' | 'skipped' | 'failed';
}

/**
 * The journal (or the log beside it) could not be written: the log dir's file system is full,
 * or failing. The run stops at once (a run that cannot record itself must not go on), the
 * journal ends with its last whole record, and the message says where the run stands.
 */
export class JournalWriteError extends FailureError {
  constructor(
    readonly dir: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JournalWriteError';
  }
}


/** Writes all of text at the end of fd, or none of it: a failure cuts the file back to `size`. */
function appendWhole(fd: number, size: number, text: string): number {
  const buf = Buffer.from(text);
  let done = 0;
  try {
    // writeSync may write part of the buffer (the last free block) and return: the rest is retried, and fails.
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    return size + buf.length;
  } catch (error) {
    try {
      ftruncateSync(fd, size);
    } catch {
      // Shrinking needs no space; if even that fails the reader's tolerance of a cut last line is what is left.
    }
    throw error;
  }
}

export class JournalWriter {
  readonly files: RunFiles;
  private readonly journalFd: number;
  private readonly logFd: number;
  private journalSize: number;
  private logSize: number;
  private last: LastStep | undefined;
  /** From the run-start: the commands shown to go on act where the run did. */
  private root = '';
  private envPrefix: string | undefined;
  /** Why the log could not be written, once it could not: the next journal record stops the run. */
  private logFailure: string | undefined;

  constructor(
    readonly logDir: string,
    readonly runId: string,
    readonly redact: Redactor,
  ) {
    // 0700 / 0600: the journal holds paths and output of a server's maintenance.
    mkdirSync(logDir, { recursive: true, mode: 0o700 });
    this.files = runFiles(logDir, runId);
    // Every process that goes on with a run (resume, rollback, the wizard's resume) opens its
    // journal here: the one place that sees them all refuses, before a record is written, while
    // a command an earlier, killed process started still runs.
    if (existsSync(this.files.journal)) {
      const events = parseJournal(readFileSync(this.files.journal, 'utf8'), this.files.journal);
      if (events) {
        refuseIfCommandRunning(runId, events);
        for (const e of events) this.note(e);
      }
    }
    this.journalFd = openSync(this.files.journal, 'a', 0o600);
    this.logFd = openSync(this.files.log, 'a', 0o600);
    this.journalSize = fstatSync(this.journalFd).size;
    this.logSize = fstatSync(this.logFd).size;
    // A crash may have cut the last record short: end it, so new records start on their own line.
    try {
      if (this.journalSize > 0 && lastByte(this.files.journal, this.journalSize) !== 0x0a) this.journalSize = appendWhole(this.journalFd, this.journalSize, '\n');
      if (this.logSize > 0 && lastByte(this.files.log, this.logSize) !== 0x0a) this.logSize = appendWhole(this.logFd, this.logSize, '\n');
    } catch (error) {
      this.close();
      throw this.failure(errnoOf(error), undefined);
    }
  }

  private note(e: JournalEvent): void {
    if (e.type === 'run-start') {
      this.root = e.plan.root;
      this.envPrefix = e.envPrefix;
    } else if (e.type === 'step-start') this.last = { step: e.step, status: 'start' };
    else if (e.type === 'step-end') this.last = { step: e.step, status: e.status };
  }

  append(event: JournalEvent): void {
    if (this.logFailure !== undefined) throw this.failure(this.logFailure, event);
    try {
      this.journalSize = appendWhole(this.journalFd, this.journalSize, `${JSON.stringify(this.redact.value(event))}\n`);
      fsyncSync(this.journalFd);
      fsyncSync(this.logFd);
    } catch (error) {
      throw this.failure(errnoOf(error), event);
    }
    this.note(event);
  }

  /**
   * One or more lines of the human log; each gets the time in front. It never throws (it is
   * called from a command's output handlers, where a throw would crash the process): a failure
   * is kept, and the next journal record stops the run with it.
   */
  log(text: string): void {
    if (this.logFailure !== undefined) return;
    const time = new Date().toISOString();
    const lines = this.redact.text(text).replace(/\n$/, '').split('\n');
    try {
      this.logSize = appendWhole(this.logFd, this.logSize, lines.map((l) => `${time} ${l}\n`).join(''));
    } catch (error) {
      this.logFailure = errnoOf(error);
    }
  }

  /** The error that stops the run: where the log dir stands, where the run does, how to go on. */
  private failure(code: string, lost: JournalEvent | undefined): JournalWriteError {
    const dir = this.logDir;
    const record =
      lost === undefined
        ? t('journal.write.recordNone')
        : lost.type === 'step-end'
          ? t('journal.write.recordStepEnd', { step: lost.step, status: t(`run.report.state.${lost.status}`) })
          : 'step' in lost && lost.step !== undefined
            ? t('journal.write.recordOfStep', { type: lost.type, step: lost.step })
            : t('journal.write.record', { type: lost.type });
    const last = this.last;
    const where =
      last === undefined
        ? t('journal.write.lastNone')
        : last.status === 'start'
          ? t('journal.write.lastStarted', { step: last.step })
          : t('journal.write.lastEnded', { step: last.step, status: t(`run.report.state.${last.status}`) });
    const place = { root: this.root, logDir: dir, unattended: false, ...(this.envPrefix ? { envPrefix: this.envPrefix } : {}) };
    // A rollback's steps are "POINT/STEP": that run goes on with rollback, which resume refuses.
    const point = last?.step.includes('/') ? last.step.split('/')[0] : undefined;
    const command = point !== undefined ? rollbackCommand(place, point) : resumeCommand(place);
    const what = this.logFailure !== undefined && code === this.logFailure ? this.files.log : this.files.journal;
    return new JournalWriteError(dir, code, t(isFull(code) ? 'journal.write.full' : 'journal.write.failed', { dir, code, file: what, record, where, command, runId: this.runId }));
  }

  close(): void {
    closeSync(this.journalFd);
    closeSync(this.logFd);
  }
}
