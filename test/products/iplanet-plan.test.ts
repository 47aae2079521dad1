// The iPlanet Messaging Server 5.2 step list for each combination of answers that changes it
// (HA variant, Directory Server upgrade, mounted store, Web Server, Delegated Administrator,
// LDIF exports), the exact argv of the key commands, the restore points and the blockers.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Facts } from '../../src/model/facts.js';
import type { Plan } from '../../src/model/plan.js';
import { missingAnswers, withDefaults } from '../../src/plan/questions.js';
import { formatPlan } from '../../src/plan/format.js';
import { BASE, def, facts, plan as iplanetPlan, ROOT, rollbackIds as rollback, SR } from '../helpers/iplanet-sandbox.js';
import { ids, step } from '../plan/fixtures.js';

const R = ROOT;
const INST = `${SR}/msg-budgie`;
const STORE = `${INST}/store/partition/primary`;
const PASSWORD = 'S3cret-bind-pw';
const base: Answers = { ...BASE, slapd_instances: ['slapd-budgie'] };
/** The plain server's plan: every answer but those given from `base`. */
const plan = (answers: Answers = {}, f: Facts = facts(), lang: 'ja' | 'en' = 'en'): Plan => iplanetPlan({ ...base, ...answers }, f, lang);

const HA_STEPS = ['sc22-physical-host', 'sc22-stop', 'sc22-unregister', 'sc22-agent', 'vcs-offline', 'vcs-unlink', 'vcs-online', 'vcs-dependencies', 'sc3-agent', 'start-msg-ha'];

describe('iplanet: the plain path', () => {
  const p = plan();

  test('stops the dispatcher and the services, never the Directory Server', () => {
    expect(p.blockers).toEqual([]);
    expect(step(p, 'stop-dispatcher').commands).toEqual([[`${INST}/imsimta`, 'stop', 'dispatcher']]);
    expect(step(p, 'stop-admin').commands).toEqual([[`${SR}/stop-admin`]]);
    expect(step(p, 'stop-msg').commands).toEqual([[`${INST}/stop-msg`]]);
    const argv = p.steps.flatMap((s) => s.commands ?? []).map((a) => a.join(' '));
    expect(argv.some((a) => a.includes('stop-slapd'))).toBe(false);
    expect(step(p, 'directory-running').params.verify).toEqual({ fileExists: `${SR}/slapd-budgie/logs/pid` });
  });

  test('backs up queue, directory, store and server-root in the order of the procedure', () => {
    const order = ['backup-dir', 'site-backup', 'save-queue', 'db2ldif', 'rename-store', 'empty-store', 'backup-server-root', 'ms-setup', 'compare-config'];
    expect(ids(p).filter((id) => order.includes(id))).toEqual(order);
    expect(step(p, 'save-queue').params).toMatchObject({ source: `${INST}/imta/queue`, skipIfEmpty: true });
    expect(step(p, 'db2ldif').commands).toEqual([[`${SR}/slapd-budgie/db2ldif`]]);
    expect(step(p, 'rename-store').params).toMatchObject({ from: STORE, to: `${STORE}.pre-5.2` });
    expect(step(p, 'empty-store').params).toMatchObject({ path: STORE, like: `${STORE}.pre-5.2` });
    expect(step(p, 'backup-server-root').params).toMatchObject({ source: SR, archive: `${R}/var/tmp/ims52-upgrade/server-root.tar.gz`, exclude: [`${STORE}.pre-5.2`] });
  });

  test('no HA step, no Directory Server upgrade, start-msg without ha', () => {
    for (const id of [...HA_STEPS, 'ds-setup', 'ds-ims-dssetup', 'ms-setup-after-ds', 'unmount-store', 'mount-store', 'stop-web', 'web-server-upgrade', 'delegated-admin', 'export-users', 'export-pab']) {
      expect(ids(p)).not.toContain(id);
    }
    expect(step(p, 'start-msg').commands).toEqual([[`${INST}/start-msg`]]);
    expect(ids(p)).toContain('ims-dssetup');
  });

  test('setup -k with the default components, Upgrade, the LDAP URL', () => {
    const s = step(p, 'ms-setup');
    expect(s.kind).toBe('manual');
    expect(s.instructions).toContain('./setup -k');
    expect(s.instructions).toContain('/cd/solaris/setup');
    expect(s.checklist?.join('\n')).toContain('default components (1, 2 (Directory Server Components), 3 and 4)');
    expect(s.checklist?.join('\n')).toContain('[2] Upgrade');
    expect(s.checklist?.join('\n')).toContain('ldap://localhost:389');
  });

  test('post-upgrade 1-7 in order, with the comparison of backup.TIMESTAMP', () => {
    const post = ['compare-config', 'reapply-customisations', 'save-results', 'remove-empty-store', 'store-back', 'ims-dssetup', 'start-msg', 'check-mail-log', 'check-queue'];
    expect(ids(p).filter((id) => post.includes(id))).toEqual(post);
    expect(step(p, 'compare-config').params).toEqual({ old: `${INST}/backup.*`, new: INST, paths: ['config/local.conf', 'config/msg.conf', 'imta/config', 'html'] });
    expect(step(p, 'save-results').params).toMatchObject({
      source: `${SR}/setup`,
      extraFiles: [`${INST}/config/local.conf`, `${INST}/config/msg.conf`, `${SR}/admin-serv/config/adm.conf`],
    });
    expect(step(p, 'check-mail-log').commands).toEqual([['grep', '-n', '-i', 'error', `${INST}/log/imta/mail.log_current`]]);
  });

  test('restore points: restart-old before the backup, the backout after it', () => {
    expect(step(p, 'stop-dispatcher').restorePoint).toBe('restart-old');
    expect(step(p, 'ms-setup').restorePoint).toBe('backout');
    expect(rollback(p, 'restart-old')).toEqual(['store-back', 'start-admin', 'start-msg']);
    expect(rollback(p, 'backout')).toEqual([
      'stop-msg', 'stop-slapd', 'stop-admin', 'store-in-place', 'store-out', 'restore-server-root', 'store-back',
      'check-directory', 'start-admin', 'start-slapd', 'start-msg',
    ]);
    const backout = p.restorePoints.find((r) => r.id === 'backout');
    expect(backout?.rollback.find((s) => s.id === 'restore-server-root')?.params).toEqual({ archive: `${R}/var/tmp/ims52-upgrade/server-root.tar.gz`, target: SR });
    expect(backout?.rollback.find((s) => s.id === 'store-out')?.params).toMatchObject({ from: STORE, to: `${SR}.store-primary` });
  });
});

