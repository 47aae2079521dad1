// manual: something only a person can do. The driver shows the instructions and the operator
// confirms; the confirmation (who, when) is journaled for the change-management report. A step
// the procedure calls optional (skippable) may be skipped instead: a skip is no confirmation.
import { t } from '../../i18n/index.js';
import '../../i18n/messages/kinds.js';
import { now, record, whoConfirmed, type StepHandler } from '../context.js';

export const manual: StepHandler = {
  async run(step, ctx) {
    const answer = await ctx.interaction.confirmManual(step);
    if (answer === 'skip' && step.skippable) return { status: 'skipped', detail: t('kinds.manual.skipped', { by: whoConfirmed(ctx.confirmedBy) }) };
    if (answer !== 'done') return { status: 'skipped', stopRun: 'declined', detail: t('run.manual.declined') };
    const time = now();
    for (const item of step.checklist ?? []) record(ctx, { type: 'confirm', time, step: step.id, by: ctx.confirmedBy, item });
    record(ctx, { type: 'confirm', time, step: step.id, by: ctx.confirmedBy });
    return { status: 'done', detail: t('run.manual.confirmed', { by: whoConfirmed(ctx.confirmedBy), time }) };
  },
  // Asking again is how a half-confirmed checkpoint is re-checked.
  repeatable: true,
  describe(step) {
    return [t('run.manual.describe'), ...(step.instructions ?? '').split('\n').map((l) => `  ${l}`), ...(step.checklist ?? []).map((c) => `  [ ] ${c}`)];
  },
};
