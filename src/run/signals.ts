// Ctrl-C while a run is going: the first lets the running step finish and then stops (the
// journal stays resumable); the second kills the running child too. SIGTERM counts as Ctrl-C;
// SIGHUP (the SSH session dropped) stops gracefully after the step.
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';

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
  const hangup = (): void => {
    // The terminal is gone: writing to it must not kill the run; the log still gets everything.
    process.stdout.on('error', () => undefined);
    process.stderr.on('error', () => undefined);
    if (!stop.signal.aborted) stop.abort();
  };
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
    },
  };
}
