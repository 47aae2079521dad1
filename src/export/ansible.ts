// The plan as an Ansible playbook directory: playbook.yml (one play per node, in the order the
// procedure needs), inventory.example.ini and README.md. Secrets come from vars_prompt (private)
// or Vault through extra vars, and reach commands only as 0600 temp files. Pure: text out.
import { stringify } from 'yaml';
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import type { Answers, Definition } from '../model/definition.js';
import type { Condition } from '../model/condition.js';
import type { Plan } from '../model/plan.js';
import { evalCondition } from '../plan/condition.js';
import { plannedProbe } from '../plan/probe.js';
import { lit, secretsOf, secretVar, type Task } from './ansible-task-basics.js';
import { stepTasks } from './ansible-tasks.js';
import { fillTemplate } from './runbook-model.js';

export interface NodePlan {
  /** The node's answer (server1, standby...), absent for a single-node product. */
  node?: string;
  /** The inventory group the play runs on. */
  group: string;
  plan: Plan;
}

const questionsOf = (c: Condition): string[] => ('all' in c ? c.all.flatMap(questionsOf) : 'any' in c ? c.any.flatMap(questionsOf) : 'not' in c ? questionsOf(c.not) : [c.q]);

/**
 * The answers that put the plan on Windows ("platform=windows"; the definition's `windows`), or
 * undefined when it is not: the tasks are Linux modules and argv (command, lineinfile, become,
 * printenv), so such a plan is refused rather than exported wrong.
 */
export function windowsAnswers(def: Definition, answers: Answers): string | undefined {
  const when = def.windows;
  if (when === undefined || !evalCondition(when, answers)) return undefined;
  return questionsOf(when)
    .map((q) => `${q}=${String(answers[q] ?? '')}`)
    .join(', ');
}

/** The variable that lets manual checkpoints pass unseen, as `run --yes` does. */
export const CONFIRM_UNSEEN = 'upgrade_confirm_unseen';

export interface SecretPrompt {
  id: string;
  prompt: string;
}

export interface PlaybookOptions {
  title: string;
  /** Texts for the README template (already in the run's language). */
  readmeTemplate: string;
  readmeSlots: Record<string, string>;
  secrets: SecretPrompt[];
}

/** The play's position (1-based) and how many: names start with it (a title may be "iPlanet..."). */
function play(n: NodePlan, options: PlaybookOptions, position: number, plays: number): Task {
  const { plan } = n;
  // A probe's argv may read a secret too (its 0600 file is made for the play).
  const used = new Set(plan.steps.flatMap((s) => [...(s.commands ?? []), ...(s.kind === 'command' ? [plannedProbe(s)?.argv ?? []] : [])].flatMap(secretsOf)));
  const secrets = options.secrets.filter((s) => used.has(s.id));
  // Multi-node plays repeat step titles: the node in every name keeps --start-at-task in its play.
  const prefix = n.node ? `[${n.node}] ` : '';
  // Guards run whatever --tags/--skip-tags are given.
  const guards: Task[] = [];
  if (plan.blockers.length > 0) {
    guards.push({
      name: lit(`${prefix}${t('export.ansible.task.blockers')}`),
      'ansible.builtin.fail': { msg: lit(plan.blockers.map((b) => `${b.message} -- ${b.fix}`).join('\n')) },
      tags: ['always'],
    });
  }
  const tasks: Task[] = [];
  plan.steps.forEach((step, i) => {
    const own = stepTasks({ number: i + 1, root: plan.root, prefix }, step).map((task) => ({ ...task, tags: [step.id] }));
    tasks.push(...own);
    if (step.check) tasks.push({ name: lit(`${prefix}${i + 1}. check: ${step.check.trim()}`), 'ansible.builtin.debug': { msg: lit(step.check.trim()) }, tags: [step.id] });
  });
  const pauses = tasks.filter((task) => task['ansible.builtin.pause'] !== undefined).length;
  if (pauses > 0) guards.push(...presenceGate(prefix, pauses));
  const secretFiles: Task[] = secrets.flatMap((s) => [
    { name: `${prefix}${t('export.ansible.task.secretCreate', { id: s.id })}`, 'ansible.builtin.tempfile': { state: 'file', suffix: '.secret' }, register: `${secretVar(s.id)}_file`, tags: ['always'] },
    { name: `${prefix}${t('export.ansible.task.secretWrite', { id: s.id })}`, 'ansible.builtin.copy': { content: `{{ ${secretVar(s.id)} }}`, dest: `{{ ${secretVar(s.id)}_file.path }}`, mode: '0600' }, no_log: true, tags: ['always'] },
  ]);
  const cleanup: Task[] = secrets.map((s) => ({
    name: `${prefix}${t('export.ansible.task.secretRemove', { id: s.id })}`,
    'ansible.builtin.file': { path: `{{ ${secretVar(s.id)}_file.path }}`, state: 'absent' },
    when: `${secretVar(s.id)}_file.path is defined`,
    tags: ['always'],
  }));
  return {
    name: lit(`Play ${position}/${plays}: ${options.title}${n.node ? ` -- ${n.node}` : ''}`),
    hosts: n.group,
    // One host after another: a pause is answered for the host it names, never for several.
    serial: 1,
    any_errors_fatal: true,
    gather_facts: false,
    become: '{{ upgrade_become }}',
    ...(secrets.length > 0 ? { vars_prompt: secrets.map((s) => ({ name: secretVar(s.id), prompt: lit(s.prompt), private: true })) } : {}),
    vars: { uw_answers: Object.fromEntries(Object.entries(plan.answers).map(([k, v]) => [k, Array.isArray(v) ? v.map(lit) : lit(v)])) },
    tasks: [...guards, ...(secrets.length > 0 ? [{ name: `${prefix}${t('export.ansible.task.secretBlock')}`, block: [...secretFiles, ...tasks], always: cleanup }] : tasks)],
  };
}

