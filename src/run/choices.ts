// What the operator may do after a failed step, as the screens and the terminal prompts offer it.
import type { FailureChoice } from '../model/interaction.js';
import type { Plan, PlannedRestorePoint, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/prompts.js';
import { restorePointAt } from '../plan/restore-point.js';

/** The restore point a rollback after this step's failure goes to: the one in force at it, as the executor does. */
export function rollbackPointAt(step: PlannedStep, plan: Plan): PlannedRestorePoint | undefined {
  const index = plan.steps.findIndex((s) => s.id === step.id);
  const id = index >= 0 ? restorePointAt(plan.steps, index) : step.restorePoint;
  return plan.restorePoints.find((p) => p.id === id);
}

export function choiceLabel(choice: FailureChoice, step: PlannedStep, plan: Plan): string {
  if (choice === 'rollback') {
    const point = rollbackPointAt(step, plan);
    return point ? t('run.choice.rollbackTo', { point: point.title }) : t('run.choice.rollback');
  }
  return t(`run.choice.${choice}`);
}

/**
 * Asked before a rollback chosen after a failure starts (it changes the server too): the question,
 * then its steps, manual ones marked, each numbered by `numbered` (the terminal's "1)", the screens' "1.").
 */
export function rollbackConfirmLines(step: PlannedStep, plan: Plan, numbered = (n: number): string => `  ${n}) `): string[] {
  const point = rollbackPointAt(step, plan);
  if (!point) return [t('run.choice.confirmRollbackAny')];
  const manual = `${t('run.choice.manualTag')} `;
  // The note on [manual] only where a step of the rollback is the operator's to do.
  const question = t(point.rollback.some((s) => s.manual) ? 'run.choice.confirmRollback' : 'run.choice.confirmRollbackAuto', { point: point.title });
  return [question, ...point.rollback.map((s, i) => `${numbered(i + 1)}${s.manual ? manual : ''}${s.title}`)];
}
