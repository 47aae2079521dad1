// The JobCenter step list for every combination of the answers that changes it (cluster, arch,
// operation, role, installed and target version band, install mode, CL/Win, local site, replaced
// DLLs), compared whole with the guide written out in jobcenter-paths.ts: the distinctive steps
// of each section are there and the other sections' steps are not. Then the exact argv of the
// commands, the file deletions, and the guide's slips that must not reach a command.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Plan } from '../../src/model/plan.js';
import { askableQuestions, withDefaults } from '../../src/plan/questions.js';
import { satisfies } from '../../src/versions/index.js';
import { def, expectedSteps, ids, pathOf, plan, RPM, SECTIONS } from './jobcenter-paths.js';

const combos = <T>(lists: T[][]): T[][] => lists.reduce<T[][]>((acc, l) => acc.flatMap((a) => l.map((x) => [...a, x])), [[]]);
const VERSIONS = ['R12.4', 'R12.4.1', 'R12.7.2', 'R12.8', 'R13.1', 'R13.2'];

/** Every answer set that the questions allow, limited to the questions asked (no duplicates). */
function allAnswerSets(): Answers[] {
  const seen = new Set<string>();
  const out: Answers[] = [];
  const clusters: [string, string[]][] = [
    ['mscs', ['x86', 'x64', 'ipf-emulation', 'ipf-native']],
    ['windows-other', ['-']],
    ['unix', ['-']],
  ];
  for (const [cluster, arches] of clusters) {
    for (const [arch, operation, role, from, to, local, clwin, mode, dlls] of combos<string>([
      arches,
      ['versionup', 'patch', 'rolling-patch'],
      ['standby', 'active'],
      VERSIONS,
      VERSIONS,
      ['yes', 'no'],
      ['yes', 'no'],
      ['overwrite', 'fresh'],
      ['jobcentercluster.dll', 'jobcenterclusterex.dll', 'jobcentercluster.dll,jobcenterclusterex.dll'],
    ])) {
      const given: Answers = { cluster: cluster as string, operation: operation as string, role: role as string, from: from as string, to: to as string, local_site: local as string, clwin: clwin as string, install_mode: mode as string, replaced_dlls: (dlls as string).split(','), systemroot: 'C:\\Windows', install_path: 'C:\\JobCenter\\SV', shared_disk_path: 'S:\\JobCenter', resource_name: 'JobCenter Script', cluster_group: 'JobCenter Group', site_name: 'jcsite', db_path: 'S:\\JobCenter\\JobCenterDB' };
      if (arch !== '-') given.arch = arch as string;
      // Only the answers to questions that are asked make a distinct plan.
      const asked = new Set(askableQuestions(def, withDefaults(def, given)).map((q) => q.id));
      const key = JSON.stringify(Object.entries(given).filter(([k]) => asked.has(k)));
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(Object.fromEntries(Object.entries(given).filter(([k]) => asked.has(k))));
    }
  }
  return out;
}

const SETS = allAnswerSets();

