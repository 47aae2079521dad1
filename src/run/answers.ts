// Answers given on the command line: --answers FILE (YAML or JSON object) and --set Q=V.
// Checked later against the definition (src/plan); here only their shape.
import { readFileSync } from 'node:fs';
import type { Answers } from '../model/definition.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';

export async function readAnswersFile(file: string): Promise<Answers> {
  let data: unknown;
  try {
    // yaml only when a file is given: importing it costs more than starting Node.js.
    const { parse } = await import('yaml');
    // failsafe: every scalar stays the text that was written, so a version such as 5.10 is not read as 5.1.
    data = parse(readFileSync(file, 'utf8'), { schema: 'failsafe' });
  } catch (error) {
    throw new InputError(t('run.args.answersUnreadable', { file, detail: (error as Error).message.split('\n')[0] ?? '' }));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InputError(t('run.args.answersShape', { file }));
  const out: Answers = {};
  for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value === 'string') out[id] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[id] = value as string[];
    else throw new InputError(t('run.args.answerValue', { file, id }));
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
