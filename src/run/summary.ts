// What the operator reads when a run, resume or rollback ends: the state, and the exact
// commands to continue or to go back.
import type { Plan } from '../model/plan.js';
import { t } from '../i18n/index.js';
import { quoteArgv, quoteCmdArgv } from '../quote.js';
import '../i18n/messages/run.js';
import { DEFAULT_LOG_DIR, type JournalRecord } from './journal.js';
import { restorePointAt } from '../plan/restore-point.js';
import type { RunResult } from './session.js';

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

export function rollbackCommand(p: Place, point: string): string {
  return shown(p, ['rollback', '--to', point, ...placeArgs(p), ...yes(p)]);
}

/** Lines for the end of a run, and the exit code it deserves. */
export function summarize(plan: Plan, result: RunResult, place: Place): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  const files = result.files;
  const index = result.step ? plan.steps.findIndex((s) => s.id === result.step) : -1;
  const point = index >= 0 ? restorePointAt(plan.steps, index) : undefined;
  const titleOf = (id: string): string => plan.restorePoints.find((r) => r.id === id)?.title ?? id;
  // The operator reads a step by its number and title; the id is what --rerun-step takes.
  const step = index >= 0 ? t('run.sum.step', { number: index + 1, title: plan.steps[index]!.title, id: plan.steps[index]!.id }) : (result.step ?? '-');
  const back = point ? [t('run.sum.rollback', { point, title: titleOf(point), command: rollbackCommand(place, point) })] : [];
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
      } else {
        // The operator stopped it: there is no cause to fix, only the run to continue.
        // A declined step did nothing: it is asked again, not checked for a half-done effect.
        const resumeText = result.reason === 'declined' ? 'run.sum.continueAsk' : 'run.sum.continue';
        lines.push(t(`run.sum.stopped.${result.reason ?? 'interrupted'}`, { step }), t(resumeText, { command: resumeCommand(place) }), ...back);
      }
      break;
    case 'failed':
      if (result.reason === 'rollback-failed') {
        const rp = result.step?.split('/')[0] ?? '-';
        lines.push(t('run.sum.rollbackFailed', { step: result.step ?? '-', error: (result.error ?? '').split('\n')[0] ?? '', command: rollbackCommand(place, rp) }));
        break;
      }
      lines.push(t('run.sum.failed', { step, error: (result.error ?? '').split('\n')[0] ?? '' }), t('run.sum.resume', { command: resumeCommand(place) }), ...back);
      break;
  }
  if (files) lines.push(t('run.sum.files', { report: files.report, log: files.log, journal: files.journal }));
  return { lines, exitCode };
}