describe('every path of the guide', () => {
  test('the answer sets cover every section, both roles, and the questions that split them', () => {
    const reached = new Set(SETS.map((a) => `${pathOf(a)}:${a.role}`));
    for (const path of Object.keys(SECTIONS)) for (const role of ['standby', 'active']) expect(reached, `${path} ${role}`).toContain(`${path}:${role}`);
    expect(SETS.length).toBeGreaterThan(300);
  });

  test.each(SETS.map((a) => [JSON.stringify(a), a] as const))('%s', (_name, a) => {
    const p = plan(a);
    const path = pathOf(a);
    if (path === undefined) {
      const old = satisfies(a.from as string, '<=R12.7.x');
      const patch = a.operation !== 'versionup';
      const mscsPatch = a.cluster === 'mscs' && patch;
      const want = [
        ...(mscsPatch && (a.arch === 'ipf-emulation' || (a.arch === 'ipf-native' && old)) ? ['ipf-patch'] : []),
        ...(a.cluster === 'mscs' && a.operation === 'rolling-patch' && old ? ['mscs-rolling-old'] : []),
        ...(!patch && satisfies(a.to as string, `<=${a.from as string}`) ? ['versionup-not-newer'] : []),
        ...(patch && satisfies(a.to as string, `<${a.from as string}`) ? ['patch-older'] : []),
      ];
      expect(p.blockers.map((b) => b.id).sort()).toEqual(want.sort());
      return;
    }
    expect(p.blockers).toEqual([]);
    expect(ids(p)).toEqual(expectedSteps(a));
    const sections = [...new Set(p.steps.map((s) => s.section).filter((s) => s !== undefined))].sort();
    expect(sections).toEqual([...SECTIONS[path][a.role as 'standby' | 'active']].sort());
    for (const s of p.steps) if (s.runsOn !== undefined && s.runsOn !== 'cluster') expect(s.runsOn).toBe(a.role);
    // The standby node's part ends by sending the operator on to the active node; the active node's is the end.
    expect(p.next?.[0]?.startsWith('on the active node, run this wizard with role=active: on the screens, choose "Active node"')).toBe(a.role === 'standby' ? true : undefined);
  });
});

/** Every string a plan hands to a process or to the file API. */
function executed(p: Plan): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const s of p.steps) walk([s.commands ?? [], s.params]);
  return out;
}

