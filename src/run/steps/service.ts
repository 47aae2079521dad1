// service: `service NAME ACTION` when `service` is on PATH, else ROOT/etc/init.d/NAME ACTION.
// A daemon the site does not use (no init script) is reported and skipped when the procedure
// allows it (ifMissing: skip), as the vendor says the resulting error can be ignored.
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { findOnPath } from '../../io/which.js';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { output, StepFailure, type StepHandler } from '../context.js';
import { ifMissing, str } from '../params.js';
import { describeFailure, runCommand } from '../proc.js';

const ACTIONS = new Set(['start', 'stop', 'restart', 'status']);

function target(step: PlannedStep): { name: string; action: string } {
  const name = str(step, 'service');
  const action = str(step, 'action');
  // The name becomes a path component and an argument: no separators, no option look-alikes.
  if (!/^[A-Za-z0-9][A-Za-z0-9_.@-]*$/.test(name)) throw new StepFailure(t('run.service.badName', { name }));
  if (!ACTIONS.has(action)) throw new StepFailure(t('run.service.badAction', { action }));
  return { name, action };
}

export function initScript(root: string, name: string): string {
  return join(root || '/', 'etc', 'init.d', name);
}

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const service: StepHandler = {
  async run(step, ctx) {
    const { name, action } = target(step);
    const script = initScript(ctx.root, name);
    const installed = await executable(script);
    const viaService = await findOnPath('service');
    const skip = (): { status: 'skipped'; detail: string } => {
      output(ctx, step, t('run.service.missingSkipped', { name, script }));
      return { status: 'skipped', detail: t('run.service.missingDetail', { name }) };
    };
    if (!installed && !viaService) {
      if (ifMissing(step) === 'skip') return skip();
      throw new StepFailure(t('run.service.missing', { name, script }));
    }
    // Without an init script `service` may still know the daemon (a systemd unit): ask it.
    const argv = viaService ? ['service', name, action] : [script, action];
    const r = await runCommand(ctx, step, argv);
    if (r.exitCode === 0) return { status: 'done' };
    if (!installed && ifMissing(step) === 'skip') return skip();
    const why = describeFailure(argv, r);
    if (!step.allowFailure) throw new StepFailure(why);
    output(ctx, step, t('run.allowedFailure', { reason: why.split('\n')[0] ?? '' }));
    return { status: 'done', detail: t('run.allowedFailureDetail', { commands: argv.join(' ') }) };
  },
  // Starting or stopping again is what init scripts are written to tolerate.
  repeatable: true,
  describe(step) {
    const { name, action } = target(step);
    return [`service ${name} ${action}   (${t('run.service.orInit', { script: `/etc/init.d/${name}` })})`];
  },
};