describe('iplanet: High Availability variants', () => {
  test('Sun Cluster 2.2: hareg -n and -u iMS50 after the stops, the agent after setup', () => {
    const p = plan({ ha: 'sun-cluster-2.2' });
    expect(ids(p)[0]).toBe('sc22-physical-host');
    expect(step(p, 'sc22-stop').commands).toEqual([['hareg', '-n', 'iMS50']]);
    expect(step(p, 'sc22-unregister').commands).toEqual([['hareg', '-u', 'iMS50']]);
    expect(ids(p).indexOf('stop-msg')).toBeLessThan(ids(p).indexOf('sc22-stop'));
    expect(ids(p).indexOf('sc22-unregister')).toBeLessThan(ids(p).indexOf('directory-running'));
    expect(ids(p).indexOf('ms-setup')).toBeLessThan(ids(p).indexOf('sc22-agent'));
    expect(step(p, 'start-msg-ha').commands).toEqual([[`${INST}/start-msg`, 'ha']]);
    for (const id of ['vcs-offline', 'vcs-dependencies', 'sc3-agent', 'start-msg']) expect(ids(p)).not.toContain(id);
    expect(rollback(p, 'restart-old')).toEqual(['store-back', 'start-admin', 'cluster-back-sc22', 'start-msg-ha']);
  });

  test('Veritas Cluster Server: group offline, unlink, online, then the dependency tree again', () => {
    const p = plan({ ha: 'vcs' });
    const vcs = ['vcs-offline', 'vcs-unlink', 'vcs-online', 'directory-running', 'backup-server-root', 'ms-setup', 'vcs-dependencies', 'start-msg-ha'];
    expect(ids(p).filter((id) => vcs.includes(id))).toEqual(vcs);
    for (const id of ['sc22-stop', 'sc3-agent', 'start-msg']) expect(ids(p)).not.toContain(id);
  });

  test('Sun Cluster 3: the plain upgrade, then SUNWscims on every node', () => {
    const p = plan({ ha: 'sun-cluster-3' });
    expect(step(p, 'sc3-agent').runsOn).toBe('all');
    expect(step(p, 'sc3-agent').instructions).toContain('SUNWscims');
    expect(ids(p)).toContain('start-msg-ha');
    for (const id of ['sc22-stop', 'vcs-offline', 'start-msg']) expect(ids(p)).not.toContain(id);
  });
});

