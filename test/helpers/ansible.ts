// ansible-playbook for the export tests: run against localhost (-c local), never a shell.
import { execa } from 'execa';
import { findOnPathSync } from './which.js';

export const ansiblePlaybook = findOnPathSync('ansible-playbook');

export interface AnsibleResult {
  exitCode: number;
  output: string;
}

export async function runPlaybook(dir: string, args: string[], env: Record<string, string> = {}): Promise<AnsibleResult> {
  const r = await execa('ansible-playbook', args, {
    cwd: dir,
    env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCAL_TEMP: `${dir}/.ansible-tmp`, ANSIBLE_HOME: `${dir}/.ansible`, ...env },
    reject: false,
    stdin: 'ignore',
    all: true,
  });
  return { exitCode: r.exitCode ?? 1, output: String(r.all) };
}
