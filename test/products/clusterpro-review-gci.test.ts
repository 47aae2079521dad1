// CLUSTERPRO review fixes: the cluster-wide steps (3.1.2 (2), 3.1.4 (2), (7)) run from server 2
// when server 1 already runs 2.1.3-1; the new installation's licence before the check of 3.1.5;
// a rolling update of three servers is a warning; the Builder's version warning on Windows.
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { runCli } from '../helpers/cli.js';
import { buildClusterproSandbox, facts, plan } from '../helpers/clusterpro-sandbox.js';

const ids = (p: Plan): string[] => p.steps.map((s) => s.id);
const blockers = (p: Plan): string[] => p.blockers.map((b) => b.id);
const step = (p: Plan, id: string) => {
  const s = p.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${ids(p).join(', ')}`);
  return s;
};
const servers = ['node1', 'node2'];

describe('clusterpro: server 1 already at 2.1.3-1, update and no-stop modes', () => {
  test.each(['update', 'nostop'])('%s: server 1 is told that server 2 runs the cluster-wide steps, in both languages', (mode) => {
    const en = plan({ mode, server: 'server1', from: '2.1.3-1', servers });
    expect(blockers(en)).toEqual(['already-updated-cluster-steps']);
    expect(en.blockers[0]?.fix).toContain('answer "Which server runs the cluster-wide steps?" with server 2 (cluster_steps=server2)');
    const ja = plan({ mode, server: 'server1', from: '2.1.3-1', servers }, facts(), 'ja');
    expect(ja.blockers[0]?.fix).toContain('サーバ2 (cluster_steps=server2)');
    // Answered so, server 1 has only the usual "nothing to do".
    expect(blockers(plan({ mode, server: 'server1', from: '2.1.3-1', servers, cluster_steps: 'server2' }))).toEqual(['already-updated']);
  });

  test('update: server 2 shuts the cluster down itself instead of waiting for server 1', () => {
    const before = plan({ mode: 'update', server: 'server2', webmanager: 'no', servers });
    expect(ids(before)).not.toContain('u-clpstdn');
    const p = plan({ mode: 'update', server: 'server2', webmanager: 'no', servers, cluster_steps: 'server2' });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toEqual(['u-chkconfig-del', 'u-wait-del', 'u-clpstdn', 'u-restart', 'u-rpm', 'u-chkconfig-add', 'u-wait-add', 'u-reboot', 'verify-version']);
    expect(step(p, 'u-clpstdn').commands).toEqual([['clpstdn']]);
    expect(step(p, 'u-clpstdn').explain).toContain('Run once, from one server (this one).');
    expect(step(p, 'u-restart').instructions).toContain('(run once, from server 2 (the second of node1, node2))');
    const web = plan({ mode: 'update', server: 'server2', webmanager: 'yes', servers, cluster_steps: 'server2' });
    expect(ids(web)).toEqual(expect.arrayContaining(['u-shutdown-webmanager', 'u-browser']));
    // Server 1 (not at 2.1.3-1 yet, say) then waits for server 2.
    const one = plan({ mode: 'update', server: 'server1', webmanager: 'no', servers, cluster_steps: 'server2' }, facts(), 'ja');
    expect(ids(one)).not.toContain('u-clpstdn');
    expect(step(one, 'u-restart').instructions).toContain('サーバ2 (node1, node2 の2台目) から1回');
  });

  test('no-stop: server 2 suspends and resumes the cluster; its rollback resumes it too', () => {
    const p = plan({ mode: 'nostop', server: 'server2', webmanager: 'no', servers, cluster_steps: 'server2' });
    expect(p.blockers).toEqual([]);
    expect(ids(p).slice(0, 3)).toEqual(['n-clpstat', 'n-status', 'n-suspend']);
    expect(ids(p)).toContain('n-resume');
    expect(ids(p)).not.toContain('n-wait-suspend');
    expect(step(p, 'n-suspend').commands).toEqual([['clpcl', '--suspend']]);
    const rp = p.restorePoints.find((r) => r.id === 'nostop-services-stopped');
    expect(rp?.rollback.map((s) => s.id)).toContain('rb-resume');
    expect(rp?.explain).toContain('server 2 (the second of node1, node2) resumes the cluster');
    const one = plan({ mode: 'nostop', server: 'server1', webmanager: 'no', servers, cluster_steps: 'server2' });
    expect(ids(one)[0]).toBe('n-wait-suspend');
    expect(step(one, 'n-wait-suspend').instructions).toBe('Make sure clpcl --suspend has been run on server 2 (the second of node1, node2).');
    expect(one.restorePoints.find((r) => r.id === 'nostop-services-stopped')?.rollback.map((s) => s.id)).not.toContain('rb-resume');
  });

  test('by default nothing changes: server 1 runs them', () => {
    expect(plan({ mode: 'nostop', server: 'server1', webmanager: 'no', servers }).answers.cluster_steps).toBe('server1');
    expect(ids(plan({ mode: 'nostop', server: 'server1', webmanager: 'no', servers }))).toContain('n-suspend');
    expect(ids(plan({ mode: 'nostop', server: 'server2', webmanager: 'no', servers }))[0]).toBe('n-wait-suspend');
  });

  test('end to end, no-stop on server 2 when server 1 is done: suspend, update, resume on this server', async () => {
    const s = buildClusterproSandbox({ installed: '2.0.3-1', arch: 'i686', hostname: 'node2' });
    const r = await runCli(
      ['run', '--product', 'clusterpro', '--yes', '--root', s.root, '--log-dir', s.logs, '--media', s.media,
        ...['component=server', 'mode=nostop', 'webmanager=no', 'servers=node1,node2', 'replicator=no', 'cluster_steps=server2'].flatMap((v) => ['--set', v])],
      { env: s.env },
    );
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    const work = s.calls().filter((c) => c !== 'rpm -qi clusterpro' && !c.startsWith('hostname') && !c.startsWith('uname'));
    expect(work[0]).toBe('clpstat');
    expect(work[1]).toBe('clpcl --suspend');
    expect(work).toContain(`rpm -U ${s.media}/clusterpro-2.1.3-1.i686.rpm`);
    expect(work.at(-1)).toBe('clpcl --resume');
  }, 60_000);
});

describe('clusterpro: new installation (3.1.1 (3), 3.1.5)', () => {
  test('restart, licence registration, then the version check', () => {
    expect(ids(plan({ mode: 'install' }))).toEqual(['i-rpm', 'i-reboot', 'i-license', 'verify-version']);
  });
});

describe('clusterpro: a rolling update of three servers (3.1.3)', () => {
  test('a warning that the text is written for two servers, not a blocker', () => {
    const p = plan({ mode: 'rolling', server: 'server1', servers: ['a', 'b', 'c'] });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toContain('r1-rpm');
    expect(p.warnings.join('\n')).toContain('is written for two servers (server 1, server 2): a, b, c.');
    expect(p.warnings.join('\n')).toContain('mode=update (3.1.2) is recommended');
    const ja = plan({ mode: 'rolling', server: 'server1', servers: ['a', 'b', 'c'] }, facts(), 'ja');
    expect(ja.warnings.join('\n')).toContain('手順書は2台構成 (サーバ1・サーバ2) で書かれています: a, b, c');
  });
});

describe('clusterpro: the Builder on Windows (2.2)', () => {
  test.each(['install', 'update'])('builder_mode=%s: the warning on version combinations, as on Linux', (builder_mode) => {
    for (const [lang, words] of [['en', 'Some combinations of server and Builder versions do not work'], ['ja', 'バージョンの組み合わせによっては動作しない場合があります']] as const) {
      const win = plan({ component: 'builder', builder_mode, builder_os: 'windows', from: '2.0.0-1' }, facts(), lang);
      expect(step(win, 'b-install-windows').explain).toContain(words);
      const linux = plan({ component: 'builder', builder_mode, builder_os: 'linux', from: '2.0.0-1' }, facts(), lang);
      expect(linux.steps.find((s) => s.kind === 'command' && s.commands?.[0]?.includes('-i'))?.explain).toContain(words);
    }
  });
});
