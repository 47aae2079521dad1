// Which questions apply, which are still open, and whether an answer is acceptable. Pure.
import type { Answers, Definition, Question } from '../model/definition.js';
import { parseVersion } from '../versions/index.js';
import { t, type Lang } from '../i18n/index.js';
import '../i18n/messages/plan.js';
// plan.answer.windowsPath, added with JobCenter's Windows questions.
import '../i18n/messages/jobcenter.js';
import { conditionState } from './condition.js';

export interface QuestionStates {
  /** Questions whose `when` holds, in definition order. */
  askable: Question[];
  /** Questions that depend on an answer not given yet: asked, or not, once that one is answered. */
  undecided: Question[];
}

/** Which questions apply given the answers so far; conditions on unanswered questions stay undecided. */
export function questionStates(def: Definition, answers: Answers): QuestionStates {
  const pending = new Set<string>();
  const askable: Question[] = [];
  const undecided: Question[] = [];
  for (const q of def.questions) {
    const state = q.when === undefined ? true : conditionState(q.when, answers, pending);
    if (state === false) continue;
    // Undecided and unanswered questions count as pending, so questions depending on them wait too.
    if (state === undefined || answers[q.id] === undefined) pending.add(q.id);
    (state === true ? askable : undecided).push(q);
  }
  return { askable, undecided };
}

/** The questions whose `when` holds, in order (ask in order, then ask again: answers open questions). */
export function askableQuestions(def: Definition, answers: Answers): Question[] {
  return questionStates(def, answers).askable;
}

/** Askable questions without an answer, in order. */
export function missingAnswers(def: Definition, answers: Answers): Question[] {
  return askableQuestions(def, answers).filter((q) => answers[q.id] === undefined);
}

/** Answers limited to the questions that apply: an answer to a question not asked is dropped. */
export function effectiveAnswers(def: Definition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of askableQuestions(def, answers)) {
    const value = answers[q.id];
    if (value !== undefined) out[q.id] = value;
  }
  return out;
}

/** Fills the defaults of askable questions that have no answer, in order (a default may open further questions). */
export function withDefaults(def: Definition, answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of missingAnswers(def, out)) {
      if (q.default !== undefined) {
        out[q.id] = q.default;
        changed = true;
      }
    }
  }
  return out;
}

/** error names the question (for command lines and files); problem is the same without it (for its screen). */
export type AnswerCheck = { ok: true; value: string | string[] } | { ok: false; error: string; problem: string };

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);
// Control characters never belong in a value that may reach a path, an argv or a config file.
const CONTROL = /[\u0000-\u001f\u007f]/;

function fullMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

/** Splits "a,b" for multi/list answers given on a command line; [] for "". */
export function splitList(value: string | string[]): string[] {
  if (Array.isArray(value)) return value;
  return value === '' ? [] : value.split(',').map((v) => v.trim());
}

/** Checks and normalises one answer (yes/no spelling, list order); the error is for the user. */
/**
 * Said below a refused answer of a question with a pattern, which tells the operator little: the
 * question and its help, where the examples are.
 */
export function patternHint(question: Question, lang: Lang): string | undefined {
  if (question.pattern === undefined) return undefined;
  return [question.text[lang], question.help?.[lang]].filter((x) => x !== undefined).join(' ');
}

export function validateAnswer(question: Question, value: string | string[]): AnswerCheck {
  const bad = (key: string, params: Record<string, string> = {}): AnswerCheck => {
    const problem = t(key, { value: String(value), ...params });
    return { ok: false, error: `${question.id}: ${problem}`, problem };
  };
  const choices = question.choices?.map((c) => c.value) ?? [];
  if (question.type === 'multi' || question.type === 'list') {
    const items = splitList(value);
    if (items.some((v) => v === '' || CONTROL.test(v))) return bad('plan.answer.badItem');
    if (question.type === 'multi') {
      const unknown = items.find((v) => !choices.includes(v));
      if (unknown !== undefined) return bad('plan.answer.notChoice', { value: unknown, choices: choices.join(', ') });
      return { ok: true, value: choices.filter((c) => items.includes(c)) };
    }
    // A list names what the steps repeat over (instances, mirrors, servers): none would drop them silently.
    if (items.length === 0) return bad('plan.answer.emptyList');
    const off = question.pattern === undefined ? undefined : items.find((v) => !fullMatch(question.pattern as string, v));
    if (off !== undefined) return bad('plan.answer.pattern', { value: off, pattern: question.pattern as string });
    return { ok: true, value: items };
  }
  if (Array.isArray(value)) return bad('plan.answer.notList');
  if (CONTROL.test(value)) return bad('plan.answer.control');
  switch (question.type) {
    case 'choice':
      if (!choices.includes(value)) return bad('plan.answer.notChoice', { choices: choices.join(', ') });
      return { ok: true, value };
    case 'yesno': {
      const v = value.trim().toLowerCase();
      if (YES.has(v)) return { ok: true, value: 'yes' };
      if (NO.has(v)) return { ok: true, value: 'no' };
      return bad('plan.answer.yesno');
    }
    case 'version':
      if (value.trim() === '') return bad('plan.answer.empty');
      if (parseVersion(value) === null) return bad('plan.answer.version');
      break;
    case 'path': {
      if (value.trim() === '') return bad('plan.answer.empty');
      // A POSIX path would reach cmd.exe and the Windows file API as a relative or wrong one.
      if (question.windowsPath === true) {
        const windows = /^[A-Za-z]:\\/.test(value) || /^\\\\[^\\/]+\\[^\\/]+/.test(value);
        if (!windows || value.split(/[\\/]/).includes('..')) return bad('plan.answer.windowsPath');
        break;
      }
      const absolute = value.startsWith('/') || /^[A-Za-z]:\\/.test(value);
      if (!absolute || value.split(/[\\/]/).includes('..')) return bad('plan.answer.path');
      break;
    }
    case 'text':
      if (value.trim() === '') return bad('plan.answer.empty');
      break;
  }
  if (question.pattern !== undefined && !fullMatch(question.pattern, value)) {
    return bad('plan.answer.pattern', { pattern: question.pattern });
  }
  return { ok: true, value: value.trim() };
}
