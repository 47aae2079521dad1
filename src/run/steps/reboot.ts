// reboot: the journal already says everything up to here is done; the run stops and tells
// the operator to reboot and run `upgrade-wizard resume`, which continues after this step.
// The boot id is noted so that resume can tell whether the machine really rebooted.
// When the machine has already restarted since the step before began (a shutdown step that
// took it down before the run recorded that step), the reboot is done and the run goes on.
import { t } from '../../i18n/index.js';
import '../../i18n/messages/run.js';
import { bootId } from '../boot-id.js';
import { output, type StepContext, type StepHandler } from '../context.js';
import { readJournal } from '../journal.js';
import { rebootedSince } from '../resumable.js';
import { selfCommand } from '../summary.js';
import type { PlannedStep } from '../../model/plan.js';

async function alreadyRebooted(step: PlannedStep, ctx: StepContext): Promise<PlannedStep | undefined> {
  if (!ctx.journal) return undefined;
  try {
    const { events } = await readJournal(ctx.journal.files.journal);
    return rebootedSince(events, ctx.plan.steps, ctx.plan.steps.findIndex((s) => s.id === step.id));
  } catch {
    // A journal it cannot read proves nothing: ask for the reboot, as always.
    return undefined;
  }
}

export const reboot: StepHandler = {
  async run(step, ctx) {
    const id = bootId();
    const before = await alreadyRebooted(step, ctx);
    if (before) {
      output(ctx, step, t('run.reboot.already', { step: before.id, title: before.title }));
      // No "boot_id=" here: that marks a stop for a reboot still to come (resumable.ts).
      return { status: 'done', detail: t('run.reboot.alreadyDetail', { step: before.id, boot: id }) };
    }
    if (step.instructions) output(ctx, step, step.instructions);
    return { status: 'done', detail: t('run.reboot.detail', { boot: id || '-' }), stopRun: 'reboot' };
  },
  repeatable: true,
  describe(step) {
    return [t('run.reboot.describe', { command: selfCommand(['resume']) }), ...(step.instructions ? [step.instructions] : [])];
  },
};
