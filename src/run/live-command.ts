// Whether a command an earlier wizard process started is still running. Each command runs in its
// own process group (src/run/proc.ts, detached), so a kill -9 of the wizard leaves it running
// with parent 1; a resume or rollback started meanwhile would run beside it (two database
// upgrades at once). The journal's command-start records the group and its leader's start time.
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/journal.js';
import type { JournalEvent } from '../model/journal.js';
// Types only: journal.ts imports this module.
import type { JournalRecord } from './journal.js';
import { readableTime } from '../io/backup-name.js';
import { shownArgv } from '../quote.js';
import { bootId } from './boot-id.js';
import { hasEnded, procStat } from './proc-stat.js';

type CommandStart = Extract<JournalEvent, { type: 'command-start' }>;


/** Whether the group the command-start names is still there, and is that command's, not a later one with the same number. */
export function groupAlive(c: CommandStart, now = bootId()): boolean {
  // A reboot ended every process; before it, a number may have been given again.
  if (c.boot !== undefined && now !== '' && c.boot !== now) return false;
  try {
    process.kill(-c.pgid, 0);
  } catch (error) {
    // EPERM: the group exists, under another user (a command that changed its user).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const leader = procStat(c.pgid);
  // Without /proc or a recorded start time, the group's existence is all there is to go by.
  if (leader === undefined || c.started === undefined) return true;
  // While any member of a group lives its number is not given to another process: a live
  // leader with another start time means the command's group ended and the number was reused.
  if (leader !== null && !hasEnded(leader)) return leader.pgrp === c.pgid && leader.started === c.started;
  // The command itself has ended. What it left in its group is not it: an init script's `start`
  // leaves its daemon there (no setsid), and that daemon is the service the step started; taking
  // it for the command refused every resume and advised killing the service.
  return false;
}

/**
 * Commands of a run that started and have no end in the journal (the wizard was killed or
 * crashed while they ran), newest first. A command that ended is not one: what its group left
 * behind (a daemon it started) is the server's normal state.
 */
export function unendedCommands(events: readonly JournalEvent[]): CommandStart[] {
  const open: CommandStart[] = [];
  let running: CommandStart | undefined;
  for (const e of events) {
    if (e.type === 'command-start') {
      if (running) open.push(running);
      running = e;
    } else if (e.type === 'command' && running && e.step === running.step) running = undefined;
    else if (running && (e.type === 'resume' || e.type === 'run-start' || (e.type === 'rollback' && e.status === 'start'))) {
      // The next process's part: the wizard that started it is gone.
      open.push(running);
      running = undefined;
    }
  }
  if (running) open.push(running);
  return open.reverse();
}

/** The newest command of the run that was started by an earlier process, never ended in the journal, and still runs. */
export function liveCommand(events: readonly JournalEvent[]): CommandStart | undefined {
  const now = bootId();
  return unendedCommands(events).find((c) => groupAlive(c, now));
}

/** What the operator is told while such a command runs: what, since when, how to see and end it. */
export function liveCommandMessage(runId: string, c: CommandStart, key: 'journal.liveCommand' | 'journal.liveCommandNewRun' = 'journal.liveCommand'): string {
  return t(key, { runId, step: c.step, command: shownArgv(c.argv, undefined), pgid: c.pgid, since: readableTime(c.time) });
}

/** A command an earlier process of the run started still runs (exit 2, nothing done). */
export class CommandStillRunning extends InputError {}

/**
 * Refuses a new run while a command of any run of the log dir (another root, an older run
 * included) still runs from a wizard that was killed: the new run would start the same tools
 * beside it, or over what it is changing.
 */
export function refuseIfAnyCommandRunning(records: readonly Pick<JournalRecord, 'runId' | 'events'>[]): void {
  for (const r of records) {
    const live = liveCommand(r.events);
    if (live) throw new CommandStillRunning(liveCommandMessage(r.runId, live, 'journal.liveCommandNewRun'));
  }
}

/** Refuses while a command an earlier process of the run started still runs. */
export function refuseIfCommandRunning(runId: string, events: readonly JournalEvent[]): void {
  const live = liveCommand(events);
  if (live) throw new CommandStillRunning(liveCommandMessage(runId, live));
}
