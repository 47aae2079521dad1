// What a review of wizards/jobcenter.yaml against the guide (seed 002) found, as the operator meets
// it in the plan: cluster.exe run from %systemroot%\cluster, the cluster site's start checked by
// hand where the local site's daemons have the same names, downgrades refused, the standby-first
// rule matched on the same procedure, no version between two bands left without steps, the
// reason of "standby done elsewhere" only where it applies, the branches of "done elsewhere" on
// the Windows paths, and the Japanese texts of the order check, a contradicted answer and the end.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import { readableTime } from '../../src/io/backup-name.js';
import { buildPlan } from '../../src/plan/build.js';
import { loadDefinition } from '../../src/plan/load.js';
import { withDefaults } from '../../src/plan/questions.js';
import { def, facts, ids, plan, standbyRun } from './jobcenter-paths.js';

const MSCS_OLD = { cluster: 'mscs', arch: 'x64', to: 'R13.2', local_site: 'yes', clwin: 'no', systemroot: 'C:\\Windows' };
const blockerIds = (a: Answers, f = facts()): string[] => plan(a, f).blockers.map((b) => b.id);

describe('cluster /regext and /unregext run in %systemroot%\\cluster (the guide cd-s there first)', () => {
  test('every step that runs them, on every MSCS path that has them, has that folder as its cwd', () => {
    const seen = new Set<string>();
    for (const [operation, from] of [['versionup', 'R12.4'], ['versionup', 'R12.5'], ['patch', 'R12.4.1'], ['patch', 'R12.7.2']] as const) {
      for (const role of ['standby', 'active']) {
        const p = plan({ ...MSCS_OLD, operation, from, role, to: operation === 'patch' ? 'R12.7.2' : 'R13.2', replaced_dlls: ['jobcentercluster.dll'] });
        for (const s of p.steps.filter((x) => x.commands?.some((c) => c[0] === 'cluster' && /^\/(un)?regext:/.test(c[1] ?? '')))) {
          seen.add(s.id);
          // Under the sandbox root as the wizard maps Windows paths (ROOT/C/...).
          expect(s.params.cwd, s.id).toBe('/sbx/C/Windows/cluster');
        }
      }
    }
    expect([...seen].sort()).toEqual(
      ['s1121a-register-dll', 's1121a-unregister-dll', 's1121b-register-dll', 's1121b-unregister-dll', 's1122a-register-dll', 's1122a-unregister-dll', 's1122b-register-dll', 's1122b-unregister-dll', 's1221-register-dll', 's1221-unregister-dll', 's1222-register-dll', 's1222-unregister-dll'].sort(),
    );
  });
});

describe('UNIX patch, active node (3.2.3 step 8): the cluster site started', () => {
  const a = { cluster: 'unix', operation: 'patch', role: 'active', from: 'R13.1', to: 'R13.2.1' };
  test('with the local site used, a confirmed check that says why the wizard cannot tell, not a ps -ef by name', () => {
    const p = plan({ ...a, local_site: 'yes' });
    expect(ids(p).at(-1)).toBe('s323-check-started-by-hand');
    const step = p.steps.at(-1);
    expect(step?.manual).toBe(true);
    expect(step?.instructions).toContain('the local site\'s processes have the same names');
    expect(step?.instructions).toContain('ps -ef | grep nqs');
    expect(step?.instructions).toContain('jcdbs from R13.1');
    // No step after the patch looks for the processes by name (that would pass with the cluster site down).
    const afterRpm = p.steps.slice(ids(p).indexOf('s323-rpm'));
    expect(afterRpm.filter((s) => (s.params.verify as { expectEach?: string[] } | undefined)?.expectEach !== undefined)).toEqual([]);
    expect(plan({ ...a, local_site: 'yes' }, undefined, 'ja').steps.at(-1)?.instructions).toContain('ローカルサイトのプロセスも同じ名前');
  });

  test('with the local site stopped after the patch, the wizard still waits for the processes itself', () => {
    const p = plan({ ...a, local_site: 'no' });
    expect(ids(p).slice(-2)).toEqual(['s323-resume-monitoring', 's323-check-started-r131']);
    expect(ids(p)).toContain('s323-stop-local-after');
  });
});

