// The runbook as printable HTML (templates/runbook/runbook.html, CSS @media print): check boxes
// as <input type="checkbox"> so that a printed copy has a box to tick.
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import { fillTemplate, type RunbookModel, type RunbookStep } from './runbook-model.js';
import { labelSlots, rollbackCommand, stepFacts } from './runbook-text.js';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const box = '<input type="checkbox">';
const para = (text: string): string => `<p>${esc(text.trim()).replace(/\n/g, '<br>')}</p>`;

function stepHtml(m: RunbookModel, s: RunbookStep, tag: string): string {
  const L = m.lang;
  const { step } = s;
  const out = [
    `<div class="step" id="step-${esc(step.id)}">`,
    `<${tag}><label>${box} ${esc(s.number)}. ${esc(step.title)}</label></${tag}>`,
    `<div class="meta">${stepFacts(m, s).map(esc).join(' · ')}</div>`,
  ];
  if (step.explain) out.push(para(step.explain));
  if (s.does.length > 0) out.push(`<div>${esc(t('export.rb.does', {}, L))}:</div><pre>${esc(s.does.join('\n'))}</pre>`);
  if (s.notes.length > 0) out.push(`<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  if (step.instructions) out.push(`<div>${esc(t('export.rb.instructions', {}, L))}:</div><blockquote>${para(step.instructions)}</blockquote>`);
  const checks = [...(step.checklist ?? []), ...(step.check ? [t('export.rb.check', { check: step.check.trim() }, L)] : [])];
  if (checks.length > 0) out.push(`<ul class="check">${checks.map((c) => `<li><label>${box} ${esc(c)}</label></li>`).join('')}</ul>`);
  if (s.restorePoint) {
    out.push(`<p>${esc(t('export.rb.restorePoint', { title: s.restorePoint.title, id: s.restorePoint.id, section: s.restorePoint.section }, L))} <code>${esc(rollbackCommand(m, s.restorePoint.id))}</code></p>`);
  }
  out.push('</div>');
  return out.join('\n');
}

const table = (head: string[], rows: string[][]): string =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

export function renderHtml(m: RunbookModel, template: string): string {
  const L = m.lang;
  const meta = table(
    [t('export.rb.meta.item', {}, L), ''],
    [
      [t('export.rb.meta.product', {}, L), `${m.title} (${m.product})`],
      [t('export.rb.meta.root', {}, L), m.root || '/'],
      [t('export.rb.meta.media', {}, L), m.media ?? '-'],
      [t('export.rb.meta.steps', {}, L), String(m.steps.length)],
    ],
  );
  const answers = table([t('export.rb.question', {}, L), 'ID', t('export.rb.answer', {}, L)], m.answers.map((a) => [a.question, a.id, a.value]));
  const blockers = [
    m.blockers.length === 0
      ? `<p>${esc(t('export.rb.noBlockers', {}, L))}</p>`
      : `<ul class="check">${m.blockers.map((b) => `<li class="blocker"><label>${box} <b>${esc(b.message)}</b></label><br>${esc(t('export.rb.fix', { fix: b.fix }, L))}</li>`).join('')}</ul>`,
    ...(m.warnings.length > 0 ? [`<p>${esc(t('export.rb.warnings', {}, L))}:</p><ul>${m.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`] : []),
    ...(m.checked.length > 0 ? [`<p>${esc(t('export.rb.checked', {}, L))}:</p><ul>${m.checked.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`] : []),
  ].join('\n');
  const rollbacks =
    m.rollbacks.length === 0
      ? `<p>${esc(t('export.rb.noRollback', {}, L))}</p>`
      : m.rollbacks
          .map((r, n) =>
            [
              `<h3>R${n + 1}. ${esc(r.title)} (<code>${esc(r.id)}</code>)</h3>`,
              para(r.explain),
              `<p>${esc(t('export.rb.rollbackCommand', { command: '' }, L))}<code>${esc(rollbackCommand(m, r.id))}</code></p>`,
              ...r.steps.map((s) => stepHtml(m, s, 'h4')),
            ].join('\n'),
          )
          .join('\n');
  const signoff = `<table class="signoff"><thead><tr><th></th><th>${esc(t('export.rb.name', {}, L))}</th><th>${esc(t('export.rb.date', {}, L))}</th><th>${esc(
    t('export.rb.signature', {}, L),
  )}</th></tr></thead><tbody>${['prepared', 'approved', 'performed'].map((k) => `<tr><td>${esc(t(`export.rb.${k}`, {}, L))}</td><td></td><td></td><td></td></tr>`).join('')}</tbody></table>`;
  const slots: Record<string, string> = {};
  for (const [k, v] of Object.entries(labelSlots(L))) slots[k] = esc(v);
  return fillTemplate(template, {
    ...slots,
    title: esc(t('export.rb.title', { product: m.title }, L)),
    intro: esc(t('export.rb.intro', {}, L)),
    lang: L,
    meta,
    answers,
    blockers,
    steps: [...m.steps.map((s) => stepHtml(m, s, 'h3')), ...(m.next.length > 0 ? [`<p><b>${esc(t('export.rb.next', {}, L))}</b></p><ul>${m.next.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`] : [])].join('\n'),
    rollbacks,
    signoff,
  });
}
