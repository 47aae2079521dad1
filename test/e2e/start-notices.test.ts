// What keeps an upgrade from starting whatever the answers is said on the welcome, before the
// first question, and the plan refuses to start: a log dir that cannot be written (it was a raw
// "EACCES: permission denied, mkdir" after Yes), and a user who is not root on the real machine.
// The real binary in tmux.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { isRoot } from '../helpers/cli.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const GROUPMAX = ['from=5', 'platform=unix', 'mail_server=no', 'journal=no', 'console=no', 'autostart=no'].flatMap((a) => ['--set', a]);
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C' };

afterEach(() => Tmux.killAll());

describe.skipIf(!hasTmux)('start notices', () => {
  test('a log dir that cannot be written: named on the welcome, a blocker on the plan, nothing made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-notice-'));
    const root = join(dir, 'root');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc', 'services'), 'ftp\t\t21/tcp\n');
    // Under a file: no one can make it, root neither.
    writeFileSync(join(dir, 'not-a-dir'), '');
    const logDir = join(dir, 'not-a-dir', 'logs');
    const t = await Tmux.start([process.execPath, bin, '--product', 'groupmax', ...GROUPMAX, '--root', root, '--log-dir', logDir], { width: 100, height: 30, env: { ...env, HOME: dir } });
    const welcome = (await t.waitFor('Enter continue')).replace(/\s+/g, ' ');
    expect(welcome).toContain(`! The log directory ${logDir} cannot be written (ENOTDIR): the upgrade cannot start`);
    await t.keys('Enter');
    const plan = await t.waitFor('Start is disabled');
    expect(plan.replace(/\s+/g, ' ')).toContain(`✗ the log directory ${logDir} cannot be written (ENOTDIR): the run could not keep its journal`);
    expect(plan).toContain('fix: run the wizard as root, or start it again with --log-dir DIR');
    // Enter does not start a blocked plan.
    await t.keys('Enter');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await t.screen()).not.toContain('Start the upgrade now');
    expect(existsSync(logDir)).toBe(false);
  });

  test.skipIf(!isRoot)('not root on the real machine: said on the welcome, before any question', async () => {
    const t = await Tmux.start(['runuser', '-u', 'nobody', '--', process.execPath, bin], { width: 100, height: 30, env: { ...env, HOME: tmpdir() } });
    const welcome = (await t.waitFor('Enter continue')).replace(/\s+/g, ' ');
    expect(welcome).toContain('Target: this server (/)');
    expect(welcome).toContain('! You are not root: the questions and the plan work, but the upgrade cannot start as this user.');
    expect(welcome).toContain('rehearse it in a sandbox with --root DIR');
  });
});
