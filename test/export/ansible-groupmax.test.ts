// The exported Groupmax playbook, run by ansible-playbook against a sandbox server, edits the
// services file exactly as the wizard's ensure-services step does: existing lines kept byte for
// byte (aliases, comments, Shift_JIS bytes), an entry present under an alias not added again, only
// the missing ones appended, the original kept as services.bak-STAMP (the name the rollback text
// gives); a port taken by another name stops it with nothing written. A Windows plan is refused.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { ansiblePlaybook, runPlaybook, type AnsibleResult } from '../helpers/ansible.js';
import { groupmaxSandbox, SERVICES_UNIX, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';

/** imap is there as an alias of imap2; pop3 has an alias and a comment to keep. */
const SERVICES = `${SERVICES_UNIX}imap2\t\t143/tcp\t\timap\t\t# Interim Mail Access Protocol v2\npop3 110/tcp pop-3 # POP version 3\n`;
const answers = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((s) => ['--set', s]);

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function sandbox(opts: Parameters<typeof groupmaxSandbox>[0] = {}): GroupmaxSandbox {
  const sb = groupmaxSandbox(opts);
  cleanups.push(() => rmSync(sb.dir, { recursive: true, force: true }));
  return sb;
}

async function exportAndPlay(sb: GroupmaxSandbox): Promise<AnsibleResult> {
  const out = join(sb.dir, 'pb');
  const r = await runCli(['export', '--format', 'ansible', '-o', out, '--product', 'groupmax', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...answers], { env: sb.env });
  expect(r.exitCode, r.stderr).toBe(0);
  const extra = JSON.stringify({ upgrade_wizard: [process.execPath, join(repoRoot, 'bin/upgrade-wizard.js')], upgrade_become: false, upgrade_confirm_unseen: true });
  return runPlaybook(out, ['-i', 'inventory.example.ini', '-c', 'local', '-e', extra, 'playbook.yml'], { ...sb.env, LANG: 'C.UTF-8' });
}

describe.skipIf(!ansiblePlaybook)('export --format ansible of Groupmax, run by ansible-playbook', () => {
  it('adds only the missing services, keeps every line, backs the file up, as the wizard', async () => {
    const [wizard, ansible] = [sandbox({ services: SERVICES }), sandbox({ services: SERVICES })];
    const place = ['--root', wizard.root, '--log-dir', wizard.logs];
    expect((await runCli(['run', '--product', 'groupmax', '--yes', ...place, ...wizard.platformArgs, ...answers], { env: wizard.env })).exitCode).toBe(0);
    const resumed = await runCli(['resume', '--yes', ...place], { env: wizard.env });
    expect(resumed.exitCode, resumed.stdout).toBe(0);

    const played = await exportAndPlay(ansible);
    expect(played.exitCode, played.output.slice(-3000)).toBe(0);
    const text = ansible.servicesText();
    expect(text.startsWith(SERVICES)).toBe(true);
    expect(text.slice(SERVICES.length)).toBe('adrshd\t20141/tcp\npopcfg\t106/tcp\nadagt_ap\t9080/tcp\nadreq_ap\t9081/tcp\n');
    expect(text).toBe(wizard.servicesText());
    const backups = ansible.servicesBackups();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^services\.bak-[0-9]{14}$/);
    expect(readFileSync(join(ansible.root, 'etc', backups[0] as string)).toString('latin1')).toBe(SERVICES);
    expect(ansible.calls()).toEqual(wizard.calls());

    // Run again: nothing more is added and no second backup is made.
    const again = await exportAndPlay(ansible);
    expect(again.exitCode, again.output.slice(-3000)).toBe(0);
    expect(ansible.servicesText()).toBe(text);
    expect(ansible.servicesBackups()).toHaveLength(1);
  }, 600_000);

  it('stops with nothing written when a port is taken by another name', async () => {
    const taken = `${SERVICES_UNIX}mailsrv\t\t143/tcp\n`;
    const sb = sandbox({ services: taken });
    // The plan refuses it too; the playbook checks again on the host (the file may change later).
    const out = join(sb.dir, 'pb');
    const r = await runCli(['export', '--format', 'ansible', '-o', out, '--product', 'groupmax', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...answers], { env: sb.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const extra = JSON.stringify({ upgrade_become: false, upgrade_confirm_unseen: true });
    // Skip the exported blocker (it would stop first) to reach the host-side check.
    const played = await runPlaybook(out, ['-i', 'inventory.example.ini', '-c', 'local', '-e', extra, '--skip-tags', 'always', '--tags', 'services', 'playbook.yml'], { ...sb.env, LANG: 'C.UTF-8' });
    expect(played.exitCode).not.toBe(0);
    expect(played.output).toContain('imap 143/tcp collides with a line already there');
    expect(sb.servicesText()).toBe(taken);
    expect(sb.servicesBackups()).toEqual([]);
  }, 600_000);
});

describe('export --format ansible of a Windows plan', () => {
  it('is refused in both languages with nothing written; the runbook still exports', async () => {
    const sb = sandbox({ platform: 'windows' });
    const out = join(sb.dir, 'pb');
    const args = ['export', '--format', 'ansible', '-o', out, '--product', 'groupmax', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...answers];
    const en = await runCli(args, { env: sb.env });
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain('the steps of this plan run on Windows (platform=windows)');
    expect(en.stderr).toContain('--format markdown or --format html');
    const ja = await runCli([...args, '--lang', 'ja'], { env: sb.env });
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('この計画の手順は Windows 上で実行します (platform=windows)');
    expect(existsSync(out)).toBe(false);
    const md = join(sb.dir, 'runbook.md');
    const runbook = await runCli(['export', '--format', 'markdown', '-o', md, ...args.slice(5)], { env: sb.env });
    expect(runbook.exitCode, runbook.stderr).toBe(0);
    expect(readdirSync(sb.dir)).toContain('runbook.md');
  }, 120_000);
});