describe('iplanet: the other branches', () => {
  test('Directory Server older than 4.16: upgraded first, once per instance, then setup with 1, 3, 4', () => {
    const p = plan({ directory_server_version: '4.13', slapd_instances: ['slapd-budgie', 'slapd-ug'] });
    const order = ['backup-server-root', 'ds-setup-1', 'ds-setup-2', 'ds-ims-dssetup', 'ms-setup-after-ds'];
    expect(ids(p).filter((id) => order.includes(id))).toEqual(order);
    expect(step(p, 'ds-setup-2').title).toContain('slapd-ug');
    expect(step(p, 'ds-setup-1').checklist?.[0]).toContain('1 (Netscape Server Products Core Components), 2 (Netscape Directory Suite) and 3 (Administration Services), not 4');
    expect(step(p, 'ms-setup-after-ds').checklist?.[0]).toContain('components 1 (Netscape Server Products Core Components), 3 (Administration Services) and 4');
    // ims_dssetup ran with the Directory Server upgrade: post-upgrade step 3 is left out.
    expect(ids(p)).not.toContain('ims-dssetup');
    expect(ids(p)).not.toContain('ms-setup');
    expect(step(p, 'db2ldif-2').commands).toEqual([[`${SR}/slapd-ug/db2ldif`]]);
    expect(rollback(p, 'backout')).toEqual(expect.arrayContaining(['stop-slapd-1', 'stop-slapd-2', 'start-slapd-1', 'start-slapd-2']));
  });

  test.each(['4.16', '5.1'])('Directory Server %s: no Directory Server upgrade', (v) => {
    const p = plan({ directory_server_version: v });
    expect(ids(p).some((id) => id.startsWith('ds-'))).toBe(false);
    expect(ids(p)).toContain('ms-setup');
  });

  test('a mounted store is unmounted and mounted again instead of renamed', () => {
    const p = plan({ store_mounted: 'yes' });
    expect(step(p, 'unmount-store').commands).toEqual([['umount', STORE]]);
    expect(step(p, 'mount-store').commands).toEqual([['mount', STORE]]);
    for (const id of ['rename-store', 'empty-store', 'store-back']) expect(ids(p)).not.toContain(id);
    expect(ids(p).indexOf('unmount-store')).toBeLessThan(ids(p).indexOf('backup-server-root'));
    expect(rollback(p, 'backout')).toEqual(expect.arrayContaining(['unmount-store', 'mount-store']));
    expect(rollback(p, 'backout')).not.toContain('store-out');
  });

  test('Web Server and Delegated Administrator', () => {
    const p = plan({ web_server: 'yes', webserver_root: '/usr/iplanet/servers', web_instance: 'https-budgie', delegated_admin: 'yes' });
    expect(step(p, 'stop-web').commands).toEqual([[`${R}/usr/iplanet/servers/https-admserv/stop`], [`${R}/usr/iplanet/servers/https-budgie/stop`]]);
    expect(ids(p)).toEqual(expect.arrayContaining(['web-server-upgrade', 'delegated-admin']));
    const backout = rollback(p, 'backout');
    expect(backout.slice(0, 3)).toEqual(['stop-da', 'stop-web', 'stop-msg']);
    expect(backout.slice(-3)).toEqual(['start-msg', 'start-web', 'start-da']);
    expect(missingAnswers(def, { ...base, web_server: 'yes' }).map((q) => q.id)).toContain('web_instance');
  });

  test('the ldapsearch exports: password through a file, never in the plan', () => {
    const p = plan({ ldif_exports: 'yes', ug_suffix: 'o=siroe.com', bind_password: PASSWORD });
    const users = step(p, 'export-users');
    expect(users.commands).toEqual([
      [`${SR}/shared/bin/ldapsearch`, '-L', '-h', 'localhost', '-p', '389', '-D', 'cn=Directory Manager', '-j', '{secret-file:bind_password}', '-b', 'o=siroe.com', 'objectclass=inetlocalmailrecipient'],
    ]);
    expect(users.params.stdout).toBe(`${R}/var/tmp/ims52-upgrade/ug.ldif`);
    expect(step(p, 'export-pab').commands?.[0]?.slice(-3)).toEqual(['-b', 'o=pab', 'objectclass=*']);
    expect(p.answers.bind_password).toBe('****');
    expect(JSON.stringify(p)).not.toContain(PASSWORD);
    expect(missingAnswers(def, withDefaults(def, { ...base, ldif_exports: 'yes' })).map((q) => q.id)).toEqual(['ug_suffix', 'bind_password']);
    expect(missingAnswers(def, withDefaults(def, base)).map((q) => q.id)).not.toContain('bind_password');
  });
});

