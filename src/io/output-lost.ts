// Standard output and error whose reader went away: `| head` that had its lines, a `| tee` that
// the Ctrl-C meant for the wizard also ended, an SSH session gone. Every later write fails
// (EPIPE, EIO), and an unhandled stream error ends the process wherever it is: in the middle of
// a step (a conf directory moved aside and not yet copied back), with no journal end, no report
// and the run lock left behind. Instead the error is taken here, once for the process, and a
// run that listens (src/run/signals.ts) stops cleanly after its running step.

let lost = false;
const listeners = new Set<() => void>();

function gone(): void {
  if (lost) return;
  lost = true;
  for (const l of listeners) l();
}

/** Called once at start-up, before anything is written. */
export function guardOutput(): void {
  process.stdout.on('error', gone);
  process.stderr.on('error', gone);
}

/** Calls `listener` when the output is lost (at once if it already is); returns the unsubscribe. */
export function onOutputLost(listener: () => void): () => void {
  if (lost) listener();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
