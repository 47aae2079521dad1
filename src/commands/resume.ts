// `upgrade-wizard resume`: continue the newest unfinished run of this root from its journal.
import type { PlannedStep } from '../model/plan.js';
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import '../i18n/messages/resume.js';
import '../i18n/messages/run-help.js';
import { ensureLogDir, lastStepEnds } from '../run/journal.js';
import { checkpointDriver } from '../run/line-prompts.js';
import { findResumable, optionalSkipAt, rebootMissing, resumeRechecks, UnfinishedRollback, type ResumePoint } from '../run/resumable.js';
import { refuseIfCommandRunning } from '../run/live-command.js';
import { refuseIfLocked } from '../run/lock.js';
import { resume } from '../run/resume.js';
import { handlers } from '../run/steps/index.js';
import { resumeCommand, runPlace, selfCommand } from '../run/summary.js';
import { printHelp, rootAndLogDir, runToSummary, say, withRunLock } from './run-frame.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  yes: { type: 'boolean', default: false },
  root: { type: 'string' },
  'log-dir': { type: 'string' },
  'rerun-step': { type: 'string' },
  'skip-step': { type: 'string' },
} as const;

type Options = { 'rerun-step'?: string; 'skip-step'?: string };

/** The newest unfinished run; a rollback left unfinished also says how to start over instead. */
async function found(logDir: string, root: string): Promise<ResumePoint> {
  try {
    const point = await findResumable(logDir, root);
    // Before anything is asked or shown as the next step: a command a killed wizard left running.
    refuseIfCommandRunning(point.record.runId, point.record.events);
    return point;
  } catch (error) {
    if (!(error instanceof UnfinishedRollback)) throw error;
    throw new InputError(`${error.message}. ${t('run.resume.orNewRun', { command: selfCommand(['run', '--product', error.product]) })}`);
  }
}

/**
 * Refuses --rerun-step/--skip-step that do not fit where the run stopped, before anything is
 * asked: an id the run has not, a step other than the one it goes on at, a skip of a required step.
 */
function checkStepOptions(o: Options, point: ResumePoint, root: string, logDir: string): void {
  const { plan } = point.record;
  const rerun = o['rerun-step'];
  const skip = o['skip-step'];
  if (rerun !== undefined && skip !== undefined) throw new InputError(t('run.resume.bothOptions', { rerun, skip }));
  const id = rerun ?? skip;
  if (id === undefined) return;
  const option = rerun !== undefined ? '--rerun-step' : '--skip-step';
  if (!plan.steps.some((s) => s.id === id)) {
    const steps = plan.steps.map((s, i) => `  ${i + 1}. ${s.id}: ${s.title}`).join('\n');
    throw new InputError(t('run.resume.noSuchStep', { option, step: id, runId: point.record.runId, steps }));
  }
  const half = point.halfRun;
  const at: PlannedStep | undefined = half?.step ?? plan.steps[point.next];
  if (id !== at?.id) {
    const how = half ? (half.declined ? 'declined' : 'interrupted') : at && lastStepEnds(point.record.events).get(at.id)?.status === 'failed' ? 'failed' : 'next';
    const stop = at ? `${plan.steps.indexOf(at) + 1} (${at.id})` : '-';
    throw new InputError(t('run.resume.notStopStep', { option, step: id, stop, how: t(`run.resume.how.${how}`) }));
  }
  if (skip === undefined) return;
  const place = runPlace(point.record, root, logDir);
  // A declined step did nothing at all: skipping it leaves a required step undone, as for a failed one.
  if (half?.declined && !half.step.skippable) {
    throw new InputError(t('run.resume.declinedNotOptional', { step: skip, command: resumeCommand({ ...place, unattended: false }) }));
  }
  // A required step cut short that checks itself (a backup killed leaves only its .partial):
  // resume finds out whether it finished and runs it again if not; a skip went on without it.
  // One that cannot check itself (clpdown, which took the machine down) keeps --skip-step as
  // the operator's "it did complete", as the screens' resume offers it.
  if (half && !half.step.skippable && (half.probedOnly || resumeRechecks(half.step, handlers[half.step.kind]))) {
    const number = plan.steps.findIndex((s) => s.id === half.step.id) + 1;
    throw new InputError(t('run.resume.halfRunNotOptional', { step: skip, number, title: half.step.title, resume: resumeCommand(place), rerun: resumeCommand(place, ['--rerun-step', skip]) }));
  }
  if (!half && !optionalSkipAt(point, skip)) throw new InputError(t('run.resume.notOptional', { step: skip, command: resumeCommand(place) }));
}

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('resume', args, spec);
  if (o.help) return printHelp('run.help.resume');
  const { root, logDir } = rootAndLogDir(o);
  refuseIfLocked(logDir);
  // Refusals that need no lock first: nothing is created for a run that is not there.
  checkStepOptions(o, await found(logDir, root), root, logDir);
  ensureLogDir(logDir);
  // Taken before the journal is read for good and before the question: an answer given minutes
  // later must not act on a point another resume has since moved past.
  return withRunLock({ root, logDir }, async (lock) => {
    const point = await found(logDir, root);
    lock.name(point.record.runId);
    checkStepOptions(o, point, root, logDir);
    const { plan } = point.record;
    const next = plan.steps[point.next];
    say(t('run.resume.found', { runId: point.record.runId, product: plan.product, done: point.next, total: plan.steps.length, next: next ? `${next.id}: ${next.title}` : '-' }));
    // A checkpoint is simply asked again; anything else may have half-run and is checked first.
    const half = point.halfRun;
    if (half) say(t(o['skip-step'] ? 'run.resume.willSkip' : o['rerun-step'] ? 'run.resume.willRerun' : half.declined ? 'run.resume.willAskDeclined' : half.step.manual ? 'run.resume.willAskAgain' : 'run.resume.willRecheck', { step: half.step.id }));
    const optionalSkip = optionalSkipAt(point, o['skip-step']);
    if (optionalSkip) say(t('run.resume.willSkip', { step: optionalSkip.id }));
    const missing = rebootMissing(point);
    if (missing) say(t('run.resume.rebootMissing', { number: missing.number, title: missing.step.title }));
    const place = runPlace(point.record, root, logDir);
    // Without the reboot the step stopped for, the unattended command is for after it.
    const needYes = missing ? t('run.resume.needYesAfterReboot', { number: missing.number, title: missing.step.title, command: resumeCommand(place) }) : t('run.resume.needYes', { command: resumeCommand(place) });
    const driver = await checkpointDriver(o.yes, plan, t('run.resume.ask'), needYes);
    return runToSummary(plan, place, { yes: o.yes, lock }, (options) => resume(point, driver, { ...options, rerunStep: o['rerun-step'], skipStep: o['skip-step'] }));
  });
}
