// Step -> tasks conversions that the ShareTask run does not exercise.
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { readsOnly } from '../../src/export/ansible-task-basics.js';
import { stepTasks } from '../../src/export/ansible-tasks.js';

const step = (over: Partial<PlannedStep>): PlannedStep => ({ id: 's1', kind: 'command', title: 'T', manual: false, allowFailure: false, skippable: false, params: {}, ...over });
const ctx = { number: 3, root: '/sbx' };

describe('stepTasks', () => {
  it('keeps {{ }} in a plan value literal, and puts a secret only in its 0600 file', () => {
    const [task] = stepTasks(ctx, step({ commands: [['ldapsearch', '-b', 'o={{x}}', '-j', '{secret-file:bind_password}']] }));
    expect(task?.['ansible.builtin.command']).toEqual({ argv: ['ldapsearch', '-b', '{% raw %}o={{x}}{% endraw %}', '-j', '{{ secret_bind_password_file.path }}'] });
  });

  it('deletes by wildcards as case-insensitive regular expressions, files and directories apart', () => {
    const tasks = stepTasks(ctx, step({ kind: 'delete-files', params: { dir: '/sbx/C/tmp', files: ['job*.log'], dirs: ['necjclog'], ignoreCase: true } }));
    expect(tasks.map((t) => t['ansible.builtin.find'] ?? t['ansible.builtin.file'])).toEqual([
      { paths: '/sbx/C/tmp', patterns: ['(?i)^job.*\\.log$'], use_regex: true, file_type: 'file' },
      { path: '{{ item.path }}', state: 'absent' },
      { paths: '/sbx/C/tmp', patterns: ['(?i)^necjclog$'], use_regex: true, file_type: 'directory' },
      { path: '{{ item.path }}', state: 'absent' },
    ]);
  });

  it('polls a verify with waitSeconds and checks exit code and output', () => {
    const [task] = stepTasks(ctx, step({ kind: 'verify', params: { verify: { argv: ['clpmdstat', '--mirror', 'md1'], expectOutput: 'GREEN', waitSeconds: 60, intervalSeconds: 10 } } }));
    expect(task).toMatchObject({ retries: 6, delay: 10, 'ansible.builtin.command': { argv: ['clpmdstat', '--mirror', 'md1'] } });
    expect(task?.failed_when).toBe('not ((uw_s1_r.rc == 0) and ((uw_s1_r.stdout + uw_s1_r.stderr) is search("GREEN", multiline=True)))');
    // A failing command (a mistyped mirror name) ends the wait at once, as in the wizard.
    expect(task?.until).toBe('(uw_s1_r.rc != 0) or ((uw_s1_r.rc == 0) and ((uw_s1_r.stdout + uw_s1_r.stderr) is search("GREEN", multiline=True)))');
  });

  it('has a restart done by Ansible say so, so that nobody restarts the host by hand as well', () => {
    const tasks = stepTasks({ number: 4, root: '' }, step({ kind: 'reboot', title: 'Restart', instructions: 'Shut the machine down and restart it, then run "upgrade-wizard resume".' }));
    const prompt = String((tasks[0]?.['ansible.builtin.pause'] as { prompt: string }).prompt);
    expect(prompt).toContain('the next task restarts this host and waits for it to come back');
    expect(prompt).toContain('Press Enter when done (Ctrl-C, then A, to abort)');
    expect(tasks[1]?.['ansible.builtin.reboot']).toEqual({ reboot_timeout: 1800 });
  });

  it('reports a change for commands that change the server, none for those that only read', () => {
    const [stop] = stepTasks(ctx, step({ kind: 'service', params: { service: 'httpd', action: 'stop', initScript: '/sbx/etc/init.d/httpd' } })).slice(1);
    expect(stop?.changed_when).toBe(true);
    const tasks = stepTasks(ctx, step({ commands: [['perl', 'check_compile_error.pl', '../../cgi-common/'], ['./check_compile_error.pl', '../../cgi-common/'], ['perl', 'database_upgrade.pl', '--start'], ['./database_upgrade.pl'], ['ps', '-ef']] }));
    expect(tasks.map((t) => t.changed_when)).toEqual([false, false, true, true, false]);
    expect([['tar', 'tzf', 'a.tgz'], ['tar', 'czf', 'a.tgz', 'x'], ['rpm', '-qa'], ['rpm', '-U', 'x.rpm'], ['/opt/ldap/bin/ldapsearch', '-L'], ['chkconfig', 'httpd', 'on']].map(readsOnly)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('gives a directory without a mode asked its present mode, or 0755 when it is created', () => {
    const tasks = stepTasks(ctx, step({ kind: 'ensure-dir', params: { path: '/sbx/d', owner: 'root' } }));
    // The owner's login group as the run gives it (chown root:): read with getent first.
    expect(tasks.map((t) => Object.keys(t).find((k) => k.startsWith('ansible.')))).toEqual(['ansible.builtin.getent', 'ansible.builtin.stat', 'ansible.builtin.file']);
    expect(tasks[2]?.['ansible.builtin.file']).toMatchObject({ path: '/sbx/d', state: 'directory', owner: 'root', group: '{{ ansible_facts.getent_passwd["root"][2] }}', mode: "{{ uw_s1_dir.stat.mode if uw_s1_dir.stat.exists else '0755' }}" });
    const recursive = stepTasks(ctx, step({ kind: 'ensure-dir', params: { path: '/sbx/d', owner: 'root:wheel', recursiveOwner: true } }));
    expect(recursive.map((t) => t['ansible.builtin.file'])).toEqual([{ path: '/sbx/d', state: 'directory', owner: 'root', group: 'wheel', recurse: true }]);
  });

  it('pauses for a reboot in a sandbox, and reboots for real without one', () => {
    const r = step({ kind: 'reboot', manual: true, instructions: 'Reboot now' });
    expect(stepTasks(ctx, r).map((t) => Object.keys(t).find((k) => k.startsWith('ansible.')))).toEqual(['ansible.builtin.pause']);
    expect(stepTasks({ ...ctx, root: '' }, r).map((t) => Object.keys(t).find((k) => k.startsWith('ansible.')))).toEqual(['ansible.builtin.pause', 'ansible.builtin.reboot']);
  });
});
