// The building blocks of the Ansible tasks (src/export/ansible-tasks.ts): names, registers,
// literal text, secrets as 0600 files, and the few tasks every kind of step uses (a command, a
// stat, mkdir -p, the host's date stamp). Pure: plain data.
import type { PlannedStep } from '../model/plan.js';
import { SECRET_FILES } from '../plan/template.js';

export type Task = Record<string, unknown>;

export interface TaskContext {
  /** Position of the step in its node's plan, 1-based, for the task names. */
  number: number;
  /** The node's plan root ("" on a real server): reboot steps become pauses in a sandbox. */
  root: string;
  /** Put before every task name ("[standby] "), so that names are unique across the plays. */
  prefix?: string;
}

/** Literal text must reach the host as written: Ansible would evaluate {{ }} in it. */
export function lit(s: string): string {
  return /\{[{%#]/.test(s) ? `{% raw %}${s}{% endraw %}` : s;
}

export const secretVar = (id: string): string => `secret_${id.replace(/-/g, '_')}`;
/** Secret answers used by an argv as {secret-file:ID}. */
export function secretsOf(argv: string[]): string[] {
  return [...new Set(argv.flatMap((a) => [...a.matchAll(SECRET_FILES)].map((m) => m[1] as string)))];
}
/** An argv item: literal, except a {secret-file:ID} which becomes the 0600 file of the play. */
const arg = (a: string): string => lit(a).replace(SECRET_FILES, (_m, id: string) => `{{ ${secretVar(id)}_file.path }}`);

export const str = (step: PlannedStep, key: string): string => String(step.params[key] ?? '');
export const strs = (step: PlannedStep, key: string): string[] => (Array.isArray(step.params[key]) ? (step.params[key] as unknown[]).map(String) : []);
export const reg = (step: PlannedStep, what = 'r'): string => `uw_${step.id.replace(/[^a-z0-9]/g, '_')}_${what.toLowerCase()}`;
export const jstr = (s: string): string => JSON.stringify(s);
export const dirOf = (p: string): string => p.replace(/\/+[^/]*\/*$/, '') || '/';

export function name(ctx: TaskContext, step: PlannedStep, suffix = ''): string {
  return lit(`${ctx.prefix ?? ''}${ctx.number}. ${step.title}${suffix ? ` (${suffix})` : ''}`);
}

/** YYYYMMDDHHMMSS of the host's clock, as the wizard names what it sets aside (NAME.bak-STAMP). */
export function stampTask(ctx: TaskContext, step: PlannedStep, register: string, when?: string): Task {
  return {
    name: name(ctx, step, 'date +%Y%m%d%H%M%S'),
    'ansible.builtin.command': { argv: ['date', '+%Y%m%d%H%M%S'] },
    register,
    changed_when: false,
    ...(when ? { when } : {}),
  };
}

/** `mkdir -p DIR` as the wizard's mkdir({recursive}) does: the host's umask, skipped when it exists. */
export function mkdirTask(ctx: TaskContext, step: PlannedStep, dir: string): Task {
  return { name: name(ctx, step, `mkdir -p ${dir}`), 'ansible.builtin.command': { argv: ['mkdir', '-p', '--', lit(dir)], creates: lit(dir) } };
}

/** Programs that only read: listing, querying, comparing (ps -ef, rpm -q, tar t, ldapsearch...). */
const READERS = new Set(['ps', 'ls', 'cat', 'grep', 'egrep', 'diff', 'cmp', 'stat', 'test', 'printenv', 'id', 'uname', 'df', 'du', 'which', 'ldapsearch', 'readlink', 'md5sum', 'sha256sum']);
const INTERPRETERS = new Set(['perl', 'sh', 'bash', 'python', 'python3']);
const base = (p: string): string => p.replace(/^.*\//, '');

/**
 * Whether an argv only reads the server, so that its task reports no change (changed_when: false);
 * everything else the wizard runs changes the server (changed_when: true). A script run by an
 * interpreter reads only when its name says it checks (check_compile_error.pl).
 */
export function readsOnly(argv: string[]): boolean {
  const [prog = '', first = '', second = ''] = argv.map(base);
  if (READERS.has(prog)) return true;
  if (prog === 'rpm') return /^-q/.test(argv[1] ?? '');
  if (prog === 'tar') return /^-?[a-z]*t/.test(argv[1] ?? '') && !/[cxru]/.test((argv[1] ?? '').replace(/^-/, ''));
  if (INTERPRETERS.has(prog)) return /^check/i.test(first.startsWith('-') ? second : first);
  // A vendor's check script run as it is (./check_compile_error.pl, as 3.6 writes it).
  return /^check.*\.(pl|sh|py)$/i.test(prog);
}

export function commandTask(ctx: TaskContext, step: PlannedStep, argv: string[], extra: Task = {}, suffix = ''): Task {
  const cwd = step.params.cwd;
  const task: Task = {
    name: name(ctx, step, suffix || argv.join(' ')),
    'ansible.builtin.command': { argv: argv.map(arg), ...(typeof cwd === 'string' ? { chdir: lit(cwd) } : {}) },
    ...(step.allowFailure ? { ignore_errors: true } : {}),
    changed_when: !readsOnly(argv),
    ...extra,
  };
  // --check skips commands, but a chdir into a directory an earlier (skipped) step makes fails first.
  return typeof cwd === 'string' ? { ...task, when: [...whenList(task.when), 'not ansible_check_mode'] } : task;
}

/** A task's `when` as a list, to add a condition to it. */
export function whenList(when: unknown): string[] {
  return when === undefined ? [] : Array.isArray(when) ? when.map(String) : [String(when)];
}

export function stat(ctx: TaskContext, step: PlannedStep, path: string, what: string): Task {
  return { name: name(ctx, step, `stat ${path}`), 'ansible.builtin.stat': { path: lit(path) }, register: reg(step, what) };
}
