// Standard output and error whose reader went away: `| head` that had its lines, a `| tee` that
// the Ctrl-C meant for the wizard also ended, an SSH session gone. Every later write fails
// (EPIPE, EIO), and an unhandled stream error ends the process wherever it is: in the middle of
// a step (a conf directory moved aside and not yet copied back), with no journal end, no report
// and the run lock left behind. Instead the error is taken here, once for the process, and a
// run that listens (src/run/signals.ts) stops cleanly after its running step.
import { guardStreams, startTerminals, terminalGone } from './stdio.js';

let lost = false;
const listeners = new Set<() => void>();

/** The output's reader is gone: said once to every listener. */
function outputGone(): void {
  if (lost) return;
  lost = true;
  for (const l of listeners) l();
}

/** Called once at start-up, before anything is written. */
export function guardOutput(): void {
  guardStreams(outputGone);
  startTerminals();
  process.on('exit', endIfTerminalGone);
}

/**
 * At the end of a process whose terminal has gone: ends it by SIGHUP, as the hang-up would
 * have, once the wizard has journaled its stop. A normal exit makes Node.js 20 restore the
 * terminal's settings, which on a terminal that is gone aborts the process with an assertion and
 * a native stack trace (tcsetattr fails with EIO, nodejs/node#51519); a death by signal skips it.
 */
function endIfTerminalGone(): void {
  if (process.platform === 'win32' || !terminalGone()) return;
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}

/** Calls `listener` when the output is lost (at once if it already is); returns the unsubscribe. */
export function onOutputLost(listener: () => void): () => void {
  if (lost) listener();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
