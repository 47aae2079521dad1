// The plan as lines for the review screen: blockers first (they stop the start), then
// warnings, every step numbered with what it runs and its restore point, then the
// restore points themselves. Pure: the screen only scrolls the result.
import { t } from './i18n.js';
import '../i18n/messages/runs-on.js';
import '../i18n/messages/probe.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import { blank, commandPara, para, type Line } from './lines.js';
import { handlers } from '../run/steps/index.js';
import { probeCondition, readableProbe } from '../plan/probe.js';
import { shownArgv } from '../quote.js';
import { maskSecrets } from './text.js';

function describeStep(step: PlannedStep): string[] {
  try {
    return handlers[step.kind].describe(step);
  } catch {
    // A description is a courtesy; a step whose parameters it cannot read still runs and reports.
    return [];
  }
}

export function stepLines(step: PlannedStep, number: number, plan: Plan, width: number, secrets: readonly string[]): Line[] {
  const tag = step.manual ? t('ui.plan.manual') : t('ui.plan.auto');
  const section = step.section ? `  ${t('ui.plan.section', { section: step.section })}` : '';
  const lines: Line[] = [
    ...para(`${step.title}${section}`, width, { bold: true }, 0, {
      text: `${String(number).padStart(2)}. [${tag}] `,
      color: step.manual ? 'yellow' : 'green',
    }),
  ];
  const body = (text: string, style: Parameters<typeof para>[2] = {}) => lines.push(...para(text, width, style, 5));
  if (step.explain) body(step.explain, { dim: true });
  if (step.runsOn) body(t('ui.plan.runsOn', { where: t(`runsOn.${step.runsOn}`) }));
  const cwd = typeof step.params.cwd === 'string' ? step.params.cwd : undefined;
  const stdout = typeof step.params.stdout === 'string' ? step.params.stdout : undefined;
  const probe = readableProbe(step);
  if (probe !== undefined) {
    // Checked first: the commands below run only when the check does not pass.
    body(t('probe.ui.check', { condition: maskSecrets(probeCondition(probe), secrets) }));
    lines.push(...commandPara(maskSecrets(shownArgv(probe.argv, step), secrets), width, {}, 5, { text: '$ ', color: 'cyan' }, step.windows ? '^' : '\\'));
    body(t('probe.ui.otherwise'));
  }
  for (const argv of step.commands ?? []) {
    const shown = `${shownArgv(argv, step)}${stdout ? ` > ${shownArgv([stdout], step)}` : ''}`;
    // cmd.exe continues a line with ^ where a POSIX shell takes \\.
    lines.push(...commandPara(maskSecrets(shown, secrets), width, {}, 5, { text: '$ ', color: 'cyan' }, step.windows ? '^' : '\\'));
  }
  if (cwd && step.commands) body(t('ui.plan.cwd', { dir: cwd }), { dim: true });
  // Kinds without commands (backup, symlink, dirs, copies...) say what they do in src/run's words.
  if (!step.commands && !step.manual) for (const line of describeStep(step)) body(maskSecrets(line, secrets));
  if (step.instructions) body(step.instructions);
  for (const item of step.checklist ?? []) lines.push(...para(item, width, {}, 5, { text: '☐ ' }));
  if (step.allowFailure) body(t('ui.plan.allowFailure'), { dim: true });
  if (step.restorePoint) {
    const point = plan.restorePoints.find((p) => p.id === step.restorePoint);
    body(t('ui.plan.restorePoint', { point: point ? point.title : step.restorePoint }), { color: 'magenta' });
  }
  return lines;
}

export function planLines(plan: Plan, width: number, secrets: readonly string[] = []): Line[] {
  const lines: Line[] = [];
  if (plan.blockers.length > 0) {
    lines.push(...para(t('ui.plan.blockersHead', { count: plan.blockers.length }), width, { color: 'red', bold: true }));
    for (const b of plan.blockers) {
      lines.push(...para(b.message, width, { color: 'red' }, 1, { text: '✗ ', color: 'red' }));
      lines.push(...para(t('ui.plan.fix', { fix: b.fix }), width, {}, 3));
    }
    lines.push(blank);
  }
  if (plan.warnings.length > 0) {
    for (const w of plan.warnings) lines.push(...para(w, width, { color: 'yellow' }, 0, { text: '! ', color: 'yellow' }));
    lines.push(blank);
  }
  if (plan.checked !== undefined) {
    for (const c of plan.checked) lines.push(...para(c, width, {}, 0, { text: '✓ ', color: 'green' }));
    lines.push(blank);
  }
  const manual = plan.steps.filter((s) => s.manual).length;
  lines.push(...para(t('ui.plan.stepsHead', { count: plan.steps.length, manual }), width, { bold: true }));
  plan.steps.forEach((step, i) => lines.push(...stepLines(step, i + 1, plan, width, secrets)));
  if (plan.next !== undefined) {
    lines.push(blank, ...para(t('ui.plan.nextHead'), width, { bold: true }));
    for (const n of plan.next) lines.push(...para(n, width, {}, 1, { text: '→ ' }));
  }
  if (plan.restorePoints.length > 0) {
    lines.push(blank, ...para(t('ui.plan.restorePointsHead'), width, { bold: true }));
    for (const point of plan.restorePoints) {
      lines.push(...para(point.title, width, { color: 'magenta' }, 1, { text: '↺ ', color: 'magenta' }));
      lines.push(...para(point.explain, width, { dim: true }, 3));
      point.rollback.forEach((s, i) => lines.push(...para(s.title, width, {}, 3, { text: `${i + 1}) ` })));
    }
  }
  return lines;
}
