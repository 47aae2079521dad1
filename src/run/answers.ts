// Answers given on the command line: --answers FILE (YAML or JSON object) and --set Q=V.
// Checked later against the definition (src/plan); here only their shape.
import { readFileSync } from 'node:fs';
import type { Answers } from '../model/definition.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/args.js';

/** Reads --answers FILE; every problem names the file and its line, as `validate` does. */
export async function readAnswersFile(file: string): Promise<Answers> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
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
  for (const { key, value } of doc.contents.items) {
    const id = isScalar(key) ? String(key.value) : '';
    if (isScalar(value)) out[id] = String(value.value);
    else if (isSeq(value) && value.items.every((item) => isScalar(item))) out[id] = value.items.map((item) => String(item.value));
    else throw new InputError(t('run.args.answerValue', { file, line: lineOf(value ?? key), id }));
  }
  return out;
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
