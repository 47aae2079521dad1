// Answers given on the command line: --answers FILE (YAML or JSON object) and --set Q=V: their
// shape when read, then (checkGivenAnswers) against the definition, each problem naming the
// file and line, or --set, where the answer was given.
import { readFileSync, statSync } from 'node:fs';
import type { Answers, Definition, Question } from '../model/definition.js';
import type { Condition } from '../model/condition.js';
import { InputError } from '../errors.js';
import { t, type Lang } from '../i18n/index.js';
import '../i18n/messages/args.js';
import '../i18n/messages/answers.js';
import { patternHint, questionStates, validateAnswer } from '../plan/questions.js';
import { quoteArg } from '../quote.js';
import { secretEnvName } from './secret-files.js';

/** An --answers file as read: the answers, the line of each, and the product its header names. */
export interface AnswersSource {
  file: string;
  answers: Answers;
  lines: Record<string, number>;
  /** The product of a file written by --save-answers ("# Answers for sharetask, saved by..."). */
  savedFor?: string;
  /** Permission bits of the file (a secret answer needs a file only its owner reads). */
  mode: number;
}

/** Reads --answers FILE; every problem names the file and its line, as `validate` does. */
export async function readAnswersFile(file: string): Promise<Answers> {
  return (await readAnswersSource(file)).answers;
}

