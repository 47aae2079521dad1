// The answers of a plan as a YAML file that `--answers FILE` replays exactly. Every scalar is
// double-quoted (JSON strings are valid YAML), so 5.10 stays "5.10" under any schema. Secret
// answers are left out; detected values carry their evidence as comments, which a reader ignores.
import type { Answers, Definition } from '../model/definition.js';
import type { Detection } from '../model/facts.js';

export interface AnswersYamlOptions {
  /** Detections of the run, by any key; matched to answers by their question. */
  detected?: Record<string, Detection>;
  /** Header comment lines (product, where it was saved from). */
  header?: string[];
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();
const quote = (s: string): string => JSON.stringify(s);

/** The answers to save: every answer of the plan except secret ones, in the definition's order. */
export function savableAnswers(def: Definition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of def.questions) {
    const v = answers[q.id];
    if (v === undefined || q.secret === true) continue;
    out[q.id] = v;
  }
  return out;
}

export function answersYaml(def: Definition, answers: Answers, options: AnswersYamlOptions = {}): string {
  const byQuestion = new Map(Object.values(options.detected ?? {}).map((d) => [d.question, d]));
  const lines = (options.header ?? []).map((h) => `# ${oneLine(h)}`);
  for (const [id, value] of Object.entries(savableAnswers(def, answers))) {
    const d = byQuestion.get(id);
    if (d !== undefined) {
      const same = JSON.stringify(d.value) === JSON.stringify(value);
      const detectedValue = Array.isArray(d.value) ? d.value.join(', ') : d.value;
      lines.push(`# ${same ? 'detected' : `detected ${quote(detectedValue)}, overridden`}: ${oneLine(d.evidence)}`);
    }
    if (Array.isArray(value)) {
      lines.push(value.length === 0 ? `${id}: []` : `${id}:`);
      for (const item of value) lines.push(`  - ${quote(item)}`);
    } else {
      lines.push(`${id}: ${quote(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
