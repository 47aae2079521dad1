// The Groupmax wizard in a real pseudo-terminal (tmux): the questions (2.0 asks its revision),
// the plan review with the six ports, the checkpoints up to the reboot, where the run stops with
// the command to resume; then the wizard started again offers to resume and finishes the
// upgrade. Needs tmux and the built binary.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { groupmaxSandbox, SERVICES_UNIX, startToReboot } from '../helpers/groupmax-sandbox.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));

/** The wizard in a 120x45 terminal, in a clean environment with the sandbox's stand-ins first on PATH. */
function start(env: Record<string, string>, dir: string, args: string[]): Promise<Tmux> {
  const clean = { PATH: `${env.PATH}`, TERM: 'xterm-256color', LANG: 'C', HOME: dir };
  return Tmux.start([process.execPath, bin, ...args], { width: 120, height: 45, env: clean, waitTimeoutMs: 40_000 });
}

afterEach(() => Tmux.killAll());

describe.skipIf(!hasTmux)('groupmax in a terminal', () => {
  test('from 2.0 (02-00): questions, review, stop at the reboot, resume in the wizard to the end', async () => {
    const sb = groupmaxSandbox();
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    let t = await start(sb.env, sb.dir, ['--product', 'groupmax', ...place]);
    await t.waitFor('Enter continue');
    await t.keys('Enter');
    await t.waitFor('Installed version (5, 3, 2.0');
    await t.type('2.0');
    await t.keys('Enter');
    await t.waitFor('Which revision of Version 2.0 is installed?');
    await t.keys('Enter');
    // The wizard runs on the server: a machine that is not Windows is the UNIX server.
    const os = await t.waitFor('Operating system of the server');
    expect(os).toMatch(/› UNIX +detected/);
    expect(os).toContain('detected: this machine runs Linux');
    await t.keys('Enter');
    await t.waitFor('Is this server a mail server');
    await t.keys('y', 'Enter');
    await t.waitFor('collect the master management server journal');
    await t.keys('n', 'Enter');
    await t.waitFor('operator console');
    await t.keys('n', 'Enter');
    await t.waitFor('start automatically?');
    await t.keys('y', 'Enter');
    const review = await t.waitFor('Press Enter to start');
    expect(review).toContain('Turn off the automatic start of the address service');
    await t.keys('PageDown');
    const more = await t.waitFor('adreq_ap 9081/tcp');
    expect(more).toContain('adagt_ap 9080/tcp');
    await t.keys('Enter');
    await startToReboot(t);
    const stopped = await t.waitFor('The run stopped for the restart of step');
    expect(stopped).toContain(`upgrade-wizard resume --root ${sb.root}`);
    // A pause the procedure asks for, not a run cut short.
    expect(stopped).toContain('■ The run paused for the reboot the procedure asks for.');
    expect(sb.servicesText()).toBe(SERVICES_UNIX);
    expect(sb.calls()).toEqual([]);
    await t.keys('q');

    // The wizard again, which finds the run and continues it. No reboot happened here (the
    // same boot id): the offer says so, and its choice says what it does.
    await t.kill();
    t = await start(sb.env, sb.dir, place);
    const welcome = await t.waitFor('Resume without the reboot');
    expect(welcome.replace(/\s+/g, ' ')).toContain('⚠ The machine has not been rebooted since step 4 (Shut the machine down and restart it) stopped the run for it.');
    expect(welcome).toContain('4 of 14 steps finished');
    expect(welcome).toContain('Next step: Back up the old environment');
    // Quitting to reboot is the default; going on without the reboot is a deliberate choice.
    expect(welcome).toMatch(/› Quit: I will reboot first\n +Resume without the reboot\n +Start a new upgrade/);
    await t.keys('Down', 'Enter');
    await t.checkpoint('Back up the old environment', 2);
    await t.checkpoint('Install Object Server, Address Server and Mail Server', 3);
    // The services file is shown as it will change before it is written.
    const change = await t.waitFor('a: accept and write');
    expect(change).toMatch(/\+adreq_ap\s+9081\/tcp/);
    expect(sb.servicesText()).toBe(SERVICES_UNIX);
    await t.keys('a');
    await t.checkpoint('Start Object Server');
    await t.checkpoint('Run the Address_Mail setup');
    await t.checkpoint('Start the address service');
    await t.checkpoint('Start the mail application');
    await t.checkpoint('Back up the Version 6 environment (recommended)', 2);
    await t.checkpoint('Restore the automatic start');
    const end = await t.waitFor('The upgrade finished.');
    expect(end).toContain('services.bak-');
    expect(sb.calls()).toEqual(['advup2_6 ']);
    expect(sb.servicesText()).toBe(`${SERVICES_UNIX}imap\t143/tcp\nadrshd\t20141/tcp\npop3\t110/tcp\npopcfg\t106/tcp\nadagt_ap\t9080/tcp\nadreq_ap\t9081/tcp\n`);
    await t.keys('q');
  }, 180_000);
});
