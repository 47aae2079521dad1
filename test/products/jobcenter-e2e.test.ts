// The real binary on sandbox nodes (build first: npx tsc -p .): the UNIX version-up on the standby
// node, then the active node, which is refused until the standby run is in the log dir; a rolling
// patch (standby patch -> failover -> active patch -> failback); the NQS_SITE check stopping a run
// that `resume` continues once it is unset; the process check stopping before rpm touches a
// running site; nqsstop finding no daemon on a node whose local site is not used (skipped by the
// operator, through the executor as the screens drive it); a target that
// is not the patch on the media; and the IPF emulation standby node of 1.1.3 on a Windows tree under the root.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { Facts } from '../../src/model/facts.js';
import { buildPlan } from '../../src/plan/build.js';
import { withDefaults } from '../../src/plan/questions.js';
import { execute } from '../../src/run/executor.js';
import { buildJobcenterSandbox, exists, PATCH_RPM, psRunning, PS_STOPPED } from '../helpers/jobcenter-sandbox.js';
import { Recorder } from '../run/ctx.js';
import { def } from './jobcenter-paths.js';

const UNIX_UP = { cluster: 'unix', operation: 'versionup', from: 'R12.8', to: 'R13.2' };
const lastEnd = (events: JournalEvent[]) => events.filter((e) => e.type === 'run-end').at(-1);
const confirmed = (events: JournalEvent[], step: string) => events.filter((e) => e.type === 'confirm' && e.step === step);
const reportOf = (events: JournalEvent[]): string => {
  const end = lastEnd(events);
  return end?.type === 'run-end' && end.report ? readFileSync(end.report, 'utf8') : '';
};

