// The exported ShareTask playbook, run by Ansible against localhost on one sample server, leaves
// the same end state and calls the services in the same order as `run --yes` on an identical one.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/cli.js';
import { ansiblePlaybook, runPlaybook } from '../helpers/ansible.js';
import { expectedUpgradedState, makeSandbox, placeArgs, readCalls, runIn, runSharetask, sandboxEnv, upgradedState, type Sandbox } from '../helpers/sandbox.js';

const uid = process.getuid?.() ?? 0;
/** Calls with the sandbox's own directory replaced, so that two sandboxes compare. */
const calls = async (sb: Sandbox): Promise<string[]> => (await readCalls(sb.dir)).filter((c) => !c.startsWith('init.d/')).map((c) => c.split(sb.dir).join('<sb>'));

describe.skipIf(!ansiblePlaybook)('export --format ansible of ShareTask, run by ansible-playbook', () => {
  let wizard: Sandbox & { cleanup(): void };
  let ansible: Sandbox & { cleanup(): void };
  let exported: Awaited<ReturnType<typeof runIn>>;
  let played: Awaited<ReturnType<typeof runPlaybook>>;
  const out = (): string => join(ansible.dir, 'playbook');

  beforeAll(async () => {
    [wizard, ansible] = await Promise.all([makeSandbox(), makeSandbox()]);
    const ran = await runSharetask(wizard);
    expect(ran.exitCode, ran.stdout).toBe(0);
    exported = await runIn(ansible, ['export', '--format', 'ansible', '--product', 'sharetask', '-o', out(), ...placeArgs(ansible)]);
    const inventory = join(ansible.dir, 'inventory.ini');
    writeFileSync(inventory, '[upgrade_targets]\nlocalhost ansible_connection=local\n');
    // stdin is not a terminal here: the manual steps pass as with run --yes, said explicitly.
    const wizardCmd = JSON.stringify({ upgrade_wizard: [process.execPath, join(repoRoot, 'bin/upgrade-wizard.js')], upgrade_become: false, upgrade_confirm_unseen: true });
    played = await runPlaybook(out(), ['-i', inventory, '-c', 'local', '-e', wizardCmd, 'playbook.yml'], { ...sandboxEnv(ansible.dir), LANG: 'C.UTF-8' });
  }, 600_000);
  afterAll(() => {
    wizard?.cleanup();
    ansible?.cleanup();
  });

  it('writes playbook.yml, inventory.example.ini and README.md', () => {
    expect(exported.exitCode, exported.stderr).toBe(0);
    expect(readdirSync(out()).sort()).toEqual(expect.arrayContaining(['README.md', 'inventory.example.ini', 'playbook.yml']));
  });

  it('runs to the end', () => {
    expect(played.output).toMatch(/failed=0/);
    expect(played.exitCode, played.output.slice(-3000)).toBe(0);
  });

  it('leaves the same end state as the wizard', async () => {
    expect(await upgradedState(ansible)).toEqual(expectedUpgradedState(ansible, uid));
    expect(await upgradedState(ansible)).toEqual(await upgradedState(wizard));
  });

  it('calls the services and tools in the same order as the wizard', async () => {
    expect(await calls(ansible)).toEqual(await calls(wizard));
  });

  it('runs every command as argv, with chdir for a working directory, and migrates with the wizard (diff, then apply)', () => {
    const [play] = parse(readFileSync(join(out(), 'playbook.yml'), 'utf8')) as { tasks: Record<string, unknown>[] }[];
    const commands = (play?.tasks ?? []).map((t) => t['ansible.builtin.command'] as { argv?: unknown; chdir?: string; cmd?: string } | undefined).filter((c) => c !== undefined);
    for (const c of commands) expect(c.cmd).toBeUndefined();
    expect(commands).toContainEqual({ argv: ['perl', 'database_upgrade.pl', '--start'], chdir: join(ansible.root, 'home/sharetask/sharetask_server/tools/upgrade_utils') });
    const migrate = (play?.tasks ?? []).filter((t) => (t.tags as string[]).includes('migrate-config-custom') && t['ansible.builtin.command']);
    expect(migrate.map((t) => (t.vars as { uw_args: string[] }).uw_args.includes('--apply'))).toEqual([false, true]);
    expect(played.output).toMatch(/\+SUID_METHOD = sudo/);
    expect(played.output).not.toContain(ansible.dbpass);
  });
});
