// How an answer reads on a screen: a choice by its label, yes/no in the operator's language, a
// secret masked. Values stay what the definition and the journal use.
import type { Lang } from '../i18n/index.js';
import type { Question } from '../model/definition.js';
import { t } from './i18n.js';
import { MASK } from './text.js';

export function answerText(q: Question | undefined, value: string | string[], lang: Lang): string {
  if (q?.secret) return MASK;
  const one = (v: string): string => {
    if (q?.type === 'yesno' && (v === 'yes' || v === 'no')) return t(v === 'yes' ? 'ui.yes' : 'ui.no');
    return q?.choices?.find((c) => c.value === v)?.label[lang] ?? v;
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}
