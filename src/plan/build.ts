// buildPlan: a definition resolved against answers and facts. Pure: no fs, no processes,
// so the same answers and facts always give the same plan (and tests need no machine).
import type { Answers, Definition, RestorePoint } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import type { Text } from '../model/text.js';
import type { Blocker, Plan, PlannedRestorePoint, PlannedStep } from '../model/plan.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
// plan.build.noSteps and the order rules' notes.
import '../i18n/messages/jobcenter.js';
import { genericBlockers } from './blockers.js';
import { expandForEach } from './foreach.js';
import { maskSecrets } from './secrets.js';
import { servicesBlockers } from './services.js';
import { evalCondition } from './condition.js';
import { askableQuestions, effectiveAnswers, missingAnswers, validateAnswer, withDefaults } from './questions.js';
import { planStep, StepPlanError, type Lang, type StepContext } from './steps.js';
import { resolveTemplate, TemplateError, type TemplateContext } from './template.js';
import { selectVars } from './vars.js';
import { liftingRun, nearMissRun } from './prior-runs.js';
import { readableTime } from '../io/backup-name.js';

/** Answers or a definition that cannot become a plan; the message names the question or step. */
export class PlanError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

function explainFailure(error: unknown, where: string, lang: Lang): never {
  if (error instanceof TemplateError) {
    throw new PlanError(t(`plan.build.template.${error.reason}`, { where, placeholder: error.placeholder }, lang));
  }
  if (error instanceof StepPlanError) throw new PlanError(t('plan.build.archiveFormat', { where, archive: error.detail }, lang));
  throw error;
}

/**
 * Checks every answer; returns them normalised and limited to the questions that apply.
 * A bad value for a question that does not apply (a stale detection) is dropped, not an error.
 */
export function checkAnswers(def: Definition, answers: Answers, lang: Lang = 'en'): Answers {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const normal: Answers = {};
  const errors = new Map<string, string>();
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (q === undefined) throw new PlanError(t('plan.answer.unknown', { id, known: [...byId.keys()].join(', ') }, lang));
    const check = validateAnswer(q, value);
    if (check.ok) normal[id] = check.value;
    else errors.set(id, check.error);
  }
  for (const q of askableQuestions(def, normal)) {
    const error = errors.get(q.id);
    if (error !== undefined) throw new PlanError(error);
  }
  // Defaults are part of the definition: a question with one is never missing.
  const complete = withDefaults(def, normal);
  const missing = missingAnswers(def, complete);
  if (missing.length > 0) throw new PlanError(t('plan.answer.missing', { ids: missing.map((q) => q.id).join(', ') }, lang));
  return effectiveAnswers(def, complete);
}

function planSteps(steps: Definition['steps'], ctx: StepContext, answers: Answers, lang: Lang, prefix: string): PlannedStep[] {
  return steps
    .filter((s) => s.when === undefined || evalCondition(s.when, answers))
    .flatMap((s) => expandForEach(s, answers))
    .map(({ step: s, answers: own }) => {
      try {
        return planStep(s, own === answers ? ctx : { ...ctx, tpl: { ...ctx.tpl, answers: own } });
      } catch (error) {
        return explainFailure(error, t('plan.build.step', { id: `${prefix}${s.id}`, title: s.title[lang] }, lang), lang);
      }
    });
}

/** Answers as the screens show them: a choice by its label, another answer as id=value. */
function labels(def: Definition, answers: Record<string, string>, lang: Lang): string {
  return Object.entries(answers)
    .map(([id, value]) => def.questions.find((q) => q.id === id)?.choices?.find((c) => c.value === value)?.label[lang] ?? `${id}=${value}`)
    .join(', ');
}

/** A text of the definition for the operator to read: a list answer in it becomes "a, b". */
function sentence(value: Text, tpl: TemplateContext, lang: Lang): string {
  return resolveTemplate(value[lang], { ...tpl, listSeparator: ', ' });
}

function planRestorePoint(rp: RestorePoint, ctx: StepContext, answers: Answers, lang: Lang): PlannedRestorePoint {
  let title: string;
  let explain: string;
  try {
    title = sentence(rp.title, ctx.tpl, lang);
    explain = sentence(rp.explain, ctx.tpl, lang);
  } catch (error) {
    return explainFailure(error, t('plan.build.restorePoint', { id: rp.id }, lang), lang);
  }
  return { id: rp.id, title, explain, rollback: planSteps(rp.rollback, ctx, answers, lang, `${rp.id}/`), ...(rp.beforeEnd ? { beforeEnd: true } : {}) };
}

