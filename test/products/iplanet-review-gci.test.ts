// iPlanet review fixes: the Directory Server outside the Messaging Server's server-root (HA steps
// 3 / 4, backup step 3 of appendix C), the HA order with a Directory Server upgrade, and the
// wordings of the Japanese screens (section labels of the guide, next steps, step names). The end
// to end test runs the built binary (npx tsc -p tsconfig.json first) on the sandbox server-root.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectFor } from '../../src/detect/index.js';
import type { Answers } from '../../src/model/definition.js';
import type { Plan } from '../../src/model/plan.js';
import { PlanError } from '../../src/plan/build.js';
import { missingAnswers, withDefaults } from '../../src/plan/questions.js';
import { runCli } from '../helpers/cli.js';
import { BASE, def, facts, INSTANCE, iplanetSandbox, plan, rollbackIds as rollback, SLAPD, SR } from '../helpers/iplanet-sandbox.js';
import { ids, step } from '../plan/fixtures.js';

const PW = 'Bind-Secret-9q';
const elsewhere: Answers = { directory_local: 'no', ldap_host: 'ldap1.siroe.com' };

const allText = (p: Plan): string => JSON.stringify(p);

describe('iplanet: a Directory Server outside the server-root', () => {
  test('no Directory Server instance is asked, and none is needed', () => {
    expect(missingAnswers(def, withDefaults(def, { ...BASE, ...elsewhere })).map((q) => q.id)).not.toContain('slapd_instances');
    // With it in this server-root (the default), the instances are still asked.
    expect(missingAnswers(def, withDefaults(def, BASE)).map((q) => q.id)).toContain('slapd_instances');
    expect(() => plan({ slapd_instances: ['slapd-budgie'] })).not.toThrow();
    expect(() => plan()).toThrow(PlanError);
  });

  test('no running check, no db2ldif, no Directory Server setup here; ldapsearch goes to its host', () => {
    const p = plan({ ...elsewhere, ldif_exports: 'yes', ug_suffix: 'o=siroe.com', bind_password: 'pw-123456' });
    expect(p.blockers).toEqual([]);
    for (const id of ['directory-running', 'db2ldif', 'ds-setup', 'ds-upgrade-elsewhere', 'ms-setup']) expect(ids(p)).not.toContain(id);
    expect(allText(p)).not.toContain('slapd-');
    expect(step(p, 'export-users').commands?.[0]?.slice(1, 5)).toEqual(['-L', '-h', 'ldap1.siroe.com', '-p']);
    // setup -k without the Directory Server components, pointed at the other host.
    const setup = step(p, 'ms-setup-ds-elsewhere');
    expect(setup.checklist?.[0]).toContain('Chose components 1 (Netscape Server Products Core Components), 3 (Administration Services) and 4');
    expect(setup.checklist?.join('\n')).toContain('ldap://ldap1.siroe.com:389');
    const order = ['backup-server-root', 'ms-setup-ds-elsewhere', 'compare-config'];
    expect(ids(p).filter((id) => order.includes(id))).toEqual(order);
  });

  test('the backout neither stops nor starts a slapd here, nor asks to reload its data', () => {
    const b = rollback(plan(elsewhere), 'backout');
    expect(b).toEqual(['stop-msg', 'stop-admin', 'store-in-place', 'store-out', 'restore-server-root', 'store-back', 'start-admin', 'start-msg']);
    for (const ha of ['sun-cluster-2.2', 'vcs', 'sun-cluster-3']) {
      const ids2 = rollback(plan({ ...elsewhere, ha }), 'backout');
      expect(ids2.some((id) => id.includes('slapd') || id === 'check-directory')).toBe(false);
    }
  });

  test('older than 4.16: upgraded on its own host, then setup -k with 1, 3, 4', () => {
    const p = plan({ ...elsewhere, directory_server_version: '4.13', ha: 'vcs' });
    const order = ['vcs-online', 'backup-server-root', 'ds-upgrade-elsewhere', 'ds-ims-dssetup', 'ms-setup-after-ds', 'vcs-dependencies'];
    expect(ids(p).filter((id) => order.includes(id))).toEqual(order);
    expect(step(p, 'ds-upgrade-elsewhere').instructions).toContain('ldap1.siroe.com');
    expect(ids(p).some((id) => id.startsWith('ds-setup'))).toBe(false);
  });

  test('in this server-root (the default) nothing changes: every instance checked, exported, stopped and started', () => {
    const p = plan({ slapd_instances: ['slapd-budgie', 'slapd-ug'] });
    expect(ids(p)).toEqual(expect.arrayContaining(['directory-running-1', 'directory-running-2', 'db2ldif-1', 'db2ldif-2', 'ms-setup']));
    expect(step(p, 'db2ldif-2').commands).toEqual([[`${SR}/slapd-ug/db2ldif`]]);
    expect(rollback(p, 'backout')).toEqual(expect.arrayContaining(['stop-slapd-1', 'stop-slapd-2', 'check-directory', 'start-slapd-1', 'start-slapd-2']));
  });

  test('detected from the server-root: slapd-* there or not', async () => {
    const sb = iplanetSandbox();
    const found = async () => Object.fromEntries((await detectFor(def, { root: sb.root })).map((d) => [d.question, d]));
    expect((await found()).directory_local).toMatchObject({ value: 'yes', evidence: expect.stringContaining(SLAPD) });
    rmSync(join(sb.sr, SLAPD), { recursive: true });
    const d = await found();
    expect(d.directory_local).toMatchObject({ value: 'no', evidence: expect.stringContaining('no Directory Server instance (slapd-*)') });
    expect(d.slapd_instances).toBeUndefined();
  });
});

