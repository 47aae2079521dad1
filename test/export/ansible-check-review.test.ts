// The exported ShareTask playbook under `ansible-playbook --check` (runs through, changes nothing),
// the pause to review the configuration diff before --apply (as the wizard asks), the export's
// language passed to migrate-config and used for the guard task names, the rollback advice of
// its README, and a Windows ShareTask plan refused.
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli } from '../helpers/cli.js';
import { ansiblePlaybook, runPlaybook } from '../helpers/ansible.js';
import { makeSandbox, placeArgs, runIn, sandboxEnv, type Sandbox } from '../helpers/sandbox.js';

type Task = Record<string, unknown> & { name: string; tags?: string[]; vars?: { uw_args?: string[] } };
const tasksOf = (dir: string): Task[] => {
  const plays = parse(readFileSync(join(dir, 'playbook.yml'), 'utf8')) as { tasks: (Task & { block?: Task[] })[] }[];
  return plays.flatMap((p) => p.tasks.flatMap((t) => (t.block ? t.block : [t])));
};

/** Every path under dir with its kind, size, mode and mtime: what --check must leave alone. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const st = lstatSync(p);
    out.push(`${p} ${st.mode} ${st.size} ${st.mtimeMs}`);
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
  };
  walk(dir);
  return out;
}

describe('export --format ansible of ShareTask: --check, the diff review, the language', () => {
  let sb: Sandbox & { cleanup(): void };
  const out = (): string => join(sb.dir, 'pb');
  const outJa = (): string => join(sb.dir, 'pb-ja');
  beforeAll(async () => {
    sb = await makeSandbox();
    const en = await runIn(sb, ['export', '--format', 'ansible', '--product', 'sharetask', '-o', out(), ...placeArgs(sb)]);
    expect(en.exitCode, en.stderr).toBe(0);
    const ja = await runIn(sb, ['--lang', 'ja', 'export', '--format', 'ansible', '--product', 'sharetask', '-o', outJa(), ...placeArgs(sb)]);
    expect(ja.exitCode, ja.stderr).toBe(0);
  }, 120_000);
  afterAll(() => sb?.cleanup());

  it.skipIf(!ansiblePlaybook)('ansible-playbook --check runs to the end and changes nothing', async () => {
    const inventory = join(sb.dir, 'inventory.ini');
    writeFileSync(inventory, '[upgrade_targets]\nlocalhost ansible_connection=local\n');
    const before = snapshot(sb.root);
    const vars = JSON.stringify({ upgrade_wizard: [process.execPath, join(repoRoot, 'bin/upgrade-wizard.js')], upgrade_become: false, upgrade_confirm_unseen: true });
    const r = await runPlaybook(out(), ['-i', inventory, '-c', 'local', '--check', '-e', vars, 'playbook.yml'], { ...sandboxEnv(sb.dir), LANG: 'C.UTF-8' });
    expect(r.exitCode, r.output.slice(-3000)).toBe(0);
    expect(r.output).toMatch(/failed=0/);
    expect(snapshot(sb.root)).toEqual(before);
  }, 600_000);

  it('pauses for the diff to be reviewed between the dry run and --apply, counted by the manual-steps question', () => {
    const tasks = tasksOf(out());
    const migrate = tasks.filter((t) => t.tags?.includes('migrate-config-custom'));
    expect(migrate.map((t) => Object.keys(t).find((k) => k.startsWith('ansible.')))).toEqual(['ansible.builtin.command', 'ansible.builtin.debug', 'ansible.builtin.pause', 'ansible.builtin.command']);
    expect(String((migrate[2]?.['ansible.builtin.pause'] as { prompt: string }).prompt)).toContain('Review the diff printed above');
    expect(migrate[3]?.vars?.uw_args).toContain('--apply');
    const pauses = tasks.filter((t) => t['ansible.builtin.pause'] !== undefined && !t.tags?.includes('always')).length;
    const gate = tasks.find((t) => t.tags?.includes('always') && t['ansible.builtin.pause'] !== undefined);
    expect(String((gate?.['ansible.builtin.pause'] as { prompt: string }).prompt)).toContain(`This play has ${pauses} manual steps`);
  });

  it('runs migrate-config in the export\'s language and names the guard tasks in it', () => {
    const args = (dir: string): string[] => tasksOf(dir).find((t) => t.tags?.includes('migrate-config-custom') && t.vars?.uw_args)?.vars?.uw_args ?? [];
    expect(args(out()).slice(0, 3)).toEqual(['migrate-config', '--lang', 'en']);
    expect(args(outJa()).slice(0, 3)).toEqual(['migrate-config', '--lang', 'ja']);
    const ja = readFileSync(join(outJa(), 'playbook.yml'), 'utf8');
    expect(ja).not.toContain('Someone at the terminal');
    expect(ja).not.toContain('Refuse to run the manual steps unseen');
    expect(ja).toContain('手動ステップのため端末に人がいることの確認');
  });

  it('says in its README that the wizard\'s rollback needs upgrade-wizard run, and points to the runbook\'s procedures', () => {
    const en = readFileSync(join(out(), 'README.md'), 'utf8');
    expect(en).toContain('works only on a host where the upgrade ran with\n`upgrade-wizard run`');
    expect(en).toContain('Follow the rollback procedures (R1, R2...)');
    expect(readFileSync(join(outJa(), 'README.md'), 'utf8')).toContain('`upgrade-wizard run` でアップグレードしたホストでだけ使えます');
  });
});

describe('export --format ansible of a ShareTask agent on Windows', () => {
  it('is refused (exit 2) and writes nothing', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'uw-winpb-'));
    try {
      const r = await runCli(['export', '--format', 'ansible', '--product', 'sharetask', '--set', 'platform=windows', '--set', 'component=agent', '--set', 'from=5.2.1.0', '--set', 'to=5.2.3.1', '-o', join(dir, 'winpb')]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('the steps of this plan run on Windows (platform=windows)');
      expect(existsSync(join(dir, 'winpb'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
