// One plan step -> Ansible tasks doing what the wizard's handler does: argv (never a shell
// string) for commands, a pause for what a person does, the wizard's own migrate-config for the
// configuration. Pure: the tasks are plain data, turned into YAML by ansible.ts.
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import '../i18n/messages/kinds.js';
import '../i18n/messages/backup.js';
import '../i18n/messages/run.js';
import type { PlannedStep } from '../model/plan.js';
import { excludedMember } from '../run/steps/backup.js';
import { migrateArgs } from '../run/steps/migrate-config.js';
import { plannedProbe } from '../plan/probe.js';
import { probeTasks, unlessProbePassed } from './ansible-probe.js';
import { commandTask, whenList, dirOf, jstr, lit, mkdirTask, name, reg, stampTask, stat, str, strs, type Task, type TaskContext } from './ansible-task-basics.js';


function commandSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  const probe = step.kind === 'command' ? plannedProbe(step) : undefined;
  const tasks = commandTasks(ctx, step);
  if (probe === undefined) return tasks;
  const { task, unlessPassed } = probeTasks(ctx, step, probe);
  return [task, ...unlessProbePassed(tasks, unlessPassed)];
}

function commandTasks(ctx: TaskContext, step: PlannedStep): Task[] {
  const out = str(step, 'stdout');
  return (step.commands ?? []).flatMap((argv, i) => {
    if (!out) return [commandTask(ctx, step, argv)];
    // Output to a 0600 file (e.g. an LDIF export), never to the screen; relative: the log dir.
    const file = out.startsWith('/') ? lit(out) : `{{ wizard_log_dir }}/${lit(out)}`;
    const r = reg(step, `out${i}`);
    return [
      commandTask(ctx, step, argv, { register: r, no_log: true }),
      { name: name(ctx, step, `> ${out}`), 'ansible.builtin.copy': { content: `{{ ${r}.stdout }}\n`, dest: file, mode: '0600' }, no_log: true },
    ];
  });
}

function serviceSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  // As the wizard: `service NAME ACTION`; a daemon without init script is skipped when allowed.
  const script = str(step, 'initScript');
  const st = reg(step, 'init');
  const argv = ['service', str(step, 'service'), str(step, 'action')];
  const skip = step.params.ifMissing === 'skip';
  return [
    stat(ctx, step, script, 'init'),
    commandTask(ctx, step, argv, {
      ...(skip ? { failed_when: `${reg(step)}.rc != 0 and ${st}.stat.exists` } : {}),
      register: reg(step),
    }),
  ];
}

function backupSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  // The real directory is archived (a symlinked install dir must not archive only the link),
  // named by its own name, as the wizard's tar does; then listed (tar tzf) as its verification.
  const source = str(step, 'source');
  const archive = str(step, 'archive');
  const real = reg(step, 'real');
  // Excludes are archive member names (TOP/rel, as the wizard's tar gets them), literal and
  // anchored: an absolute path would match no member and the archive would hold it all.
  const excluded = strs(step, 'exclude').map((p) => ({ p, rel: excludedMember(p, [source], '') }));
  const outside = excluded.filter((e) => e.rel === undefined).map((e) => e.p);
  const members = excluded.flatMap((e) => (e.rel === undefined ? [] : [`--exclude={{ ${real}.stdout | basename }}${lit(e.rel)}`]));
  const exclude = members.length > 0 ? ['--anchored', '--no-wildcards', ...members] : [];
  const extras = strs(step, 'extraFiles');
  const extraTo = str(step, 'extraTo') || dirOf(archive);
  return [
    ...outside.map((p) => ({ name: name(ctx, step, `exclude ${p}`), 'ansible.builtin.fail': { msg: lit(t('run.backup.excludeOutside', { path: p, source })) } })),
    { name: name(ctx, step, `readlink -f ${source}`), 'ansible.builtin.command': { argv: ['readlink', '-f', '--', lit(source)] }, register: real, changed_when: false },
    mkdirTask(ctx, step, dirOf(archive)),
    {
      name: name(ctx, step, `tar czf ${archive}`),
      'ansible.builtin.command': { argv: ['tar', 'czf', lit(archive), ...exclude, '-C', `{{ ${real}.stdout | dirname }}`, '--', `{{ ${real}.stdout | basename }}`] },
      changed_when: true,
    },
    { name: name(ctx, step, `tar tzf ${archive}`), 'ansible.builtin.command': { argv: ['tar', 'tzf', lit(archive)] }, changed_when: false, register: reg(step, 'list') },
    ...(extras.length > 0 && extraTo !== dirOf(archive) ? [mkdirTask(ctx, step, extraTo)] : []),
    ...extras.map((f) => ({
      name: name(ctx, step, `cp -p ${f} ${extraTo}`),
      'ansible.builtin.command': { argv: ['cp', '-p', '--', lit(f), lit(extraTo)] },
      ...(step.allowFailure ? { ignore_errors: true } : {}),
      changed_when: true,
    })),
  ];
}

