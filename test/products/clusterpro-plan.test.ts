// The CLUSTERPRO step list for every combination of the answers that changes it: mode, which
// server this run is (server 1 runs the one-server steps), WebManager, kernel update, Replicator;
// the exact argv of the commands; and the texts in both languages.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { withDefaults } from '../../src/plan/questions.js';
import { def, facts, plan, ROOT } from '../helpers/clusterpro-sandbox.js';

const ids = (p: Plan): string[] => p.steps.map((s) => s.id);
const argv = (p: Plan, id: string): string[][] | undefined => p.steps.find((s) => s.id === id)?.commands;

/** `list` with `items` inserted right after `after` (at the start when after is null). */
function insert(list: string[], after: string | null, ...items: string[]): string[] {
  const at = after === null ? 0 : list.indexOf(after) + 1;
  if (after !== null && at === 0) throw new Error(`${after} not in ${list.join(',')}`);
  return [...list.slice(0, at), ...items, ...list.slice(at)];
}
const swap = (list: string[], from: string, to: string): string[] => list.map((id) => (id === from ? to : id));
const drop = (list: string[], ...gone: string[]): string[] => list.filter((id) => !gone.includes(id));

type YN = 'yes' | 'no';
const YESNO: YN[] = ['yes', 'no'];
const combos = <T>(lists: T[][]): T[][] => lists.reduce<T[][]>((acc, l) => acc.flatMap((a) => l.map((x) => [...a, x])), [[]]);

// ---------------------------------------------------------------- the procedure, written out
function updateLike(prefix: 'u' | 'd', server: string, w: YN, k: YN): string[] {
  const lead = server === 'server1';
  let l = prefix === 'd' ? ['d-check'] : [];
  l = [...l, `${prefix}-chkconfig-del`, `${prefix}-wait-del`];
  if (lead) l.push(w === 'yes' ? `${prefix}-shutdown-webmanager` : `${prefix}-clpstdn`);
  l.push(`${prefix}-restart`);
  if (k === 'yes') l.push(`${prefix}-kernel`, `${prefix}-kernel-reboot`);
  l.push(`${prefix}-rpm`, `${prefix}-chkconfig-add`, `${prefix}-wait-add`, `${prefix}-reboot`);
  if (lead && w === 'yes') l.push(`${prefix}-browser`);
  l.push(prefix === 'd' ? 'd-verify' : 'verify-version');
  return l;
}

function rolling(server: 'server1' | 'server2', w: YN, k: YN, r: YN, mirrors: string[]): string[] {
  const waits = (p: string): string[] => (mirrors.length === 1 ? [`${p}-mirror-wait`] : mirrors.map((_, i) => `${p}-mirror-wait-${i + 1}`));
  if (server === 'server2') {
    let l = ['r-precheck', w === 'yes' ? 'r2-move-webmanager' : 'r2-move', 'r2-chkconfig-del', w === 'yes' ? 'r2-down-webmanager' : 'r2-clpdown', 'r2-restart', 'r2-rpm', 'r2-chkconfig-add', 'r2-reboot', 'verify-version'];
    if (k === 'yes') l = insert(l, 'r2-restart', 'r2-kernel', 'r2-kernel-reboot');
    if (r === 'yes') l = insert(l, 'r2-reboot', 'r2-mirror-recovery', ...waits('r2'));
    return l;
  }
  let l = ['r1-server2-done', 'r1-move', w === 'yes' ? 'r1-browser' : 'r1-clpstat', 'r1-groups-check', 'r1-chkconfig-del', w === 'yes' ? 'r1-down-webmanager' : 'r1-clpdown', 'r1-restart', 'r1-rpm', 'r1-chkconfig-add', 'r1-reboot', 'r1-move-back', 'verify-version'];
  if (k === 'yes') l = insert(l, 'r1-restart', 'r1-kernel', 'r1-kernel-reboot');
  if (r === 'yes') l = insert(l, 'r1-reboot', 'r1-mirror-recovery', ...waits('r1'));
  return l;
}