/**
 * Ansible's pause does not wait when its standard input is not a terminal (AWX, cron, a pipe):
 * every manual checkpoint would pass unseen. Before anything is changed, someone must type yes
 * at the terminal, or the operator says with upgrade_confirm_unseen=true (as `run --yes`) that
 * the checkpoints are done by other means.
 */
function presenceGate(prefix: string, pauses: number): Task[] {
  const unseen = `${CONFIRM_UNSEEN} | default(false) | bool`;
  return [
    {
      name: lit(`${prefix}${t('export.ansible.task.gate')}`),
      'ansible.builtin.pause': { prompt: `[{{ inventory_hostname }}] ${lit(t('export.ansible.gatePrompt', { count: pauses, variable: CONFIRM_UNSEEN }))}` },
      register: 'uw_gate',
      when: `not (${unseen})`,
      tags: ['always'],
    },
    {
      name: lit(`${prefix}${t('export.ansible.task.gateRefuse')}`),
      'ansible.builtin.assert': {
        that: [`(${unseen}) or (uw_gate.user_input | default('') | trim | lower) == 'yes'`],
        fail_msg: lit(t('export.ansible.gateRefused', { count: pauses, variable: CONFIRM_UNSEEN })),
        quiet: true,
      },
      tags: ['always'],
    },
  ];
}

/** Long names, prompts and paths are folded (YAML double-quoted continuation lines, same text). */
const LINE_WIDTH = 120;

/**
 * ansible-lint's configuration of the export: every rule applies except the two that would make
 * the playbook run something else than the wizard does; the reason is written in the file.
 */
export const ANSIBLE_LINT_CONFIG = [
  '# ansible-lint configuration of this exported playbook (upgrade-wizard export --format ansible).',
  '# Every rule applies except these two, skipped on purpose:',
  '# - command-instead-of-module, deprecated-command-syntax: each command task runs exactly the argv',
  '#   that the wizard\'s own step runs (service NAME ACTION, chkconfig, rpm -U, tar, mkdir -p, cp, mv,',
  '#   the product\'s scripts), so that this playbook and `upgrade-wizard run` do the same things in',
  '#   the same order. A module (service, yum, unarchive, file) would be another implementation of',
  '#   the step, with its own checks and side effects, which the vendor procedure does not describe.',
  'skip_list:',
  '  - command-instead-of-module',
  '  - deprecated-command-syntax',
  'offline: true',
  'exclude_paths:',
  '  - .ansible/',
  '',
].join('\n');

export function playbookFiles(nodes: NodePlan[], options: PlaybookOptions): Record<string, string> {
  const header = [
    `# ${options.title}: exported by upgrade-wizard export --format ansible.`,
    '# Run: ansible-playbook -i inventory.ini playbook.yml   (see README.md)',
    '# upgrade_wizard: the command of upgrade-wizard on the hosts (a list: program and arguments).',
    '',
  ].join('\n');
  const defaults = `upgrade_wizard: ["npx", "upgrade-wizard"]\nupgrade_become: true\nwizard_log_dir: /var/log/upgrade-wizard\n# true: manual steps (pauses) may pass without anyone at a terminal, as \`run --yes\` (see README.md).\n${CONFIRM_UNSEEN}: false\n`;
  const playbook = header + stringify(nodes.map((n, i) => play(n, options, i + 1, nodes.length)), { lineWidth: LINE_WIDTH, minContentWidth: 20, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  const groups = [...new Set(nodes.map((n) => n.group))];
  const inventory = [
    '# Copy to inventory.ini and put your hosts in the groups; the plays run in the order of playbook.yml.',
    ...groups.flatMap((g, i) => [`[${g}]`, i === 0 && groups.length === 1 ? 'localhost ansible_connection=local' : `${g}-host.example.com`, '']),
  ].join('\n');
  return {
    'playbook.yml': playbook,
    '.ansible-lint': ANSIBLE_LINT_CONFIG,
    'group_vars/all.yml': `# Defaults of the exported playbook; override with -e.\n${defaults}`,
    'inventory.example.ini': `${inventory}\n`,
    'README.md': fillTemplate(options.readmeTemplate, { ...options.readmeSlots, groups: groups.join(', ') }),
  };
}
