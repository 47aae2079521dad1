// What the operator reads when a run, resume or rollback ends: the state, and the exact
// commands to continue or to go back.
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import { quoteArgv, quoteCmdArgv } from '../quote.js';
import '../i18n/messages/run.js';
import { DEFAULT_LOG_DIR, type JournalRecord } from './journal.js';
import { restorePointAt } from '../plan/restore-point.js';
import type { RunResult } from './session.js';
import { killedKey, killedWords } from './signals.js';

export interface Place {
  root: string;
  logDir: string;
  /**
   * What the shown commands need before them to act where this run did: the demo's sandbox has
   * stand-ins on PATH, and a command pasted without them would run the real service commands.
   */
  envPrefix?: string;
  /**
   * false when an operator answers the run's checkpoints (the wizard, a resume at a terminal):
   * the commands shown then leave out --yes, which would confirm the manual steps unseen.
   */
  unattended?: boolean;
}

/** Where a journaled run acts, with the PATH prefix its journal kept (the demo's stand-ins). */
export function runPlace(record: Pick<JournalRecord, 'envPrefix'>, root: string, logDir: string, unattended?: boolean): Place {
  return { root, logDir, ...(unattended === undefined ? {} : { unattended }), ...(record.envPrefix ? { envPrefix: record.envPrefix } : {}) };
}

export function placeArgs(p: Place): string[] {
  return [...(p.root ? ['--root', p.root] : []), ...(p.logDir !== DEFAULT_LOG_DIR ? ['--log-dir', p.logDir] : [])];
}

/**
 * The command that runs this wizard again with args, as the operator can paste it: how it was
 * started, which its launcher says in UPGRADE_WIZARD_SELF (a CD copy or the standalone executable
 * are on no PATH, and a plain "upgrade-wizard resume" after a reboot would be "command not
 * found"). The value is the launcher's absolute path (upgrade-wizard.sh runs through sh, since a
 * CD is often mounted without exec permission; upgrade-wizard.cmd or the executable as they
 * are), or "npx" when npx started it; without it, the installed command "upgrade-wizard".
 */
export function selfCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const self = env.UPGRADE_WIZARD_SELF ?? '';
  const start = self === '' ? ['upgrade-wizard'] : self === 'npx' ? ['npx', 'upgrade-wizard'] : /\.sh$/.test(self) ? ['sh', self] : [self];
  return platform === 'win32' ? quoteCmdArgv([...start, ...args]) : quoteArgv([...start, ...args]);
}

function shown(p: Place, args: string[]): string {
  return `${p.envPrefix ?? ''}${selfCommand(args)}`;
}

const yes = (p: Place): string[] => (p.unattended === false ? [] : ['--yes']);

export function resumeCommand(p: Place, extra: string[] = []): string {
  return shown(p, ['resume', ...yes(p), ...placeArgs(p), ...extra]);
}

/** Whether the rollback to `point` has steps a person does (restores by hand): --yes would record them as done unseen. */
export function rollbackIsManual(plan: Pick<Plan, 'restorePoints'>, point: string): boolean {
  return plan.restorePoints.find((r) => r.id === point)?.rollback.some((s) => s.manual) ?? false;
}

/**
 * The rollback command. Given the plan, a rollback with manual steps is shown without --yes even
 * after an unattended run: pasted, --yes "confirmed" every restore by hand in milliseconds.
 */
export function rollbackCommand(p: Place, point: string, plan?: Pick<Plan, 'restorePoints'>): string {
  const attended = plan !== undefined && rollbackIsManual(plan, point);
  return shown(p, ['rollback', '--to', point, ...placeArgs(p), ...(attended ? [] : yes(p))]);
}

export interface SummaryOptions {
  /**
   * Whether resume goes on by itself after step was cut short (its handler checks it, or it is
   * safe to run again); false: resume stops and asks for --rerun-step or --skip-step, which the
   * summary then says at once. Unknown (the screens, whose resume asks) without it.
   */
  rechecks?: (step: PlannedStep) => boolean;
}

