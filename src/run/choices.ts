// What the operator may do after a failed step, as the screens and the terminal prompts offer it.
import type { FailureChoice } from '../model/interaction.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/prompts.js';
import { restorePointAt } from '../plan/restore-point.js';

export function choiceLabel(choice: FailureChoice, step: PlannedStep, plan: Plan): string {
  if (choice === 'rollback') {
    // The executor rolls back to the restore point in force at the step.
    const index = plan.steps.findIndex((s) => s.id === step.id);
    const id = index >= 0 ? restorePointAt(plan.steps, index) : step.restorePoint;
    const point = plan.restorePoints.find((p) => p.id === id);
    return point ? t('run.choice.rollbackTo', { point: point.title }) : t('run.choice.rollback');
  }
  return t(`run.choice.${choice}`);
}
