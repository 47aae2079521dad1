// The executor: runs a plan's steps in order through the handlers of src/run/steps, journals
// every step, and on a failure lets the driver choose (retry, skip where allowed, roll back to
// the restore point in force, stop). The same code serves the screens and `run --yes`.
import type { Interaction, FailureChoice } from '../model/interaction.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { errorText, KilledByOperator, now, output, type StepContext, type StepOutcome } from './context.js';
import { bootId } from './boot-id.js';
import { newRunId } from './journal.js';
import { JournalWriteError } from './journal-writer.js';
import { Redactor } from './redact.js';
import { closeOnWriteFailure, finish, journalRetry, openSession, type ExecuteOptions, type RunResult, type Session } from './session.js';
import { handlers } from './steps/index.js';
import { rollbackTo } from './rollback.js';
import { declinedReason, killedBy, killedReason, stoppedBy, stopReason } from './signals.js';
import { restorePointAt } from '../plan/restore-point.js';

export type { ExecuteOptions, RunResult } from './session.js';

export async function execute(plan: Plan, interaction: Interaction, options: ExecuteOptions): Promise<RunResult> {
  if (options.dryRun) return dryRun(plan, interaction, options);
  const runId = newRunId();
  const s = openSession(plan, runId, interaction, options);
  // The boot id of every later event is that of the last run-start or resume: a reboot step reads them.
  const boot = bootId();
  s.journal.append({ type: 'run-start', time: now(), runId, plan, ...(options.envPrefix ? { envPrefix: options.envPrefix } : {}), ...(boot ? { boot } : {}) });
  s.journal.log(t('run.log.start', { runId, product: plan.product, root: plan.root || '/' }));
  return closeOnWriteFailure(s, continueRun(s, 0));
}

/** Describes every step and runs none: no journal, nothing on disk. */
function dryRun(plan: Plan, interaction: Interaction, options: ExecuteOptions): RunResult {
  const ctx: StepContext = { plan, root: plan.root, interaction, redact: new Redactor(), confirmedBy: options.confirmedBy ?? 'operator' };
  plan.steps.forEach((step, i) => {
    interaction.onStepStart?.(step, i, plan.steps.length);
    for (const line of handlers[step.kind].describe(step)) output(ctx, step, line);
  });
  return { runId: '', status: 'dry-run' };
}

/** Runs the plan from step `from` on, in an open session (a fresh run or a resume). */
export async function continueRun(s: Session, from: number): Promise<RunResult> {
  const { plan } = s;
  for (let i = from; i < plan.steps.length; i++) {
    const step = plan.steps[i] as PlannedStep;
    if (s.options.signal?.aborted) {
      s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: stopReason(s.options.signal), between: true });
      return finish(s, 'stopped', { reason: 'interrupted', step: step.id, stoppedBy: stoppedBy(s.options.signal) });
    }
    const ended = await runStep(s, step, i);
    if (ended) return ended;
  }
  return finish(s, 'done');
}

function choicesFor(s: Session, step: PlannedStep, index: number): FailureChoice[] {
  const choices: FailureChoice[] = ['retry'];
  if (step.skippable || step.allowFailure) choices.push('skip');
  if (restorePointAt(s.plan.steps, index)) choices.push('rollback');
  choices.push('stop');
  return choices;
}

/** Runs one step to its end; returns the run's result when the run ends here. */
export async function runStep(s: Session, step: PlannedStep, index: number): Promise<RunResult | undefined> {
  const handler = handlers[step.kind];
  s.interaction.onStepStart?.(step, index, s.plan.steps.length);
  s.journal.append({ type: 'step-start', time: now(), step: step.id });
  s.journal.log(t('run.log.stepStart', { id: step.id, title: step.title, n: index + 1, total: s.plan.steps.length }));
  let started = Date.now();
  // Failed attempts the operator chose to run again: each is a failed end in the journal (the
  // report lists it) and the end that follows says how many went before.
  let retried = 0;
  // A declined step is journaled as failed (resume asks it again) and shown as declined, not as a failure.
  const end = (status: 'done' | 'skipped' | 'failed', raw?: string, shown: 'declined' | undefined = undefined): void => {
    const after = retried > 0 && status !== 'failed' ? t('run.afterRetries', { count: retried, attempt: retried + 1 }) : undefined;
    const detail = after === undefined ? raw : raw ? `${raw} — ${after}` : after;
    s.journal.append({ type: 'step-end', time: now(), step: step.id, status, durationMs: Date.now() - started, ...(detail ? { detail } : {}) });
    s.journal.log(t('run.log.stepEnd', { id: step.id, status: shown ?? status, detail: detail ?? '' }).trimEnd());
    s.interaction.onStepEnd?.(step, shown ?? status, detail);
  };
  for (;;) {
    let outcome: StepOutcome;
    try {
      outcome = await handler.run(step, s.ctx);
    } catch (error) {
      // The journal could not record the step (the log dir is full): not the step's failure,
      // and nothing more may run unrecorded.
      if (error instanceof JournalWriteError) throw error;
      const message = s.ctx.redact.text(errorText(error));
      if (error instanceof KilledByOperator) {
        end('failed', message);
        const wait = error.how === 'wait';
        const by = killedBy(s.options.killSignal);
        s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: wait ? t('run.interrupt.waitStopped', { cause: stoppedBy(s.options.signal) }) : killedReason(by) });
        return finish(s, 'stopped', { reason: wait ? 'wait-stopped' : 'killed', step: step.id, error: message, ...(wait ? { stoppedBy: stoppedBy(s.options.signal) } : { killedBy: by }) });
      }
      if (step.allowFailure) {
        output(s.ctx, step, t('run.allowedFailure', { reason: message }));
        end('done', t('run.allowedFailureDetail', { commands: message }));
        return undefined;
      }
      s.journal.log(`[${step.id}] ${t('run.log.failed', { error: message })}`);
      const choice = await s.interaction.onFailure(step, message, choicesFor(s, step, index));
      s.journal.log(`[${step.id}] ${t('run.log.choice', { choice })}`);
      if (choice === 'retry') {
        started = journalRetry(s, step.id, started, message);
        retried += 1;
        s.journal.log(t('run.log.retry', { id: step.id, attempt: retried + 1 }));
        continue;
      }
      if (choice === 'skip' && (step.skippable || step.allowFailure)) {
        end('skipped', t('run.skippedAfterFailure', { error: message }));
        return undefined;
      }
      end('failed', message);
      const point = restorePointAt(s.plan.steps, index);
      if (choice === 'rollback' && point) return rollbackTo(s, point);
      return finish(s, 'failed', { reason: 'failure', step: step.id, error: message });
    }
    const declined = outcome.status === 'skipped' && outcome.stopRun === 'declined';
    end(declined ? 'failed' : outcome.status, outcome.detail, declined ? 'declined' : undefined);
    if (outcome.stopRun === 'reboot') {
      s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: t('run.interrupt.reboot') });
      return finish(s, 'stopped', { reason: 'reboot', step: step.id });
    }
    if (outcome.stopRun === 'declined') {
      s.journal.append({ type: 'interrupted', time: now(), step: step.id, reason: declinedReason(s.options.signal), declined: true });
      return finish(s, 'stopped', { reason: 'declined', step: step.id });
    }
    return undefined;
  }
}
