// reboot: the journal already says everything up to here is done; the run stops and tells
// the operator to reboot and run `upgrade-wizard resume`, which continues after this step.
// The boot id is noted so that resume can tell whether the machine really rebooted.
import { t } from '../../i18n/index.js';
import { bootId } from '../boot-id.js';
import { output, type StepHandler } from '../context.js';

export const reboot: StepHandler = {
  async run(step, ctx) {
    if (step.instructions) output(ctx, step, step.instructions);
    const id = bootId();
    return { status: 'done', detail: t('run.reboot.detail', { boot: id || '-' }), stopRun: 'reboot' };
  },
  repeatable: true,
  describe(step) {
    return [t('run.reboot.describe'), ...(step.instructions ? [step.instructions] : [])];
  },
};
