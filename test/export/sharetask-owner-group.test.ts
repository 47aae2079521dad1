// 3.5 and 3.8.5 write `chown apache: DIR`: the user and its login group, as the run does
// (src/run/owner.ts). The runbook shows that command, and the Ansible task sets that group too.
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { stepTasks } from '../../src/export/ansible-tasks.js';
import { renderMarkdown } from '../../src/export/runbook-md.js';
import { runbookModel } from '../../src/export/runbook-model.js';
import { handlers } from '../../src/run/steps/index.js';
import { repoRoot } from '../helpers/cli.js';
import { ansiblePlaybook, runPlaybook } from '../helpers/ansible.js';
import { plan, SERVER, sharetask, step } from '../plan/fixtures.js';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the owner of the new directories and of conf in the exports', () => {
  it('the Markdown runbook says chown apache: (with the login group), as the procedure does', () => {
    const p = plan(SERVER);
    const md = renderMarkdown(runbookModel(p, sharetask(), (s) => handlers[s.kind].describe(s)), readFileSync(join(repoRoot, 'templates/runbook/runbook.md'), 'utf8'));
    expect(md).toContain('chown apache: /sbx/home/sharetask/sharetask_users');
    expect(md).toContain('chown -R apache: /sbx/home/sharetask/sharetask_rra');
    expect(md).toContain('chown -R apache: /sbx/home/sharetask/sharetask_server/conf');
    expect(md).not.toMatch(/chown (-R )?apache \//);
  });

  it.skipIf(!ansiblePlaybook || process.getuid?.() !== 0)('the Ansible task gives the directory the user\'s login group, run by ansible-playbook', async () => {
    dir = mkdtempSync(join(tmpdir(), 'uw-st-owner-'));
    const root = join(dir, 'root');
    const user = userInfo().username;
    const p = plan({ ...SERVER, web_user: user }, { root });
    // The directory is there with another group (as a copy made by hand leaves it): 3.5 gives it the user's.
    const users = join(root, 'home/sharetask/sharetask_users');
    const conf = join(root, 'home/sharetask/sharetask_server/conf');
    mkdirSync(users, { recursive: true });
    mkdirSync(conf, { recursive: true });
    writeFileSync(join(conf, 'system.conf'), 'X = 1\n');
    for (const path of [users, conf, join(conf, 'system.conf')]) chownSync(path, 0, 65534);
    const tasks = [step(p, 'dir-users'), step(p, 'conf-owner')].flatMap((s, i) => stepTasks({ number: i + 1, root }, s));
    writeFileSync(join(dir, 'playbook.yml'), stringify([{ name: 'owners', hosts: 'localhost', gather_facts: false, tasks }]));
    writeFileSync(join(dir, 'inventory.ini'), 'localhost ansible_connection=local\n');
    const played = await runPlaybook(dir, ['-i', 'inventory.ini', '-c', 'local', 'playbook.yml'], { LANG: 'C.UTF-8' });
    expect(played.exitCode, played.output.slice(-3000)).toBe(0);
    const gid = userInfo().gid;
    expect([users, conf, join(conf, 'system.conf')].map((path) => statSync(path).gid)).toEqual([gid, gid, gid]);
  }, 180_000);
});
