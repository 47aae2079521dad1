// The runbook as Markdown (templates/runbook/runbook.md): check boxes "- [ ]" for a person to tick.
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import { fillTemplate, type RunbookModel, type RunbookStep } from './runbook-model.js';
import { labelSlots, rollbackCommand, stepFacts } from './runbook-text.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fence = (lines: string[]): string => {
  const body = lines.join('\n');
  const ticks = body.includes('```') ? '````' : '```';
  return `${ticks}\n${body}\n${ticks}`;
};
const quoteBlock = (text: string): string =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');

function stepMd(m: RunbookModel, s: RunbookStep, level: string): string {
  const L = m.lang;
  const { step } = s;
  const out = [`${level} ${s.number}. ${step.title}`, '', `- [ ] **${t('export.rb.done', {}, L)}** · ${stepFacts(m, s).map((f) => cell(f)).join(' · ')}`];
  if (step.explain) out.push('', step.explain.trim());
  if (s.does.length > 0) out.push('', `${t('export.rb.does', {}, L)}:`, '', fence(s.does));
  if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `- ${n}`));
  if (step.instructions) out.push('', `${t('export.rb.instructions', {}, L)}:`, '', quoteBlock(step.instructions));
  if (step.checklist && step.checklist.length > 0) out.push('', ...step.checklist.map((c) => `- [ ] ${c}`));
  if (step.check) out.push('', `- [ ] ${t('export.rb.check', { check: step.check.trim() }, L)}`);
  if (s.restorePoint) {
    out.push('', t('export.rb.restorePoint', { title: s.restorePoint.title, id: s.restorePoint.id, section: s.restorePoint.section }, L) + ` \`${rollbackCommand(m, s.restorePoint.id)}\``);
  }
  return out.join('\n');
}

export function renderMarkdown(m: RunbookModel, template: string): string {
  const L = m.lang;
  const meta = [
    `| ${t('export.rb.meta.item', {}, L)} | |`,
    '|---|---|',
    `| ${t('export.rb.meta.product', {}, L)} | ${cell(`${m.title} (${m.product})`)} |`,
    `| ${t('export.rb.meta.root', {}, L)} | ${cell(m.root || '/')} |`,
    `| ${t('export.rb.meta.media', {}, L)} | ${cell(m.media ?? '-')} |`,
    `| ${t('export.rb.meta.steps', {}, L)} | ${m.steps.length} |`,
  ].join('\n');
  const answers = [
    `| ${t('export.rb.question', {}, L)} | ID | ${t('export.rb.answer', {}, L)} |`,
    '|---|---|---|',
    ...m.answers.map((a) => `| ${cell(a.question)} | \`${a.id}\` | ${cell(a.value)} |`),
  ].join('\n');
  const blockers = [
    ...(m.blockers.length === 0 ? [t('export.rb.noBlockers', {}, L)] : m.blockers.map((b) => `- [ ] **${b.message}**  \n  ${t('export.rb.fix', { fix: b.fix }, L)}`)),
    ...(m.warnings.length > 0 ? ['', `${t('export.rb.warnings', {}, L)}:`, '', ...m.warnings.map((w) => `- ${w}`)] : []),
    ...(m.checked.length > 0 ? ['', `${t('export.rb.checked', {}, L)}:`, '', ...m.checked.map((c) => `- ${c}`)] : []),
  ].join('\n');
  const rollbacks =
    m.rollbacks.length === 0
      ? t('export.rb.noRollback', {}, L)
      : m.rollbacks
          .map((r, n) =>
            [
              `### R${n + 1}. ${r.title} (\`${r.id}\`)`,
              '',
              r.explain.trim(),
              '',
              t('export.rb.rollbackCommand', { command: `\`${rollbackCommand(m, r.id)}\`` }, L),
              '',
              ...r.steps.map((s) => stepMd(m, s, '####')),
            ].join('\n\n').replace(/\n{3,}/g, '\n\n'),
          )
          .join('\n\n');
  const who = ['prepared', 'approved', 'performed'].map((k) => `| ${t(`export.rb.${k}`, {}, L)} | | | |`);
  const signoff = [`| | ${t('export.rb.name', {}, L)} | ${t('export.rb.date', {}, L)} | ${t('export.rb.signature', {}, L)} |`, '|---|---|---|---|', ...who].join('\n');
  return fillTemplate(template, {
    ...labelSlots(L),
    title: t('export.rb.title', { product: m.title }, L),
    intro: t('export.rb.intro', {}, L),
    lang: L,
    meta,
    answers,
    blockers,
    steps: [...m.steps.map((s) => stepMd(m, s, '###')), ...(m.next.length > 0 ? [`**${t('export.rb.next', {}, L)}**`, m.next.map((n) => `- ${n}`).join('\n')] : [])].join('\n\n'),
    rollbacks,
    signoff,
  }).replace(/\n{3,}/g, '\n\n');
}
