// `upgrade-wizard resume`: continue the newest unfinished run of this root from its journal.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import '../i18n/messages/resume.js';
import '../i18n/messages/run-help.js';
import { DEFAULT_LOG_DIR, ensureLogDir } from '../run/journal.js';
import { checkpointDriver } from '../run/line-prompts.js';
import { findResumable, optionalSkipAt, rebootMissing } from '../run/resumable.js';
import { refuseIfLocked } from '../run/lock.js';
import { resume } from '../run/resume.js';
import { watchInterrupts } from '../run/signals.js';
import { resumeCommand, runPlace, summarize } from '../run/summary.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  yes: { type: 'boolean', default: false },
  root: { type: 'string' },
  'log-dir': { type: 'string' },
  'rerun-step': { type: 'string' },
  'skip-step': { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('resume', args, spec);
  const say = (s: string): void => void process.stdout.write(`${s}\n`);
  if (o.help) {
    process.stdout.write(t('run.help.resume'));
    return 0;
  }
  const root = o.root ? resolve(o.root) : '';
  const logDir = resolve(o['log-dir'] ?? DEFAULT_LOG_DIR);
  refuseIfLocked(logDir);
  const point = await findResumable(logDir, root);
  const { plan } = point.record;
  const next = plan.steps[point.next];
  // Besides the interrupted step, the options may name the step the run stopped at: it is run
  // again anyway, and skipped only where the procedure calls it optional.
  const atNext = (id: string | undefined): boolean => id !== undefined && !point.halfRun && next?.id === id;
  const optionalSkip = optionalSkipAt(point, o['skip-step']);
  if (atNext(o['skip-step']) && !optionalSkip) {
    throw new InputError(t('run.resume.notOptional', { step: next?.id ?? '-', command: resumeCommand(runPlace(point.record, root, logDir)) }));
  }
  for (const id of [o['rerun-step'], o['skip-step']]) {
    if (id !== undefined && id !== point.halfRun?.step.id && !atNext(id)) {
      throw new InputError(t(point.halfRun ? 'run.resume.notHalfRun' : 'run.resume.noHalfRun', { step: id, half: point.halfRun?.step.id ?? '-', next: next?.id ?? '-' }));
    }
  }
  say(t('run.resume.found', { runId: point.record.runId, product: plan.product, done: point.next, total: plan.steps.length, next: next ? `${next.id}: ${next.title}` : '-' }));
  // A checkpoint is simply asked again; anything else may have half-run and is checked first.
  const half = point.halfRun;
  if (half) say(t(o['skip-step'] ? 'run.resume.willSkip' : o['rerun-step'] ? 'run.resume.willRerun' : half.declined ? 'run.resume.willAskDeclined' : half.step.manual ? 'run.resume.willAskAgain' : 'run.resume.willRecheck', { step: half.step.id }));
  if (optionalSkip) say(t('run.resume.willSkip', { step: optionalSkip.id }));
  const missing = rebootMissing(point);
  if (missing) say(t('run.resume.rebootMissing', { number: missing.number, title: missing.step.title }));
  const place = runPlace(point.record, root, logDir);
  const driver = await checkpointDriver(o.yes, plan, t('run.resume.ask'), t('run.resume.needYes', { command: resumeCommand(place) }));
  ensureLogDir(logDir);
  const interrupts = watchInterrupts(say);
  try {
    const result = await resume(point, driver, {
      logDir,
      root,
      signal: interrupts.signal,
      killSignal: interrupts.killSignal,
      confirmedBy: o.yes ? '--yes' : 'operator',
      rerunStep: o['rerun-step'],
      skipStep: o['skip-step'],
    });
    const { lines, exitCode } = summarize(plan, result, { ...place, unattended: o.yes });
    for (const line of lines) say(line);
    return exitCode;
  } finally {
    interrupts.dispose();
  }
}
