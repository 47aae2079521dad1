// `upgrade-wizard plan --product ID ...`: the plan as a report, for review or change management.
// It never changes anything and exits 0 even with blockers; missing answers are exit 2.
import { resolve } from 'node:path';
import type { Answers, Definition } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import type { Plan } from '../model/plan.js';
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { gatherFacts } from '../detect/index.js';
import { buildPlan } from '../plan/build.js';
import { formatPlan } from '../plan/format.js';
import { allDefinitions, productDefinition } from '../plan/definitions.js';
import { questionStates, withDefaults } from '../plan/questions.js';
import { checkGivenAnswers, ignoredAnswers, parseSets, readableForm, readAnswersSource } from '../run/answers.js';
import { secretAnswers } from '../plan/secrets.js';
import { secretEnvName, secretsFromEnv } from '../run/secret-files.js';
import { DamagedJournals, DEFAULT_LOG_DIR } from '../run/journal.js';
import { saveAnswers } from '../export/save-answers.js';
import { startedAsTerminal, writeOut } from '../io/stdio.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  product: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] as string[] },
  answers: { type: 'string' },
  json: { type: 'boolean', default: false },
  root: { type: 'string' },
  media: { type: 'string' },
  'log-dir': { type: 'string' },
  'save-answers': { type: 'string' },
} as const;

export interface PlanRequest {
  product?: string;
  sets: string[];
  answersFile?: string;
  root?: string;
  media?: string;
  /** Where earlier runs are journaled (order rules between runs); DEFAULT_LOG_DIR when absent. */
  logDir?: string;
  /** The plan is for other machines (export): answers are not held against this one's detections. */
  elsewhere?: boolean;
  /**
   * Only shown or written (plan, export), never run: a journal of the log dir that cannot be read
   * leaves the earlier runs out, said as a warning, instead of refusing (run refuses: it must not
   * start over a run it cannot read).
   */
  readOnly?: boolean;
}

/** The message listing every open question with what it accepts; undefined when none is open. */
export function missingAnswersMessage(def: Definition, answers: Answers, elsewhere = false): string | undefined {
  const { askable, undecided } = questionStates(def, answers);
  // A plan made for other machines never holds a secret: they are asked where it runs.
  const missing = askable.filter((q) => answers[q.id] === undefined && !(elsewhere && q.secret === true));
  if (missing.length === 0) return undefined;
  const lang = getLang();
  const lines = missing.map((q) => {
    const choices = q.type === 'yesno' ? 'yes, no' : q.choices?.map((c) => c.value).join(', ');
    // A pattern is for the definition: the operator reads examples that pass it, and the help.
    const accepts =
      q.secret === true
        ? t('run.args.secretEnv', { name: secretEnvName(q.id) })
        : choices !== undefined
          ? t(q.type === 'multi' ? 'plan.cmd.acceptsMulti' : 'plan.cmd.accepts', { accepts: choices })
          : (readableForm(q, lang) ?? [t('plan.cmd.formPlain', { type: q.type })]).join('\n      ');
    return `  ${q.id}: ${q.text[lang]}\n      ${accepts}`;
  });
  const later = undecided.length > 0 ? `\n${t('plan.cmd.moreLater', { ids: undecided.map((q) => q.id).join(', ') })}` : '';
  return t('plan.cmd.missing', { product: def.id, list: lines.join('\n') }) + later;
}

/**
 * Answers from every source, weakest first: defaults, detections (with --root/--media, or the
 * real machine), the answers file, --set. Throws InputError listing open questions.
 */
export async function preparePlan(request: PlanRequest): Promise<{ def: Definition; facts: Facts; plan: Plan; secrets: Record<string, string>; ignored: string[] }> {
  if (request.product === undefined) {
    throw new InputError(t('plan.cmd.noProduct', { known: (await allDefinitions()).definitions.map((d) => d.id).join(', ') }));
  }
  const def = await productDefinition(request.product);
  const sets = parseSets(request.sets);
  // A secret on the command line would be visible to every user through ps.
  const secretSet = def.questions.find((q) => q.secret === true && sets[q.id] !== undefined);
  if (secretSet !== undefined) throw new InputError(t('run.args.secretOnCommandLine', { id: secretSet.id, env: secretEnvName(secretSet.id) }));
  const source = request.answersFile === undefined ? undefined : await readAnswersSource(request.answersFile);
  // A value the operator typed is checked before anything is asked for: fixing the missing
  // answers first, only to learn then that --set from=5,4 was refused, costs a round.
  checkGivenAnswers(def, source, sets, getLang());
  const given: Answers = { ...secretsFromEnv(def), ...(source?.answers ?? {}), ...sets };
  const logDir = resolve(request.logDir ?? DEFAULT_LOG_DIR);
  const gather = (withRuns: boolean): Promise<Facts> =>
    gatherFacts(def, {
      ...(request.root === undefined ? {} : { root: resolve(request.root) }),
      ...(request.media === undefined ? {} : { media: resolve(request.media) }),
      answers: given,
      ...(withRuns ? { logDir } : {}),
    });
  let facts: Facts;
  let unread: string | undefined;
  try {
    facts = await gather(true);
  } catch (error) {
    if (request.readOnly !== true || !(error instanceof DamagedJournals)) throw error;
    facts = await gather(false);
    unread = t('plan.warn.journalsUnread', { problem: error.message, dir: logDir });
  }
  // A decision's detection is a proposal for the screens: here nobody would see it taken.
  const decisions = new Set(def.questions.filter((q) => q.decision === true).map((q) => q.id));
  const detected: Answers = Object.fromEntries(Object.values(facts.detected).filter((d) => !decisions.has(d.question)).map((d) => [d.question, d.value]));
  const answers = withDefaults(def, { ...detected, ...given });
  const missing = missingAnswersMessage(def, answers, request.elsewhere === true);
  if (missing !== undefined) throw new InputError(missing);
  if (request.elsewhere === true) {
    // Asked on the nodes (vars_prompt, the runbook's operator): a stand-in that is masked anyway.
    for (const q of questionStates(def, answers).askable) if (q.secret === true && answers[q.id] === undefined) answers[q.id] = '****';
  }
  const compared = request.elsewhere === true ? { ...facts, detected: {} } : facts;
  const plan = buildPlan(def, answers, compared, getLang());
  // Said where the plan's warnings are (plan, run, the runbook): an answer given and not used.
  const ignored = ignoredAnswers(def, answers, source, sets);
  return { def, facts, plan: { ...plan, warnings: [...(unread === undefined ? [] : [unread]), ...ignored, ...plan.warnings] }, secrets: secretAnswers(def, answers), ignored };
}

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('plan', args, spec);
  if (o.help) {
    writeOut(t('plan.cmd.help'));
    return 0;
  }
  const { def, facts, plan } = await preparePlan({
    product: o.product,
    sets: o.set,
    ...(o.answers === undefined ? {} : { answersFile: o.answers }),
    ...(o.root === undefined ? {} : { root: o.root }),
    ...(o.media === undefined ? {} : { media: o.media }),
    ...(o['log-dir'] === undefined ? {} : { logDir: o['log-dir'] }),
    readOnly: true,
  });
  if (o['save-answers'] !== undefined) saveAnswers(o['save-answers'], def, plan.answers, facts);
  if (o.json) {
    writeOut(`${JSON.stringify({ ...plan, detected: facts.detected }, null, 2)}\n`);
    return 0;
  }
  const color = startedAsTerminal(1) && (process.env.NO_COLOR ?? '') === '';
  writeOut(formatPlan(plan, { color, title: def.title[plan.lang], detected: facts.detected }));
  return 0;
}
