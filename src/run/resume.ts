// Resume: the newest unfinished run of this root continues where its journal says. Nothing
// is rebuilt (the journaled plan is the plan). A step that started but did not finish is
// re-checked first: its handler may prove it done; a harmless step runs again; anything else
// is the operator's call (interactive: run it again, it completed, or skip where the procedure
// allows), or re-run only if marked idempotent, else a stop. --skip-step is journaled as a skip.
import type { FailureChoice, Interaction } from '../model/interaction.js';
import type { PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/kinds.js';
import '../i18n/messages/run.js';
import { bootId } from './boot-id.js';
import { now, whoConfirmed } from './context.js';
import { continueRun } from './executor.js';
import { withoutRebootText } from './report.js';
import { optionalSkipAt, rebootMissing, type ResumePoint } from './resumable.js';
import { closeOnWriteFailure, finish, openSession, type ExecuteOptions, type RunResult } from './session.js';
import { handlers } from './steps/index.js';

export interface ResumeOptions extends ExecuteOptions {
  /** Operator's decision for a half-run step, given on the command line. */
  rerunStep?: string;
  skipStep?: string;
}

export async function resume(point: ResumePoint, interaction: Interaction, options: ResumeOptions): Promise<RunResult> {
  const { record } = point;
  const s = openSession(record.plan, record.runId, interaction, options);
  const first = record.plan.steps[point.next];
  const missing = rebootMissing(point);
  // Going on without the reboot is the operator's decision (the wizard's "Resume without the
  // reboot", a confirmed resume, or resume --yes): part of the record, with who took it.
  const by = s.ctx.confirmedBy;
  const withoutReboot = missing ? { step: missing.step.id, number: missing.number, by } : undefined;
  const boot = bootId();
  s.journal.append({ type: 'resume', time: now(), runId: record.runId, ...(first ? { from: first.id } : {}), ...(boot ? { boot } : {}), ...(withoutReboot ? { withoutReboot } : {}) });
  s.journal.log(t('run.log.resume', { runId: record.runId, step: first?.id ?? '-' }));
  if (missing) {
    s.journal.log(withoutRebootText(first?.id ?? '-', missing.number, missing.step.title, by));
    interaction.onOutput?.(missing.step, t('run.resume.notRebooted'));
  }
  let from = point.next;
  // A step ended here, not run: the run goes on after it.
  const endHere = (step: PlannedStep, status: 'done' | 'skipped', detail: string): void => {
    s.journal.append({ type: 'step-end', time: now(), step: step.id, status, durationMs: 0, detail });
    interaction.onStepEnd?.(step, status, detail);
    from += 1;
  };
  const optional = optionalSkipAt(point, options.skipStep);
  if (optional) endHere(optional, 'skipped', t('kinds.resume.skipStep', { by: whoConfirmed(by) }));
  const half = point.halfRun;
  if (half) {
    const { step } = half;
    const handler = handlers[step.kind];
    const decided = options.skipStep === step.id ? 'skipStep' : options.rerunStep === step.id ? 'retry' : undefined;
    let action: 'done' | 'retry' | 'markDone' | 'skip' | 'skipStep' | 'stop';
    const isDone = decided ? undefined : await handler.isDone?.(step, { ...s.ctx, startedAt: half.startedAt });
    if (decided) action = decided;
    else if (isDone === true) action = 'done';
    else if (isDone === false || half.probedOnly || handler.repeatable || step.params.idempotent === true) action = 'retry';
    else {
      const message = t('run.resume.halfRun', { step: step.id, title: step.title, check: step.check ?? t('run.resume.checkByHand') });
      // Not a failure: the operator says whether it completed. A skip only where the procedure allows it.
      const choices: FailureChoice[] = ['retry', 'markDone', ...(step.skippable ? (['skip'] as const) : []), 'stop'];
      const choice = await interaction.onFailure(step, message, choices);
      action = choice === 'retry' || choice === 'markDone' || (choice === 'skip' && step.skippable) ? choice : 'stop';
      if (action === 'stop') {
        s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: message });
        return finish(s, 'stopped', { reason: 'half-run', step: step.id, error: message });
      }
    }
    s.journal.log(t('run.log.recheck', { id: step.id, action }));
    if (action !== 'retry') {
      // Only "it completed" is the operator's confirmation; a skip (asked, or --skip-step) is a skip.
      if (action === 'markDone') s.journal.append({ type: 'confirm', time: now(), step: step.id, by, reason: t('run.resume.markedDone') });
      const detail =
        action === 'done'
          ? t('run.resume.foundDone')
          : action === 'markDone'
            ? t('run.resume.markedDone')
            : t(action === 'skipStep' ? 'kinds.resume.skipStep' : 'kinds.resume.skipped', { by: whoConfirmed(by) });
      // "It completed" is done, on the operator's word (journaled with the confirmation above).
      endHere(step, action === 'done' || action === 'markDone' ? 'done' : 'skipped', detail);
    }
  }
  return closeOnWriteFailure(s, continueRun(s, from));
}
