// The JobCenter guide (seed 002) written out as expected step lists, one function per section,
// independently of wizards/jobcenter.yaml: the plan tests compare the two. Also the plan helpers
// the JobCenter tests share (facts with the media's patch rpm and earlier runs of the log dir).
import type { Answers } from '../../src/model/definition.js';
import type { Facts, PriorRun } from '../../src/model/facts.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { loadDefinition } from '../../src/plan/load.js';
import { withDefaults } from '../../src/plan/questions.js';
import { satisfies } from '../../src/versions/index.js';

export const def = loadDefinition(new URL('../../wizards/jobcenter.yaml', import.meta.url).pathname);
export const RPM = 'NECJcpt-13.2.1-1.x86_64.rpm';

export function facts(priorRuns: PriorRun[] = []): Facts {
  return {
    root: '/sbx',
    media: '/media',
    mediaFiles: { patch: { path: `/media/${RPM}`, name: RPM, groups: { version: '13.2.1', release: '1', arch: 'x86_64' } } },
    isRoot: true,
    hasServiceCommand: true,
    runningServices: [],
    detected: {},
    priorRuns,
  };
}

/** A finished standby run matching the answers, as src/detect reads it from the log dir. */
export function standbyRun(a: Answers): PriorRun {
  return { runId: 'sb-1', journal: '/logs/run-sb-1.jsonl', product: 'jobcenter', finishedAt: '2024-05-01T10:00:00.000Z', answers: { ...a, role: 'standby' } };
}

export function plan(a: Answers, f?: Facts, lang: 'ja' | 'en' = 'en'): Plan {
  const answers = withDefaults(def, a);
  return buildPlan(def, answers, f ?? facts(answers.role === 'active' ? [standbyRun(answers)] : []), lang);
}
export const ids = (p: Plan): string[] => p.steps.map((s) => s.id);

const le127 = (v: string): boolean => satisfies(v, '<=R12.7.x');
const opt = (cond: boolean, ...items: string[]): string[] => (cond ? items : []);
/** The two menus of the Server Environment Setting: R12.7.x and earlier, R12.8 and later. */
const menu = (id: string, version: string): string => (le127(version) ? id : `${id}-new`);

export type Path = '1.1.1' | '1.1.2a' | '1.1.2b' | '1.1.3' | '1.1.4' | '1.2.1' | '1.2.2' | '2.1' | '2.2' | '2.3' | '3.1' | '3.2' | '3.3';

/** Which section of the guide the answers lead to (undefined: a blocker refuses them). */
export function pathOf(a: Answers): Path | undefined {
  const from = a.from as string;
  const op = a.operation;
  // A version-up to the same or an older version, a patch to an older one: refused (no procedure).
  if (op === 'versionup' ? satisfies(a.to as string, `<=${from}`) : satisfies(a.to as string, `<${from}`)) return undefined;
  if (a.cluster === 'unix') return op === 'versionup' ? '3.1' : op === 'patch' ? '3.2' : '3.3';
  if (a.cluster === 'windows-other') return op === 'versionup' ? '2.1' : op === 'patch' ? '2.2' : '2.3';
  const ia = a.arch === 'x86' || a.arch === 'x64';
  if (op === 'versionup') {
    if (a.arch === 'ipf-emulation') return '1.1.3';
    if (a.arch === 'ipf-native') return '1.1.4';
    if (!le127(from)) return '1.1.1';
    return satisfies(from, '<R12.4.1') ? '1.1.2a' : '1.1.2b';
  }
  if (!le127(from) && a.arch !== 'ipf-emulation') return '1.2.1';
  if (ia && op === 'patch') return '1.2.2';
  return undefined;
}

