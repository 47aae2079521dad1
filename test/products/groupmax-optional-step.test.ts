// Groupmax's "Back up the Version 6 environment (recommended)" is optional in the procedure
// (skippable). The real binary in tmux: resume at a terminal offers to skip it, the wizard's run
// screen too (k, then y), and resume --skip-step after a stop there says it skips it. Every
// way, the journal says skipped and never "confirmed as done". Build first (npx tsc -p .).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const T = 180_000;
const answers = ['--set', 'from=02-00', '--set', 'mail_server=yes', '--set', 'journal=no', '--set', 'console=no', '--set', 'autostart=yes'];

type Ev = { type: string; step?: string; status?: string; detail?: string; by?: string };
function journalOf(logs: string): Ev[] {
  const file = readdirSync(logs).find((n) => n.endsWith('.jsonl')) as string;
  return readFileSync(join(logs, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Ev);
}
const reportOf = (logs: string): string => readFileSync(join(logs, readdirSync(logs).find((n) => n.endsWith('.md')) as string), 'utf8');

/** The first part with --yes: it stops for the reboot (step 4), before any checkpoint of step 5 on. */
async function stoppedAtReboot(): Promise<{ sb: GroupmaxSandbox; place: string[] }> {
  const sb = groupmaxSandbox();
  const place = ['--root', sb.root, '--log-dir', sb.logs];
  const first = await runCli(['run', '--product', 'groupmax', '--yes', ...place, ...sb.platformArgs, ...answers], { env: sb.env });
  expect(first.exitCode, first.stderr).toBe(0);
  return { sb, place };
}

function start(sb: GroupmaxSandbox, args: string[]): Promise<Tmux> {
  const env = { PATH: `${sb.env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: sb.dir };
  return Tmux.start([process.execPath, bin, ...args], { width: 100, height: 30, env, waitTimeoutMs: 40_000 });
}

const tail = (screen: string): string => screen.split('\n').filter((l) => l.trim() !== '').slice(-6).join('\n');
const OPTIONAL = 'The procedure says this step is optional. What now?';

/** resume at a terminal: answers every prompt (ticks all, says yes) until the optional step asks. */
async function answerUntilOptional(t: Tmux): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const screen = await t.waitFor((s) => /Space tick · a all|\(y\/N\)|What now\?/.test(tail(s)));
    if (tail(screen).includes(OPTIONAL)) return screen;
    await t.keys(...(tail(screen).includes('Space tick · a all') ? ['a', 'Enter'] : ['y', 'Enter']));
    await t.waitFor((s) => s !== screen);
  }
  throw new Error('the optional step was never asked');
}

afterEach(() => Tmux.killAll());

describe.skipIf(!hasTmux)('groupmax: the optional backup of Version 6', () => {
  test('resume at a terminal offers to skip it; skipped, it is journaled as skipped by the operator and the run finishes', async () => {
    const { sb, place } = await stoppedAtReboot();
    const t = await start(sb, ['resume', ...place, '--lang', 'en']);
    await t.waitFor('Continue this run now?');
    await t.keys('y', 'Enter');
    const asked = await answerUntilOptional(t);
    expect(asked).toContain('[13/14] backup-new: Back up the Version 6 environment (recommended)');
    expect(asked).toMatch(/❯ Do it now, then tick its items\n +Skip this step \(the procedure says it is optional; recorded as skipped, not as done\)\n +Stop here \(resume later\)/);
    await t.keys('Down', 'Enter');
    await t.waitFor('Restore the automatic start');
    await t.keys('y', 'Enter');
    expect(await t.exitStatus()).toBe(0);
    expect(await t.history()).toContain('skipped: by the operator, not done: the procedure says this step is optional');
    const journal = journalOf(sb.logs);
    expect(journal.filter((e) => e.type === 'confirm' && e.step === 'backup-new')).toEqual([]);
    expect(journal.find((e) => e.type === 'step-end' && e.step === 'backup-new')).toMatchObject({ status: 'skipped' });
    expect(journal.find((e) => e.type === 'step-end' && e.step === 'autostart-on')).toMatchObject({ status: 'done' });
  }, T);

  test('stopped there, resume --skip-step says it skips it (not that it is asked again) and journals no confirmation', async () => {
    const { sb, place } = await stoppedAtReboot();
    const t = await start(sb, ['resume', ...place, '--lang', 'en']);
    await t.waitFor('Continue this run now?');
    await t.keys('y', 'Enter');
    await answerUntilOptional(t);
    await t.keys('Down', 'Down', 'Enter');
    expect(await t.exitStatus()).not.toBe(0);
    const skipped = await runCli(['resume', '--yes', '--skip-step', 'backup-new', ...place], { env: sb.env });
    expect(skipped.exitCode, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('step backup-new is skipped as --skip-step asks: it is recorded as skipped, not as done');
    expect(skipped.stdout).not.toContain('it is asked again');
    const journal = journalOf(sb.logs);
    expect(journal.filter((e) => e.type === 'confirm' && e.step === 'backup-new')).toEqual([]);
    expect(journal.filter((e) => e.type === 'step-end' && e.step === 'backup-new').at(-1)).toMatchObject({ status: 'skipped', detail: 'on resume, by --skip-step (--yes): not run again, not confirmed as done' });
    expect(reportOf(sb.logs)).not.toContain('marked as done by the operator');
  }, T);

  test('the wizard: k and y skip it on the run screen, the key help says k', async () => {
    const { sb, place } = await stoppedAtReboot();
    const t = await start(sb, [...place, '--lang', 'en']);
    await t.waitFor('Resume without the reboot');
    await t.keys('Down', 'Enter');
    await t.checkpoint('Back up the old environment', 2);
    await t.checkpoint('Install Object Server, Address Server and Mail Server', 3);
    await t.waitFor('a accept and write');
    await t.keys('a');
    await t.checkpoint('Start Object Server');
    await t.checkpoint('Run the Address_Mail setup');
    await t.checkpoint('Start the address service');
    await t.checkpoint('Start the mail application');
    const backup = await t.waitFor(/▸ +\d+\. \[manual\] Back up the Version 6 environment \(recommended\)/);
    expect(backup).toContain('k skip');
    expect(backup).toContain('The procedure says this step is optional: k skips it');
    await t.keys('k');
    await t.waitFor('y skips it, n goes back');
    await t.keys('y');
    await t.checkpoint('Restore the automatic start');
    const end = await t.waitFor('The upgrade finished');
    expect(end).toContain('1 skipped');
    await t.keys('q');
    const journal = journalOf(sb.logs);
    expect(journal.filter((e) => e.type === 'confirm' && e.step === 'backup-new')).toEqual([]);
    expect(journal.find((e) => e.type === 'step-end' && e.step === 'backup-new')).toMatchObject({ status: 'skipped', detail: 'by the operator, not done: the procedure says this step is optional' });
  }, T);
});
