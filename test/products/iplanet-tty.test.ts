// The iPlanet wizard in a real pseudo-terminal (tmux): the questions (a list, a password typed as
// stars), the plan review, the checkpoints; the operator runs ./setup -k while the wizard waits at
// its checkpoint, then reads the comparison of backup.TIMESTAMP with the new files and finishes.
// The password reaches ldapsearch through its 0600 file and nothing else. Needs tmux and the build.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iplanetSandbox, NEW_MAPPINGS } from '../helpers/iplanet-sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));

afterEach(() => Tmux.killAll());

describe.skipIf(!hasTmux)('iplanet in a terminal', () => {
  test('questions (list, masked password), review, checkpoints, setup -k by the operator, the comparison, the end', async () => {
    const PW = 'Tty-Bind-77x';
    const sb = iplanetSandbox({ queued: true, password: PW });
    const clean = { PATH: `${sb.env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: sb.dir };
    const t = await Tmux.start([process.execPath, bin, '--product', 'iplanet-messaging', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs], { width: 120, height: 45, env: clean, waitTimeoutMs: 40_000 });
    // What the sandbox's server-root shows is on the welcome, with its evidence.
    const welcome = await t.waitFor('Enter continue');
    expect(welcome).toContain('server-root directory: /usr/iplanet/server5');
    expect(welcome).toContain('Is there an iPlanet Web Server?: Yes');
    await t.keys('Enter');
    const answer = async (question: string, ...k: string[]): Promise<string> => {
      const shown = await t.waitFor(question);
      await t.keys(...k);
      return shown;
    };
    const typed = async (question: string, text: string): Promise<void> => {
      await t.waitFor(question);
      await t.type(text);
    };
    await typed('Installed Messaging Server version', '5.1');
    await t.keys('Enter');
    await answer('High Availability (cluster) set-up', 'Enter');
    await answer('server-root directory', 'Enter');
    // Proposed from the server-root just answered, each with what was seen.
    const instance = await answer('The Messaging Server instance', 'Enter');
    expect(instance).toContain('holds one Messaging Server instance: msg-budgie');
    expect(instance).toContain('> msg-budgie');
    // slapd-budgie in the server-root: the Directory Server is proposed as installed there.
    const local = await answer('installed in the same server-root as the Messaging Server', 'Enter');
    expect(local).toContain('Directory Server instances in');
    const slapd = await answer('The Directory Server instances', 'Enter');
    expect(slapd).toContain('Directory Server instances in');
    expect(slapd).toContain('> slapd-budgie');
    await typed('Installed Directory Server version', '4.13');
    await t.keys('Enter');
    await answer('Directory Server host name', 'Enter');
    await answer('Directory Server port', 'Enter');
    await answer('Is there an iPlanet Web Server?', 'n', 'Enter');
    await answer('Delegated Administrator for Messaging', 'n', 'Enter');
    await answer('a mounted file system of its own?', 'n', 'Enter');
    await answer('Where the backups go', 'Enter');
    await answer('also save the user/group and personal address book', 'y', 'Enter');
    await typed('The user/group suffix', 'o=siroe.com');
    await t.keys('Enter');
    await answer('(bind DN)', 'Enter');
    await typed("The directory manager's password", PW);
    // Typed, but only stars on the screen.
    expect(await t.waitFor('*'.repeat(PW.length))).not.toContain(PW);
    await t.keys('Enter');
    const review = await t.waitFor('Press Enter to start');
    expect(review).toContain('stop dispatcher');
    expect(review).not.toContain(PW);
    await t.keys('Enter');
    await t.waitFor('Start the upgrade now');
    await t.keys('y', 'Enter');
    await t.checkpoint('Back up the whole server-root with your existing backup system (recommended)');
    const ds = await t.waitFor(/▸ +\d+\. \[manual\] Upgrade the Directory Server slapd-budgie/);
    expect(ds).toContain('chose 1 (Netscape Server Products Core Components), 2 (Netscape Directory Suite) and');
    await t.checkpoint('Upgrade the Directory Server slapd-budgie (setup -k)', 2);
    await t.checkpoint('Prepare the Directory Server with ims_dssetup.pl');
    const setup = await t.waitFor(/▸ +\d+\. \[manual\] Upgrade the Messaging Server/);
    expect(setup).toContain('Chose components 1 (Netscape Server Products Core Components), 3 (Administration Services) and 4');
    // The operator runs ./setup -k in another terminal now; it leaves backup.TIMESTAMP behind.
    sb.afterUpgrade();
    await t.checkpoint('Upgrade the Messaging Server (./setup -k)', 4);
    const diff = await t.waitFor('A comparison to read; nothing is written.');
    expect(diff).toContain('differs: imta/config/mappings');
    expect(diff).toContain('-  ! site rule: reject the old relay');
    await t.keys('a');
    await t.checkpoint('Apply the customisations again');
    await t.checkpoint('Watch the message queue');
    const end = await t.waitFor('The upgrade finished.');
    expect(end).toContain('server-root.tar.gz');
    expect(end).not.toContain(PW);
    expect(readFileSync(join(sb.inst, 'imta/config/mappings'), 'utf8')).toBe(NEW_MAPPINGS);
    expect(sb.calls().filter((c) => c.startsWith('ldapsearch-password'))).toEqual(['ldapsearch-password ok', 'ldapsearch-password ok']);
    expect(sb.calls().at(-1)).toBe('start-msg ');
    for (const f of readdirSync(sb.logs)) expect(readFileSync(join(sb.logs, f), 'utf8')).not.toContain(PW);
    await t.keys('q');
  }, 180_000);
});
