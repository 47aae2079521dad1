// The Groupmax step list for every branch of the procedure (appendix A.3 (1)-(3)), the services
// entries each version needs, and the blockers: versions outside the procedure, ports taken.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Facts } from '../../src/model/facts.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { loadDefinition } from '../../src/plan/load.js';
import { missingAnswers, withDefaults } from '../../src/plan/questions.js';

const def = loadDefinition(new URL('../../wizards/groupmax.yaml', import.meta.url).pathname);
const ROOT = '/sbx';
const UNIX_SERVICES = `${ROOT}/etc/services`;
const STOCK = 'ftp\t21/tcp\nssh\t22/tcp\n';

function facts(files: Record<string, string | null> = { [UNIX_SERVICES]: STOCK }): Facts {
  return { root: ROOT, mediaFiles: {}, isRoot: true, hasServiceCommand: false, runningServices: [], detected: {}, files };
}

const base: Answers = { from: '5', platform: 'unix', mail_server: 'no', journal: 'no', console: 'no', autostart: 'no' };

function plan(answers: Answers, f: Facts = facts(), lang: 'ja' | 'en' = 'en'): Plan {
  return buildPlan(def, withDefaults(def, { ...base, ...answers }), f, lang);
}
const ids = (p: Plan): string[] => p.steps.map((s) => s.id);
const entries = (p: Plan): string[] =>
  ((p.steps.find((s) => s.id === 'services')?.params.entries ?? []) as { name: string; port: number; protocol: string }[]).map(
    (e) => `${e.name} ${e.port}/${e.protocol}`,
  );

const COMMON = ['stop-address-service', 'stop-object-server', 'reboot', 'backup-old', 'install', 'start-object-server', 'start-address-service', 'backup-new'];
const V3_PORTS = ['imap 143/tcp', 'adrshd 20141/tcp'];
const V2_PORTS = [...V3_PORTS, 'pop3 110/tcp', 'popcfg 106/tcp'];
const V0200_PORTS = [...V2_PORTS, 'adagt_ap 9080/tcp', 'adreq_ap 9081/tcp'];

describe('groupmax: the version branches', () => {
  test.each(['5', '05-00', '05-10'])('from %s: no services change, no advup2_6, no setup screen', (from) => {
    const p = plan({ from });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toEqual(expect.arrayContaining(COMMON));
    expect(ids(p)).not.toContain('services');
    expect(ids(p)).not.toContain('advup2-6');
    expect(ids(p)).not.toContain('address-mail-setup');
  });

  test.each(['3', '03-00'])('from %s: imap and adrshd only', (from) => {
    const p = plan({ from });
    expect(p.blockers).toEqual([]);
    expect(entries(p)).toEqual(V3_PORTS);
    expect(ids(p)).not.toContain('advup2-6');
    expect(ids(p)).not.toContain('address-mail-setup');
    // The ports are in place before the services start.
    expect(ids(p).indexOf('services')).toBeLessThan(ids(p).indexOf('start-object-server'));
    expect(ids(p).indexOf('install')).toBeLessThan(ids(p).indexOf('services'));
  });

  test('from 02-00: six ports, advup2_6 then the Address_Mail setup screen', () => {
    const p = plan({ from: '02-00' });
    expect(p.blockers).toEqual([]);
    expect(entries(p)).toEqual(V0200_PORTS);
    const adv = p.steps.find((s) => s.id === 'advup2-6');
    expect(adv?.commands).toEqual([['advup2_6']]);
    const order = ['services', 'start-object-server', 'advup2-6', 'address-mail-setup', 'start-address-service'];
    expect(ids(p).filter((id) => order.includes(id))).toEqual(order);
  });

  test('from 02-05 (a later revision of 2.0): pop3 and popcfg but not the 02-00 ports', () => {
    const p = plan({ from: '02-05' });
    expect(entries(p)).toEqual(V2_PORTS);
    expect(ids(p)).toContain('advup2-6');
    expect(ids(p)).toContain('address-mail-setup');
  });

  test('from 2.0 asks which revision, and only 02-00 gets adagt_ap and adreq_ap', () => {
    expect(missingAnswers(def, { ...base, from: '2.0' }).map((q) => q.id)).toEqual(['v2_revision']);
    expect(missingAnswers(def, { ...base, from: '02-00' })).toEqual([]);
    expect(missingAnswers(def, { ...base, from: '3' })).toEqual([]);
    expect(entries(plan({ from: '2.0', v2_revision: '02-00' }))).toEqual(V0200_PORTS);
    const later = plan({ from: '2.0', v2_revision: 'later' });
    expect(entries(later)).toEqual(V2_PORTS);
    expect(ids(later)).toContain('advup2-6');
  });

  test.each(['4', '6', '1.0', '2.1', '04-00', '06-00', '01-00'])('from %s is a blocker', (from) => {
    const p = plan({ from });
    expect(p.blockers.map((b) => b.id)).toEqual(['unsupported-version']);
    expect(p.blockers[0]?.message).toContain(from);
  });
});

