// The interactive wizard in a real pseudo-terminal (tmux): the standby node's rolling patch was
// run (run --yes) into the log dir; on the active node the administrator answers the JobCenter
// questions, sees on the plan that the standby run allowed this one, starts it, and confirms the
// patched files and the failback checkpoint item by item. Needs tmux and the built binary.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { buildJobcenterSandbox, PATCH_RPM } from '../helpers/jobcenter-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));

afterEach(() => Tmux.killAll());

/** The questions of a UNIX rolling patch from R13.2 to R13.2.1, up to the plan, for one node. */
async function answerRollingPatch(t: Tmux, role: 'standby' | 'active'): Promise<void> {
  const welcome = await t.waitFor('Enter continue');
  expect(welcome).toContain('Which kind of cluster?: UNIX cluster (chapter 3)');
  await t.keys('Enter');
  // The node's /usr/lib/nqs/nqsstop says UNIX: proposed, with what was seen.
  const kind = await t.waitFor('› UNIX cluster (chapter 3)');
  expect(kind).toMatch(/› UNIX cluster \(chapter 3\) +detected/);
  expect(kind).toContain('usr/lib/nqs/nqsstop exists (JobCenter for UNIX)');
  await t.keys('Enter');
  await t.waitFor('What are you doing?');
  await t.keys('Down', 'Down', 'Enter');
  await t.waitFor('Which node is this server?');
  if (role === 'active') {
    await t.keys('Down', 'Enter');
    await t.waitFor('Was the standby node done outside this wizard');
  }
  await t.keys('Enter');
  await t.waitFor('Installed version (before the change)?');
  await t.type('R13.2');
  await t.waitFor('> R13.2');
  await t.keys('Enter');
  await t.waitFor('Version after the change (target)?');
  await t.keys('C-u');
  await t.type('R13.2.1');
  await t.waitFor('> R13.2.1');
  await t.keys('Enter');
  await t.waitFor('Is the local JobCenter site of this server used?');
  await t.keys('Enter');
}

describe.skipIf(!hasTmux)('jobcenter in a terminal', () => {
  test('3.3.3 / 3.3.4 on the active node after the standby run: questions, plan, run, failback checkpoint', async () => {
    const s = buildJobcenterSandbox();
    const standby = await s.run({ cluster: 'unix', operation: 'rolling-patch', role: 'standby', from: 'R13.2', to: 'R13.2.1', local_site: 'yes' });
    expect(standby.exitCode, standby.stdout + standby.stderr).toBe(0);
    const rpm = `rpm -ivh ${join(s.media, PATCH_RPM)}`;
    expect(s.calls()).toEqual(['nqsstop', rpm]);

    const clean = { PATH: `${s.env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: s.dir };
    const t = await Tmux.start([process.execPath, bin, '--product', 'jobcenter', '--root', s.root, '--media', s.media, '--log-dir', s.logs], { width: 120, height: 50, env: clean, waitTimeoutMs: 40_000 });
    await answerRollingPatch(t, 'active');

    const review = await t.waitFor('Press Enter to start');
    // A rule met is listed as checked (✓), not as a warning (!).
    // In words, at a local time (no run id, no UTC ISO stamp).
    expect(review).toMatch(/✓ Order checked: the run this one must follow \(Standby node\) finished at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d /);
    expect(review).not.toMatch(/! Order check/);
    // The patch on the media is checked against the target first, both named.
    expect(review).toContain('Check that the patch on the media (R13.2.1) is the target version (to=R13.2.1)');
    expect(review).toContain('the environment variable NQS_SITE must not be set');
    expect(review).toContain(`$ ${rpm}`);
    expect(review).toContain('Fail back');
    await t.keys('Enter');
    await t.waitFor('Start the upgrade now');
    await t.keys('y', 'Enter');

    await t.waitFor('Check that the patched files are updated');
    await t.waitFor('I have done this step');
    expect(s.calls()).toEqual(['nqsstop', rpm, 'nqsstop', rpm]);
    await t.keys('Space', 'Enter');
    const failback = await t.waitFor('The failback completed correctly');
    expect(failback).toContain('JobCenter work runs on the active node');
    // Every item must be ticked: Enter with one open item does not confirm the checkpoint.
    await t.keys('Space', 'Enter');
    await t.waitFor('Tick every item first');
    await t.keys('Down', 'Space', 'Enter');
    const end = await t.waitFor('The upgrade finished');
    // The five steps of 3.3.3 / 3.3.4 and the check of the media's patch against the target first.
    expect(end).toContain('all 6 steps done');
    const active = s.journals().find((j) => j.some((e) => e.type === 'run-start' && e.plan.answers.role === 'active')) ?? [];
    const items = active.filter((e) => e.type === 'confirm' && e.step === 's334-failback').map((e) => (e.type === 'confirm' ? e.by : ''));
    expect(items).toEqual(['operator', 'operator', 'operator']);
    await t.keys('q');
  }, 120_000);

  test("3.3.1 / 3.3.2 on the standby node: its end says only this server's part is done, and what the active node needs", async () => {
    const s = buildJobcenterSandbox();
    const clean = { PATH: `${s.env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: s.dir };
    const t = await Tmux.start([process.execPath, bin, '--product', 'jobcenter', '--root', s.root, '--media', s.media, '--log-dir', s.logs], { width: 100, height: 30, env: clean, waitTimeoutMs: 40_000 });
    await answerRollingPatch(t, 'standby');
    await t.waitFor('Press Enter to start');
    await t.keys('Enter');
    await t.waitFor('Start the upgrade now');
    await t.keys('y', 'Enter');
    await t.waitFor('I have done this step');
    await t.keys('Space', 'Enter');
    await t.waitFor('The failover is complete');
    await t.keys('Space', 'Down', 'Space', 'Enter');
    const end = await t.waitFor("This server's part of the procedure is finished");
    expect(end).not.toContain('The upgrade finished');
    // The screens' way to say it (the node's role chosen from the list), the CLI's beside it.
    expect(end.replace(/\s+/g, ' ')).toContain('Next: on the active node, run this wizard with role=active: on the screens, choose "Active node" for "Which node is this server?" (CLI: --set role=active)');
    await t.keys('q');
  }, 120_000);
});