export function expectedSteps(a: Answers): string[] {
  const path = pathOf(a);
  const from = a.from as string;
  const to = a.to as string;
  const sb = a.role === 'standby';
  const used = a.local_site === 'yes';
  const unused = a.local_site === 'no';
  const clwin = a.clwin === 'yes';
  const fresh = a.install_mode === 'fresh';
  const dlls = (prefix: string): string[] =>
    satisfies(from, '<=R12.4.x')
      ? [...opt((a.replaced_dlls as string[]).includes('jobcentercluster.dll'), `${prefix}-delete-dll`), ...opt((a.replaced_dlls as string[]).includes('jobcenterclusterex.dll'), `${prefix}-delete-dll-ex`)]
      : [];
  const siteDb = (prefix: string): string => (le127(to) ? `${prefix}-site-db-cjcmksite` : `${prefix}-site-db-gui`);
  const lead = !sb && a.standby_done_elsewhere === 'yes' ? ['standby-done-elsewhere'] : [];
  const rolling = path === '1.2.1' || path === '2.3' || path === '3.3';
  const failoverCheck = rolling && lead.length > 0 ? ['failover-done-elsewhere'] : [];
  const body = ((): string[] => {
    switch (path) {
      case '1.1.1':
        return sb
          ? ['s1111-stop-local', 's1111-versionup', ...opt(unused, 's1111-stop-local-after')]
          : ['s1112-stop-local', 's1112-pause-standby', 's1112-offline', 's1112-close-fcm', 's1112-versionup', 's1112-online-disk', 's1112-register-site', 's1112-resume-standby', 's1112-online', ...opt(unused, 's1112-stop-local-after')];
      case '1.1.2a':
        return sb
          ? ['s1121a-stop-local', 's1121a-backup-nqs', 's1121a-stop-clussvc', 's1121a-unregister-dll', 's1121a-uninstall', ...opt(clwin, 's1121a-uninstall-clwin'), 's1121a-delete-resource-dll', 's1121a-delete-necjcsock', 's1121a-delete-setup-folder', 's1121a-install', 's1121a-register-dll', 's1121a-start-clussvc', menu('s1121a-stop-local-again', to), 's1121a-restore-nqs', ...opt(used, menu('s1121a-start-local', to))]
          : ['s1122a-stop-local', 's1122a-pause-standby', 's1122a-offline', 's1122a-backup-nqs', 's1122a-delete-resource', 's1122a-close-cluadmin', 's1122a-unregister-dll', 's1122a-uninstall', ...opt(clwin, 's1122a-uninstall-clwin'), 's1122a-delete-resource-dll', 's1122a-delete-necjcsock', 's1122a-delete-setup-folder', 's1122a-install', 's1122a-register-dll', siteDb('s1122a'), menu('s1122a-stop-local-again', to), 's1122a-restore-nqs', 's1122a-register-resource', 's1122a-resume-standby', 's1122a-online', ...opt(used, menu('s1122a-start-local', to))];
      case '1.1.2b':
        return sb
          ? ['s1121b-stop-local', 's1121b-stop-clussvc', 's1121b-unregister-dll', 's1121b-versionup', 's1121b-register-dll', 's1121b-start-clussvc']
          : ['s1122b-stop-local', 's1122b-pause-standby', 's1122b-offline', 's1122b-delete-resource', 's1122b-close-cluadmin', 's1122b-unregister-dll', 's1122b-versionup', siteDb('s1122b'), 's1122b-register-dll', 's1122b-register-resource', 's1122b-resume-standby', 's1122b-online'];
      case '1.1.3':
        return sb
          ? [menu('s1131-stop-local', from), 's1131-save-settings', 's1131-stop-clussvc', 's1131-uninstall', 's1131-reg-delete-sv', ...opt(clwin, 's1131-uninstall-clwin', 's1131-reg-delete-clwin'), 's1131-delete-dll', 's1131-delete-setup-folder', 's1131-install', 's1131-start-clussvc', ...opt(unused, menu('s1131-stop-local-after', to)), 's1131-reenter-settings']
          : [menu('s1132-stop-local', from), 's1132-pause-standby', 's1132-offline', 's1132-save-settings', 's1132-delete-resource', 's1132-close-fcm', 's1132-uninstall', 's1132-reg-delete-sv', ...opt(clwin, 's1132-uninstall-clwin', 's1132-reg-delete-clwin'), 's1132-delete-dll', 's1132-delete-setup-folder', 's1132-install', 's1132-site-db', 's1132-copy-vbs', menu('s1132-stop-local-again', to), 's1132-register-resource', 's1132-resume-standby', 's1132-online', ...opt(le127(to), 's1132-create-queue'), ...opt(used, menu('s1132-start-local', to)), 's1132-reenter-settings'];
      case '1.1.4':
        return sb
          ? [menu('s1141-stop-local', from), 's1141-save-settings', 's1141-stop-clussvc', ...opt(fresh, 's1141-uninstall-mgsv'), ...opt(clwin, 's1141-uninstall-clwin'), 's1141-install', menu('s1141-check-version', to), ...opt(unused, menu('s1141-stop-local-after', to)), ...opt(fresh, 's1141-reenter-settings')]
          : [menu('s1142-stop-local', from), 's1142-pause-standby', 's1142-offline', ...opt(fresh, 's1142-save-settings', 's1142-uninstall-mgsv'), ...opt(clwin, 's1142-uninstall-clwin'), 's1142-close-fcm', 's1142-install', menu('s1142-check-version', to), siteDb('s1142'), 's1142-copy-vbs', menu('s1142-stop-local-again', to), 's1142-resume-standby', 's1142-online', ...opt(used, menu('s1142-start-local', to)), ...opt(fresh, 's1142-reenter-settings')];
      case '1.2.1':
        return sb
          ? ['s1211-stop-local', 's1211-patch', ...opt(used, 's1211-start-local'), 's1212-failover']
          : ['s1213-stop-local', 's1213-patch', ...opt(used, 's1213-start-local'), 's1214-failback'];
      case '1.2.2':
        return sb
          ? ['s1221-stop-local', 's1221-close-cluadmin', 's1221-stop-clussvc', 's1221-unregister-dll', ...dlls('s1221'), 's1221-patch', 's1221-start-clussvc', 's1221-close-cluadmin-again', 's1221-register-dll']
          : ['s1222-stop-local', 's1222-pause-standby', 's1222-offline', 's1222-delete-resource', 's1222-close-cluadmin', 's1222-unregister-dll', ...dlls('s1222'), 's1222-patch', 's1222-site-db', 's1222-register-dll', 's1222-register-resource', 's1222-resume-standby', 's1222-online'];
      case '2.1':
        return sb
          ? [menu('s211-stop-local', from), 's211-stop-clussvc', 's211-versionup', 's211-start-clussvc', ...opt(used, menu('s211-start-local', to))]
          : [menu('s212-stop-local', from), 's212-pause-standby', 's212-stop-monitoring', 's212-stop-cluster-site', 's212-versionup', siteDb('s212'), 's212-resume-standby', 's212-resume-monitoring', ...opt(used, menu('s212-start-local', to))];
      case '2.2':
        return sb
          ? ['s221-precheck', 's222-nqs-site', menu('s222-stop-local', from), 's222-patch', ...opt(used, menu('s222-start-local', to))]
          : ['s221-precheck', 's223-nqs-site', menu('s223-stop-local', from), 's223-pause-standby', 's223-stop-monitoring', 's223-stop-cluster-site', 's223-patch', siteDb('s223'), 's223-start-cluster-site', 's223-resume-standby', 's223-resume-monitoring', ...opt(used, menu('s223-start-local', to))];
      case '2.3':
        return sb
          ? ['s231-nqs-site', menu('s231-stop-local', from), 's231-patch', ...opt(used, menu('s231-start-local', to)), 's232-failover']
          : ['s233-nqs-site', menu('s233-stop-local', from), 's233-patch', ...opt(used, menu('s233-start-local', to)), 's234-failback'];
      // Not in 3.1.3: the local site stopped after the version-up when unused (as after the
      // patches), and the cluster site's start checked by hand where the local site runs too.
      case '3.1': {
        const r131 = (id: string, v: string): string => (satisfies(v, '>=R13.1') ? `${id}-r131` : id);
        return sb
          ? ['s311-precheck', 's312-nqs-site', 's312-nqsstop', 's312-backup-nqs', 's312-versionup', 's312-restore-nqs']
          : ['s311-precheck', 's313-nqs-site', 's313-nqsstop', 's313-stop-monitoring', 's313-stop-cluster-site', r131('s313-check-stopped', from), 's313-backup-nqs', 's313-versionup', 's313-restore-nqs', ...opt(unused, 's313-stop-local-after'), 's313-resume-monitoring', used ? 's313-check-started-by-hand' : r131('s313-check-started', to)];
      }
      // The patch paths first check that the media's patch is the target (not in the guide).
      case '3.2': {
        const r131 = (id: string, v: string): string => (satisfies(v, '>=R13.1') ? `${id}-r131` : id);
        return sb
          ? ['s321-patch-version', 's321-precheck', 's322-nqs-site', 's322-nqsstop', 's322-rpm', 's322-check-files', ...opt(unused, 's322-stop-local-after')]
          : ['s321-patch-version', 's321-precheck', 's323-nqs-site', 's323-nqsstop', 's323-stop-monitoring', 's323-stop-cluster-site', r131('s323-check-stopped', from), 's323-rpm', 's323-check-files', ...opt(unused, 's323-stop-local-after'), 's323-resume-monitoring', used ? 's323-check-started-by-hand' : r131('s323-check-started', to)];
      }
      case '3.3':
        return sb
          ? ['s331-patch-version', 's331-nqs-site', 's331-nqsstop', 's331-rpm', 's331-check-files', ...opt(unused, 's331-stop-local-after'), 's332-failover']
          : ['s333-patch-version', 's333-nqs-site', 's333-nqsstop', 's333-rpm', 's333-check-files', ...opt(unused, 's333-stop-local-after'), 's334-failback'];
      case undefined:
        return [];
    }
  })();
  return [...lead, ...failoverCheck, ...body];
}

