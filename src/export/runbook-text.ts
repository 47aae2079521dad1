// Texts shared by the Markdown and HTML runbooks.
import type { Lang } from '../i18n/index.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import '../i18n/messages/runs-on.js';
import type { RunbookModel, RunbookStep } from './runbook-model.js';
import { selfCommand } from '../run/summary.js';

/** The wizard's own command for a restore point (the runbook's way back), started as this one was. */
export function rollbackCommand(m: RunbookModel, id: string): string {
  return selfCommand(['rollback', '--to', id, ...(m.root ? ['--root', m.root] : [])]);
}

/** The short facts line of a step: id, kind, procedure section, where it runs, manual, failure allowed. */
export function stepFacts(m: RunbookModel, s: RunbookStep): string[] {
  const L = m.lang;
  const { step } = s;
  return [
    step.id,
    step.manual ? t('export.rb.manual', {}, L) : step.kind,
    ...(step.section ? [t('export.rb.section', { section: step.section }, L)] : []),
    ...(step.runsOn ? [t('export.rb.runsOn', { where: t(`runsOn.${step.runsOn}`, {}, L) }, L)] : []),
    ...(step.allowFailure ? [t('export.rb.allowFailure', {}, L)] : []),
  ];
}

export function labelSlots(L: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['answers', 'blockers', 'steps', 'rollback', 'signoff']) out[`label.${k}`] = t(`export.rb.${k}`, {}, L);
  return out;
}
