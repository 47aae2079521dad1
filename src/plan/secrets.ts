// Secret answers (questions marked secret: true, e.g. an LDAP bind password) never enter a
// plan: the plan is journaled and reported. The executor gets them apart (ExecuteOptions.secrets)
// and hands them to a command only as a 0600 file ({secret-file:ID}). Pure.
import type { Answers, Definition } from '../model/definition.js';
import { MASK } from '../migrate/sharetask-db.js';

export function secretIds(def: Definition): string[] {
  return def.questions.filter((q) => q.secret === true).map((q) => q.id);
}

/** The answers with every secret value replaced by the mask. */
export function maskSecrets(def: Definition, answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const id of secretIds(def)) if (out[id] !== undefined) out[id] = MASK;
  return out;
}

/** The secret answers alone, for the executor. */
export function secretAnswers(def: Definition, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of secretIds(def)) {
    const v = answers[id];
    if (typeof v === 'string' && v !== '') out[id] = v;
  }
  return out;
}