describe('iplanet: blockers', () => {
  test.each(['5.0', '5.1', '5.1.1'])('from %s is upgradable', (from) => {
    expect(plan({ from }).blockers).toEqual([]);
  });
  test.each(['4.1', '5.2', '6.0'])('from %s is refused', (from) => {
    expect(plan({ from }).blockers.map((b) => b.id)).toEqual(['unsupported-version']);
  });
  test('the installation binaries are needed', () => {
    expect(plan({}, facts(false)).blockers.map((b) => b.id)).toEqual(['media-missing:ims52']);
  });
});

describe('iplanet: a backup directory inside server-root', () => {
  test.each([
    ['/usr/iplanet/server5/backup', `answer "Where the backups go (outside server-root)" (backup_dir, now /usr/iplanet/server5/backup) with a directory outside ${SR}`],
    // server-root itself: the answers of server_root and backup_dir are the same path; which one is wrong is not told.
    ['/usr/iplanet/server5', `put the archive of step backup-server-root outside ${SR}`],
  ])('%s is a blocker naming both paths and what to do', (dir, fix) => {
    const p = plan({ backup_dir: dir });
    const b = p.blockers.find((x) => x.id === 'backup-inside-source:backup-server-root');
    expect(b?.step).toBe('backup-server-root');
    expect(b?.message).toContain(`${R}${dir}/server-root.tar.gz`);
    expect(b?.message).toContain(`inside ${SR},`);
    expect(b?.fix).toBe(fix);
    expect(p.blockers.map((x) => x.id)).toEqual(['backup-inside-source:backup-server-root']);
  });

  test.each(['/usr/iplanet/server5-backup', '/usr/iplanet', '/var/tmp/ims52-upgrade'])('%s (outside server-root) is fine', (dir) => {
    expect(plan({ backup_dir: dir }).blockers).toEqual([]);
  });

  test('said in Japanese too', () => {
    const b = plan({ backup_dir: '/usr/iplanet/server5/backup' }, facts(), 'ja').blockers[0];
    expect(b?.message).toContain('バックアップ対象');
    expect(b?.fix).toContain('バックアップの保存先ディレクトリ');
  });
});