describe('a version-up that is not to a newer version, a patch to an older one', () => {
  const vu = { ...MSCS_OLD, operation: 'versionup', role: 'standby' };
  test('refused, naming both versions and what to give instead, in both languages', () => {
    const p = plan({ ...vu, arch: 'x64', from: 'R13.1', to: 'R12.8' });
    expect(p.blockers.map((b) => b.id)).toEqual(['versionup-not-newer']);
    expect(p.blockers[0]?.message).toContain('(to=R12.8) is not newer than the installed one (from=R13.1)');
    expect(p.blockers[0]?.fix).toContain('operation=patch');
    expect(plan({ ...vu, from: 'R13.1', to: 'R12.8' }, undefined, 'ja').blockers[0]?.message).toContain('(to=R12.8)がインストール済みのバージョン(from=R13.1)より新しくありません');
    expect(blockerIds({ ...vu, from: 'R12.8', to: 'R12.8' })).toEqual(['versionup-not-newer']);
    expect(blockerIds({ cluster: 'unix', operation: 'versionup', role: 'standby', from: 'R13.2', to: 'R13.1' })).toEqual(['versionup-not-newer']);
    expect(blockerIds({ ...vu, from: 'R12.8', to: 'R13.2' })).toEqual([]);
  });

  test('a patch to an older version is refused on every cluster; a patch of the installed version is not', () => {
    for (const cluster of ['mscs', 'windows-other', 'unix']) {
      for (const operation of ['patch', 'rolling-patch']) {
        const a = { cluster, ...(cluster === 'mscs' ? { arch: 'x64' } : {}), operation, role: 'standby', from: 'R13.2', local_site: 'no' };
        expect(blockerIds({ ...a, to: 'R13.1' }), `${cluster} ${operation}`).toEqual(['patch-older']);
        expect(blockerIds({ ...a, to: 'R13.2' }), `${cluster} ${operation}`).toEqual([]);
      }
    }
    expect(plan({ cluster: 'unix', operation: 'patch', role: 'standby', from: 'R13.2', to: 'R13.1', local_site: 'no' }).blockers[0]?.message).toContain('(to=R13.1) is older than the installed one (from=R13.2)');
  });
});

describe('standby first: a standby run counts only for the same procedure', () => {
  const active = (a: Answers): Answers => withDefaults(def, { ...a, role: 'active' });
  test('MSCS from R12.8: a standby patch lets the active rolling-patch go on, and the other way round (both 1.2.1)', () => {
    const base = { cluster: 'mscs', arch: 'x64', from: 'R12.8', to: 'R12.8', local_site: 'yes' };
    for (const [sb, ac] of [['patch', 'rolling-patch'], ['rolling-patch', 'patch'], ['patch', 'patch']]) {
      const run = standbyRun(active({ ...base, operation: sb as string }));
      expect(blockerIds({ ...base, operation: ac as string, role: 'active' }, facts([run])), `${sb} -> ${ac}`).toEqual([]);
    }
    // Elsewhere patch and rolling patch are two procedures (UNIX 3.2 and 3.3): not merged.
    const unix = { cluster: 'unix', from: 'R13.2', to: 'R13.2.1', local_site: 'no' };
    const p = plan({ ...unix, operation: 'rolling-patch', role: 'active' }, facts([standbyRun(active({ ...unix, operation: 'patch' }))]));
    expect(p.blockers.map((b) => b.id)).toEqual(['standby-first']);
    expect(p.blockers[0]?.message).toContain('but with operation=patch (this run: operation=rolling-patch)');
  });

  test('a standby run of another platform or another installed version does not count, and the refusal says which', () => {
    const a = { cluster: 'mscs', arch: 'x64', operation: 'versionup', from: 'R12.8', to: 'R13.2', local_site: 'yes' };
    const ipf = standbyRun(active({ ...a, arch: 'ipf-emulation', from: 'R12.8', clwin: 'no', systemroot: 'C:\\Windows' }));
    const p = plan({ ...a, role: 'active' }, facts([ipf]));
    expect(p.blockers.map((b) => b.id)).toEqual(['standby-first']);
    expect(p.blockers[0]?.message).toContain('but with arch=ipf-emulation (this run: arch=x64)');
    const older = standbyRun(active({ ...a, from: 'R12.7.2', systemroot: 'C:\\Windows' }));
    const q = plan({ ...a, role: 'active' }, facts([older]));
    expect(q.blockers.map((b) => b.id)).toEqual(['standby-first']);
    expect(q.blockers[0]?.message).toContain('but with from=R12.7.2 (this run: from=R12.8)');
    // The same procedure still counts; outside MSCS no arch is asked of either run.
    expect(blockerIds({ ...a, role: 'active' }, facts([standbyRun(active(a))]))).toEqual([]);
    const unix = { cluster: 'unix', operation: 'versionup', from: 'R12.8', to: 'R13.2' };
    expect(blockerIds({ ...unix, role: 'active' }, facts([standbyRun(active(unix))]))).toEqual([]);
  });
});