describe('iplanet: High Availability with a Directory Server older than 4.16', () => {
  // The HA sections: the cluster lets go, the Directory Server is checked, the backup, the
  // Directory Server upgrade, the Messaging Server upgrade, then the cluster set up again.
  const TAIL = ['ds-setup', 'ds-ims-dssetup', 'ms-setup-after-ds', 'compare-config', 'reapply-customisations', 'save-results', 'remove-empty-store', 'store-back'];
  const BACKUP = ['directory-running', 'backup-dir', 'site-backup', 'save-queue', 'db2ldif', 'rename-store', 'empty-store', 'backup-server-root'];
  const STOPS = ['stop-dispatcher', 'stop-admin', 'stop-msg'];
  const END = ['start-msg-ha', 'check-mail-log', 'check-queue'];
  test.each([
    ['sun-cluster-2.2', ['sc22-physical-host', ...STOPS, 'sc22-stop', 'sc22-unregister', ...BACKUP, ...TAIL, 'sc22-agent', ...END]],
    ['vcs', [...STOPS, 'vcs-offline', 'vcs-unlink', 'vcs-online', ...BACKUP, ...TAIL, 'vcs-dependencies', ...END]],
    ['sun-cluster-3', [...STOPS, ...BACKUP, ...TAIL, 'sc3-agent', ...END]],
  ])('%s: the whole step list in order', (ha, want) => {
    const p = plan({ ha, directory_server_version: '4.13', slapd_instances: ['slapd-budgie'] });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toEqual(want);
  });
});