/** Lines for the end of a run, and the exit code it deserves. */
export function summarize(plan: Plan, result: RunResult, place: Place, options: SummaryOptions = {}): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  const files = result.files;
  const index = result.step ? plan.steps.findIndex((s) => s.id === result.step) : -1;
  const point = index >= 0 ? restorePointAt(plan.steps, index) : undefined;
  const titleOf = (id: string): string => plan.restorePoints.find((r) => r.id === id)?.title ?? id;
  // The operator reads a step by its number and title; the id is what --rerun-step takes.
  const step = index >= 0 ? t('run.sum.step', { number: index + 1, title: plan.steps[index]!.title, id: plan.steps[index]!.id }) : (result.step ?? '-');
  const back = point ? [goBack(plan, place, point, index)] : [];
  // A rollback's own steps are "POINT/STEP": a stopped rollback is finished with rollback; resume refuses its run.
  const rollingBack = result.step === undefined ? undefined : plan.restorePoints.find((r) => result.step!.startsWith(`${r.id}/`))?.id;
  let exitCode = 1;
  switch (result.status) {
    case 'done':
      lines.push(
        result.skipped === undefined
          ? t('run.sum.done', { runId: result.runId, count: plan.steps.length })
          : t('run.sum.doneSkipped', {
              runId: result.runId,
              count: plan.steps.length,
              done: plan.steps.length - result.skipped.length,
              skipped: result.skipped.length,
              steps: result.skipped.map((id) => `${plan.steps.findIndex((s) => s.id === id) + 1} (${id})`).join(', '),
            }),
        ...(plan.next ?? []).map((text) => t('run.sum.next', { text })),
      );
      exitCode = 0;
      break;
    case 'dry-run':
      lines.push(t('run.sum.dryRun'));
      exitCode = 0;
      break;
    case 'rolled-back':
      lines.push(t('run.sum.rolledBack', { point: result.step ?? '-', title: titleOf(result.step ?? '-') }));
      exitCode = 0;
      break;
    case 'stopped':
      if (result.reason === 'reboot') {
        lines.push(t('run.sum.reboot', { step, command: resumeCommand(place) }));
        exitCode = 0;
      } else if (result.reason === 'half-run') {
        lines.push(
          t('run.sum.halfRun', {
            step,
            rerun: resumeCommand(place, ['--rerun-step', result.step ?? '-']),
            skip: resumeCommand(place, ['--skip-step', result.step ?? '-']),
          }),
          ...back,
        );
        exitCode = 2;
      } else if (rollingBack) {
        lines.push(stoppedText(result, step), t('run.sum.finishRollback', { command: rollbackCommand(place, rollingBack, plan) }));
      } else if ((result.reason === 'killed' || result.reason === 'wait-stopped') && index >= 0 && options.rechecks?.(plan.steps[index]!) === false) {
        // resume would stop at once asking for one of these: said now, with both commands.
        lines.push(
          stoppedText(result, step),
          t('run.sum.halfRun', {
            step,
            rerun: resumeCommand(place, ['--rerun-step', result.step ?? '-']),
            skip: resumeCommand(place, ['--skip-step', result.step ?? '-']),
          }),
          ...back,
        );
      } else {
        // The operator stopped it: there is no cause to fix, only the run to continue.
        // A declined step did nothing: it is asked again, not checked for a half-done effect;
        // a stop between steps cut none short: the run simply goes on.
        const resumeText = result.reason === 'declined' ? 'run.sum.continueAsk' : result.reason === 'interrupted' ? 'run.sum.continueAt' : 'run.sum.continue';
        lines.push(stoppedText(result, step), t(resumeText, { command: resumeCommand(place) }), ...back);
      }
      break;
    case 'failed':
      // Refused before its first step: the error says what is missing and what to do; the run is as it was.
      if (result.reason === 'rollback-refused') {
        lines.push(result.error ?? '');
        exitCode = 2;
        break;
      }
      if (result.reason === 'rollback-failed') {
        const rp = result.step?.split('/')[0] ?? '-';
        lines.push(t('run.sum.rollbackFailed', { step: result.step ?? '-', error: (result.error ?? '').split('\n')[0] ?? '', command: rollbackCommand(place, rp, plan) }));
        break;
      }
      lines.push(
        t('run.sum.failed', { step, error: (result.error ?? '').split('\n')[0] ?? '' }),
        t('run.sum.resume', { command: resumeCommand(place) }),
        // A step the procedure lets the site do without (a daemon it does not use): its failure
        // may be the answer, and resume takes --skip-step for it (src/commands/resume.ts).
        ...(index >= 0 && plan.steps[index]!.skippable ? [t('run.sum.skipOptional', { command: resumeCommand(place, ['--skip-step', plan.steps[index]!.id]) })] : []),
        ...back,
      );
      break;
  }
  if (files) lines.push(t('run.sum.files', { report: files.report, log: files.log, journal: files.journal }));
  return { lines, exitCode };
}

/** Why the run stopped, in a line: a killed command names what killed it (Ctrl-C or SIGTERM). */
function stoppedText(result: RunResult, step: string): string {
  if (result.reason === 'killed') return t(killedKey('run.sum.stopped.killed', result.killedBy), { step, ...killedWords(result.killedBy) });
  return t(`run.sum.stopped.${result.reason ?? 'interrupted'}`, { step, cause: result.stoppedBy ?? 'Ctrl-C' });
}

/**
 * The way back after a stop at step `index`: with --yes only where a pasted `rollback --yes`
 * does what it says. Manual restores are confirmed at a terminal as they are done; a point that
 * only the failed step opened covers no step done, and rollback refuses it with --yes.
 */
function goBack(plan: Plan, place: Place, point: string, index: number): string {
  const title = plan.restorePoints.find((r) => r.id === point)?.title ?? point;
  if (place.unattended === false) return t('run.sum.rollback', { point, title, command: rollbackCommand(place, point) });
  if (rollbackIsManual(plan, point)) return t('run.sum.rollbackManual', { point, title, command: rollbackCommand(place, point, plan) });
  if (index <= 0 || restorePointAt(plan.steps, index - 1) !== point) return t('run.sum.rollbackTerminal', { point, title, command: rollbackCommand({ ...place, unattended: false }, point) });
  return t('run.sum.rollback', { point, title, command: rollbackCommand(place, point) });
}
