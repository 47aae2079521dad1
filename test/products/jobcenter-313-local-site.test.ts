// JobCenter 3.1.3 (UNIX version-up, active node), step 10: the cluster site's processes have the
// same names as the local site's, and the version-up starts the local site. Where the local site
// is used the check is the operator's (told why); where it is not, the wizard stops it first and
// only then reads ps -ef itself, as 3.2.3 does. The plan in both cases, then the real binary on a
// sandbox node whose stand-in ps shows the local site's daemons after the version-up.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import { askableQuestions, withDefaults } from '../../src/plan/questions.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';
import { def, ids, plan } from './jobcenter-paths.js';

const UP = { cluster: 'unix', operation: 'versionup', role: 'active', from: 'R12.8', to: 'R13.2' };
const expectEachOf = (p: ReturnType<typeof plan>): string[][] =>
  p.steps.map((s) => (s.params.verify as { expectEach?: string[] } | undefined)?.expectEach).filter((e): e is string[] => e !== undefined);

describe('3.1.3 plan: the check that the cluster site runs', () => {
  test('the local-site question is asked on the active node of a UNIX version-up (not on the standby node)', () => {
    const asked = (a: Record<string, string>): string[] => askableQuestions(def, withDefaults(def, a)).map((q) => q.id);
    expect(asked(UP)).toContain('local_site');
    expect(asked({ ...UP, role: 'standby' })).not.toContain('local_site');
  });

  test('local site used: a checkpoint that says why the wizard cannot tell, no ps -ef by name after the version-up', () => {
    const p = plan({ ...UP, local_site: 'yes' });
    expect(ids(p).slice(-3)).toEqual(['s313-restore-nqs', 's313-resume-monitoring', 's313-check-started-by-hand']);
    expect(ids(p)).not.toContain('s313-stop-local-after');
    const step = p.steps.at(-1);
    expect(step?.manual).toBe(true);
    expect(step?.instructions).toContain("the local site's processes have the same names");
    expect(step?.instructions).toContain('ps -ef | grep nqs');
    expect(step?.checklist).toEqual(["Every JobCenter process of the cluster site exists (not the local site's)"]);
    const afterUp = p.steps.slice(ids(p).indexOf('s313-versionup'));
    expect(expectEachOf({ ...p, steps: afterUp })).toEqual([]);
    // The check before the version-up (the local site stopped at step 2) stays the wizard's.
    expect(ids(p)).toContain('s313-check-stopped');
    const ja = plan({ ...UP, local_site: 'yes' }, undefined, 'ja').steps.at(-1);
    expect(ja?.instructions).toContain('ローカルサイトのプロセスも同じ名前');
    expect(ja?.checklist).toEqual(['クラスタサイトのJobCenterプロセスがすべて存在する(ローカルサイトのものではない)']);
  });

  test('not answered: the default (used) is the checkpoint, never a check by name that may pass wrongly', () => {
    expect(ids(plan(UP)).at(-1)).toBe('s313-check-started-by-hand');
  });

  test('local site not used: nqsstop after the restore, then the wizard waits for the processes itself', () => {
    const p = plan({ ...UP, local_site: 'no' });
    expect(ids(p).slice(-4)).toEqual(['s313-restore-nqs', 's313-stop-local-after', 's313-resume-monitoring', 's313-check-started-r131']);
    const stop = p.steps.find((s) => s.id === 's313-stop-local-after');
    expect(stop?.commands).toEqual([['/sbx/usr/lib/nqs/nqsstop']]);
    expect(stop?.skippable).toBe(true);
    expect(stop?.explain).toContain('would pass the last check of the cluster site');
    expect(stop?.explain).toContain('NQS daemon is not running');
    expect(plan({ ...UP, local_site: 'no' }, undefined, 'ja').steps.find((s) => s.id === 's313-stop-local-after')?.explain).toContain('同じ名前のローカルサイトのプロセスで合格してしまいます');
    // Before R13.1 without jcdbs, as the guide lists it.
    expect(ids(plan({ ...UP, to: 'R13.0', local_site: 'no' })).at(-1)).toBe('s313-check-started');
    expect(ids(plan({ ...UP, to: 'R13.0', local_site: 'yes' })).at(-1)).toBe('s313-check-started-by-hand');
  });
});

const HEADER = 'UID        PID  PPID  C STIME TTY          TIME CMD\nroot         1     0  0 10:00 ?        00:00:01 /sbin/init';
const NAMES = ['cjcpw', 'nqsdaemon', 'jnwcaster', 'jnwengine', 'sclaunchd', 'comagent', 'jcdbs'];
const lines = (pid: number, args: string): string => NAMES.map((n, i) => `root      ${pid + i}     1  0 10:05 ?        00:00:00 /usr/lib/nqs/${n}${args}`).join('\n');