describe('groupmax: the other questions', () => {
  test('platform decides the services file', () => {
    expect(plan({ from: '3' }).steps.find((s) => s.id === 'services')?.params.file).toBe('/sbx/etc/services');
    const win = `${ROOT}/C/WINNT/system32/drivers/etc/services`;
    const p = plan({ from: '3', platform: 'windows', system_root: 'C:\\WINNT' }, facts({ [win]: STOCK }));
    expect(p.steps.find((s) => s.id === 'services')?.params.file).toBe(win);
    expect(p.blockers).toEqual([]);
    // On the real machine the root is empty and the vendor's path comes out.
    const real = buildPlan(def, withDefaults(def, { ...base, from: '3', platform: 'windows' }), { ...facts({}), root: '' }, 'en');
    expect(real.steps.find((s) => s.id === 'services')?.params.file).toBe('C:\\WINNT\\system32\\drivers\\etc\\services');
  });

  test('mail server: the mail application is started instead of the server', () => {
    expect(ids(plan({ mail_server: 'yes' }))).toContain('start-mail-application');
    expect(ids(plan({ mail_server: 'yes' }))).not.toContain('start-server');
    expect(ids(plan({ mail_server: 'no' }))).toContain('start-server');
    expect(ids(plan({ mail_server: 'no' }))).not.toContain('start-mail-application');
  });

  test('journal and console steps only when asked for', () => {
    expect(ids(plan({ journal: 'yes', console: 'yes' }))).toEqual(expect.arrayContaining(['clear-journal', 'start-console']));
    expect(ids(plan({}))).not.toContain('clear-journal');
    expect(ids(plan({}))).not.toContain('start-console');
  });

  test('autostart: turned off before the reboot, set back last, and in the rollback', () => {
    const p = plan({ from: '3', autostart: 'yes' });
    const list = ids(p);
    expect(list.indexOf('autostart-off')).toBe(list.indexOf('reboot') - 1);
    expect(list[list.length - 1]).toBe('autostart-on');
    expect(p.restorePoints.find((r) => r.id === 'restore-old')?.rollback.map((s) => s.id)).toContain('autostart-back');
    const q = plan({ from: '3', autostart: 'no' });
    expect(ids(q)).not.toContain('autostart-off');
    expect(ids(q)).not.toContain('autostart-on');
    expect(q.restorePoints.find((r) => r.id === 'restore-old')?.rollback.map((s) => s.id)).not.toContain('autostart-back');
  });

  test("the reboot step tells the operator to run the wizard's resume command", () => {
    const reboot = plan({}, facts(), 'ja').steps.find((s) => s.id === 'reboot');
    expect(reboot?.kind).toBe('reboot');
    expect(reboot?.manual).toBe(true);
    expect(reboot?.instructions).toContain('ウィザードの再開コマンド(停止時に表示されます)を実行すると');
    expect(ids(plan({})).indexOf('reboot')).toBeLessThan(ids(plan({})).indexOf('backup-old'));
  });
});

describe('groupmax: the services file as it is now', () => {
  const withFile = (text: string | null): Facts => facts({ [UNIX_SERVICES]: text });

  test('a port used by another name is a blocker naming the line', () => {
    const p = plan({ from: '02-00' }, withFile('ftp 21/tcp\n# mail\nimap2\t143/tcp\t\t# old IMAP\nweb 9080/tcp\n'));
    expect(p.blockers.map((b) => b.id)).toEqual(['services-port-conflict:imap', 'services-port-conflict:adagt_ap']);
    expect(p.blockers[0]?.message).toContain('line 3');
    expect(p.blockers[0]?.message).toContain('imap2\t143/tcp');
    expect(p.blockers[1]?.message).toContain('line 4 "web 9080/tcp"');
    expect(p.blockers[0]?.step).toBe('services');
  });

  test('a name given another port is a blocker too', () => {
    const p = plan({ from: '3' }, withFile('adrshd 20142/tcp\n'));
    expect(p.blockers.map((b) => b.id)).toEqual(['services-name-conflict:adrshd']);
    expect(p.blockers[0]?.message).toContain('line 1');
  });

  test('entries already there (also as an alias, other protocols aside) are no blocker', () => {
    const p = plan({ from: '2.0', v2_revision: 'later' }, withFile('imap2 143/tcp imap\npop3 110/tcp pop-3\npopcfg 106/udp\nadrshd 20141/tcp\n'));
    expect(p.blockers).toEqual([]);
  });

  test('a services file that cannot be read blocks the plan', () => {
    const p = plan({ from: '3' }, withFile(null));
    expect(p.blockers.map((b) => b.id)).toEqual(['services-unreadable:services']);
  });

  test('in Japanese too', () => {
    const p = plan({ from: '3' }, withFile('imap2 143/tcp\n'), 'ja');
    expect(p.blockers[0]?.message).toContain('1 行目');
    expect(p.blockers[0]?.message).toContain('別のサービス名');
  });
});

describe('groupmax: texts', () => {
  test('every step has a Japanese and an English title and instructions', () => {
    const answers = { from: '2.0', v2_revision: '02-00', mail_server: 'yes', journal: 'yes', console: 'yes', autostart: 'yes' };
    const ja = plan(answers, facts(), 'ja');
    const en = plan(answers, facts(), 'en');
    expect(ja.steps.length).toBe(en.steps.length);
    ja.steps.forEach((s, i) => {
      expect(s.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // English may quote the vendor's Japanese term (運転席), but is English around it.
      expect(en.steps[i]?.title.replace(/\(.*\)/, '')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      if (s.manual) expect(s.instructions ?? '').not.toBe('');
    });
  });
});