describe('commands and file operations', () => {
  test("no slip of the guide reaches a command, a path or a process check (README's list, and jnwendine)", () => {
    const all = SETS.flatMap((a) => executed(plan(a)));
    const bad = [/nqstop/, /nqsdamemon/, /jcdfs/, /\bjcdb\b/, /necjcssock/, /necjcunsetup/, /^necjcupset$/, /^necjcupsetu$/, /res type/, /\$cluster/, /¥/, /%systemroot%/i, /NECJOpt/, /jnwendine/];
    for (const re of bad) expect(all.filter((s) => re.test(s)), String(re)).toEqual([]);
    expect(all).toContain('necjcupsetup');
    expect(all).toContain('/sbx/usr/lib/nqs/nqsstop');
  });

  const mscs = { cluster: 'mscs', arch: 'x64', role: 'standby', to: 'R13.2', local_site: 'yes', clwin: 'no' };
  test('1.1.2 R12.4 and earlier: resource DLL unregistered and registered with regsvr32 and cluster, files deleted by pattern', () => {
    const p = plan({ ...mscs, operation: 'versionup', from: 'R12.4' });
    const step = (id: string) => p.steps.find((s) => s.id === id);
    expect(step('s1121a-unregister-dll')?.commands).toEqual([
      ['regsvr32', '-u', '/s', 'C:\\Windows\\cluster\\JobCenterClusterEx'],
      ['cluster', '/unregext:JobCenterClusterEx'],
    ]);
    expect(step('s1121a-register-dll')?.commands).toEqual([
      ['regsvr32', '/s', 'C:\\Windows\\cluster\\JobCenterClusterEx'],
      ['cluster', '/regext:JobCenterClusterEx'],
    ]);
    // Windows paths go under the sandbox root as /ROOT/C/...; case is ignored as on Windows.
    expect(step('s1121a-delete-resource-dll')?.params).toEqual({ dir: '/sbx/C/Windows/cluster', files: ['job*'], dirs: [], ignoreCase: true });
    expect(step('s1121a-delete-necjcsock')?.params).toEqual({ dir: '/sbx/C/Windows/system32', files: ['nec*'], dirs: ['necjclog'], ignoreCase: true });
    expect(step('s1121a-delete-setup-folder')?.params).toEqual({ dir: '/sbx/C/Windows/system32', files: [], dirs: ['necjcupsetup'], ignoreCase: true });
  });

  test('1.1.2.2 / 1.2.2.2 active: the resource type is deleted and created again (cluster restype)', () => {
    const p = plan({ ...mscs, role: 'active', operation: 'versionup', from: 'R12.5' });
    const step = (id: string) => p.steps.find((s) => s.id === id);
    expect(step('s1122b-unregister-dll')?.commands?.[2]).toEqual(['cluster', 'restype', 'JobCenterCluster', '/delete', '/type']);
    expect(step('s1122b-register-dll')?.commands?.[0]).toEqual(['cluster', 'restype', 'NEC JobCenter Cluster Resource Type', '/create', '/dll:JobCenterCluster.dll', '/type:JobCenterCluster']);
  });

  test('1.1.3: jc_check -l output kept in the log dir, emulation registry deleted with reg, Generic Script registered', () => {
    const a = { cluster: 'mscs', arch: 'ipf-emulation', operation: 'versionup', from: 'R12.7.2', to: 'R13.2', local_site: 'yes', clwin: 'yes', shared_disk_path: 'S:\\JobCenter', resource_name: 'JobCenter Script', cluster_group: 'JobCenter Group', site_name: 'jcsite', db_path: 'S:\\JobCenter\\JobCenterDB' };
    const sb = plan({ ...a, role: 'standby' });
    const save = sb.steps.find((s) => s.id === 's1131-save-settings');
    expect(save?.commands).toEqual([['jc_check', '-l']]);
    expect(save?.params.stdout).toBe('jc_check-l-standby.txt');
    expect(sb.steps.find((s) => s.id === 's1131-reg-delete-sv')?.commands).toEqual([['reg', 'delete', 'HKLM\\Software\\Wow6432Node\\NEC\\NetShepherd\\SV', '/f']]);
    expect(sb.steps.find((s) => s.id === 's1131-reg-delete-clwin')?.commands).toEqual([['reg', 'delete', 'HKLM\\Software\\Wow6432Node\\NEC\\JobCenter(CL/Win)', '/f']]);
    expect(sb.steps.find((s) => s.id === 's1131-delete-dll')?.params.dir).toBe('/sbx/C/Windows/SysWOW64');
    const ac = plan({ ...a, role: 'active' });
    expect(ac.steps.find((s) => s.id === 's1132-copy-vbs')?.params).toMatchObject({ from: '/sbx/C/JobCenter/SV/ins/JobCenterCluster.vbs', to: '/sbx/S/JobCenter/JobCenterCluster.vbs' });
    expect(ac.steps.find((s) => s.id === 's1132-register-resource')?.commands).toEqual([
      ['cluster', 'res', 'JobCenter Script', '/create', '/group:JobCenter Group', '/type:Generic Script'],
      ['cluster', 'res', 'JobCenter Script', '/priv', 'ScriptFilepath=S:\\JobCenter\\JobCenterCluster.vbs'],
      ['cluster', 'res', 'JobCenter Script', '/priv', 'SiteName=jcsite'],
      ['cluster', 'res', 'JobCenter Script', '/priv', 'DBPath=S:\\JobCenter\\JobCenterDB'],
    ]);
    const checklist = ac.steps.find((s) => s.id === 's1132-reenter-settings');
    expect(checklist?.instructions).toContain('jc_check-l-active.txt');
    expect(checklist?.checklist).toHaveLength(5);
  });

  test('1.2.2: only the DLLs the patch replaces are deleted, and only when the installed version is R12.4.x or earlier', () => {
    const a = { ...mscs, operation: 'patch', to: 'R12.7.2' };
    const old = plan({ ...a, from: 'R12.4.1', replaced_dlls: ['jobcentercluster.dll'] });
    expect(old.steps.find((s) => s.id === 's1221-delete-dll')?.params).toEqual({ dir: '/sbx/C/Windows/cluster', files: ['jobcentercluster.dll'], dirs: [], ignoreCase: true });
    expect(ids(old)).not.toContain('s1221-delete-dll-ex');
    expect(ids(plan({ ...a, from: 'R12.5' })).filter((id) => id.includes('delete'))).toEqual([]);
  });

  test('UNIX: nqsstop under the root, rpm -ivh of the media package, ps -ef read by the wizard (jcdbs from R13.1)', () => {
    const u = { cluster: 'unix', role: 'active', local_site: 'no' };
    const p = plan({ ...u, operation: 'patch', from: 'R12.8', to: 'R13.2.1' });
    const step = (id: string) => p.steps.find((s) => s.id === id);
    expect(step('s323-nqsstop')?.commands).toEqual([['/sbx/usr/lib/nqs/nqsstop']]);
    expect(step('s323-rpm')?.commands).toEqual([['rpm', '-ivh', `/media/${RPM}`]]);
    expect(step('s323-stop-local-after')?.commands).toEqual([['/sbx/usr/lib/nqs/nqsstop']]);
    const stopped = step('s323-check-stopped')?.params.verify as { argv: string[]; rejectEach: string[] };
    expect(stopped.argv).toEqual(['ps', '-ef']);
    expect(stopped.rejectEach.join(' ')).not.toContain('jcdbs');
    const started = step('s323-check-started-r131')?.params.verify as { expectEach: string[]; waitSeconds: number };
    expect(started.expectEach.map((r) => /\)(\w+)\(/.exec(r)?.[1])).toEqual(['cjcpw', 'nqsdaemon', 'jnwcaster', 'jnwengine', 'sclaunchd', 'comagent', 'jcdbs']);
    expect(step('s323-nqs-site')?.params.verify).toEqual({ envUnset: 'NQS_SITE' });
    expect(step('s323-nqs-site')?.explain).toContain('unset NQS_SITE');
  });

  test('UNIX: every nqsstop may be skipped after the error of a service already stopped (the guide: stop it if it runs)', () => {
    for (const operation of ['versionup', 'patch', 'rolling-patch']) {
      for (const role of ['standby', 'active']) {
        const p = plan({ cluster: 'unix', operation, role, from: 'R13.2', to: operation === 'versionup' ? 'R13.2' : 'R13.2.1', local_site: 'no' });
        const stops = p.steps.filter((s) => s.commands?.some((c) => c[0]?.endsWith('/nqsstop')));
        expect(stops.length, `${operation} ${role}`).toBeGreaterThan(0);
        for (const s of stops) {
          expect(s.skippable, s.id).toBe(true);
          expect(s.explain, s.id).toContain('NQS daemon is not running');
        }
      }
    }
  });

  test('UNIX patch: the patch version on the media is checked against the target first, both named', () => {
    for (const [operation, role, id] of [['patch', 'standby', 's321-patch-version'], ['patch', 'active', 's321-patch-version'], ['rolling-patch', 'standby', 's331-patch-version'], ['rolling-patch', 'active', 's333-patch-version']] as const) {
      const p = plan({ cluster: 'unix', operation, role, from: 'R13.2', to: 'R13.2', local_site: 'yes' });
      expect(p.steps.findIndex((s) => s.id === id), `${operation} ${role}`).toBe(0);
      const step = p.steps[0];
      expect(step?.params.verify).toEqual({ argv: ['test', 'R13.2.1', '=', 'R13.2'] });
      expect(step?.title).toBe('Check that the patch on the media (R13.2.1) is the target version (to=R13.2)');
      expect(step?.explain).toContain('--set to=R13.2.1');
    }
    expect(plan({ cluster: 'unix', operation: 'versionup', role: 'standby', from: 'R13.1', to: 'R13.2' }).steps.map((s) => s.id)).not.toContain('s321-patch-version');
  });

  test('the MSCS patch from R12.8 is the rolling update of 1.2.1 whether asked as patch or rolling-patch', () => {
    for (const operation of ['patch', 'rolling-patch']) {
      expect(ids(plan({ ...mscs, operation, from: 'R12.8', to: 'R12.8' }))).toEqual(['s1211-stop-local', 's1211-patch', 's1211-start-local', 's1212-failover']);
    }
  });
});
