// A complete, valid set of answers for any product of wizards/, as --set arguments: the default
// where there is one, else the first choice, "no", or a sample value for the free-form questions.
import type { Definition, Question } from '../../src/model/definition.js';
import { missingAnswers } from '../../src/plan/questions.js';

/** Samples for questions with neither default nor choices, by product then question id. */
const SAMPLES: Record<string, Record<string, string>> = {
  sharetask: { from: '5.4.3', to: '5.5.1-2', custom_uid: 'NAB' },
  clusterpro: { from: '2.1.2-1', downgrade_to: '2.1.1-1', servers: 'node1,node2', mirrors: 'md1' },
  groupmax: { from: '2.0.2' },
  'iplanet-messaging': { from: '5.2', msg_instance: 'msg-budgie', slapd_instances: 'slapd-budgie', directory_server_version: '5.1' },
  jobcenter: { from: 'R12.8' },
};

function sample(def: Definition, q: Question): string {
  const given = SAMPLES[def.id]?.[q.id];
  if (given !== undefined) return given;
  if (q.default !== undefined) return Array.isArray(q.default) ? q.default.join(',') : String(q.default);
  const first = q.choices?.[0]?.value;
  if (first !== undefined) return first;
  if (q.type === 'yesno') return 'no';
  throw new Error(`test/dist/answers.ts: add a sample answer for ${def.id}.${q.id} (${q.type})`);
}

export function sampleAnswers(def: Definition): Record<string, string> {
  const answers: Record<string, string> = {};
  for (let open = missingAnswers(def, answers); open.length > 0; open = missingAnswers(def, answers)) {
    for (const q of open) answers[q.id] = sample(def, q);
  }
  return answers;
}

export function setArgs(answers: Record<string, string>): string[] {
  return Object.entries(answers).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
}