describe('UNIX version-up (3.1) on both nodes', () => {
  test('active refused before the standby run; standby, then active, run with the process checks', async () => {
    const sbx = buildJobcenterSandbox();
    sbx.psSequence([PS_STOPPED, psRunning(true)]);

    const early = await sbx.run({ ...UNIX_UP, role: 'active' });
    expect(early.exitCode).toBe(2);
    expect(early.stderr).toContain('no record that the standby node is done');
    expect(sbx.calls()).toEqual([]);
    expect(sbx.journals()).toEqual([]);

    const standby = await sbx.run({ ...UNIX_UP, role: 'standby' });
    expect(standby.exitCode, standby.stdout + standby.stderr).toBe(0);
    expect(sbx.calls()).toEqual(['nqsstop']);
    const [sbJournal] = sbx.journals();
    expect(lastEnd(sbJournal ?? [])).toMatchObject({ status: 'done' });
    for (const step of ['s311-precheck', 's312-backup-nqs', 's312-versionup', 's312-restore-nqs']) expect(confirmed(sbJournal ?? [], step).length).toBeGreaterThan(0);
    // No restore point: that line is still its own paragraph, not glued to the next heading.
    expect(reportOf(sbJournal ?? [])).toContain('This plan has no restore points.\n\n## Commands');
    // The standby node's end says where the procedure goes on, at the terminal and in the report.
    expect(standby.stdout).toMatch(/Next: on the active node, run this wizard with role=active: .*\(CLI: --set role=active\).*put the run-\*\.jsonl of this log dir in the active node's --log-dir/);
    expect(reportOf(sbJournal ?? [])).toMatch(/## What comes next\n\n- on the active node, run this wizard with role=active/);

    // A standby run for another target does not count.
    const other = await sbx.run({ ...UNIX_UP, to: 'R13.1', role: 'active' });
    expect(other.exitCode).toBe(2);
    expect(sbx.calls()).toEqual(['nqsstop']);

    // local_site=no: the wizard stops the local site, then checks the cluster site's processes
    // itself (where it is used, that check is the operator's: jobcenter-313-local-site.test.ts).
    const active = await sbx.run({ ...UNIX_UP, role: 'active', local_site: 'no' });
    expect(active.exitCode, active.stdout + active.stderr).toBe(0);
    // A rule met is not a warning (the report and the review screen list it as checked).
    expect(active.stdout).not.toContain('warning: Order check');
    expect(sbx.calls()).toEqual(['nqsstop', 'nqsstop', 'ps -ef', 'nqsstop', 'ps -ef']);
    const acJournal = sbx.journals().find((j) => j.some((e) => e.type === 'run-start' && e.plan.answers.role === 'active')) ?? [];
    expect(lastEnd(acJournal)).toMatchObject({ status: 'done' });
    const ends = acJournal.filter((e) => e.type === 'step-end').map((e) => (e.type === 'step-end' ? `${e.step}:${e.status}` : ''));
    expect(ends).toContain('s313-check-stopped:done');
    expect(ends).toContain('s313-check-started-r131:done');
    // The change record names the standby run that allowed the active run.
    const sbRun = sbJournal?.[0]?.type === 'run-start' ? sbJournal[0].runId : 'none';
    expect(reportOf(acJournal)).toMatch(new RegExp(`Order checked: the run this one must follow \\(Standby node\\) finished at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(its record: \\S*run-${sbRun}\\.jsonl\\)`));
    expect(reportOf(acJournal)).toContain('s313-resume-monitoring');
    expect(active.stdout).not.toContain('Next:');
    expect(reportOf(acJournal)).not.toContain('What comes next');
  }, 120_000);

  test('NQS_SITE set: the run stops at the check with the way out; resume continues once it is unset', async () => {
    const sbx = buildJobcenterSandbox();
    const first = await sbx.run({ ...UNIX_UP, role: 'standby' }, { NQS_SITE: 'jcsite' });
    expect(first.exitCode).not.toBe(0);
    expect(first.stdout + first.stderr).toContain('NQS_SITE is set (NQS_SITE=jcsite)');
    // The failure itself says that retrying cannot help and how to get out.
    expect(first.stdout + first.stderr).toContain('Retry cannot change that');
    expect(first.stdout + first.stderr).toContain('unset NQS_SITE');
    expect(first.stdout + first.stderr).toContain('upgrade-wizard resume');
    expect(sbx.calls()).toEqual([]);

    const again = await sbx.resume({ NQS_SITE: 'jcsite' });
    expect(again.exitCode).not.toBe(0);
    expect(sbx.calls()).toEqual([]);

    const resumed = await sbx.resume();
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(sbx.calls()).toEqual(['nqsstop']);
    expect(lastEnd(sbx.journals()[0] ?? [])).toMatchObject({ status: 'done' });
  }, 120_000);
});

describe('UNIX patch', () => {
  test('rolling patch (3.3): standby patch, failover checkpoint, then active patch and failback checkpoint', async () => {
    const sbx = buildJobcenterSandbox();
    const r = { cluster: 'unix', operation: 'rolling-patch', from: 'R13.2', to: 'R13.2.1' };
    const rpm = `rpm -ivh ${join(sbx.media, PATCH_RPM)}`;

    const standby = await sbx.run({ ...r, role: 'standby', local_site: 'no' });
    expect(standby.exitCode, standby.stdout + standby.stderr).toBe(0);
    // The local site is not used: the service the patch started by itself is stopped again.
    expect(sbx.calls()).toEqual(['nqsstop', rpm, 'nqsstop']);
    const sb = sbx.journals()[0] ?? [];
    const failover = confirmed(sb, 's332-failover');
    expect(failover.map((e) => (e.type === 'confirm' ? e.item : undefined))).toEqual(['The failover is complete', 'JobCenter work runs on the standby node', undefined]);
    expect(lastEnd(sb)).toMatchObject({ status: 'done' });

    const active = await sbx.run({ ...r, role: 'active', local_site: 'yes' });
    expect(active.exitCode, active.stdout + active.stderr).toBe(0);
    expect(sbx.calls()).toEqual(['nqsstop', rpm, 'nqsstop', 'nqsstop', rpm]);
    const ac = sbx.journals().find((j) => j.some((e) => e.type === 'run-start' && e.plan.answers.role === 'active')) ?? [];
    const order = ac.filter((e) => e.type === 'step-end').map((e) => (e.type === 'step-end' ? e.step : ''));
    expect(order).toEqual(['s333-patch-version', 's333-nqs-site', 's333-nqsstop', 's333-rpm', 's333-check-files', 's334-failback']);
    expect(confirmed(ac, 's334-failback').length).toBe(3);
  }, 120_000);

  test('patch (3.2) active: a cluster site process still running stops the run before rpm', async () => {
    const sbx = buildJobcenterSandbox();
    const p = { cluster: 'unix', operation: 'patch', from: 'R13.1', to: 'R13.2.1', local_site: 'yes' };
    expect((await sbx.run({ ...p, role: 'standby' })).exitCode).toBe(0);
    sbx.psSequence([psRunning(true, ['cjcpw', 'jnwcaster', 'jnwengine', 'sclaunchd', 'comagent', 'jcdbs'])]);
    const active = await sbx.run({ ...p, role: 'active' });
    expect(active.exitCode).not.toBe(0);
    // The process by name, with its ps -ef line (PID 2000), not the pattern that found it.
    expect(active.stdout + active.stderr).toContain('still in the output of ps -ef: nqsdaemon');
    expect(active.stdout + active.stderr).toContain('root      2000     1  0 10:05 ?        00:00:00 /usr/lib/nqs/nqsdaemon -s jcsite');
    expect(active.stdout + active.stderr).not.toContain('(?:');
    expect(sbx.calls().filter((c) => c.startsWith('rpm'))).toEqual([`rpm -ivh ${join(sbx.media, PATCH_RPM)}`]);
    expect(sbx.calls().at(-1)).toBe('ps -ef');
  }, 120_000);
});

describe('UNIX patch (3.2), local site not used', () => {
  test('nqsstop finding no daemon (before and after the patch) may be skipped; the standby run finishes, the active node follows', async () => {
    const sbx = buildJobcenterSandbox();
    sbx.localSiteDown();
    const p = { cluster: 'unix', operation: 'patch', from: 'R13.2', to: 'R13.2.1', local_site: 'no' };
    const rpm = `rpm -ivh ${join(sbx.media, PATCH_RPM)}`;
    // The operator's choices at a failure, as the screens offer them: Skip where the step allows it.
    const rec = new Recorder({ failure: ['skip', 'skip'] });
    const facts: Facts = {
      root: sbx.root,
      media: sbx.media,
      mediaFiles: { patch: { path: join(sbx.media, PATCH_RPM), name: PATCH_RPM, groups: { version: '13.2.1', release: '1', arch: 'x86_64' } } },
      isRoot: false,
      hasServiceCommand: false,
      runningServices: [],
      detected: {},
    };
    const path = process.env.PATH;
    process.env.PATH = sbx.env.PATH;
    let result;
    try {
      result = await execute(buildPlan(def, withDefaults(def, { ...p, role: 'standby' }), facts, 'en'), rec, { logDir: sbx.logs, root: sbx.root });
    } finally {
      process.env.PATH = path;
    }
    expect(result.status, JSON.stringify(rec.failures)).toBe('done');
    expect(sbx.calls()).toEqual(['nqsstop', rpm, 'nqsstop']);
    expect(rec.failures.map((f) => f.step)).toEqual(['s322-nqsstop', 's322-stop-local-after']);
    for (const f of rec.failures) {
      expect(f.choices, f.step).toContain('skip');
      expect(f.error, f.step).toContain('NQS daemon is not running');
    }
    expect(rec.ends.filter((e) => e.status === 'skipped').map((e) => e.step)).toEqual(['s322-nqsstop', 's322-stop-local-after']);

    // The finished standby run (two steps skipped) lets the active node go on.
    sbx.localSiteDown(false);
    sbx.psSequence([PS_STOPPED, psRunning(true)]);
    const active = await sbx.run({ ...p, role: 'active' });
    expect(active.exitCode, active.stdout + active.stderr).toBe(0);
    expect(sbx.calls()).toEqual(['nqsstop', rpm, 'nqsstop', 'nqsstop', 'ps -ef', rpm, 'nqsstop', 'ps -ef']);
  }, 120_000);

  test('a target that is not the patch on the media stops the standby run first, both named, nothing run', async () => {
    const sbx = buildJobcenterSandbox();
    const standby = await sbx.run({ cluster: 'unix', operation: 'patch', from: 'R13.2', to: 'R13.2', local_site: 'no', role: 'standby' });
    expect(standby.exitCode).not.toBe(0);
    const out = standby.stdout + standby.stderr;
    expect(out).toContain('Check that the patch on the media (R13.2.1) is the target version (to=R13.2)');
    expect(out).toContain('test R13.2.1 = R13.2');
    expect(sbx.calls()).toEqual([]);
    expect(lastEnd(sbx.journals()[0] ?? [])).toMatchObject({ status: 'failed' });
  }, 120_000);
});

describe('MSCS IPF emulation -> native (1.1.3) standby node on a sandbox Windows tree', () => {
  test('jc_check -l saved and named in the report; reg delete as argv; nec* and the folders deleted by the wizard, copies kept', async () => {
    const sbx = buildJobcenterSandbox();
    const res = await sbx.run({ cluster: 'mscs', arch: 'ipf-emulation', operation: 'versionup', role: 'standby', from: 'R12.7.2', to: 'R13.2', clwin: 'yes', local_site: 'yes', systemroot: 'C:\\Windows' });
    expect(res.exitCode, res.stdout + res.stderr).toBe(0);
    expect(sbx.calls()).toEqual(['jc_check -l', 'reg delete HKLM\\Software\\Wow6432Node\\NEC\\NetShepherd\\SV /f', 'reg delete HKLM\\Software\\Wow6432Node\\NEC\\JobCenter(CL/Win) /f']);
    const saved = join(sbx.logs, 'jc_check-l-standby.txt');
    expect(readFileSync(saved, 'utf8')).toContain('[queue] guibs_1 guilb_def');
    const journal = sbx.journals()[0] ?? [];
    const report = reportOf(journal);
    expect(report).toContain(saved);

    // Shown before deletion, matched without regard to case (NECJCEX.DLL), files only for nec*.
    expect(res.stdout).toMatch(/3 item\(s\) of \S+SysWOW64 to delete:[\s\S]*NECJCEX\.DLL[\s\S]*necjcsock\.dll/);
    for (const gone of ['necjcsock.dll', 'NECJCEX.DLL', 'necjclog', 'necjcupsetup']) expect(exists(sbx.win(`Windows/SysWOW64/${gone}`)), gone).toBe(false);
    for (const kept of ['kernel32.dll', 'drivers/necfoo.sys']) expect(exists(sbx.win(`Windows/SysWOW64/${kept}`)), kept).toBe(true);
    // system32 is not touched on IPF emulation (1.1.3 works in SysWOW64).
    expect(exists(sbx.win('Windows/system32/necjcsock.dll'))).toBe(true);
    const copies = journal.filter((e) => e.type === 'written' && e.step === 's1131-delete-dll');
    expect(copies).toHaveLength(3);
    for (const c of copies) if (c.type === 'written') expect(exists(c.backup ?? '')).toBe(true);
    expect(report).toContain('necjclog');
    expect(confirmed(journal, 's1131-reenter-settings').length).toBe(6);
  }, 120_000);
});
