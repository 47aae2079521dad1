// A plan as text for people: numbered steps with their kind, section, the exact commands (and
// the check a command step makes first), manual markers and restore points; then restore
// points, warnings and blockers. Pure.
import { dirname } from 'node:path';
import type { Detection } from '../model/facts.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { shownArgv } from '../quote.js';
import { plannedProbe, probeLines } from './probe.js';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${show(v)}`)
      .join(' ');
  }
  return String(value);
}

/** What a step without commands does, from its resolved params (the executor does it with the file API). */
export function describeParams(step: PlannedStep): string[] {
  const p = step.params;
  const arrow = (a: unknown, b: unknown): string => `${show(a)} -> ${show(b)}`;
  switch (step.kind) {
    case 'backup': {
      const lines = [arrow(p.source, p.archive)];
      const extra = p.extraFiles as string[] | undefined;
      // Without extraTo the executor copies them beside the archive (src/run/steps/backup.ts).
      if (extra !== undefined && extra.length > 0) lines.push(`+ ${arrow(extra, p.extraTo ?? dirname(String(p.archive)))}`);
      return lines;
    }
    case 'restore':
      return [arrow(p.archive, p.target)];
    case 'switch-symlink':
      return [`${show(p.link)} => ${show(p.target)}`];
    case 'copy':
      return [arrow(p.from, p.to) + (p.preserve === true ? ' (cp -a)' : '')];
    case 'move':
      return [arrow(p.from, p.to)];
    case 'ensure-dir': {
      const extra = [p.owner === undefined ? '' : t('plan.fmt.owner', { owner: show(p.owner) }), p.mode === undefined ? '' : `mode ${show(p.mode)}`, p.recursiveOwner === true ? t('plan.fmt.recursive') : ''].filter(Boolean);
      return [`${show(p.path)}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`];
    }
    case 'verify': {
      // The argv is shown as a command already.
      const { argv: _argv, ...rest } = (p.verify ?? {}) as Record<string, unknown>;
      return Object.entries(rest).map(([k, v]) => `${k}: ${show(v)}`);
    }
    case 'service':
    case 'command':
    case 'unpack':
    case 'manual':
    case 'reboot':
      return [];
    default:
      return Object.entries(p)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${show(v)}`);
  }
}

export interface FormatOptions {
  color: boolean;
  title?: string;
  detected?: Record<string, Detection>;
}

function stepLines(step: PlannedStep, n: number, width: number): string[] {
  const pad = ' '.repeat(width + 4);
  const head = `${String(n).padStart(width)}. [${step.kind}]${step.section === undefined ? '' : ` ${step.section}`}  ${step.title}`;
  const lines = [step.manual ? `${head}  ${t('plan.fmt.manual')}` : head];
  const cwd = step.params.cwd;
  if (typeof cwd === 'string') lines.push(`${pad}${t('plan.fmt.cwd', { cwd })}`);
  // A probed step says what it checks first, and that its commands run only when that fails.
  const probe = step.kind === 'command' ? plannedProbe(step) : undefined;
  if (probe !== undefined) lines.push(...probeLines(step, probe).map((line) => `${pad}${line}`));
  for (const argv of step.commands ?? []) lines.push(`${pad}$ ${shownArgv(argv, step)}`);
  for (const line of describeParams(step)) lines.push(`${pad}${line}`);
  if (step.instructions !== undefined) lines.push(`${pad}${step.instructions}`);
  for (const item of step.checklist ?? []) lines.push(`${pad}[ ] ${item}`);
  const notes = [
    step.allowFailure ? t('plan.fmt.allowFailure') : '',
    step.params.ifMissing === 'skip' ? t('plan.fmt.ifMissingSkip') : '',
    step.restorePoint === undefined ? '' : t('plan.fmt.restorePoint', { id: step.restorePoint }),
  ].filter(Boolean);
  if (notes.length > 0) lines.push(`${pad}(${notes.join('; ')})`);
  return lines;
}

export function formatPlan(plan: Plan, options: FormatOptions): string {
  const red = (s: string): string => (options.color ? `\u001b[31m${s}\u001b[0m` : s);
  const out: string[] = [t('plan.fmt.header', { title: options.title ?? plan.product, product: plan.product, root: plan.root || '/', media: plan.media ?? '-' }), ''];
  out.push(t('plan.fmt.answers'));
  for (const [id, value] of Object.entries(plan.answers)) {
    const shown = Array.isArray(value) ? value.join(',') : value;
    const d = options.detected?.[id];
    const detected = d !== undefined && JSON.stringify(d.value) === JSON.stringify(value) ? `   (${t('plan.fmt.detected', { evidence: d.evidence })})` : '';
    out.push(`  ${id} = ${shown === '' ? '-' : shown}${detected}`);
  }
  out.push('', t('plan.fmt.steps', { count: plan.steps.length }));
  const width = String(plan.steps.length).length;
  plan.steps.forEach((s, i) => out.push(...stepLines(s, i + 1, width)));
  if (plan.next !== undefined) out.push('', t('plan.fmt.next'), ...plan.next.map((n) => `  ${n}`));
  if (plan.restorePoints.length > 0) {
    out.push('', t('plan.fmt.restorePoints'));
    for (const rp of plan.restorePoints) {
      out.push(`  ${rp.id}: ${rp.title}`, `      ${rp.explain}`);
      rp.rollback.forEach((s, i) => out.push(...stepLines(s, i + 1, 6).map((l) => `  ${l}`)));
    }
  }
  if (plan.warnings.length > 0) {
    out.push('', t('plan.fmt.warnings'));
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  if (plan.checked !== undefined) {
    out.push('', t('plan.fmt.checked'));
    for (const c of plan.checked) out.push(`  - ${c}`);
  }
  out.push('');
  if (plan.blockers.length === 0) out.push(t('plan.fmt.noBlockers'));
  else {
    out.push(red(t('plan.fmt.blockers', { count: plan.blockers.length })));
    for (const b of plan.blockers) {
      out.push(red(`  x ${b.id}: ${b.message}`), `      ${t('plan.fmt.fix', { fix: b.fix })}`);
    }
  }
  return `${out.join('\n')}\n`;
}
