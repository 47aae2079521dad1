// The plan as an Ansible playbook directory: playbook.yml (one play per node, in the order the
// procedure needs), inventory.example.ini and README.md. Secrets come from vars_prompt (private)
// or Vault through extra vars, and reach commands only as 0600 temp files. Pure: text out.
import { stringify } from 'yaml';
import type { Plan } from '../model/plan.js';
import { lit, secretsOf, secretVar, stepTasks, type Task } from './ansible-tasks.js';
import { fillTemplate } from './runbook-model.js';

export interface NodePlan {
  /** The node's answer (server1, standby...), absent for a single-node product. */
  node?: string;
  /** The inventory group the play runs on. */
  group: string;
  plan: Plan;
  /** Hosts of the group one after another. */
  serial?: number;
}

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
  const used = new Set(plan.steps.flatMap((s) => (s.commands ?? []).flatMap(secretsOf)));
  const secrets = options.secrets.filter((s) => used.has(s.id));
  const tasks: Task[] = [];
  if (plan.blockers.length > 0) {
    tasks.push({
      name: 'Blockers open when this playbook was exported',
      'ansible.builtin.fail': { msg: lit(plan.blockers.map((b) => `${b.message} -- ${b.fix}`).join('\n')) },
    });
  }
  plan.steps.forEach((step, i) => {
    const own = stepTasks({ number: i + 1, root: plan.root }, step).map((task) => ({ ...task, tags: [step.id] }));
    tasks.push(...own);
    if (step.check) tasks.push({ name: lit(`${i + 1}. check: ${step.check.trim()}`), 'ansible.builtin.debug': { msg: lit(step.check.trim()) }, tags: [step.id] });
  });
  const secretFiles: Task[] = secrets.flatMap((s) => [
    { name: `Create the 0600 file of ${s.id}`, 'ansible.builtin.tempfile': { state: 'file', suffix: '.secret' }, register: `${secretVar(s.id)}_file` },
    { name: `Write ${s.id} into its file`, 'ansible.builtin.copy': { content: `{{ ${secretVar(s.id)} }}`, dest: `{{ ${secretVar(s.id)}_file.path }}`, mode: '0600' }, no_log: true },
  ]);
  const cleanup: Task[] = secrets.map((s) => ({
    name: `Remove the file of ${s.id}`,
    'ansible.builtin.file': { path: `{{ ${secretVar(s.id)}_file.path }}`, state: 'absent' },
    when: `${secretVar(s.id)}_file.path is defined`,
  }));
  return {
    name: lit(`Play ${position}/${plays}: ${options.title}${n.node ? ` -- ${n.node}` : ''}`),
    hosts: n.group,
    ...(n.serial ? { serial: n.serial } : {}),
    any_errors_fatal: true,
    gather_facts: false,
    become: '{{ upgrade_become }}',
    ...(secrets.length > 0 ? { vars_prompt: secrets.map((s) => ({ name: secretVar(s.id), prompt: lit(s.prompt), private: true })) } : {}),
    vars: { uw_answers: Object.fromEntries(Object.entries(plan.answers).map(([k, v]) => [k, Array.isArray(v) ? v.map(lit) : lit(v)])) },
    tasks: secrets.length > 0 ? [{ name: 'Upgrade, the secret files removed at the end', block: [...secretFiles, ...tasks], always: cleanup }] : tasks,
  };
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
  const defaults = `upgrade_wizard: ["npx", "upgrade-wizard"]\nupgrade_become: true\nwizard_log_dir: /var/log/upgrade-wizard\n`;
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
