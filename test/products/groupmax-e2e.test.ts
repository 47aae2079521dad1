// Groupmax end to end: the real binary in a sandbox, across the reboot step (run stops, resume
// continues), the services file edited once and only once, a taken port refused with nothing
// written. Build first (npx tsc -p .).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox, SERVICES_UNIX } from '../helpers/groupmax-sandbox.js';
import { snapshotTree } from '../helpers/tree.js';

const T = 60_000;
const answers = (from: string, more: string[] = []): string[] => [
  '--set', `from=${from}`, '--set', 'mail_server=yes', '--set', 'journal=yes', '--set', 'console=yes', '--set', 'autostart=yes', ...more,
];

function journalOf(logs: string): { type: string; step?: string; status?: string; by?: string }[] {
  const file = readdirSync(logs).find((n) => n.endsWith('.jsonl'));
  if (!file) throw new Error(`no journal in ${logs}: ${readdirSync(logs).join(', ')}`);
  return readFileSync(join(logs, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

describe('groupmax end to end', () => {
  test('from 02-00: stops at the reboot, resume adds the six ports once and runs advup2_6', async () => {
    const sb = groupmaxSandbox();
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    const first = await runCli(['run', '--product', 'groupmax', '--yes', ...place, ...sb.platformArgs, ...answers('02-00')], { env: sb.env });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('upgrade-wizard resume');
    // Nothing after the reboot has happened: the services file and advup2_6 wait.
    expect(sb.servicesText()).toBe(SERVICES_UNIX);
    expect(sb.calls()).toEqual([]);
    const before = journalOf(sb.logs).filter((e) => e.type === 'step-end').map((e) => e.step);
    expect(before).toEqual(['stop-address-service', 'stop-object-server', 'autostart-off', 'reboot']);

    // Without a terminal the prompt is refused; the missing reboot is said before that.
    const asked = await runCli(['resume', ...place], { env: sb.env });
    expect(asked.exitCode).toBe(2);
    expect(asked.stdout).toContain('The machine has not been rebooted since step 4 (Shut the machine down and restart it) stopped the run for it.');
    // The way on it offers is for after the reboot, not a way around it.
    expect(asked.stderr).toContain('the machine has not been rebooted since step 4 (Shut the machine down and restart it) stopped the run for it. Reboot it first. After the reboot,');
    expect(sb.calls()).toEqual([]);
    const second = await runCli(['resume', '--yes', ...place], { env: sb.env });
    expect(second.stderr).toBe('');
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('has not been rebooted since step 4');
    expect(sb.calls()).toEqual(['advup2_6 ']);
    const text = sb.servicesText();
    // The old bytes (the Shift_JIS comment included) are kept; the entries come after them.
    expect(text.startsWith(SERVICES_UNIX)).toBe(true);
    expect(text.slice(SERVICES_UNIX.length)).toBe(
      'imap\t143/tcp\nadrshd\t20141/tcp\npop3\t110/tcp\npopcfg\t106/tcp\nadagt_ap\t9080/tcp\nadreq_ap\t9081/tcp\n',
    );
    const backups = sb.servicesBackups();
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(sb.root, 'etc', backups[0] as string)).toString('latin1')).toBe(SERVICES_UNIX);

    const ends = journalOf(sb.logs).filter((e) => e.type === 'step-end').map((e) => e.step);
    expect(ends.slice(4)).toEqual([
      'backup-old', 'install', 'services', 'start-object-server', 'advup2-6', 'address-mail-setup', 'start-address-service',
      'start-mail-application', 'clear-journal', 'start-console', 'backup-new', 'autostart-on',
    ]);
    // Every checkpoint is journaled as confirmed by --yes, autostart-on included.
    const confirmed = journalOf(sb.logs).filter((e) => e.type === 'confirm' && e.by === '--yes').map((e) => e.step);
    expect(confirmed).toEqual(expect.arrayContaining(['autostart-off', 'autostart-on', 'install', 'address-mail-setup']));

    // A new run over the same machine finds every entry there: nothing written, no new backup.
    const again = await runCli(['run', '--product', 'groupmax', '--yes', '--root', sb.root, '--log-dir', join(sb.dir, 'logs2'), ...sb.platformArgs, ...answers('02-00')], { env: sb.env });
    expect(again.exitCode).toBe(0);
    await runCli(['resume', '--yes', '--root', sb.root, '--log-dir', join(sb.dir, 'logs2')], { env: sb.env });
    expect(sb.servicesText()).toBe(text);
    expect(sb.servicesBackups()).toHaveLength(1);
  }, T);

  test('from 5: no services change, no advup2_6, the same reboot and resume', async () => {
    const sb = groupmaxSandbox();
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    expect((await runCli(['run', '--product', 'groupmax', '--yes', ...place, ...sb.platformArgs, ...answers('5')], { env: sb.env })).exitCode).toBe(0);
    const r = await runCli(['resume', '--yes', ...place], { env: sb.env });
    expect(r.exitCode).toBe(0);
    expect(sb.servicesText()).toBe(SERVICES_UNIX);
    expect(sb.servicesBackups()).toEqual([]);
    expect(sb.calls()).toEqual([]);
  }, T);

  test('Windows services file: CRLF kept, ports of Version 3 only, in Japanese', async () => {
    const sb = groupmaxSandbox({ platform: 'windows' });
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    const first = await runCli(['run', '--product', 'groupmax', '--yes', ...place, ...sb.platformArgs, ...answers('03-00', ['--set', 'autostart=no']), '--lang', 'ja'], { env: sb.env });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('マシンをシャットダウンし、再起動する');
    const r = await runCli(['resume', '--yes', ...place, '--lang', 'ja'], { env: sb.env });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('services ファイルにポートを追加する');
    const original = SERVICES_UNIX.replace(/\n/g, '\r\n');
    expect(sb.servicesText()).toBe(`${original}imap\t143/tcp\r\nadrshd\t20141/tcp\r\n`);
    expect(sb.calls()).toEqual([]);
  }, T);

  test('a port taken by another service: refused, the blocker names the line, nothing written', async () => {
    const services = 'ftp 21/tcp\nimap2\t143/tcp\t\t# Interim Mail Access Protocol v2\n';
    const sb = groupmaxSandbox({ services });
    const before = snapshotTree(sb.dir);
    const r = await runCli(['run', '--product', 'groupmax', '--yes', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...answers('3')], { env: sb.env });
    expect(r.exitCode).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toContain('line 2 "imap2\t143/tcp\t\t# Interim Mail Access Protocol v2"');
    expect(snapshotTree(sb.dir)).toEqual(before);
  }, T);

  test('a version outside the procedure is refused before anything runs', async () => {
    const sb = groupmaxSandbox();
    const before = snapshotTree(sb.dir);
    const r = await runCli(['run', '--product', 'groupmax', '--yes', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...answers('04-00')], { env: sb.env });
    expect(r.exitCode).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toContain('no upgrade path from version 04-00');
    expect(snapshotTree(sb.dir)).toEqual(before);
  }, T);
});