describe('iplanet: the backout with High Availability', () => {
  const sc22 = plan({ ha: 'sun-cluster-2.2' });
  const vcs = plan({ ha: 'vcs' });
  const sc3 = plan({ ha: 'sun-cluster-3' });
  const rstep = (p: Plan, point: string, id: string) => {
    const s = p.restorePoints.find((r) => r.id === point)?.rollback.find((x) => x.id === id);
    if (!s) throw new Error(`no ${point}/${id} in ${rollback(p, point).join(', ')}`);
    return s;
  };

  test('Sun Cluster 2.2: iMS50 let go of where the Messaging Server stops, given back before start-msg ha', () => {
    expect(rollback(sc22, 'backout')).toEqual([
      'cluster-hold-sc22-stop', 'cluster-hold-sc22-unregister', 'stop-msg', 'stop-slapd', 'stop-admin', 'store-in-place', 'store-out',
      'restore-server-root', 'store-back', 'check-directory', 'start-admin', 'start-slapd', 'cluster-back-sc22', 'start-msg-ha',
    ]);
    expect(rstep(sc22, 'backout', 'cluster-hold-sc22-stop').commands).toEqual([['hareg', '-n', 'iMS50']]);
    expect(rstep(sc22, 'backout', 'cluster-hold-sc22-stop').allowFailure).toBe(true);
    expect(rstep(sc22, 'backout', 'cluster-hold-sc22-unregister').commands).toEqual([['hareg', '-u', 'iMS50']]);
    expect(rstep(sc22, 'backout', 'cluster-back-sc22').instructions).toContain('hareg -y iMS50');
    expect(rstep(sc22, 'backout', 'start-msg-ha').commands).toEqual([[`${INST}/start-msg`, 'ha']]);
  });

  test('VCS: the dependencies removed again first, restored before start-msg ha', () => {
    const b = rollback(plan({ ha: 'vcs', web_server: 'yes', webserver_root: '/usr/iplanet/servers', web_instance: 'https-budgie', delegated_admin: 'yes' }), 'backout');
    // The seed's stop order holds: Delegated Administrator, Web Server, then the Messaging Server (the cluster's).
    expect(b.slice(0, 4)).toEqual(['stop-da', 'stop-web', 'cluster-hold-vcs', 'stop-msg']);
    expect(b.slice(-4)).toEqual(['cluster-back-vcs', 'start-msg-ha', 'start-web', 'start-da']);
    expect(rstep(vcs, 'backout', 'cluster-back-vcs').instructions).toContain('mail, logical_IP and mountshared');
    expect(rollback(vcs, 'restart-old')).toEqual(['store-back', 'start-admin', 'cluster-back-vcs', 'start-msg-ha']);
  });

  test('Sun Cluster 3.x: the 5.2 SUNWscims agent taken back off every node; restart-old speaks of Sun Cluster 3.x only', () => {
    expect(rollback(sc3, 'backout')[0]).toBe('cluster-hold-sc3');
    expect(rollback(sc3, 'backout').slice(-2)).toEqual(['cluster-back-sc3', 'start-msg-ha']);
    const back = rstep(sc3, 'backout', 'cluster-back-sc3').instructions ?? '';
    expect(back).toContain('pkgrm SUNWscims');
    expect(back).toContain('every cluster node');
    const old = rstep(sc3, 'restart-old', 'cluster-back-sc3').instructions ?? '';
    expect(old).toContain('scstat -g');
    expect(old).not.toMatch(/2\.2|Veritas|hareg/);
  });

  test('no plain start-msg, and no cluster step outside its own cluster', () => {
    for (const p of [sc22, vcs, sc3]) {
      for (const point of ['restart-old', 'backout']) {
        expect(rollback(p, point)).not.toContain('start-msg');
        expect(rollback(p, point)).toContain('start-msg-ha');
      }
    }
    expect([...rollback(sc22, 'backout'), ...rollback(sc3, 'backout')].some((id) => id.endsWith('-vcs'))).toBe(false);
    expect(rollback(plan(), 'backout').some((id) => id.startsWith('cluster-'))).toBe(false);
  });
});

