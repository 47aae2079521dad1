// Ctrl-C while a run is going: the first lets the running step finish and then stops (the
// journal stays resumable); the second kills the running child too. SIGTERM (a shutdown) does
// the same while a step runs, said and journaled as SIGTERM (the kill too: a service manager's
// second SIGTERM is not "Ctrl-C pressed twice"); SIGHUP (the SSH session dropped) and
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
    readonly atPrompt: string | undefined,
    /** What stopped it, in a few words for the summary's sentence ("after SIGTERM"). */
    readonly what: string,
  ) {}
}

/** What stopped a run whose stop signal is `signal`, in a few words: Ctrl-C unless it says otherwise. */
export const stoppedBy = (signal: AbortSignal | undefined): string => (signal?.reason instanceof StopCause ? signal.reason.what : 'Ctrl-C');

/** Why a run stopped with hangupCause(): for the executor and the screens alike. */
export const hangupCause = (): StopCause => new StopCause(t('run.interrupt.hangup'), t('run.interrupt.hangupAtPrompt'), t('run.cause.hangup'));

/** Why a run stopped on SIGTERM: said and journaled as such, not as Ctrl-C. */
export const sigtermCause = (): StopCause => new StopCause(t('run.interrupt.sigterm'), t('run.interrupt.sigtermAtPrompt'), 'SIGTERM');

/** What asks a run to stop, or to kill its running command: the key, or kill from elsewhere. */
export type Press = 'ctrl-c' | 'sigterm';

/**
 * What killed the running command, named as it came: Ctrl-C twice, SIGTERM twice, or `late-*`,
 * one of them while the run was already stopping for another cause (the other of the two, the
 * terminal gone). Kept in the run's result for the summary; absent in results before it.
 */
export type KilledBy = Press | 'late-ctrl-c' | 'late-sigterm';

/** The kill signal's reason: what killed the command. */
export class KillCause {
  constructor(readonly by: KilledBy) {}
}

/** The kill by `second` after a stop asked by `first` (undefined or 'other': not a press). */
export const killCause = (first: Press | 'other' | undefined, second: Press): KillCause => new KillCause(first === second ? second : `late-${second}`);

/** What killed the command of a run whose kill signal is `kill`: Ctrl-C twice unless it says otherwise. */
export const killedBy = (kill: AbortSignal | undefined): KilledBy => (kill?.reason instanceof KillCause ? kill.reason.by : 'ctrl-c');

/** A message key for the kill by `by`: `base` is Ctrl-C twice's, the others add their name to it. */
export function killedKey(base: 'run.killed' | 'run.interrupt.killed' | 'run.sum.stopped.killed', by: KilledBy | undefined): string {
  return by === undefined || by === 'ctrl-c' ? base : by === 'sigterm' ? `${base}.sigterm` : `${base}.late`;
}

/** The words of killedKey's late kills: which signal came while the run was stopping. */
export const killedWords = (by: KilledBy | undefined): Record<string, string> => ({ signal: by === 'late-ctrl-c' ? 'Ctrl-C' : 'SIGTERM' });

/** Why a killed command failed: "{command} was killed after …", as it was killed. */
export const killedText = (kill: AbortSignal | undefined, command: string): string => {
  const by = killedBy(kill);
  return t(killedKey('run.killed', by), { command, ...killedWords(by) });
};

/** The reason journaled for the kill by `by`. */
export const killedReason = (by: KilledBy): string => t(killedKey('run.interrupt.killed', by), killedWords(by));

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
  // What asked for the stop, for the kill to name both when it comes.
  let asked: Press | 'other' | undefined;
  const stopWith = (by: Press | 'other', cause: StopCause | undefined): boolean => {
    if (stop.signal.aborted) return false;
    asked = by;
    stop.abort(cause);
    return true;
  };
  // At a prompt: the prompt is answered "stop" and the run stops with `cause`; nothing is printed
  // onto the prompt's line, where no step runs to finish first.
  const stopPrompt = (by: Press | 'other', cause: StopCause): boolean => {
    if (openPrompt === undefined) return false;
    stopWith(by, cause);
    openPrompt.abort(cause);
    return true;
  };
  const press = (by: Press): void => {
    const term = by === 'sigterm';
    if (stopWith(by, term ? sigtermCause() : undefined)) {
      say(t(term ? 'run.sig.term' : 'run.sig.first'));
    } else if (!kill.signal.aborted) {
      kill.abort(killCause(asked, by));
      say(t(term ? 'run.sig.termSecond' : 'run.sig.second'));
    }
  };
  const ctrlC = (): void => press('ctrl-c');
  const term = (): void => {
    if (!stopPrompt('sigterm', sigtermCause())) press('sigterm');
  };
  // The terminal or the reader is gone: writes to it are taken by src/io/output-lost.ts, so they
  // cannot kill the run; the log still gets everything.
  const hangup = (): void => {
    if (!stopPrompt('other', hangupCause())) stopWith('other', hangupCause());
  };
  const offLost = onOutputLost(() => {
    stopWith('other', new StopCause(t('run.interrupt.outputLost'), undefined, t('run.cause.outputLost')));
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