export function buildPlan(def: Definition, answers: Answers, facts: Facts, lang: Lang): Plan {
  const checked = checkAnswers(def, answers, lang);
  const tpl: TemplateContext = { root: facts.root, answers: checked, mediaFiles: facts.mediaFiles, vars: selectVars(def.vars, checked) };
  const ctx: StepContext = { def, lang, tpl, hasServiceCommand: facts.hasServiceCommand };
  const windows = def.windows !== undefined && evalCondition(def.windows, checked);
  const onWindows = (list: PlannedStep[]): PlannedStep[] => (windows ? list.map((s) => ({ ...s, windows: true as const })) : list);
  const steps = onWindows(planSteps(def.steps, ctx, checked, lang, ''));

  // Only the restore points this plan can reach: the others may need answers it does not have.
  const used = new Set(steps.map((s) => s.restorePoint).filter((id): id is string => id !== undefined));
  const restorePoints = def.restorePoints
    .filter((rp) => used.has(rp.id))
    .map((rp) => planRestorePoint(rp, ctx, checked, lang))
    .map((rp) => ({ ...rp, rollback: onWindows(rp.rollback) }));

  const blockers: Blocker[] = [];
  const ruleWarnings: string[] = [];
  // An order rule met is evidence for the change record, not a warning (shown as checked, ✓).
  const ruleChecked: string[] = [];
  for (const rule of def.blockers) {
    if (!evalCondition(rule.when, rule.answersAsGiven === true ? { ...answers, ...checked } : checked)) continue;
    try {
      const text = (value: Text): string => sentence(value, tpl, lang);
      const lifted = liftingRun(def.id, rule, checked, facts.priorRuns ?? [], def.vars);
      // Kept with the plan (and so in the journal and report): which earlier run allowed this one.
      if (lifted !== undefined) {
        // In words (the run it follows by its answers' labels, "待機系"), at the local time the welcome shows.
        ruleChecked.push(t('plan.build.liftedByRun', { what: labels(def, rule.unlessPriorRun?.answers ?? {}, lang), time: readableTime(lifted.finishedAt), journal: lifted.journal }, lang));
        continue;
      }
      // An earlier run that almost lifts the rule (another target) is named, with what differs.
      const near = nearMissRun(def.id, rule, checked, facts.priorRuns ?? [], def.vars);
      const nearText = near === undefined ? '' : ` ${t('plan.build.nearMissRun', {
        time: readableTime(near.run.finishedAt),
        journal: near.run.journal,
        theirs: near.differs.map((d) => `${d.id}=${d.theirs}`).join(', '),
        ours: near.differs.map((d) => `${d.id}=${d.ours}`).join(', '),
      }, lang)}`;
      const message = `${text(rule.message)}${nearText}`;
      // A warning rule does not refuse the plan: its message and advice are shown with it.
      if (rule.severity === 'warning') ruleWarnings.push(`${message} ${text(rule.fix)}`);
      else blockers.push({ id: rule.id, message, fix: text(rule.fix) });
    } catch (error) {
      explainFailure(error, t('plan.build.blocker', { id: rule.id }, lang), lang);
    }
  }
  const next: string[] = [];
  def.next.forEach((n, i) => {
    if (n.when !== undefined && !evalCondition(n.when, checked)) return;
    try {
      next.push(sentence(n.text, tpl, lang));
    } catch (error) {
      explainFailure(error, t('plan.build.next', { index: String(i) }, lang), lang);
    }
  });
  const generic = genericBlockers(def, checked, facts, steps, lang);
  blockers.push(...generic.blockers, ...servicesBlockers(steps, facts, lang));
  // Answers that no step fits (a version between two bands of the procedure) would "run" nothing
  // and end as done: never a plan.
  if (steps.length === 0 && blockers.length === 0) {
    const shown = Object.entries(maskSecrets(def, checked)).map(([id, v]) => `${id}=${Array.isArray(v) ? v.join(',') : v}`).join(' ');
    blockers.push({ id: 'no-steps', message: t('plan.build.noSteps', { answers: shown }, lang), fix: t('plan.build.noStepsFix', { product: def.id }, lang) });
  }

  return {
    product: def.id,
    lang,
    answers: maskSecrets(def, checked),
    root: facts.root,
    ...(facts.media === undefined ? {} : { media: facts.media }),
    steps,
    blockers,
    warnings: [...ruleWarnings, ...generic.warnings],
    ...(ruleChecked.length + generic.checked.length === 0 ? {} : { checked: [...ruleChecked, ...generic.checked] }),
    restorePoints,
    ...(next.length === 0 ? {} : { next }),
    ...(windows ? { windows: true as const } : {}),
  };
}