describe('iplanet: the order after the upgrade', () => {
  test.each([
    ['sun-cluster-2.2', 'sc22-agent'],
    ['vcs', 'vcs-dependencies'],
    ['sun-cluster-3', 'sc3-agent'],
  ])('%s: comparison, customisations and the store back before the cluster set-up, start-msg ha after it', (ha, cluster) => {
    const p = plan({ ha });
    const order = ['ms-setup', 'compare-config', 'reapply-customisations', 'save-results', 'remove-empty-store', 'store-back', cluster, 'ims-dssetup', 'start-msg-ha'];
    expect(ids(p).filter((id) => order.includes(id))).toEqual(order);
  });

  test("the empty directory in the store's place is removed with rmdir (only ever an empty one) before the store comes back", () => {
    const p = plan();
    expect(step(p, 'remove-empty-store').commands).toEqual([['rmdir', STORE]]);
    expect(step(p, 'remove-empty-store').skippable).toBe(true);
    expect(ids(plan({ store_mounted: 'yes' }))).not.toContain('remove-empty-store');
  });

  test('the Directory Server data is checked while slapd is stopped, before it starts', () => {
    const b = rollback(plan({ slapd_instances: ['slapd-budgie', 'slapd-ug'] }), 'backout');
    expect(b.indexOf('check-directory')).toBeGreaterThan(b.indexOf('stop-slapd-2'));
    expect(b.indexOf('check-directory')).toBeGreaterThan(b.indexOf('restore-server-root'));
    expect(b.indexOf('check-directory')).toBeLessThan(b.indexOf('start-slapd-1'));
    const s = plan().restorePoints.find((r) => r.id === 'backout')?.rollback.find((x) => x.id === 'check-directory');
    expect(s?.instructions).toContain('while slapd is stopped');
    expect(s?.instructions).toContain('ldif2db -i');
  });
});

describe('iplanet: the Web Server after the upgrade', () => {
  const web = { web_server: 'yes', webserver_root: '/usr/iplanet/servers', web_instance: 'https-budgie' };

  test('still stopped: the upgrade step and the end of the run say so, with the commands', () => {
    const p = plan(web);
    expect(step(p, 'web-server-upgrade').instructions).toContain('still stopped');
    expect(p.next).toHaveLength(1);
    expect(p.next?.[0]).toContain('/usr/iplanet/servers/https-admserv/start, then /usr/iplanet/servers/https-budgie/start');
    // No Delegated Administrator (base: delegated_admin=no): none is spoken of.
    expect(p.next?.[0]).not.toContain('Delegated Administrator');
    expect(plan({ ...web, delegated_admin: 'yes' }).next?.[0]).toContain('The Delegated Administrator runs inside the Web Server');
    expect(plan().next).toBeUndefined();
  });

  test('a Web Server already on 6.0 SP2 has no upgrade step, and is still said to be stopped', () => {
    expect(withDefaults(def, { ...base, ...web }).web_server_sp2).toBe('no');
    const p = plan({ ...web, web_server_sp2: 'yes' });
    expect(ids(p)).not.toContain('web-server-upgrade');
    expect(ids(p)).toContain('stop-web');
    expect(p.next?.[0]).toContain('https-budgie/start');
  });
});

describe('iplanet: wordings', () => {
  test('Sun Cluster 2.2: the physical host that masters the logical host, in the title and the instructions', () => {
    const s = step(plan({ ha: 'sun-cluster-2.2' }), 'sc22-physical-host');
    expect(s.title).toContain('physical host that currently masters the logical host');
    expect(s.instructions).toContain('physical host that currently masters (controls) the logical host');
    expect(s.instructions).not.toContain('controlled by the logical host');
  });

  test('a move skipped when its directory does not exist is not said to be "not installed"', () => {
    const text = formatPlan(plan({ ha: 'sun-cluster-2.2' }), { color: false });
    expect(text).toContain('skipped when its service, file or directory does not exist');
    expect(text).not.toContain('not installed');
  });
});

describe('iplanet: texts', () => {
  test('every step and restore point speaks Japanese and English', () => {
    const answers = { ha: 'vcs', directory_server_version: '4.13', web_server: 'yes', web_instance: 'https-budgie', delegated_admin: 'yes', ldif_exports: 'yes', ug_suffix: 'o=siroe.com', bind_password: PASSWORD };
    const ja = plan(answers, facts(), 'ja');
    const en = plan(answers, facts(), 'en');
    const jp = /[\u3040-\u30ff\u4e00-\u9fff]/;
    ja.steps.forEach((s, i) => {
      expect(s.title).toMatch(jp);
      expect(en.steps[i]?.title).not.toMatch(jp);
    });
    for (const rp of ja.restorePoints) for (const s of rp.rollback) expect(s.title).toMatch(jp);
    for (const rp of en.restorePoints) for (const s of rp.rollback) expect(s.title).not.toMatch(jp);
  });
});
