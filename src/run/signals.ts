// Ctrl-C while a run is going: the first lets the running step finish and then stops (the
// journal stays resumable); the second kills the running child too. SIGTERM (a shutdown) does
// the same while a step runs, said and journaled as SIGTERM; SIGHUP (the SSH session dropped) and
// an output whose reader went away stop gracefully after the step, journaled with their own
// reason. At a terminal prompt nothing runs: SIGTERM and SIGHUP answer it "stop" at once.
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

/** Why a run stopped on SIGTERM: said and journaled as such, not as Ctrl-C. */
export const sigtermCause = (): StopCause => new StopCause(t('run.interrupt.sigterm'), t('run.interrupt.sigtermAtPrompt'));

/** The prompt that waits for the operator (src/run/line-prompts.ts), while one does. */
let openPrompt: AbortController | undefined;

/**
 * Asks with `ask`, which gets the signal that cancels its prompt: SIGTERM or SIGHUP meanwhile
 * cancels it (the prompt's caller answers "stop"), and the run's stop carries the cause.
 */
export async function atPrompt<T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const outer = openPrompt;
  openPrompt = controller;
  try {
    return await ask(controller.signal);
  } finally {
    openPrompt = outer;
  }
}

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
  // At a prompt: the prompt is answered "stop" and the run stops with `cause`; nothing is printed
  // onto the prompt's line, where no step runs to finish first.
  const stopPrompt = (cause: StopCause): boolean => {
    if (openPrompt === undefined) return false;
    if (!stop.signal.aborted) stop.abort(cause);
    openPrompt.abort(cause);
    return true;
  };
  const press = (cause?: StopCause): void => {
    if (!stop.signal.aborted) {
      stop.abort(cause);
      say(t(cause ? 'run.sig.term' : 'run.sig.first'));
    } else if (!kill.signal.aborted) {
      kill.abort();
      say(t(cause ? 'run.sig.termSecond' : 'run.sig.second'));
    }
  };
  const ctrlC = (): void => press();
  const term = (): void => {
    if (!stopPrompt(sigtermCause())) press(sigtermCause());
  };
  // The terminal or the reader is gone: writes to it are taken by src/io/output-lost.ts, so they
  // cannot kill the run; the log still gets everything.
  const hangup = (): void => {
    if (!stopPrompt(hangupCause()) && !stop.signal.aborted) stop.abort(hangupCause());
  };
  const offLost = onOutputLost(() => {
    if (!stop.signal.aborted) stop.abort(new StopCause(t('run.interrupt.outputLost')));
  });
  process.on('SIGINT', ctrlC);
  process.on('SIGTERM', term);
  process.on('SIGHUP', hangup);
  return {
    signal: stop.signal,
    killSignal: kill.signal,
    dispose() {
      process.off('SIGINT', ctrlC);
      process.off('SIGTERM', term);
      process.off('SIGHUP', hangup);
      offLost();
    },
  };
}
