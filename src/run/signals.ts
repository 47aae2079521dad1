// Ctrl-C while a run is going: the first lets the running step finish and then stops (the
// journal stays resumable); the second kills the running child too. SIGTERM counts as Ctrl-C;
// SIGHUP (the SSH session dropped) and an output whose reader went away stop gracefully after
// the step, journaled with their own reason.
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { onOutputLost } from '../io/output-lost.js';

/** Why a run was stopped when it was not Ctrl-C: the abort's reason, journaled as it says. */
export class StopCause {
  constructor(
    readonly text: string,
    /** For a checkpoint left unanswered because of it (nobody was there to answer). */
    readonly atPrompt?: string,
  ) {}
}

/** Why a run stopped with hangupCause(): for the executor and the screens alike. */
export const hangupCause = (): StopCause => new StopCause(t('run.interrupt.hangup'), t('run.interrupt.hangupAtPrompt'));

/** The reason to journal for a stop between steps. */
export function stopReason(signal: AbortSignal | undefined): string {
  return signal?.reason instanceof StopCause ? signal.reason.text : t('run.interrupt.reason');
}

/** The reason to journal for a checkpoint that was not confirmed: the operator's, or nobody's. */
export function declinedReason(signal: AbortSignal | undefined): string {
  return signal?.reason instanceof StopCause && signal.reason.atPrompt ? signal.reason.atPrompt : t('run.interrupt.declined');
}

export interface Interrupts {
  signal: AbortSignal;
  killSignal: AbortSignal;
  dispose(): void;
}

export function watchInterrupts(say: (text: string) => void): Interrupts {
  const stop = new AbortController();
  const kill = new AbortController();
  const press = (): void => {
    if (!stop.signal.aborted) {
      stop.abort();
      say(t('run.sig.first'));
    } else if (!kill.signal.aborted) {
      kill.abort();
      say(t('run.sig.second'));
    }
  };
  // The terminal or the reader is gone: writes to it are taken by src/io/output-lost.ts, so they
  // cannot kill the run; the log still gets everything.
  const hangup = (): void => {
    if (!stop.signal.aborted) stop.abort(hangupCause());
  };
  const offLost = onOutputLost(() => {
    if (!stop.signal.aborted) stop.abort(new StopCause(t('run.interrupt.outputLost')));
  });
  process.on('SIGINT', press);
  process.on('SIGTERM', press);
  process.on('SIGHUP', hangup);
  return {
    signal: stop.signal,
    killSignal: kill.signal,
    dispose() {
      process.off('SIGINT', press);
      process.off('SIGTERM', press);
      process.off('SIGHUP', hangup);
      offLost();
    },
  };
}
