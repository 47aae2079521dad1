// The Ansible tasks of a probed command step (skipWhen), run for real by ansible-playbook on
// localhost with a recording stand-in chkconfig first on PATH: as in the wizard, the command
// runs only where the check does not pass (off, failing, or not there at all), also in check
// mode the check itself runs. Skipped, saying so, without ansible-playbook (.ci/run installs it).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { PlannedStep } from '../../src/model/plan.js';
import { stepTasks } from '../../src/export/ansible-tasks.js';
import { ansiblePlaybook, runPlaybook } from '../helpers/ansible.js';
import { chkconfigScript, RUNLEVELS_ON as ON } from '../helpers/chkconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'uw-ansible-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(dir, 'bin');
const state = join(dir, 'state');
const calls = join(dir, 'calls.log');


const enable = (service: string, argv = ['chkconfig', '--list', service]): PlannedStep => ({
  id: `enable-${service}`,
  kind: 'command',
  title: `Start ${service} at boot`,
  manual: false,
  allowFailure: false,
  skippable: false,
  commands: [['chkconfig', service, 'on']],
  params: { skipWhen: { argv, expectOutput: ON, says: 'runlevels 2-5 are all on' } },
});

describe.skipIf(!ansiblePlaybook)('a probed command step run by ansible-playbook', () => {
  it('runs the command only where the check does not pass', async () => {
    for (const d of [bin, state]) mkdirSync(d, { recursive: true });
    writeFileSync(join(bin, 'chkconfig'), chkconfigScript(calls, state));
    chmodSync(join(bin, 'chkconfig'), 0o755);
    writeFileSync(join(state, 'httpd'), '');
    const steps = [enable('httpd'), enable('postgresql'), enable('broken'), enable('memcached', [join(dir, 'no-such-check'), 'memcached'])];
    const tasks = steps.flatMap((s, i) => stepTasks({ number: i + 1, root: dir }, s));
    // Quoted as the export writes it: Ansible reads YAML 1.1, where a bare on is true.
    writeFileSync(join(dir, 'playbook.yml'), stringify([{ name: 'probe', hosts: 'localhost', gather_facts: false, tasks }], { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }));
    const env = { PATH: [bin, process.env.PATH ?? '/usr/bin:/bin'].join(delimiter), LANG: 'C.UTF-8' };

    // --check changes nothing: only the checks run (they only read).
    const checked = await runPlaybook(dir, ['-i', 'localhost,', '-c', 'local', '--check', 'playbook.yml'], env);
    expect(checked.exitCode, checked.output).toBe(0);
    expect(readFileSync(calls, 'utf8').split('\n').filter(Boolean)).toEqual(['chkconfig --list httpd', 'chkconfig --list postgresql', 'chkconfig --list broken']);

    writeFileSync(calls, '');
    const played = await runPlaybook(dir, ['-i', 'localhost,', '-c', 'local', 'playbook.yml'], env);
    expect(played.exitCode, played.output).toBe(0);
    expect(played.output).toMatch(/failed=0/);
    expect(readFileSync(calls, 'utf8').split('\n').filter(Boolean)).toEqual([
      'chkconfig --list httpd',
      'chkconfig --list postgresql',
      'chkconfig postgresql on',
      'chkconfig --list broken',
      'chkconfig broken on',
      'chkconfig memcached on',
    ]);
    expect(existsSync(join(state, 'memcached'))).toBe(true);
  }, 120_000);
});
