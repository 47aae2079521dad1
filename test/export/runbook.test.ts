// The runbook: every step of the plan numbered with what it does, its check, its restore point,
// the blockers, the rollback procedures, boxes to tick; in Markdown and printable HTML; ja and en.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeSandbox, placeArgs, runIn, type Sandbox } from '../helpers/sandbox.js';

interface PlanJson {
  steps: { id: string; title: string; check?: string; commands?: string[][] }[];
  restorePoints: { id: string; title: string }[];
}

describe('export --format markdown|html for ShareTask', () => {
  let sb: Sandbox & { cleanup(): void };
  let plan: PlanJson;
  let md: string;
  beforeAll(async () => {
    sb = await makeSandbox({ checksums: true });
    const p = await runIn(sb, ['plan', '--product', 'sharetask', '--json', ...placeArgs(sb)]);
    plan = JSON.parse(p.stdout) as PlanJson;
    const r = await runIn(sb, ['export', '--format', 'markdown', '--product', 'sharetask', ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    md = r.stdout;
  }, 120_000);
  afterAll(() => sb.cleanup());

  it('numbers every step with a box to tick, its commands and its check', () => {
    plan.steps.forEach((s, i) => {
      expect(md).toContain(`### ${i + 1}. ${s.title}\n\n- [ ] **Done** · ${s.id}`);
      if (s.check) expect(md).toContain(`- [ ] Check afterwards: ${s.check.trim()}`);
    });
    expect(md).toMatch(/\$ cd \S+ && perl database_upgrade\.pl --start\n/);
    expect(md).toContain(`tar xzf ${join(sb.media, 'sharetask_server-5.5.1-2.tar.gz')}`);
  });

  it('names the restore point in force and the rollback procedures with the wizard command', () => {
    const unpack = md.slice(md.indexOf('. Unpack the package sharetask_server'), md.indexOf('. Check that sharetask_server-5.5.1-2 now exists'));
    expect(unpack).toMatch(/Restore point if this or a later step fails: .*\(backup-archive\)/);
    expect(md).toContain('## Rollback procedures');
    for (const rp of plan.restorePoints) expect(md).toContain(`${rp.title} (\`${rp.id}\`)`);
    expect(md).toContain(`upgrade-wizard rollback --to backup-archive --root ${sb.root}`);
  });

  it('says which packages were verified against the CD\'s checksums, in both formats', async () => {
    const line = `the packages match their SHA-256 checksums in ${join(sb.media, 'SHA256SUMS')}: sharetask_server-5.5.1-2.tar.gz`;
    expect(md).toContain(`Checked:\n\n- ${line}`);
    const file = join(sb.dir, 'checked.html');
    await runIn(sb, ['export', '--format', 'html', '--product', 'sharetask', '-o', file, ...placeArgs(sb)]);
    expect(readFileSync(file, 'utf8')).toContain(`<p>Checked:</p><ul><li>${line}`);
  });

  it('lists the answers and never the database password', () => {
    expect(md).toMatch(/\| `from` \| 5\.4\.3 \|/);
    expect(md).not.toContain(sb.dbpass);
  });

  it('writes the Japanese runbook with --lang ja', async () => {
    const r = await runIn(sb, ['export', '--lang', 'ja', '--format', 'markdown', '--product', 'sharetask', ...placeArgs(sb)]);
    expect(r.stdout).toContain('## 手順');
    expect(r.stdout).toContain('- [ ] **実施済み**');
    expect(r.stdout).toContain('## 切り戻し手順');
  });

  it('writes printable HTML to -o FILE, with check boxes and print CSS, text escaped', async () => {
    const file = join(sb.dir, 'runbook.html');
    const r = await runIn(sb, ['export', '--format', 'html', '--product', 'sharetask', '-o', file, ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('@media print');
    expect((html.match(/<input type="checkbox">/g) ?? []).length).toBeGreaterThan(plan.steps.length);
    for (const s of plan.steps) expect(html).toContain(`id="step-${s.id}"`);
    expect(html).toContain('(or /etc/init.d/httpd when &quot;service&quot; is not available)');
  });

  it('refuses an unknown format (exit 2) and ansible without -o', async () => {
    const a = await runIn(sb, ['export', '--format', 'pdf', '--product', 'sharetask', ...placeArgs(sb)]);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/--format "pdf" is not known/);
    const b = await runIn(sb, ['export', '--format', 'ansible', '--product', 'sharetask', ...placeArgs(sb)]);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toMatch(/needs -o DIR/);
  });
});

describe('export of a procedure with a reboot', () => {
  it('says once what the reboot step asks for: its instructions are not repeated as what it does', async () => {
    const r = await runCli(['export', '--format', 'markdown', '--product', 'groupmax', '--lang', 'en', ...['from=5', 'platform=unix', 'mail_server=yes', 'journal=no', 'console=no', 'autostart=no'].flatMap((a) => ['--set', a])]);
    expect(r.exitCode, r.stderr).toBe(0);
    const reboot = r.stdout.slice(r.stdout.indexOf('. Shut the machine down and restart it'), r.stdout.indexOf('. Back up the old environment'));
    expect(reboot).toContain('the run stops here: reboot the machine, then run "upgrade-wizard resume"');
    expect(reboot.match(/After the restart, log in as the administrator/g)).toHaveLength(1);
  });

  it("ends a node's runbook with the next node's part, and only where there is one", async () => {
    const jc = (role: string, format: string) =>
      runCli(['export', '--format', format, '--product', 'jobcenter', '--lang', 'en', ...['cluster=unix', 'operation=versionup', `role=${role}`, 'from=R12.8', 'standby_done_elsewhere=yes', 'standby_done_reason=test'].flatMap((a) => ['--set', a])]);
    const [standby, standbyHtml, active] = await Promise.all([jc('standby', 'markdown'), jc('standby', 'html'), jc('active', 'markdown')]);
    expect(standby.exitCode, standby.stderr).toBe(0);
    const lastStep = standby.stdout.lastIndexOf('\n### ');
    const next = standby.stdout.indexOf('**When every step above is done, next:**\n\n- on the active node, run this wizard with role=active');
    expect(next).toBeGreaterThan(lastStep);
    expect(next).toBeLessThan(standby.stdout.indexOf('## Rollback'));
    expect(standbyHtml.stdout).toContain('<p><b>When every step above is done, next:</b></p><ul><li>on the active node, run this wizard with role=active');
    expect(active.exitCode, active.stderr).toBe(0);
    expect(active.stdout).not.toContain('When every step above is done');
    // Where a step runs, in words.
    expect(standby.stdout).toContain('runs on: the standby node');
    expect(active.stdout).toContain('runs on: the active node');
  });
});

describe('placeholders a person doing the steps by hand must fill', () => {
  it('says what {secret-file:ID} stands for, naming the question, in both formats and languages', async () => {
    const sets = ['from=5.1', 'msg_instance=msg-budgie', 'slapd_instances=slapd-budgie', 'delegated_admin=no', 'directory_server_version=4.16', 'store_mounted=no', 'ldif_exports=yes', 'ug_suffix=o=siroe.com', 'web_server=no'];
    const ex = (format: string, lang: string) => runCli(['export', '--format', format, '--product', 'iplanet-messaging', '--lang', lang, ...sets.flatMap((a) => ['--set', a])]);
    const [md, html, ja] = await Promise.all([ex('markdown', 'en'), ex('html', 'en'), ex('markdown', 'ja')]);
    expect(md.exitCode, md.stderr).toBe(0);
    const step = md.stdout.slice(md.stdout.indexOf('. Save the user/group entries with ldapsearch'));
    expect(step.slice(0, step.indexOf('\n### '))).toContain(
      "- {secret-file:bind_password} stands for a file that holds the answer to \"The directory manager's password (never shown or recorded)\" and that only its owner can read.",
    );
    expect(html.stdout).toContain('<ul class="notes"><li>{secret-file:bind_password} stands for a file that holds the answer to &quot;The directory manager');
    expect(ja.stdout).toContain('- {secret-file:bind_password} は「');
    // Steps without one say nothing of it.
    expect(md.stdout.match(/stands for a file/g)).toHaveLength(2);
  });

  it('says what <media:KEY> stands for when the package was not on the media', async () => {
    const sets = ['component=server', 'from=5.4.3', 'to=5.5.1-2', 'daemons=sharetaskd', 'custom=no', 'license=no'];
    const r = await runCli(['export', '--format', 'markdown', '--product', 'sharetask', '--lang', 'en', ...sets.flatMap((a) => ['--set', a])]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("$ tar xzf '<media:server>' -C /home/sharetask");
    expect(r.stdout).toContain('- <media:server> stands for a package that was not on the media when this runbook was written: see Blockers.');
  });
});
