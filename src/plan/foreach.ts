// forEach: a step repeated for each value of a list answer (one db2ldif per Directory Server
// instance). Each copy sees the list answer as its one value, so {slapd_instances} in its
// templates is that instance; ids get -1, -2... in the order of the list. Pure.
import type { Answers, Step } from '../model/definition.js';

export interface StepInstance {
  step: Step;
  answers: Answers;
}

export function expandForEach(step: Step, answers: Answers): StepInstance[] {
  if (step.forEach === undefined) return [{ step, answers }];
  const value = answers[step.forEach];
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return items.map((item, i) => ({
    step: items.length === 1 ? step : { ...step, id: `${step.id}-${i + 1}` },
    answers: { ...answers, [step.forEach as string]: item },
  }));
}
