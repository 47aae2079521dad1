// `upgrade-wizard export --format ansible|markdown|html --product ID ...`: the plan handed to
// Ansible (a playbook directory) or printed as a runbook. The same answers as `plan` and `run`
// (defaults, detections, --answers, --set); nothing on the machine is changed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOptions } from './args.js';
import { InputError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import type { Answers, Definition } from '../model/definition.js';
import type { Condition } from '../model/condition.js';
import { evalCondition } from '../plan/condition.js';
import { parseSets, readAnswersFile } from '../run/answers.js';
import { handlers } from '../run/steps/index.js';
import { playbookFiles, windowsAnswers, type NodePlan } from '../export/ansible.js';
import { runbookModel } from '../export/runbook-model.js';
import { renderMarkdown } from '../export/runbook-md.js';
import { renderHtml } from '../export/runbook-html.js';
import { writeExport, writeFileAtomicSync, WriteError } from '../export/write-files.js';
import { secretEnvName } from '../run/secret-files.js';
import { productDefinition } from '../plan/definitions.js';
import { checkSaveTarget, saveAnswers } from '../export/save-answers.js';
import { preparePlan, type PlanRequest } from './plan.js';
import { writeErr, writeOut } from '../io/stdio.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  format: { type: 'string' },
  product: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] as string[] },
  answers: { type: 'string' },
  root: { type: 'string' },
  media: { type: 'string' },
  'log-dir': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'save-answers': { type: 'string' },
} as const;

const FORMATS = ['ansible', 'markdown', 'html'];

/** templates/ of this package, found from the module (build/commands or src/commands), never from cwd. */
export function templatePath(rel: string): string {
  return fileURLToPath(new URL(`../../templates/${rel}`, import.meta.url));
}

interface NodeOrder {
  question: string;
  orders: { when?: Condition; nodes: string[] }[];
}

async function nodeOrder(product: string, given: Answers): Promise<{ question: string; nodes: string[] } | undefined> {
  const { parse } = await import('yaml');
  const all = parse(readFileSync(templatePath('ansible/nodes.yaml'), 'utf8')) as Record<string, NodeOrder>;
  const spec = all[product];
  if (!spec) return undefined;
  const order = spec.orders.find((o) => o.when === undefined || evalCondition(o.when, given));
  return order ? { question: spec.question, nodes: order.nodes } : undefined;
}

/** The nodes' plans, and the answers to save (without the node question: each play sets its own). */
async function nodePlans(request: PlanRequest, def: Definition): Promise<{ nodes: NodePlan[]; answers: Answers; ignored: string[] }> {
  const given: Answers = { ...(request.answersFile ? await readAnswersFile(request.answersFile) : {}), ...parseSets(request.sets) };
  const order = await nodeOrder(def.id, given);
  if (!order) {
    const { plan, ignored } = await preparePlan(request);
    return { nodes: [{ group: 'upgrade_targets', plan }], answers: plan.answers, ignored };
  }
  // Order rules between nodes (standby first) are kept by the order of the plays themselves.
  const byOrder = new Set(def.blockers.filter((b) => b.unlessPriorRun !== undefined).map((b) => b.id));
  const out: NodePlan[] = [];
  let ignored: string[] = [];
  for (const [i, node] of order.nodes.entries()) {
    const prepared = await preparePlan({ ...request, sets: [...request.sets, `${order.question}=${node}`] });
    const { plan } = prepared;
    if (i === 0) ignored = prepared.ignored;
    out.push({ node, group: node, plan: i === 0 ? plan : { ...plan, blockers: plan.blockers.filter((b) => !byOrder.has(b.id)) } });
  }
  const { [order.question]: _node, ...answers } = out[0]?.plan.answers ?? {};
  return { nodes: out, answers, ignored };
}

