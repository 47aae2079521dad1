// `upgrade-wizard list`: the products and their questions, with choices and defaults.
import type { Definition, Question } from '../model/definition.js';
import { parseOptions } from './args.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { formatProblem, loadAllDefinitions } from '../plan/load.js';
import { writeErr, writeOut } from '../io/stdio.js';

const spec = { help: { type: 'boolean', short: 'h', default: false }, json: { type: 'boolean', default: false } } as const;

function questionJson(q: Question, lang: 'ja' | 'en'): Record<string, unknown> {
  return {
    id: q.id,
    type: q.type,
    text: q.text[lang],
    ...(q.help === undefined ? {} : { help: q.help[lang] }),
    ...(q.choices === undefined ? {} : { choices: q.choices.map((c) => ({ value: c.value, label: c.label[lang] })) }),
    ...(q.type === 'yesno' ? { choices: [{ value: 'yes', label: 'yes' }, { value: 'no', label: 'no' }] } : {}),
    ...(q.default === undefined ? {} : { default: q.default }),
    ...(q.pattern === undefined ? {} : { pattern: q.pattern }),
    ...(q.when === undefined ? {} : { when: q.when }),
    ...(q.detect === undefined ? {} : { detect: q.detect }),
  };
}

function productText(def: Definition, lang: 'ja' | 'en'): string[] {
  const lines = [`${def.id}: ${def.title[lang]}`];
  if (def.summary !== undefined) lines.push(`  ${def.summary[lang]}`);
  for (const q of def.questions) {
    lines.push(`  - ${q.id} (${q.type})${q.when === undefined ? '' : `  ${t('plan.list.conditional')}`}: ${q.text[lang]}`);
    if (q.choices !== undefined) {
      for (const c of q.choices) lines.push(`      ${c.value}  ${c.label[lang]}`);
    }
    if (q.type === 'yesno') lines.push('      yes | no');
    if (q.default !== undefined) lines.push(`      ${t('plan.list.default', { value: Array.isArray(q.default) ? q.default.join(',') : q.default })}`);
    if (q.detect !== undefined) lines.push(`      ${t('plan.list.detected')}`);
  }
  return lines;
}

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('list', args, spec);
  if (o.help) {
    writeOut(t('plan.list.help'));
    return 0;
  }
  const lang = getLang();
  const { definitions: defs, broken } = loadAllDefinitions();
  // A definition that does not load is a defect of the package: said on stderr, the others still listed.
  for (const b of broken) writeErr(`${t('plan.list.broken', { file: b.file })}\n${b.error.problems.map(formatProblem).join('\n')}\n`);
  if (o.json) {
    const data = defs.map((d) => ({
      id: d.id,
      title: d.title[lang],
      ...(d.summary === undefined ? {} : { summary: d.summary[lang] }),
      source: d.source,
      questions: d.questions.map((q) => questionJson(q, lang)),
    }));
    writeOut(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  writeOut(`${defs.map((d) => productText(d, lang).join('\n')).join('\n\n')}\n`);
  return 0;
}