function verifySteps(ctx: TaskContext, step: PlannedStep): Task[] {
  const v = (step.params.verify ?? {}) as Record<string, unknown>;
  const tasks: Task[] = [];
  const retry = typeof v.waitSeconds === 'number' ? { retries: Math.max(1, Math.ceil(v.waitSeconds / Number(v.intervalSeconds ?? 5))), delay: Number(v.intervalSeconds ?? 5) } : undefined;
  for (const [key, want] of [['fileExists', true], ['fileAbsent', false]] as const) {
    if (typeof v[key] !== 'string') continue;
    const r = reg(step, key);
    tasks.push({ name: name(ctx, step, `${want ? 'exists' : 'absent'}: ${v[key]}`), 'ansible.builtin.stat': { path: lit(v[key] as string) }, register: r, ...(retry ? { until: `${r}.stat.exists == ${want ? 'true' : 'false'}`, ...retry } : {}) });
    tasks.push({ name: name(ctx, step, 'check'), 'ansible.builtin.assert': { that: [`${r}.stat.exists == ${want ? 'true' : 'false'}`], fail_msg: lit(`${v[key]} ${want ? 'is missing' : 'still exists'}`) } });
  }
  if (typeof v.envUnset === 'string') {
    const r = reg(step, 'env');
    tasks.push({ name: name(ctx, step, `$${v.envUnset} unset`), 'ansible.builtin.command': { argv: ['printenv', v.envUnset] }, register: r, changed_when: false, failed_when: `${r}.rc == 0 and ${r}.stdout != ''` });
  }
  if (Array.isArray(v.argv)) {
    const r = reg(step);
    const exit = Number(v.expectExit ?? 0);
    const conds = [`${r}.rc == ${exit}`];
    const out = `(${r}.stdout + ${r}.stderr)`;
    if (typeof v.expectOutput === 'string') conds.push(`${out} is search(${jstr(v.expectOutput)}, multiline=True)`);
    if (typeof v.rejectOutput === 'string') conds.push(`${out} is not search(${jstr(v.rejectOutput)}, multiline=True)`);
    for (const p of (v.expectEach as string[] | undefined) ?? []) conds.push(`${out} is search(${jstr(p)}, multiline=True)`);
    for (const p of (v.rejectEach as string[] | undefined) ?? []) conds.push(`${out} is not search(${jstr(p)}, multiline=True)`);
    const ok = conds.map((c) => `(${c})`).join(' and ');
    tasks.push(
      commandTask(ctx, step, (v.argv as string[]).map(String), {
        register: r,
        changed_when: false,
        failed_when: step.allowFailure ? false : `not (${ok})`,
        // As the executor: only the output may say "not yet"; a failing command ends the wait.
        ...(retry ? { until: `(${r}.rc != ${exit}) or (${ok})`, ...retry } : {}),
      }),
    );
  }
  // --check runs no command: what a verify step looks at was not made, so its checks would fail.
  return tasks.map((task) => ({ ...task, when: [...whenList(task.when), 'not ansible_check_mode'] }));
}

function manualTask(ctx: TaskContext, step: PlannedStep, text: string): Task {
  const checklist = (step.checklist ?? []).map((c) => `  [ ] ${c}`);
  const prompt = [step.title, '', text.trim(), ...(checklist.length > 0 ? ['', ...checklist] : []), '', t('export.ansible.pressEnter')].join('\n');
  // serial: 1 runs the hosts one after another; the prompt says which one is waiting.
  return { name: name(ctx, step), 'ansible.builtin.pause': { prompt: `[{{ inventory_hostname }}] ${lit(prompt)}` } };
}

function migrateSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  // The same migrator as the wizard's step, in the export's language: the dry run prints the
  // diff, a pause lets it be reviewed (the wizard asks there too), then it is applied.
  const args = ['migrate-config', '--lang', getLang(), ...migrateArgs(step).map(lit)];
  const conf = String(((step.params.options ?? {}) as Record<string, unknown>).conf ?? '');
  return [
    { name: name(ctx, step, 'migrate-config (diff)'), 'ansible.builtin.command': { argv: '{{ upgrade_wizard + uw_args }}' }, vars: { uw_args: args }, register: reg(step, 'diff'), changed_when: false },
    { name: name(ctx, step, 'diff'), 'ansible.builtin.debug': { var: `${reg(step, 'diff')}.stdout_lines` } },
    { name: name(ctx, step, 'review'), 'ansible.builtin.pause': { prompt: `[{{ inventory_hostname }}] ${lit([step.title, '', t('export.ansible.reviewDiff', { conf })].join('\n'))}` } },
    { name: name(ctx, step, 'migrate-config --apply'), 'ansible.builtin.command': { argv: '{{ upgrade_wizard + uw_args }}' }, vars: { uw_args: [...args, '--apply'] }, changed_when: true },
  ];
}

/** The tasks of one step, in order; steps of kinds without a natural module use their commands. */
export function stepTasks(ctx: TaskContext, step: PlannedStep): Task[] {
  const missingOk = step.params.ifMissing === 'skip';
  const guard = (what: string): Task => (missingOk ? { when: `${reg(step, what)}.stat.exists` } : {});
  switch (step.kind) {
    case 'command':
    case 'unpack':
      return commandSteps(ctx, step);
    case 'service':
      return serviceSteps(ctx, step);
    case 'manual':
      return [manualTask(ctx, step, step.instructions ?? '')];
    case 'reboot':
      // The wizard's instructions end with "restart it, then resume": here the next task restarts
      // the host, and a restart by hand as well would be a second one.
      if (ctx.root === '') {
        const text = [step.instructions ?? '', t('export.ansible.rebootByAnsible')].filter((s) => s !== '').join('\n\n');
        return [manualTask(ctx, step, text), { name: name(ctx, step), 'ansible.builtin.reboot': { reboot_timeout: 1800 } }];
      }
      return [manualTask(ctx, step, step.instructions ?? 'reboot')];
    case 'backup':
      return backupSteps(ctx, step);
    case 'verify':
      return verifySteps(ctx, step);
    case 'migrate-config':
      return migrateSteps(ctx, step);
    case 'switch-symlink':
      return [{ name: name(ctx, step), 'ansible.builtin.file': { src: lit(str(step, 'target')), dest: lit(str(step, 'link')), state: 'link', force: true } }];
    case 'copy': {
      const from = str(step, 'from');
      const argv = step.params.preserve === true ? ['cp', '-a', '--', from, str(step, 'to')] : ['cp', '-r', '--', from, str(step, 'to')];
      return [...(missingOk ? [stat(ctx, step, from, 'from')] : []), commandTask(ctx, step, argv, guard('from'))];
    }
    case 'move':
      return moveSteps(ctx, step);
    case 'ensure-dir':
      return ensureDirSteps(ctx, step);
    case 'ensure-lines':
      return strs(step, 'lines').map((line) => ({
        name: name(ctx, step, line),
        'ansible.builtin.lineinfile': {
          path: lit(str(step, 'file')),
          line: lit(line),
          ...(strs(step, 'validate').length > 0 ? { validate: lit(strs(step, 'validate').map((a) => (a === '{candidate}' ? '%s' : a)).join(' ')) } : {}),
        },
      }));
    case 'ensure-services':
      return servicesSteps(ctx, step);
    case 'compare':
      return compareSteps(ctx, step);
    case 'delete-files':
      return deleteSteps(ctx, step);
    case 'restore':
      return [commandTask(ctx, step, ['tar', 'xzf', str(step, 'archive'), '-C', dirOf(str(step, 'target'))])];
  }
}

function ensureDirSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  const like = str(step, 'like');
  const owner = str(step, 'owner');
  const mode = str(step, 'mode');
  const l = reg(step, 'like');
  const path = str(step, 'path');
  const self = reg(step, 'dir');
  const keepMode = !mode && !like && step.params.recursiveOwner !== true;
  // As the run (src/run/owner.ts) and `chown USER:` of the procedures: a user without a group gets
  // its login group, read from the node's passwd (a numeric user, that same number).
  const [user = '', group = ''] = owner.split(':', 2);
  const loginGroup = owner !== '' && group === '' && !/^\d+$/.test(user);
  const groupOf = group !== '' ? lit(group) : /^\d+$/.test(user) ? user : `{{ ansible_facts.getent_passwd[${jstr(user)}][2] }}`;
  return [
    ...(like ? [stat(ctx, step, like, 'like')] : []),
    ...(loginGroup ? [{ name: name(ctx, step, `getent passwd ${user}`), 'ansible.builtin.getent': { database: 'passwd', key: lit(user) } }] : []),
    // No mode asked and none to copy: the wizard keeps an existing directory's mode and creates a
    // missing one with mkdir's (0755 under the usual umask 022). Said explicitly, as ansible-lint
    // (risky-file-permissions) wants; a recursive owner change leaves modes alone.
    ...(keepMode ? [{ name: name(ctx, step, `stat ${path}`), 'ansible.builtin.stat': { path: lit(path) }, register: self }] : []),
    {
      name: name(ctx, step),
      'ansible.builtin.file': {
        path: lit(path),
        state: 'directory',
        ...(owner ? { owner: lit(user), group: groupOf } : like ? { owner: `{{ ${l}.stat.pw_name }}`, group: `{{ ${l}.stat.gr_name }}` } : {}),
        ...(mode ? { mode: mode.padStart(4, '0') } : like ? { mode: `{{ ${l}.stat.mode }}` } : keepMode ? { mode: `{{ ${self}.stat.mode if ${self}.stat.exists else '0755' }}` } : {}),
        ...(step.params.recursiveOwner === true ? { recurse: true } : {}),
      },
    },
  ];
}

function compareSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  // Shown for review as the wizard does; a '*' in the old path picks the newest match.
  const old = str(step, 'old');
  const pre: Task[] = [];
  let oldPath = lit(old);
  if (old.includes('*')) {
    const f = reg(step, 'old');
    pre.push({ name: name(ctx, step, `newest ${old}`), 'ansible.builtin.find': { paths: lit(dirOf(old)), patterns: lit(old.slice(dirOf(old).length + 1)), file_type: 'any' }, register: f });
    // As the wizard: no match stops here with its words, not a Jinja error on an empty list.
    pre.push({ name: name(ctx, step, `found ${old}`), 'ansible.builtin.fail': { msg: lit(t('kinds.compare.noOld', { pattern: old })) }, when: `${f}.matched == 0` });
    oldPath = `{{ (${f}.files | sort(attribute='mtime') | last).path }}`;
  }
  const paths = strs(step, 'paths');
  const pairs = paths.length === 0 ? [[oldPath, lit(str(step, 'new'))]] : paths.map((p) => [`${oldPath}/${lit(p)}`, `${lit(str(step, 'new'))}/${lit(p)}`]);
  // The differences are what the next (manual) step applies again: shown, not only "ok".
  return [
    ...pre,
    ...pairs.flatMap(([a, b], i) => {
      const r = reg(step, `diff${i}`);
      return [
        { name: name(ctx, step, `diff -ru ${i + 1}/${pairs.length}`), 'ansible.builtin.command': { argv: ['diff', '-ru', '--', a, b] }, register: r, failed_when: `${r}.rc > 1`, changed_when: false },
        { name: name(ctx, step, `differences ${i + 1}/${pairs.length}`), 'ansible.builtin.debug': { var: `${r}.stdout_lines` } },
      ];
    }),
  ];
}

function deleteSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  const dir = str(step, 'dir');
  const tasks: Task[] = [];
  const rx = (glob: string): string => `${step.params.ignoreCase === true ? '(?i)' : ''}^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`;
  for (const [key, type] of [['files', 'file'], ['dirs', 'directory']] as const) {
    const globs = strs(step, key);
    if (globs.length === 0) continue;
    const f = reg(step, key);
    tasks.push({ name: name(ctx, step, `find ${key}`), 'ansible.builtin.find': { paths: lit(dir), patterns: globs.map(rx).map(lit), use_regex: true, file_type: type }, register: f });
    tasks.push({ name: name(ctx, step, `delete ${key}`), 'ansible.builtin.file': { path: '{{ item.path }}', state: 'absent' }, loop: `{{ ${f}.files }}` });
  }
  return tasks;
}

function moveSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  // As the wizard: an existing TO is set aside as TO.bak-STAMP, then FROM gets the name TO; a
  // directory FROM takes the place of an empty directory TO (rename(2) replaces it), as the
  // wizard's move does. Plain `mv FROM TO` would move FROM into an existing TO directory; -T
  // (--no-target-directory) never does.
  const from = str(step, 'from');
  const to = str(step, 'to');
  const missingOk = step.params.ifMissing === 'skip';
  const f = reg(step, 'from');
  const st = reg(step, 'to');
  const inside = reg(step, 'inside');
  const stamp = reg(step, 'stamp');
  const fromOk = missingOk ? [`${f}.stat.exists`] : [];
  const when = (c: string[]): Task => (c.length === 0 ? {} : { when: c.length === 1 ? c[0] : c });
  const dirs = `(${st}.stat.isdir | default(false)) and (${f}.stat.isdir | default(false))`;
  const toAside = `(${st}.stat.exists | default(false)) and not (${dirs} and (${inside}.matched | default(1)) == 0)`;
  return [
    stat(ctx, step, from, 'from'),
    { ...stat(ctx, step, to, 'to'), ...when(fromOk) },
    { name: name(ctx, step, `find ${to} (empty?)`), 'ansible.builtin.find': { paths: lit(to), file_type: 'any', hidden: true }, register: inside, when: dirs },
    stampTask(ctx, step, stamp, toAside),
    {
      name: name(ctx, step, `mv -T ${to} ${to}.bak-STAMP`),
      'ansible.builtin.command': { argv: ['mv', '-T', '--', lit(to), `${lit(to)}.bak-{{ ${stamp}.stdout }}`] },
      changed_when: true,
      when: toAside,
    },
    commandTask(ctx, step, ['mv', '-T', '--', from, to], when(fromOk), `mv -T ${from} ${to}`),
  ];
}

const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function servicesSteps(ctx: TaskContext, step: PlannedStep): Task[] {
  // As the wizard's ensure-services: an entry is there when a line gives its port/protocol to its
  // name or an alias; only the missing ones are appended (every existing line kept as it is),
  // after a copy of the file as FILE.bak-STAMP (the name the rollback text gives); another name
  // on that port, or the name on another port, stops the step before anything is written.
  const file = str(step, 'file');
  const entries = (step.params.entries ?? []) as { name: string; port: number; protocol: string }[];
  const content = reg(step, 'file');
  const stamp = reg(step, 'stamp');
  // Service lines as word lists: comment cut off, split on blanks (latin1: any byte round-trips).
  const lines = `((${content}.content | b64decode(encoding='latin-1')).splitlines() | map('regex_replace', '#.*$', '') | map('split') | list)`;
  const at = (e: { port: number; protocol: string }): string => `(${lines} | selectattr('1', 'defined') | selectattr('1', 'equalto', '${e.port}/${e.protocol.toLowerCase()}') | map('join', ' ') | list)`;
  const hasName = (list: string, n: string): string => `(${list} | select('search', '(^| )${reEscape(n)}( |$)') | list | length > 0)`;
  const present = (e: { name: string; port: number; protocol: string }): string => hasName(at(e), e.name);
  const sameProto = (e: { protocol: string }): string => `(${lines} | selectattr('1', 'defined') | selectattr('1', 'search', '^[0-9]+/${e.protocol.toLowerCase()}$') | map('join', ' ') | list)`;
  const conflict = (e: { name: string; port: number; protocol: string }): string => `(not ${present(e)}) and ((${at(e)} | length > 0) or ${hasName(sameProto(e), e.name)})`;
  const missing = entries.map((e) => `(not ${present(e)})`).join(' or ') || 'false';
  return [
    { name: name(ctx, step, `read ${file}`), 'ansible.builtin.slurp': { src: lit(file) }, register: content },
    ...entries.map((e) => ({
      name: name(ctx, step, `${e.name} ${e.port}/${e.protocol}: no collision`),
      'ansible.builtin.fail': { msg: lit(t('export.ansible.servicesConflict', { file, entry: `${e.name} ${e.port}/${e.protocol}`, fix: t('kinds.services.conflictFix') })) },
      when: conflict(e),
    })),
    stampTask(ctx, step, stamp, missing),
    {
      name: name(ctx, step, `cp -p ${file} ${file}.bak-STAMP`),
      'ansible.builtin.command': { argv: ['cp', '-p', '--', lit(file), `${lit(file)}.bak-{{ ${stamp}.stdout }}`] },
      changed_when: true,
      when: missing,
    },
    ...entries.map((e) => ({
      name: name(ctx, step, `${e.name} ${e.port}/${e.protocol}`),
      'ansible.builtin.lineinfile': { path: lit(file), line: `${e.name}\t${e.port}/${e.protocol}`, insertafter: 'EOF' },
      when: `not ${present(e)}`,
    })),
  ];
}