function answersLine(plan: NodePlan['plan']): string {
  return Object.entries(plan.answers)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`)
    .join(', ');
}

async function exportAnsible(request: PlanRequest, def: Definition, out: string, saveTo?: string): Promise<string[]> {
  const { nodes, answers, ignored } = await nodePlans(request, def);
  for (const message of ignored) writeErr(`${t('export.warning', { message })}\n`);
  // The tasks are Linux modules and argv: a Windows plan would be run wrong, so none is written.
  const windows = nodes.map((n) => windowsAnswers(def, n.plan.answers)).find((a) => a !== undefined);
  if (windows !== undefined) throw new InputError(t('export.ansible.windows', { product: def.id, answers: windows }));
  const lang = getLang();
  const secrets = def.questions.filter((q) => q.secret === true).map((q) => ({ id: q.id, prompt: q.text[lang] }));
  const secretText =
    secrets.length === 0
      ? t('export.ansible.noSecrets')
      : secrets.map((s) => `- \`secret_${s.id.replace(/-/g, '_')}\`: ${t('export.ansible.secret', { prompt: s.prompt, env: secretEnvName(s.id) })}`).join('\n');
  const files = playbookFiles(nodes, {
    title: def.title[lang],
    readmeTemplate: readFileSync(templatePath(`ansible/README.${lang}.md`), 'utf8'),
    readmeSlots: { title: def.title[lang], secrets: secretText, answers: nodes.map((n) => `${n.node ?? ''} ${answersLine(n.plan)}`.trim()).join('; ') },
    secrets,
  });
  for (const n of nodes) {
    for (const b of n.plan.blockers) writeErr(`${t('export.ansible.blocker', { node: n.node ?? def.id, message: b.message })}\n`);
  }
  const written = writeExport(out, files);
  if (saveTo !== undefined) saveAnswers(saveTo, def, answers);
  return written;
}

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('export', args, spec);
  if (o.help) {
    writeOut(t('export.help'));
    return 0;
  }
  if (o.format === undefined || !FORMATS.includes(o.format)) throw new InputError(t('export.args.format', { format: o.format ?? '', formats: FORMATS.join(', ') }));
  if (o.format === 'ansible' && o.output === undefined) throw new InputError(t('export.args.needOutput'));
  // Refused before anything is exported, as plan and run do.
  const saveTo = o['save-answers'];
  if (saveTo !== undefined) checkSaveTarget(saveTo);
  const request: PlanRequest = {
    ...(o.product === undefined ? {} : { product: o.product }),
    sets: o.set,
    ...(o.answers === undefined ? {} : { answersFile: o.answers }),
    ...(o.root === undefined ? {} : { root: o.root }),
    ...(o.media === undefined ? {} : { media: o.media }),
    ...(o['log-dir'] === undefined ? {} : { logDir: o['log-dir'] }),
    // Exported for the nodes, wherever it is made: this machine is not held against their answers.
    elsewhere: true,
    readOnly: true,
  };
  try {
    if (o.format === 'ansible') {
      // Each node's plan is built with its role; without --product preparePlan says which exist.
      const def = o.product === undefined ? (await preparePlan(request)).def : await productDefinition(o.product);
      const written = await exportAnsible(request, def, o.output as string, saveTo);
      writeOut(`${t('export.written', { files: written.join('\n  ') })}\n`);
      return 0;
    }
    const { def, facts, plan, ignored } = await preparePlan(request);
    for (const message of ignored) writeErr(`${t('export.warning', { message })}\n`);
    if (saveTo !== undefined) saveAnswers(saveTo, def, plan.answers, facts);
    const model = runbookModel(plan, def, (step) => handlers[step.kind].describe(step));
    const text =
      o.format === 'markdown'
        ? renderMarkdown(model, readFileSync(templatePath('runbook/runbook.md'), 'utf8'))
        : renderHtml(model, readFileSync(templatePath('runbook/runbook.html'), 'utf8'));
    if (o.output === undefined) {
      writeOut(text);
      return 0;
    }
    writeFileAtomicSync(o.output, text, 0o644);
    writeOut(`${t('export.written', { files: o.output })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof WriteError) throw new InputError(t('export.cannotWrite', { file: error.file, detail: error.message }));
    const e = error as NodeJS.ErrnoException;
    if (typeof e.code === 'string' && typeof e.path === 'string') throw new InputError(t('export.cannotWrite', { file: e.path, detail: e.message }));
    throw error;
  }
}