describe('no version between two bands of the guide is left without steps', () => {
  test('R12.4.0.1 on MSCS IA-32/x64 is "R12.4 and earlier" (1.1.2): uninstall, delete, install', () => {
    const p = plan({ ...MSCS_OLD, arch: 'x86', operation: 'versionup', role: 'standby', from: 'R12.4.0.1' });
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toContain('s1121a-uninstall');
    expect(ids(p)).toContain('s1121a-install');
  });

  test('every cluster, platform, operation and role, with versions at and between the bands: steps, or a blocker', () => {
    const versions = ['R12.0', 'R12.4', 'R12.4.0.1', 'R12.4.0.9', 'R12.4.1', 'R12.7.9.9', 'R12.8', 'R12.8.0.1', 'R13.0.9', 'R13.1', 'R13.1.0.1', 'R13.2.9'];
    // The target splits fewer ways (R12.7.x and earlier / R12.8 / R13.1): its bands' edges only.
    const targets = ['R12.4.0.1', 'R12.7.9.9', 'R12.8', 'R13.0.9', 'R13.1', 'R13.2.9'];
    const clusters: [string, (string | undefined)[]][] = [['mscs', ['x86', 'x64', 'ipf-emulation', 'ipf-native']], ['windows-other', [undefined]], ['unix', [undefined]]];
    let count = 0;
    for (const [cluster, arches] of clusters) {
      for (const arch of arches) {
        for (const operation of ['versionup', 'patch', 'rolling-patch']) {
          for (const role of ['standby', 'active']) {
            for (const from of versions) {
              for (const to of targets) {
                const a: Answers = { cluster, operation, role, from, to, ...(arch === undefined ? {} : { arch }), local_site: 'yes', clwin: 'no', systemroot: 'C:\\Windows', install_path: 'C:\\JobCenter\\SV', shared_disk_path: 'S:\\JobCenter', resource_name: 'JobCenter Script', cluster_group: 'JobCenter Group', site_name: 'jcsite', db_path: 'S:\\JobCenter\\JobCenterDB', replaced_dlls: ['jobcentercluster.dll'] };
                const p = plan(a);
                count += 1;
                // The steps of the guide, not only the lead "done elsewhere" checkpoints.
                const guide = p.steps.filter((s) => s.section !== undefined);
                expect(guide.length > 0 || p.blockers.length > 0, JSON.stringify(a)).toBe(true);
                // A generic "no steps" means the definition lacks a case: never for JobCenter.
                expect(p.blockers.map((b) => b.id), JSON.stringify(a)).not.toContain('no-steps');
              }
            }
          }
        }
      }
    }
    expect(count).toBe(6 * 3 * 2 * versions.length * targets.length);
  });

  test('a definition whose steps fit none of the answers gets a blocker instead of an empty plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-nosteps-'));
    const file = join(dir, 'gap.yaml');
    writeFileSync(
      file,
      [
        'id: gap',
        'title: { ja: 隙間, en: Gap }',
        'summary: { ja: 試験, en: test }',
        'source: none.txt',
        'questions:',
        '  - { id: from, type: version, text: { ja: 版, en: Version } }',
        'steps:',
        '  - { id: old, kind: manual, when: { q: from, version: "<=1.4" }, title: { ja: 旧, en: Old }, instructions: { ja: 旧, en: Old } }',
        '  - { id: new, kind: manual, when: { q: from, version: ">=1.5" }, title: { ja: 新, en: New }, instructions: { ja: 新, en: New } }',
        '',
      ].join('\n'),
    );
    const gap = loadDefinition(file);
    const p = buildPlan(gap, { from: '1.4.5' }, facts(), 'en');
    expect(p.steps).toEqual([]);
    expect(p.blockers.map((b) => b.id)).toEqual(['no-steps']);
    expect(p.blockers[0]?.message).toContain('No step of the procedure fits these answers (from=1.4.5)');
    expect(buildPlan(gap, { from: '1.4.5' }, facts(), 'ja').blockers[0]?.fix).toContain('gap の定義にこの場合が欠けています');
    expect(buildPlan(gap, { from: '1.5' }, facts(), 'en').blockers).toEqual([]);
  });
});