// The header line of --save-answers (export.answers.header1), in English and in Japanese.
const SAVED_FOR = [/^#\s*Answers for (\S+), saved by upgrade-wizard/m, /^#\s*(\S+) の回答 \(upgrade-wizard --save-answers/m];

export async function readAnswersSource(file: string): Promise<AnswersSource> {
  let text: string;
  let mode = 0o600;
  try {
    text = readFileSync(file, 'utf8');
    mode = statSync(file).mode & 0o777;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new InputError(code === 'ENOENT' ? t('run.args.answersMissing', { file }) : t('run.args.answersUnreadable', { file, detail: message }));
  }
  // yaml only when a file is given: importing it costs more than starting Node.js.
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = await import('yaml');
  const counter = new LineCounter();
  // failsafe: every scalar stays the text that was written, so a version such as 5.10 is not read as 5.1.
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: counter, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    // yaml's message ends with " at line L, column C:" and a code frame; the line is said once, in front.
    const detail = (syntax.message.split('\n')[0] ?? syntax.code).replace(/ at line [0-9]+, column [0-9]+:?$/, '');
    throw new InputError(t('run.args.answersSyntax', { file, line: syntax.linePos?.[0].line ?? 1, detail }));
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  if (!isMap(doc.contents)) throw new InputError(t('run.args.answersShape', { file, line: lineOf(doc.contents) }));
  const out: Answers = {};
  const lines: Record<string, number> = {};
  for (const { key, value } of doc.contents.items) {
    const id = isScalar(key) ? String(key.value) : '';
    lines[id] = lineOf(key);
    if (isScalar(value)) out[id] = String(value.value);
    else if (isSeq(value) && value.items.every((item) => isScalar(item))) out[id] = value.items.map((item) => String(item.value));
    else throw new InputError(t('run.args.answerValue', { file, line: lineOf(value ?? key), id }));
  }
  const savedFor = SAVED_FOR.map((re) => re.exec(text)?.[1]).find((p) => p !== undefined);
  return { file, answers: out, lines, mode, ...(savedFor === undefined ? {} : { savedFor }) };
}

/** Where an answer was given, for a message: "FILE:LINE" or "--set". */
function origin(id: string, src: AnswersSource | undefined, sets: Answers): string {
  if (sets[id] !== undefined || src === undefined) return '--set';
  return `${src.file}:${src.lines[id] ?? 1}`;
}

/**
 * The answers of the file and of --set against the definition, before anything is detected or
 * asked: unknown questions (with the product the file was saved for), refused values, a secret
 * in a file others can read. Every problem in one InputError, each naming where it was given.
 */
export function checkGivenAnswers(def: Definition, src: AnswersSource | undefined, sets: Answers, lang: Lang): void {
  const given: Answers = { ...(src?.answers ?? {}), ...sets };
  const questions = new Map(def.questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  const unknown = Object.keys(given).filter((id) => !questions.has(id));
  for (const id of unknown) problems.push(t('run.args.unknownAnswer', { where: origin(id, src, sets), id }));
  if (unknown.length > 0) {
    problems.push(`  ${t('run.args.knownQuestions', { product: def.id, known: [...questions.keys()].join(', ') })}`);
    // The likely cause first: a file saved for another product.
    const fromFile = unknown.some((id) => sets[id] === undefined);
    if (fromFile && src?.savedFor !== undefined && src.savedFor !== def.id) {
      problems.unshift(t('run.args.savedFor', { file: src.file, saved: src.savedFor, product: def.id }));
    }
  }
  for (const q of def.questions) {
    const value = given[q.id];
    if (value === undefined) continue;
    const check = validateAnswer(q, value);
    if (!check.ok) {
      problems.push(`${origin(q.id, src, sets)}: ${check.error}`);
      // Below a refused pattern answer: the question and its help, where the examples are.
      const hint = patternHint(q, lang);
      if (hint !== undefined) problems.push(`  ${hint}`);
    }
    if (q.secret === true && src !== undefined && sets[q.id] === undefined && src.answers[q.id] !== undefined && (src.mode & 0o077) !== 0) {
      problems.push(
        t('run.args.secretReadable', { where: origin(q.id, src, sets), id: q.id, file: src.file, mode: src.mode.toString(8).padStart(4, '0'), chmod: `chmod 600 ${quoteArg(src.file)}`, env: secretEnvName(q.id) }),
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
}

const questionsOf = (c: Condition): string[] => ('all' in c ? c.all.flatMap(questionsOf) : 'any' in c ? c.any.flatMap(questionsOf) : 'not' in c ? questionsOf(c.not) : [c.q]);

/**
 * Answers given (file or --set) to questions that these answers do not ask (custom_uid with
 * custom=no): the plan goes without them, and the operator is told so.
 */
export function ignoredAnswers(def: Definition, answers: Answers, src: AnswersSource | undefined, sets: Answers): string[] {
  const asked = new Set(questionStates(def, answers).askable.map((q) => q.id));
  return def.questions
    .filter((q) => !asked.has(q.id) && ((src?.answers[q.id] ?? sets[q.id]) !== undefined))
    .map((q) => {
      const because = [...new Set(q.when ? questionsOf(q.when) : [])].map((id) => `${id}=${String(answers[id] ?? '')}`).join(', ');
      return t('run.args.ignoredAnswer', { where: origin(q.id, src, sets), id: q.id, because });
    });
}

// Values tried, in order, as examples of what a question with a pattern accepts.
const EXAMPLES: Partial<Record<Question['type'], string[]>> = {
  version: ['5.5.1-2', '5.4.3', '5.2.3.1', '5.1', 'R13.2', 'R13.2.1', '2.1.3-1', '02-10', '4.16'],
  path: ['/opt/sharetask', '/home/sharetask', '/opt/app', '/var/opt/app'],
  text: ['apache', 'server1', 'NAB', 'o=example.com'],
};

/**
 * What a question with a pattern accepts, in words a person reads (the regular expression is
 * for the definition): up to two example values that pass, and the question's help.
 */
export function readableForm(q: Question, lang: Lang): string[] | undefined {
  if (q.pattern === undefined) return undefined;
  const examples = [...(typeof q.default === 'string' ? [q.default] : []), ...(EXAMPLES[q.type] ?? [])]
    .filter((v, i, all) => all.indexOf(v) === i && validateAnswer(q, v).ok)
    .slice(0, 2);
  const form = examples.length > 0 ? t('run.args.formExample', { type: q.type, examples: examples.join(t('run.args.or')) }) : t('run.args.formPlain', { type: q.type });
  return [form, ...(q.help ? [q.help[lang]] : [])];
}

export function parseSets(sets: readonly string[]): Answers {
  const out: Answers = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new InputError(t('run.args.setShape', { value: s }));
    out[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return out;
}