const STOPS = ['n-stop-alertsync', 'n-stop-webmgr', 'n-stop-trn', 'n-stop-evt'];
const STARTS = ['n-start-evt', 'n-start-trn', 'n-start-webmgr', 'n-start-alertsync'];
function nostop(server: string, w: YN, k: YN): string[] {
  const lead = server === 'server1';
  const l = lead ? [...(w === 'no' ? ['n-clpstat'] : []), 'n-status', 'n-suspend'] : ['n-wait-suspend'];
  l.push(...STOPS, 'n-wait-stop', 'n-rpm', ...STARTS, 'n-wait-start');
  l.push(...(lead ? ['n-resume', ...(w === 'yes' ? ['n-browser'] : [])] : ['n-wait-resume']));
  // "kernelの更新はアップデートの作業が終了してから": after the update and its check.
  l.push('verify-version', ...(k === 'yes' ? ['n-kernel', 'n-kernel-reboot'] : []));
  return l;
}

describe('clusterpro: the step list of every combination', () => {
  test.each(YESNO)('install (3.1.1), kernel_update=%s', (k) => {
    // 3.1.1 (3): the licence right after the restart; the check of 3.1.5 comes after 3.1.1.
    const base = ['i-rpm', 'i-reboot', 'i-license', 'verify-version'];
    const p = plan({ mode: 'install', kernel_update: k });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toEqual(k === 'yes' ? ['i-kernel', 'i-kernel-reboot', 'i-kernel-check', ...base] : base);
  });

  test.each(combos<string>([['server1', 'server2', 'other'], YESNO, YESNO, YESNO]))(
    'update (3.1.2): server=%s webmanager=%s kernel_update=%s replicator=%s',
    (server, w, k, r) => {
      const servers = server === 'other' ? ['node1', 'node2', 'node3'] : ['node1', 'node2'];
      const p = plan({ mode: 'update', server, webmanager: w, kernel_update: k, replicator: r, servers });
      expect(p.blockers).toEqual([]);
      expect(ids(p)).toEqual(updateLike('u', server, w as YN, k as YN));
    },
  );

  test.each(combos<string>([['server1', 'server2', 'other'], YESNO, YESNO, YESNO]))(
    'downgrade (6): server=%s webmanager=%s kernel_update=%s replicator=%s',
    (server, w, k, r) => {
      const servers = server === 'other' ? ['node1', 'node2', 'node3'] : ['node1', 'node2'];
      const p = plan({ mode: 'downgrade', downgrade_to: '2.1.2-1', from: '2.1.3-1', server, webmanager: w, kernel_update: k, replicator: r, servers });
      expect(p.blockers).toEqual([]);
      expect(ids(p)).toEqual(updateLike('d', server, w as YN, k as YN));
    },
  );

  test.each(combos<string>([['server2', 'server1'], YESNO, YESNO, YESNO]))(
    'rolling (3.1.3): server=%s webmanager=%s kernel_update=%s replicator=%s',
    (server, w, k, r) => {
      const mirrors = ['md1', 'md2'];
      const p = plan({ mode: 'rolling', server, webmanager: w, kernel_update: k, replicator: r, ...(r === 'yes' ? { mirrors } : {}) });
      expect(p.blockers).toEqual([]);
      expect(ids(p)).toEqual(rolling(server as 'server1' | 'server2', w as YN, k as YN, r as YN, mirrors));
    },
  );

  test('rolling with a single mirror disk keeps the plain step id', () => {
    expect(ids(plan({ mode: 'rolling', server: 'server2', replicator: 'yes', mirrors: ['md1'] }))).toEqual(rolling('server2', 'no', 'no', 'yes', ['md1']));
  });

  test("server 2's part ends with the check of 3.1.5; going on to server 1 is the plan's `next`, not a step to confirm", () => {
    const p = plan({ mode: 'rolling', server: 'server2' });
    expect(ids(p).at(-1)).toBe('verify-version');
    expect(p.steps.some((s) => /run this wizard on server 1/i.test(s.instructions ?? ''))).toBe(false);
  });

  test("the no-stop kernel update: the seed's timing, the group move marked as the wizard's note", () => {
    const en = plan({ mode: 'nostop', kernel_update: 'yes' }).steps.find((s) => s.id === 'n-kernel');
    expect(en?.instructions).toMatch(/^In a no-stop update the kernel is updated once the update work is over\. \(The wizard's note, not in the\s+procedure:/);
    const ja = plan({ mode: 'nostop', kernel_update: 'yes' }, facts(), 'ja').steps.find((s) => s.id === 'n-kernel');
    expect(ja?.instructions).toMatch(/^無停止アップデートでは kernel の更新はアップデートの作業が終了してから実施してください。\(ウィザードの補足、手順書にはありません/);
  });

  test("only server 2's part of a rolling update sends the operator on to server 1", () => {
    expect(plan({ mode: 'rolling', server: 'server2' }).next).toEqual(['on server 1 (the first of node1, node2), run this wizard with server=server1 and the same other answers. Its first step has you confirm that server 2\'s update is complete.']);
    for (const a of [{ mode: 'rolling', server: 'server1' }, { mode: 'update', server: 'server2' }, { mode: 'nostop', server: 'server2' }]) expect(plan(a).next).toBeUndefined();
  });

  test.each(combos<string>([['server1', 'server2', 'other'], YESNO, YESNO]))('no-stop (3.1.4): server=%s webmanager=%s kernel_update=%s', (server, w, k) => {
    const servers = server === 'other' ? ['node1', 'node2', 'node3'] : ['node1', 'node2'];
    const p = plan({ mode: 'nostop', server, webmanager: w, kernel_update: k, servers });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toEqual(nostop(server, w as YN, k as YN));
  });

  test.each(combos<string>([['install', 'update'], ['linux', 'windows']]))('Builder (3.2): %s on %s', (mode, os) => {
    const p = buildPlan(def, withDefaults(def, { component: 'builder', builder_mode: mode, builder_os: os, ...(mode === 'update' ? { from: '2.1.0-1' } : {}) }), facts(), 'en');
    expect(p.blockers).toEqual([]);
    const expected = {
      'install linux': ['b-install-linux', 'b-verify'],
      'update linux': ['b-uninstall-linux', 'b-reinstall-linux', 'b-verify'],
      'install windows': ['b-install-windows', 'b-verify'],
      'update windows': ['b-uninstall-windows', 'b-install-windows', 'b-verify'],
    }[`${mode} ${os}`];
    expect(ids(p)).toEqual(expected);
  });
});

describe('clusterpro: the commands, exactly', () => {
  const DEL = ['clusterpro_alertsync', 'clusterpro_webmgr', 'clusterpro', 'clusterpro_md', 'clusterpro_trn', 'clusterpro_evt'].map((s) => ['chkconfig', '--del', s]);
  const ADD = ['clusterpro_evt', 'clusterpro_trn', 'clusterpro_md', 'clusterpro', 'clusterpro_webmgr', 'clusterpro_alertsync'].map((s) => ['chkconfig', '--add', s]);

  test('chkconfig --del and --add in the order of the procedure, in every mode that uses them', () => {
    const u = plan({ mode: 'update' });
    expect(argv(u, 'u-chkconfig-del')).toEqual(DEL);
    expect(argv(u, 'u-chkconfig-add')).toEqual(ADD);
    const d = plan({ mode: 'downgrade', downgrade_to: '2.1.0-1' });
    expect([argv(d, 'd-chkconfig-del'), argv(d, 'd-chkconfig-add')]).toEqual([DEL, ADD]);
    const r2 = plan({ mode: 'rolling', server: 'server2' });
    expect([argv(r2, 'r2-chkconfig-del'), argv(r2, 'r2-chkconfig-add')]).toEqual([DEL, ADD]);
    const r1 = plan({ mode: 'rolling', server: 'server1' });
    expect([argv(r1, 'r1-chkconfig-del'), argv(r1, 'r1-chkconfig-add')]).toEqual([DEL, ADD]);
    expect(u.restorePoints.find((rp) => rp.id === 'autostart-removed')?.rollback[0]?.commands).toEqual(ADD);
  });

  test('rpm: -i for a new installation, -U for an update, -U --force for a downgrade', () => {
    const rpm = '/media/clusterpro-2.1.3-1.x86_64.rpm';
    expect(argv(plan({ mode: 'install' }), 'i-rpm')).toEqual([['rpm', '-i', rpm]]);
    expect(argv(plan({ mode: 'update' }), 'u-rpm')).toEqual([['rpm', '-U', rpm]]);
    expect(argv(plan({ mode: 'nostop' }), 'n-rpm')).toEqual([['rpm', '-U', rpm]]);
    expect(argv(plan({ mode: 'rolling', server: 'server2' }), 'r2-rpm')).toEqual([['rpm', '-U', rpm]]);
    expect(argv(plan({ mode: 'rolling', server: 'server1' }), 'r1-rpm')).toEqual([['rpm', '-U', rpm]]);
    expect(argv(plan({ mode: 'downgrade', downgrade_to: '2.1.2-1' }), 'd-rpm')).toEqual([['rpm', '-U', '/media/clusterpro-2.1.2-1.x86_64.rpm', '--force']]);
  });

  test('a missing rpm is a blocker naming it, never a half-made command', () => {
    const p = plan({ mode: 'update' }, facts({ mediaFiles: {} }));
    expect(p.blockers.map((b) => b.id)).toContain('media-missing:update_rpm');
    expect(p.blockers.map((b) => b.id)).not.toContain('media-missing:downgrade_rpm');
  });

  test('the cluster commands of server 1 and server 2', () => {
    expect(argv(plan({ mode: 'update' }), 'u-clpstdn')).toEqual([['clpstdn']]);
    expect(argv(plan({ mode: 'downgrade', downgrade_to: '2.1.2-1' }), 'd-clpstdn')).toEqual([['clpstdn']]);
    const r2 = plan({ mode: 'rolling', server: 'server2' });
    expect([argv(r2, 'r2-move'), argv(r2, 'r2-clpdown')]).toEqual([[['clpgrp', '-m']], [['clpdown']]]);
    const r1 = plan({ mode: 'rolling', server: 'server1' });
    expect([argv(r1, 'r1-move'), argv(r1, 'r1-clpstat'), argv(r1, 'r1-clpdown')]).toEqual([[['clpgrp', '-m']], [['clpstat']], [['clpdown']]]);
    const n = plan({ mode: 'nostop' });
    expect([argv(n, 'n-suspend'), argv(n, 'n-resume')]).toEqual([[['clpcl', '--suspend']], [['clpcl', '--resume']]]);
  });

  test('no-stop: the services other than the daemon, by their init scripts when there is no `service`', () => {
    const p = plan({ mode: 'nostop' });
    const all = [...STOPS, ...STARTS].map((id) => argv(p, id)?.[0]);
    expect(all).toEqual([
      ...['clusterpro_alertsync', 'clusterpro_webmgr', 'clusterpro_trn', 'clusterpro_evt'].map((s) => [`${ROOT}/etc/init.d/${s}`, 'stop']),
      ...['clusterpro_evt', 'clusterpro_trn', 'clusterpro_webmgr', 'clusterpro_alertsync'].map((s) => [`${ROOT}/etc/init.d/${s}`, 'start']),
    ]);
    expect(argv(plan({ mode: 'nostop' }, facts({ hasServiceCommand: true })), 'n-stop-alertsync')).toEqual([['service', 'clusterpro_alertsync', 'stop']]);
  });

  test('the checks of 3.1.5 and of the downgrade', () => {
    // 3.1.5 as the seed: rpm -qi clusterpro, the version read from its output (gating test).
    expect(argv(plan({ mode: 'update' }), 'verify-version')).toEqual([['rpm', '-qi', 'clusterpro']]);
    expect(argv(plan({ mode: 'downgrade', downgrade_to: '2.0.3-1' }), 'd-verify')).toEqual([['rpm', '-qi', 'clusterpro-2.0.3-1']]);
  });

  test('the mirror recovery wait: one clpmdstat per mirror disk resource, polled with a timeout', () => {
    const p = plan({ mode: 'rolling', server: 'server1', replicator: 'yes', mirrors: ['md1', 'md-data'] });
    expect(argv(p, 'r1-mirror-wait-1')).toEqual([['clpmdstat', '--mirror', 'md1']]);
    expect(argv(p, 'r1-mirror-wait-2')).toEqual([['clpmdstat', '--mirror', 'md-data']]);
    const v = p.steps.find((s) => s.id === 'r1-mirror-wait-2')?.params.verify as { waitSeconds: number; intervalSeconds: number };
    expect(v.waitSeconds).toBeGreaterThan(0);
    expect(v.intervalSeconds).toBeGreaterThan(0);
    expect(p.steps.find((s) => s.id === 'r1-mirror-wait-2')?.title).toContain('md-data');
  });
});

describe('clusterpro: where each step runs', () => {
  test('runsOn names all servers, one server, server 1 or server 2', () => {
    const on = (p: Plan, id: string): string | undefined => p.steps.find((s) => s.id === id)?.runsOn;
    const u = plan({ mode: 'update', webmanager: 'yes' });
    expect([on(u, 'u-chkconfig-del'), on(u, 'u-shutdown-webmanager'), on(u, 'u-browser'), on(u, 'verify-version')]).toEqual(['all', 'one', 'one', 'all']);
    const r2 = plan({ mode: 'rolling', server: 'server2' });
    expect(r2.steps.filter((s) => s.id.startsWith('r2-')).every((s) => s.runsOn === 'server2')).toBe(true);
    const r1 = plan({ mode: 'rolling', server: 'server1' });
    expect(r1.steps.filter((s) => s.id.startsWith('r1-') && s.id !== 'r1-move-back').every((s) => s.runsOn === 'server1')).toBe(true);
    // 3.1.3.6 is done on server 2 (or from WebManager), after server 1 is updated.
    expect(on(r1, 'r1-move-back')).toBe('server2');
    expect(every(plan({ mode: 'nostop' }), ['n-suspend', 'n-resume', 'n-status'], 'one')).toBe(true);
  });

  test('the Builder steps claim no server: the Builder goes on the management PC', () => {
    for (const answers of [
      { component: 'builder', builder_mode: 'update', builder_os: 'linux', from: '2.1.0-1' },
      { component: 'builder', builder_mode: 'install', builder_os: 'windows' },
    ]) {
      const p = buildPlan(def, withDefaults(def, answers), facts(), 'en');
      expect(p.steps.length).toBeGreaterThan(0);
      expect(p.steps.filter((s) => s.runsOn !== undefined).map((s) => s.id)).toEqual([]);
    }
  });

  test('the checkpoints that wait for the other servers name them', () => {
    const p = plan({ mode: 'update', servers: ['alpha', 'beta', 'gamma'], server: 'other' });
    expect(p.steps.find((s) => s.id === 'u-wait-del')?.instructions).toContain('alpha, beta, gamma');
  });
});

function every(p: Plan, idList: string[], runsOn: string): boolean {
  return idList.every((id) => p.steps.find((s) => s.id === id)?.runsOn === runsOn);
}

describe('clusterpro: Japanese and English for every text', () => {
  const JA = /[\u3040-\u30ff\u4e00-\u9fff]/;
  const cases: Answers[] = [
    { mode: 'install', kernel_update: 'yes' },
    { mode: 'update', webmanager: 'yes', kernel_update: 'yes' },
    { mode: 'rolling', server: 'server2', replicator: 'yes', mirrors: ['md1'], kernel_update: 'yes', webmanager: 'yes' },
    { mode: 'rolling', server: 'server1', replicator: 'yes', mirrors: ['md1'], webmanager: 'no' },
    { mode: 'nostop', server: 'server2', kernel_update: 'yes' },
    { mode: 'downgrade', downgrade_to: '2.1.0-1', webmanager: 'yes', kernel_update: 'yes' },
  ];
  test.each(cases)('%o', (answers) => {
    const ja = plan(answers, facts(), 'ja');
    const en = plan(answers, facts(), 'en');
    expect(ids(ja)).toEqual(ids(en));
    for (const [j, e] of ja.steps.map((s, i) => [s, en.steps[i]] as const)) {
      for (const key of ['title', 'explain', 'instructions'] as const) {
        if (j[key] === undefined) continue;
        expect(j[key], `${j.id}.${key}`).toMatch(JA);
        expect(e?.[key], `${j.id}.${key}`).not.toMatch(JA);
      }
    }
  });
});
