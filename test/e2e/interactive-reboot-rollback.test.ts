// The Groupmax wizard as a person meets it at 80x24 (the built binary in tmux): the resume
// command on the summary of the reboot pause, the welcome after that pause when the machine has
// not rebooted (quitting to reboot is the default and changes nothing), and a rollback chosen
// after advup2_6 fails (its own phase, header and numbering, within the screen's 24 rows).
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { groupmaxSandbox, startToReboot, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const ANSWERS = ['--product', 'groupmax', '--set', 'from=2.0', '--set', 'v2_revision=02-00', '--set', 'platform=unix', '--set', 'mail_server=yes', '--set', 'journal=no', '--set', 'console=no', '--set', 'autostart=yes'];
const dirs: string[] = [];

afterEach(async () => {
  await Tmux.killAll();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sandbox(): GroupmaxSandbox {
  const sb = groupmaxSandbox();
  dirs.push(sb.dir);
  return sb;
}

const place = (sb: GroupmaxSandbox) => ['--lang', 'en', '--root', sb.root, '--log-dir', sb.logs];

function wizard(sb: GroupmaxSandbox, args: string[] = []): Promise<Tmux> {
  const env = { PATH: sb.env.PATH ?? '', TERM: 'xterm-256color', LANG: 'C.UTF-8', HOME: sb.dir };
  return Tmux.start([process.execPath, bin, ...place(sb), ...args], { width: 80, height: 24, env, waitTimeoutMs: 40_000 });
}

/** The same, unattended, up to the reboot step, where the run pauses. */
async function runToReboot(sb: GroupmaxSandbox): Promise<void> {
  const r = await execa(process.execPath, [bin, 'run', '--yes', ...place(sb), ...ANSWERS], { env: sb.env, reject: false });
  expect(r.stdout).toContain('The run stopped for the restart of step 4');
}

/** Every file of the log dir with its content: what a run changes. */
function logFiles(sb: GroupmaxSandbox): Record<string, string> {
  return Object.fromEntries(readdirSync(sb.logs).map((n) => [n, readFileSync(join(sb.logs, n), 'utf8')]));
}

/** The screen's rows without trailing blanks, and none wider than 80 columns. */
function rowsOf(screen: string): string[] {
  const rows = screen.replace(/\n+$/, '').split('\n');
  for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);
  return rows;
}

describe.skipIf(!hasTmux)('groupmax at 80x24: reboot pause, resume, rollback', () => {
  it('shows the resume command broken only between its arguments', async () => {
    const sb = sandbox();
    const t = await wizard(sb, ANSWERS);
    await t.waitFor('Enter continue');
    await t.keys('Enter');
    await t.waitFor('Press Enter to start');
    await t.keys('Enter');
    await startToReboot(t);
    const screen = await t.waitFor('The run paused for the reboot');
    const rows = rowsOf(screen);
    const first = rows.findIndex((r) => r.trimStart().startsWith('upgrade-wizard resume'));
    const end = rows.findIndex((r, i) => i > first && r.startsWith(' Report:'));
    expect(first).toBeGreaterThan(0);
    // The sandbox's paths make it wider than the screen: it takes two rows, each of whole arguments.
    expect(end - first).toBeGreaterThan(1);
    // Each row but the last ends in " \": the rows copied together are one command for the shell.
    const parts = rows.slice(first, end).map((r) => r.trim()).filter(Boolean);
    expect(parts.slice(0, -1).every((r) => r.endsWith(' \\'))).toBe(true);
    expect(parts.map((r) => r.replace(/ \\$/, '')).join(' ')).toBe(`upgrade-wizard resume --root ${sb.root} --log-dir ${sb.logs}`);
    await t.keys('q');
    expect(await t.exitStatus()).toBe(0);
  }, 120_000);

  it('after the reboot pause without a reboot, Enter quits to reboot first and changes nothing', async () => {
    const sb = sandbox();
    await runToReboot(sb);
    const before = logFiles(sb);
    let t = await wizard(sb);
    const welcome = await t.waitFor('Resume without the reboot');
    expect(welcome).toContain('⚠ The machine has not been rebooted');
    expect(welcome).toMatch(/› Quit: I will reboot first\n +Resume without the reboot\n +Start a new upgrade/);
    expect(welcome).toMatch(/Ctrl-C quit/);
    await t.keys('Enter');
    expect(await t.exitStatus()).toBe(0);
    const history = (await t.history()).replace(/\s+/g, ' ');
    expect(history).toContain('Nothing was changed. After the reboot, start the wizard again; it offers to resume the run:');
    expect(history).toContain(`upgrade-wizard --root ${sb.root} --log-dir ${sb.logs}`);
    expect(logFiles(sb)).toEqual(before);
    expect(sb.calls()).toEqual([]);

    // Going on without the reboot is still there, one choice down.
    await t.kill();
    t = await wizard(sb);
    await t.waitFor('Resume without the reboot');
    await t.keys('Down', 'Enter');
    await t.checkpoint('Back up the old environment', 2);
    await t.keys('C-c');
    await t.waitFor('Stopping after this step');
  }, 120_000);

  it('rolls back after advup2_6 fails as a phase of its own, numbered within it, inside 24 rows', async () => {
    const sb = sandbox();
    // A failing advup2_6: exit 3 with the vendor's kind of message.
    const advup = join(sb.dir, 'bin', 'advup2_6');
    writeFileSync(advup, '#!/bin/sh\necho "KAKD012-E: the master management server data could not be converted"\nexit 3\n');
    chmodSync(advup, 0o755);
    await runToReboot(sb);
    // Unattended up to the failure of step 9; the wizard then offers to go on from there.
    await execa(process.execPath, [bin, 'resume', '--yes', ...place(sb)], { env: sb.env, reject: false });
    const t = await wizard(sb);
    await t.waitFor('Resume the interrupted run');
    await t.keys('Enter');
    await t.waitFor('What now?');
    await t.keys('Down', 'Enter');
    const confirm = await t.waitFor('Yes');
    // Its steps are the operator's to do: not "run on the server".
    expect(confirm.replace(/\s+/g, ' ')).toContain('Roll back to "Back to the old version" now? These steps follow ([manual] ones are yours to do):');
    expect(confirm).toContain(' 1. [manual] Stop the services');
    expect(confirm).toContain('y/n');
    await t.keys('y', 'Enter');

    let screen = await t.waitFor('Rolling back to "Back to the old version": 0 of 3 done');
    let rows = rowsOf(screen);
    expect(rows.length).toBeLessThanOrEqual(23);
    expect(rows[0]).toMatch(/: rolling back +0 of 3 done$/);
    expect(rows).toContain(' ✓  1. Stop the address service of the master management server');
    expect(rows).toContain(' ✓  2. Stop Object Server');
    // The failure's two lines on one row, not a second one pushing the screen down.
    expect(screen).toMatch(/ ✗  9\. Run the upgrade command advup2_6 {2}\(failed: advup2_6: exit code 3 · KAK/);
    expect(screen).toContain('▸  1. [manual] Stop the services');
    expect(screen).not.toContain('Output of step 9');
    await t.keys('Space', 'Enter');

    screen = await t.waitFor('▸  2. [manual] Restore the old environment');
    rows = rowsOf(screen);
    expect(rows.length).toBeLessThanOrEqual(23);
    expect(rows[0]).toMatch(/: rolling back +1 of 3 done$/);
    expect(screen).toContain('↺ Rolling back to "Back to the old version": 1 of 3 done');
    expect(screen).toMatch(/↺ Rolling back[^\n]*\n ✓  1\. Stop the services\n ▸  2\. \[manual\] Restore the old environment/);
    await t.keys('Space', 'Down', 'Space', 'Down', 'Space', 'Enter');
    await t.checkpoint('Restore automatic start');
    screen = await t.waitFor('The run was rolled back.');
    await t.keys('q');
    expect(await t.exitStatus()).toBe(0);
  }, 180_000);
});
