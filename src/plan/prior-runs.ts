// Order rules between runs (e.g. the standby node before the active node): does a finished run
// of the log dir lift a blocker? Pure: the runs were read by src/detect into Facts.priorRuns.
import type { Answers, Definition } from '../model/definition.js';
import type { PriorRun } from '../model/facts.js';
// The lifted rule's note (plan.build.liftedByRun) is in this catalogue.
import '../i18n/messages/jobcenter.js';

type Rule = Definition['blockers'][number];

function same(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Finished runs of this product with the answers the rule asks of them (the standby node's runs), newest first. */
function runsOfRole(product: string, want: NonNullable<Rule['unlessPriorRun']>, runs: readonly PriorRun[]): PriorRun[] {
  return runs
    .filter((run) => run.product === product && Object.entries(want.answers).every(([id, value]) => same(run.answers[id], value)))
    .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

/** The newest finished run of this product that satisfies the rule's unlessPriorRun, if any. */
export function liftingRun(product: string, rule: Rule, answers: Answers, runs: readonly PriorRun[]): PriorRun | undefined {
  const want = rule.unlessPriorRun;
  if (want === undefined) return undefined;
  return runsOfRole(product, want, runs).find((run) => want.sameAs.every((id) => same(run.answers[id], answers[id])));
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
): { run: PriorRun; differs: { id: string; theirs: string; ours: string }[] } | undefined {
  const want = rule.unlessPriorRun;
  if (want === undefined) return undefined;
  const shown = (v: string | string[] | undefined): string => (v === undefined ? '-' : Array.isArray(v) ? v.join(',') : v);
  const [near] = runsOfRole(product, want, runs);
  if (near === undefined) return undefined;
  const differs = want.sameAs
    .filter((id) => !same(near.answers[id], answers[id]))
    .map((id) => ({ id, theirs: shown(near.answers[id]), ours: shown(answers[id]) }));
  return differs.length === 0 ? undefined : { run: near, differs };
}