describe('iplanet: the wordings of the screens', () => {
  test('section labels are the guide\'s own headings, in the language of the screens', () => {
    const answers = { slapd_instances: ['slapd-budgie'], ha: 'sun-cluster-2.2', directory_server_version: '4.13' };
    const ja = plan(answers, facts(), 'ja');
    const en = plan(answers, facts(), 'en');
    expect(step(ja, 'stop-dispatcher').section).toBe('付録C「メッセージプロセスの停止」1');
    expect(step(ja, 'sc22-stop').section).toBe('付録C「Sun Cluster 2.2 を使用している場合」1');
    expect(step(ja, 'ms-setup-after-ds').section).toBe('付録C「Messaging Server 5.2 へのアップグレード」3〜8');
    expect(step(ja, 'check-mail-log').section).toBe('付録C「アップグレード後の手順」7');
    expect(step(en, 'stop-dispatcher').section).toBe('App. C "Stopping the messaging processes" 1');
    expect(step(en, 'check-mail-log').section).toBe('App. C "Post-upgrade steps" 7');
    for (const s of ja.steps) expect(s.section ?? '', s.id).not.toMatch(/stop \d|backup \d|upgrade \d|post \d|C \//);
  });

  test('the end names the Delegated Administrator only to whom has one, and the Web Server step by its title', () => {
    const web = { slapd_instances: ['slapd-budgie'], web_server: 'yes', webserver_root: '/usr/iplanet/servers', web_instance: 'https-budgie' };
    const no = plan({ ...web, delegated_admin: 'no' }, facts(), 'ja');
    expect(no.next).toHaveLength(1);
    expect(no.next?.[0]).not.toContain('Delegated Administrator');
    expect(no.next?.[0]).toContain('(ステップ「Web Server(管理サーバとインスタンス)を停止する」)');
    expect(no.next?.[0]).not.toContain('stop-web');
    const yes = plan({ ...web, delegated_admin: 'yes' }, facts(), 'ja');
    expect(yes.next).toHaveLength(1);
    expect(yes.next?.[0]).toContain('Delegated Administrator は Web Server の中で動く');
    expect(plan({ ...web, delegated_admin: 'yes' }).next?.[0]).toContain('(step "Stop the Web Server (admin server and instance)")');
  });

  test('the cluster texts name steps by their titles, never by their ids', () => {
    const ids2 = /\b(sc22-stop|sc22-unregister|sc22-agent|vcs-offline|vcs-unlink|vcs-dependencies|sc3-agent|stop-web)\b/;
    for (const ha of ['sun-cluster-2.2', 'vcs', 'sun-cluster-3']) {
      for (const lang of ['ja', 'en'] as const) {
        const p = plan({ slapd_instances: ['slapd-budgie'], ha }, facts(), lang);
        for (const rp of p.restorePoints) for (const s of rp.rollback) expect(`${s.instructions ?? ''} ${s.explain ?? ''}`, `${rp.id}/${s.id}`).not.toMatch(ids2);
      }
    }
    const back = plan({ slapd_instances: ['slapd-budgie'], ha: 'sun-cluster-2.2' }, facts(), 'ja').restorePoints.find((r) => r.id === 'restart-old')?.rollback.find((s) => s.id === 'cluster-back-sc22');
    expect(back?.instructions).toContain('(ステップ「Sun Cluster のデータサービスを停止する」「データサービス iMS50 の登録を解除する」)');
  });
});

describe('iplanet end to end: a Directory Server outside the server-root', () => {
  test('detected (no slapd-* in server-root): no db2ldif, no slapd in the backout, ldapsearch to its host', async () => {
    const sb = iplanetSandbox({ password: PW });
    sb.afterUpgrade();
    rmSync(join(sb.sr, SLAPD), { recursive: true });
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    // No directory_local and no slapd_instances given: the server-root tells.
    const r = await runCli([
      'run', '--product', 'iplanet-messaging', '--yes', '--media', sb.media, ...place,
      '--set', 'from=5.1', '--set', `msg_instance=${INSTANCE}`, '--set', 'delegated_admin=no', '--set', 'directory_server_version=4.16',
      '--set', 'store_mounted=no', '--set', 'web_server=no', '--set', 'ldap_host=ldap1.siroe.com', '--set', 'ldif_exports=yes', '--set', 'ug_suffix=o=siroe.com',
    ], { env: { ...sb.env, UPGRADE_WIZARD_SECRET_BIND_PASSWORD: PW } });
    expect(r.stderr).toBe('');
    expect(r.exitCode, r.stdout).toBe(0);
    const calls = sb.calls().filter((c) => !c.startsWith('ldapsearch-'));
    expect(calls).toEqual([
      'imsimta stop dispatcher', 'stop-admin ', 'stop-msg ',
      expect.stringMatching(/^ldapsearch -L -h ldap1\.siroe\.com -p 389 .* -b o=siroe\.com /),
      expect.stringMatching(/^ldapsearch -L -h ldap1\.siroe\.com -p 389 .* -b o=pab /),
      'start-msg ',
    ]);
    expect(r.stdout).toContain('the Directory Server is not in this server-root but on ldap1.siroe.com');

    // The backout, after all: the Messaging Server and the Administration Server only.
    const before = sb.calls().length;
    const back = await runCli(['rollback', '--to', 'backout', '--yes', ...place], { env: sb.env });
    expect(back.exitCode, back.stdout).toBe(0);
    expect(sb.calls().slice(before)).toEqual(['stop-msg ', 'stop-admin ', 'start-admin ', 'start-msg ']);
    expect(back.stdout).not.toContain('slapd');
  }, 90_000);
});
