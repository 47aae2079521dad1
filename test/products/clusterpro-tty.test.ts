// The interactive wizard in a real pseudo-terminal (tmux): an administrator on server 1 of a
// two-server cluster answers the CLUSTERPRO questions (detected answers preselected), reviews the
// plan, starts it, confirms the checkpoint that waits for the other server, and the run stops at
// the reboot of 3.1.2 (3) with the command to resume. Needs tmux and the built binary.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { buildClusterproSandbox } from '../helpers/clusterpro-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));

afterEach(() => Tmux.killAll());

/** No WebManager, and the two servers node1 and node2; returns the screen of the next question. */
async function answerServers(t: Tmux): Promise<string> {
  await t.waitFor('Is WebManager used?');
  await t.keys('n', 'Enter');
  await t.waitFor("Host names of the cluster's servers?");
  await t.type('node1,node2');
  await t.keys('Enter');
  return t.waitFor('Which server is this one?');
}

describe.skipIf(!hasTmux)('clusterpro in a terminal', () => {
  test('3.1.2 on server 1: questions, plan review, checkpoint, stop for the reboot', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'x86_64', hostname: 'node1' });
    // Command as argv (tmux runs it without a shell); a clean environment with the stand-ins first.
    const clean = { PATH: `${s.env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: s.dir };
    const t = await Tmux.start([process.execPath, bin, '--product', 'clusterpro', '--root', s.root, '--media', s.media, '--log-dir', s.logs], { width: 120, height: 45, env: clean, waitTimeoutMs: 40_000 });
    await t.waitFor('Enter continue');
    expect(await t.screen()).toContain('Version 2.1.2, Release 1');
    await t.keys('Enter');
    await t.waitFor('What are you updating?');
    await t.keys('Enter');
    expect(await t.waitFor('Is CLUSTERPRO installed on this server?')).toMatch(/detected/);
    await t.keys('Enter');
    // Installed, so the update of a running cluster comes first, not the new installation.
    expect(await t.waitFor('What is the situation and the work?')).toMatch(/› Update a running cluster \(procedure 3\.1\.2\).*detected/);
    await t.keys('Enter');
    // Detected answers come preselected with their evidence: the operator only confirms.
    expect(await t.waitFor('Which architecture?')).toMatch(/› x86_64.*detected/);
    await t.keys('Enter');
    await t.waitFor('Which product is installed?');
    await t.keys('Enter');
    expect(await t.waitFor('Installed version?')).toContain('2.1.2-1');
    await t.keys('Enter');
    await t.waitFor('Is the kernel updated too');
    await t.keys('Enter');
    await answerServers(t);
    await t.keys('Enter');
    // Server 1 by default: this run shuts the cluster down.
    expect(await t.waitFor('Which server runs the cluster-wide steps?')).toMatch(/› Server 1 \(the first host\)/);
    await t.keys('Enter');
    const review = await t.waitFor('Press Enter to start');
    expect(review).toContain('runs on: every server');
    expect(review).toContain('$ clpstdn');
    await t.keys('Enter');
    await t.waitFor('Start the upgrade now');
    await t.keys('y', 'Enter');
    // The checkpoint of 3.1.2 (1): every server, named.
    expect(await t.waitFor('I have done this step')).toContain('every server (node1, node2)');
    expect(s.calls().filter((c) => c.startsWith('chkconfig'))).toHaveLength(6);
    await t.keys('Space', 'Enter');
    const end = await t.waitFor('The run stopped for the restart of step');
    // The operator continues at a terminal after the reboot: no --yes to confirm checkpoints unseen.
    expect(end).toMatch(/upgrade-wizard resume --root \S+/);
    expect(end).not.toContain('--yes');
    expect(s.calls().filter((c) => c !== 'rpm -qi clusterpro')).toEqual([
      ...['clusterpro_alertsync', 'clusterpro_webmgr', 'clusterpro', 'clusterpro_md', 'clusterpro_trn', 'clusterpro_evt'].map((n) => `chkconfig --del ${n}`),
      'clpstdn',
    ]);
    expect(s.installed()).toBe('2.1.2-1');
    await t.keys('q');
  }, 120_000);

  test('3.1.3 on server 2: which server this is is detected from the servers just named, and the plan ends with server 1', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'x86_64', hostname: 'node2' });
    const clean = { PATH: `${s.env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: s.dir };
    const t = await Tmux.start([process.execPath, bin, '--product', 'clusterpro', '--root', s.root, '--media', s.media, '--log-dir', s.logs], { width: 100, height: 40, env: clean, waitTimeoutMs: 40_000 });
    await t.waitFor('Enter continue');
    await t.keys('Enter');
    await t.waitFor('What are you updating?');
    await t.keys('Enter');
    await t.waitFor('Is CLUSTERPRO installed on this server?');
    await t.keys('Enter');
    // The detected update (3.1.2) is preselected: one down is the rolling update.
    await t.waitFor('What is the situation and the work?');
    await t.keys('Down', 'Enter');
    for (const q of ['Which architecture?', 'Which product is installed?', 'Installed version?', 'Is the Replicator option', 'Is the kernel updated too']) {
      await t.waitFor(q);
      await t.keys('Enter');
    }
    // Proposed, not the first choice: Enter here on server 1 would have run server 1's part on server 2.
    expect(await answerServers(t)).toMatch(/› Server 2 \(the second host\)\s+detected/);
    await t.keys('Enter');
    await t.waitFor('Press Enter to start');
    await t.keys('End');
    const end = await t.waitFor('When every step is done, next');
    expect(end.replace(/\s+/g, ' ')).toContain('→ on server 1 (the first of node1, node2), run this wizard with server=server1');
    await t.keys('C-c');
  }, 120_000);
});