describe('"standby done elsewhere" and its reason', () => {
  test('on the standby node, the reason is dropped with the question it belongs to', () => {
    const p = plan({ cluster: 'unix', operation: 'versionup', role: 'standby', from: 'R12.8', to: 'R13.2', standby_done_elsewhere: 'yes', standby_done_reason: 'foo' });
    expect(p.answers.standby_done_reason).toBeUndefined();
    expect(p.answers.standby_done_elsewhere).toBeUndefined();
    expect(ids(p)).not.toContain('standby-done-elsewhere');
  });

  const elsewhere = { role: 'active', standby_done_elsewhere: 'yes', standby_done_reason: 'done by hand, CHG-7' };
  test('MSCS 1.2.1 answered patch: the failover is confirmed first, as for rolling-patch', () => {
    for (const operation of ['patch', 'rolling-patch']) {
      const p = plan({ cluster: 'mscs', arch: 'x64', operation, from: 'R12.8', to: 'R12.8', local_site: 'yes', ...elsewhere }, facts());
      expect(p.blockers, operation).toEqual([]);
      expect(ids(p).slice(0, 3), operation).toEqual(['standby-done-elsewhere', 'failover-done-elsewhere', 's1213-stop-local']);
    }
    // 1.2.2 (before R12.8) is no rolling update: no failover to confirm.
    const old = plan({ ...MSCS_OLD, operation: 'patch', from: 'R12.7.2', to: 'R12.7.2', ...elsewhere }, facts());
    expect(ids(old).slice(0, 2)).toEqual(['standby-done-elsewhere', 's1222-stop-local']);
  });

  test('chapter 2: the rolling patch (2.3) confirms the failover, the version-up (2.1) and patch (2.2) do not', () => {
    const w = { cluster: 'windows-other', from: 'R13.2', local_site: 'yes', ...elsewhere };
    expect(ids(plan({ ...w, operation: 'rolling-patch', to: 'R13.2.1' }, facts())).slice(0, 3)).toEqual(['standby-done-elsewhere', 'failover-done-elsewhere', 's233-nqs-site']);
    expect(ids(plan({ ...w, operation: 'patch', to: 'R13.2.1' }, facts())).slice(0, 2)).toEqual(['standby-done-elsewhere', 's221-precheck']);
    expect(ids(plan({ ...w, from: 'R12.8', operation: 'versionup', to: 'R13.2' }, facts())).slice(0, 2)).toEqual(['standby-done-elsewhere', 's212-stop-local-new']);
  });

  test('a non-UNIX path (MSCS 1.1.1): the reason is the first, confirmed step, and lifts the rule', () => {
    const p = plan({ cluster: 'mscs', arch: 'x64', operation: 'versionup', from: 'R12.8', to: 'R13.2', local_site: 'yes', ...elsewhere }, facts());
    expect(p.blockers).toEqual([]);
    expect(p.steps[0]?.id).toBe('standby-done-elsewhere');
    expect(p.steps[0]?.manual).toBe(true);
    expect(p.steps[0]?.instructions).toContain('done by hand, CHG-7');
    expect(ids(p)[1]).toBe('s1112-stop-local');
  });
});

describe('the Japanese texts a reviewer of the screens read', () => {
  const UNIX = { cluster: 'unix', operation: 'versionup', from: 'R12.8', to: 'R13.2' };
  test('the order check in words and at a local time: no rule id, no run id, no UTC ISO stamp', () => {
    const run = { ...standbyRun(withDefaults(def, { ...UNIX, role: 'active' })), runId: '20261122T230357-ab12', finishedAt: '2026-11-22T23:03:57.502Z' };
    const checked = (plan({ ...UNIX, role: 'active' }, facts([run]), 'ja').checked ?? []).join('\n');
    expect(checked).toContain(`先に行う実行 (待機系) が ${readableTime('2026-11-22T23:03:57.502Z')} に完了しています`);
    expect(checked).not.toContain('standby-first');
    expect(checked).not.toContain('20261122T230357-ab12');
    expect(checked).not.toContain('T23:03:57');
  });

  test('an answer this machine contradicts is said with the choices as the screens show them; the fix keeps the value to type', () => {
    const f = { ...facts(), detected: { 'jobcenter.cluster': { question: 'cluster', value: 'unix', evidence: '/usr/lib/nqs/nqsstop exists' } } };
    const p = plan({ cluster: 'mscs', arch: 'x64', operation: 'versionup', role: 'standby', from: 'R12.8', to: 'R13.2', local_site: 'yes' }, f, 'ja');
    expect(p.warnings.join('\n')).toContain('「クラスタ環境の種類は？」の答えは MSCS(MSFC) 環境 (第1章) ですが、このマシンでは UNIX環境 (第3章) です (/usr/lib/nqs/nqsstop exists)');
  });

  test("the target version's help does not send a Windows node to an rpm; the end of the standby run says how the screens choose the active node", () => {
    const help = def.questions.find((q) => q.id === 'to')?.help;
    expect(help?.ja).toContain('Windows(MSCS・その他のWindowsクラスタ)ではパッチリリースメモに書かれたパッチのバージョン');
    expect(help?.ja).toContain('UNIX ではメディアのパッチ rpm');
    expect(help?.en).toContain("on Windows (MSCS, other Windows clusters) it is the patch's version in its release memo");
    const next = plan({ ...UNIX, role: 'standby' }, facts(), 'ja').next?.[0] ?? '';
    expect(next).toContain('「このサーバのノードの役割は？」で「運用系」を選んでください (CLI: --set role=active)');
    expect(next).not.toContain('role=active で実行');
  });
});
