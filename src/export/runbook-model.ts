// What a runbook says, whatever its format: the plan's answers, blockers, steps (with what each
// does, what to check after it and the restore point in force) and the rollback procedures.
// Pure: the step descriptions come from the caller (the executor's own describe()).
import type { Plan, PlannedStep } from '../model/plan.js';
import type { Definition } from '../model/definition.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import { restorePointAt } from '../plan/restore-point.js';
import { MISSING_MEDIA, SECRET_FILES } from '../plan/template.js';

export type Describe = (step: PlannedStep) => string[];

export interface RunbookStep {
  number: string;
  step: PlannedStep;
  does: string[];
  /** What the placeholders in `does` stand for, for a person doing the step by hand. */
  notes: string[];
  /** section: the rollback procedure's number in the runbook (R1...), to do by hand. */
  restorePoint?: { id: string; title: string; section: string };
}

export interface RunbookModel {
  title: string;
  product: string;
  lang: Plan['lang'];
  root: string;
  media?: string;
  answers: { id: string; question: string; value: string }[];
  blockers: Plan['blockers'];
  warnings: string[];
  /** What the plan checked and found sound (the packages verified). */
  checked: string[];
  steps: RunbookStep[];
  rollbacks: { id: string; title: string; explain: string; steps: RunbookStep[] }[];
  /** What comes after the last step, elsewhere (the next node's part). */
  next: string[];
}

export function runbookModel(plan: Plan, def: Definition, describe: Describe): RunbookModel {
  const points = new Map(plan.restorePoints.map((r, n) => [r.id, { ...r, section: `R${n + 1}` }]));
  const stepsOf = (steps: PlannedStep[], prefix: string, withPoints: boolean): RunbookStep[] =>
    steps.map((step, i) => {
      const id = withPoints ? restorePointAt(steps, i) : undefined;
      const rp = id === undefined ? undefined : points.get(id);
      // A person's step says itself what to do (its instructions and checklist); other kinds
      // that repeat their instructions in describe() (a reboot) have them in their own block.
      const does = step.kind === 'manual' ? [] : describe(step).filter((line) => line !== step.instructions);
      return { number: `${prefix}${i + 1}`, step, does, notes: placeholderNotes(does, def, plan.lang), ...(rp ? { restorePoint: { id: rp.id, title: rp.title, section: rp.section } } : {}) };
    });
  const questions = new Map(def.questions.map((q) => [q.id, q]));
  return {
    title: def.title[plan.lang],
    product: plan.product,
    lang: plan.lang,
    root: plan.root,
    ...(plan.media ? { media: plan.media } : {}),
    answers: Object.entries(plan.answers).map(([id, v]) => ({
      id,
      question: questions.get(id)?.text[plan.lang] ?? id,
      value: Array.isArray(v) ? v.join(', ') : v,
    })),
    blockers: plan.blockers,
    warnings: plan.warnings,
    checked: plan.checked ?? [],
    steps: stepsOf(plan.steps, '', true),
    rollbacks: plan.restorePoints.map((rp, n) => ({ id: rp.id, title: rp.title, explain: rp.explain, steps: stepsOf(rp.rollback, `R${n + 1}.`, false) })),
    next: plan.next ?? [],
  };
}

/**
 * The run fills {secret-file:ID} with a 0600 file for one command, and a package missing from the
 * media stays <media:KEY> (a blocker names it): a printed runbook says what each stands for.
 */
function placeholderNotes(does: string[], def: Definition, lang: Plan['lang']): string[] {
  const text = does.join('\n');
  const secrets = new Set([...text.matchAll(SECRET_FILES)].map((m) => m[1] as string));
  const media = new Set([...text.matchAll(MISSING_MEDIA)].map((m) => m[0]));
  return [
    ...[...secrets].map((id) => {
      const question = def.questions.find((q) => q.id === id)?.text[lang] ?? id;
      return t('export.rb.secretFile', { placeholder: `{secret-file:${id}}`, question }, lang);
    }),
    ...[...media].map((placeholder) => t('export.rb.missingMedia', { placeholder }, lang)),
  ];
}

/** Fills {{name}} slots of a template; an unknown slot is an error in the template, not the plan. */
export function fillTemplate(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{([a-zA-Z0-9_.]+)\}\}/g, (whole, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`template slot ${whole} is unknown`);
    return value;
  });
}
