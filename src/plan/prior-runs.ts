// Order rules between runs (e.g. the standby node before the active node): does a finished run
// of the log dir lift a blocker? Pure: the runs were read by src/detect into Facts.priorRuns.
import type { Answers, Definition } from '../model/definition.js';
import type { PriorRun } from '../model/facts.js';
import { resolveTemplate, TemplateError } from './template.js';
import { selectVars } from './vars.js';
// The lifted rule's note (plan.build.liftedByRun) is in this catalogue.
import '../i18n/messages/jobcenter.js';

type Rule = Definition['blockers'][number];

function same(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A sameAs entry "var:NAME" compares the definition's var NAME as each run's own answers give it. */
const VAR = /^var:(.+)$/;

/** The value a sameAs entry compares for one run's answers (an answer, or a var: see VAR). */
function compared(id: string, answers: Answers, vars: Definition['vars']): string | string[] | undefined {
  const name = VAR.exec(id)?.[1];
  if (name === undefined) return answers[id];
  const template = selectVars(vars, answers)[name];
  if (template === undefined) return undefined;
  try {
    return resolveTemplate(template, { root: '', answers, mediaFiles: {}, vars: selectVars(vars, answers) });
  } catch (error) {
    if (error instanceof TemplateError) return undefined;
    throw error;
  }
}

/**
 * sameAs: a question asked of neither run (arch outside MSCS) is the same; asked of one only, it
 * differs. A var that neither run has (a misspelt name) never matches: the rule stays.
 */
function sameAnswer(id: string, a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  return (a === undefined && b === undefined && !VAR.test(id)) || same(a, b);
}

/** Finished runs of this product with the answers the rule asks of them (the standby node's runs), newest first. */
function runsOfRole(product: string, want: NonNullable<Rule['unlessPriorRun']>, runs: readonly PriorRun[]): PriorRun[] {
  return runs
    .filter((run) => run.product === product && Object.entries(want.answers).every(([id, value]) => same(run.answers[id], value)))
    .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

/** The newest finished run of this product that satisfies the rule's unlessPriorRun, if any. */
export function liftingRun(product: string, rule: Rule, answers: Answers, runs: readonly PriorRun[], vars: Definition['vars'] = {}): PriorRun | undefined {
  const want = rule.unlessPriorRun;
  if (want === undefined) return undefined;
  return runsOfRole(product, want, runs).find((run) => want.sameAs.every((id) => sameAnswer(id, compared(id, run.answers, vars), compared(id, answers, vars))));
}

/**
 * The newest finished run that holds the rule's `answers` (the standby node's run) but differs in
 * some `sameAs` answer, with those differences: the rule is not lifted, and the operator is told
 * which earlier run was seen and why it does not count (to=R13.2 there, R13.2.1 here).
 */
export function nearMissRun(
  product: string,
  rule: Rule,
  answers: Answers,
  runs: readonly PriorRun[],
  vars: Definition['vars'] = {},
): { run: PriorRun; differs: { id: string; theirs: string; ours: string }[] } | undefined {
  const want = rule.unlessPriorRun;
  if (want === undefined) return undefined;
  const shown = (v: string | string[] | undefined): string => (v === undefined ? '-' : Array.isArray(v) ? v.join(',') : v);
  const [near] = runsOfRole(product, want, runs);
  if (near === undefined) return undefined;
  const differs = want.sameAs
    .map((id) => ({ id, theirs: compared(id, near.answers, vars), ours: compared(id, answers, vars) }))
    .filter((d) => !sameAnswer(d.id, d.theirs, d.ours))
    .map((d) => ({ id: d.id.replace(VAR, '$1'), theirs: shown(d.theirs), ours: shown(d.ours) }));
  return differs.length === 0 ? undefined : { run: near, differs };
}