/** The sections of the guide a path's steps come from, by role. */
export const SECTIONS: Record<Path, { standby: string[]; active: string[] }> = {
  '1.1.1': { standby: ['1.1.1.1'], active: ['1.1.1.2'] },
  '1.1.2a': { standby: ['1.1.2.1'], active: ['1.1.2.2'] },
  '1.1.2b': { standby: ['1.1.2.1'], active: ['1.1.2.2'] },
  '1.1.3': { standby: ['1.1.3.1'], active: ['1.1.3.2'] },
  '1.1.4': { standby: ['1.1.4.1'], active: ['1.1.4.2'] },
  '1.2.1': { standby: ['1.2.1.1', '1.2.1.2'], active: ['1.2.1.3', '1.2.1.4'] },
  '1.2.2': { standby: ['1.2.2.1'], active: ['1.2.2.2'] },
  '2.1': { standby: ['2.1.1'], active: ['2.1.2'] },
  '2.2': { standby: ['2.2.1', '2.2.2'], active: ['2.2.1', '2.2.3'] },
  '2.3': { standby: ['2.3.1', '2.3.2'], active: ['2.3.3', '2.3.4'] },
  '3.1': { standby: ['3.1.1', '3.1.2'], active: ['3.1.1', '3.1.3'] },
  '3.2': { standby: ['3.2.1', '3.2.2'], active: ['3.2.1', '3.2.3'] },
  '3.3': { standby: ['3.3.1', '3.3.2'], active: ['3.3.3', '3.3.4'] },
};