/**
 * The active node as a stand-in ps and nqsstop see it: the first look (step 5) finds nothing, the
 * local site stopped at step 2; the version-up then starts the local site, whose daemons every
 * later look shows until an nqsstop after that first look stops them; the cluster site's daemons
 * show from look `clusterFrom` on (never: the cluster site did not come up).
 */
function node(sbx: ReturnType<typeof buildJobcenterSandbox>, clusterFrom?: number) {
  const bin = join(sbx.dir, 'node-bin');
  const state = join(sbx.dir, 'node-state');
  const log = join(sbx.dir, 'node-calls.log');
  mkdirSync(bin, { recursive: true });
  mkdirSync(state, { recursive: true });
  writeFileSync(log, '');
  const put = (path: string, body: string): void => {
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
  };
  put(
    join(bin, 'ps'),
    `echo "ps $*" >> '${log}'
n=$(cat '${state}/looks' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '${state}/looks'
cat <<'EOF'
${HEADER}
EOF
[ $n -ge 2 ] && [ ! -f '${state}/local-stopped' ] && cat <<'EOF'
${lines(3000, '')}
EOF
[ -n '${clusterFrom ?? ''}' ] && [ $n -ge ${clusterFrom ?? 0} ] && cat <<'EOF'
${lines(2000, ' -s jcsite')}
EOF
exit 0`,
  );
  put(
    join(sbx.root, 'usr/lib/nqs/nqsstop'),
    `echo nqsstop >> '${log}'
[ -f '${state}/looks' ] && touch '${state}/local-stopped'
exit 0`,
  );
  return {
    env: { PATH: `${bin}:${sbx.env.PATH ?? ''}` },
    calls: (): string[] => readFileSync(log, 'utf8').split('\n').filter((l) => l !== ''),
    ps: join(bin, 'ps'),
  };
}

const activeJournal = (sbx: ReturnType<typeof buildJobcenterSandbox>): JournalEvent[] =>
  sbx.journals().find((j) => j.some((e) => e.type === 'run-start' && e.plan.answers.role === 'active')) ?? [];
const ends = (events: JournalEvent[]): string[] => events.flatMap((e) => (e.type === 'step-end' ? [`${e.step}:${e.status}`] : []));

describe('3.1.3 run: the local site\'s daemons do not pass for the cluster site\'s', () => {
  test('local site used, cluster site down: the wizard does not read ps -ef after the version-up, the operator checks', async () => {
    const sbx = buildJobcenterSandbox();
    const n = node(sbx);
    expect((await sbx.run({ ...UP, role: 'standby' }, n.env)).exitCode).toBe(0);
    const active = await sbx.run({ ...UP, local_site: 'yes' }, n.env);
    expect(active.exitCode, active.stdout + active.stderr).toBe(0);
    // One look, before the version-up (step 5); none at step 10.
    expect(n.calls()).toEqual(['nqsstop', 'nqsstop', 'ps -ef']);
    const journal = activeJournal(sbx);
    expect(ends(journal)).toContain('s313-check-stopped:done');
    expect(ends(journal).filter((e) => e.startsWith('s313-check-started'))).toEqual(['s313-check-started-by-hand:done']);
    expect(journal.some((e) => e.type === 'confirm' && e.step === 's313-check-started-by-hand')).toBe(true);
    expect(active.stdout).toContain("the local site's processes have the same names");

    // What ps -ef shows now: every name of the check, all of them the local site's. A check by
    // name (the step before this change) would have passed with the cluster site down.
    const table = (await execa(n.ps, ['-ef'])).stdout;
    expect(table).not.toContain('-s jcsite');
    const byName = expectEachOf(plan({ ...UP, local_site: 'no' }))[0] ?? [];
    expect(byName).toHaveLength(7);
    for (const re of byName) expect(new RegExp(re, 'm').test(table), re).toBe(true);
  }, 120_000);

  test('local site not used: it is stopped first, so the wizard waits for the cluster site instead of passing at once', async () => {
    const sbx = buildJobcenterSandbox();
    // The cluster site's daemons show from the third look: after the first look at step 10.
    const n = node(sbx, 3);
    expect((await sbx.run({ ...UP, role: 'standby' }, n.env)).exitCode).toBe(0);
    const active = await sbx.run({ ...UP, local_site: 'no' }, n.env);
    expect(active.exitCode, active.stdout + active.stderr).toBe(0);
    expect(n.calls()).toEqual(['nqsstop', 'nqsstop', 'ps -ef', 'nqsstop', 'ps -ef', 'ps -ef']);
    // The first look at step 10 found none of the processes: the local site's were gone.
    expect(active.stdout + active.stderr).toContain('not yet (not in the output of ps -ef: cjcpw, nqsdaemon, jnwcaster, jnwengine, sclaunchd, comagent, jcdbs)');
    const journal = activeJournal(sbx);
    expect(ends(journal).slice(-3)).toEqual(['s313-stop-local-after:done', 's313-resume-monitoring:done', 's313-check-started-r131:done']);
  }, 120_000);
});
