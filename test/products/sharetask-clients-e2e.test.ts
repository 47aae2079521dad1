// `run --yes` and `rollback` of the real binary on a Linux ShareTask client (chapters 6 and 7) in
// a sandbox: real zip packages on the media, real unzip and make, and a stand-in `service` on
// PATH whose sharetask-agent remembers which version it runs and refuses a second start.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';

interface ClientBox {
  dir: string;
  root: string;
  media: string;
  logDir: string;
  state: string;
  calls(): string[];
  /** The version directory the running agent was started from, or null when it is stopped. */
  agent(): string | null;
  link(): string;
  run(args: string[]): Promise<CliResult>;
}

const LIVE_INIT = 'SERVER=sharetask.example.com # the live settings of this site\n';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A client package as the vendor ships it: sharetask-VERSION/ with its own stclient.init and Makefile. */
function makePackage(stage: string, media: string, version: string, makefile: string): void {
  const top = `sharetask-${version}`;
  write(join(stage, top, 'etc/stclient.init'), `SERVER=localhost # shipped with ${version}\n`);
  write(join(stage, top, 'conf/stagent-boot.conf'), `# shipped ${version}\n`);
  write(join(stage, top, 'etc/log4j.prop'), `# shipped ${version}\n`);
  write(join(stage, top, 'Makefile'), makefile);
  execFileSync('zip', ['-q', '-r', join(media, `sharetask-client-${version}.zip`), top], { cwd: stage });
}

const GOOD_MAKEFILE = 'install_agent:\n\ttouch installed-agent\ninstall_command:\n\ttouch installed-command\n';

let boxes: string[] = [];
afterEach(() => {
  for (const d of boxes) rmSync(d, { recursive: true, force: true });
  boxes = [];
});

function makeBox(opts: { component: 'agent' | 'cli'; packages: string[]; makefile?: string; agentRunning?: boolean }): ClientBox {
  const dir = mkdtempSync(join(tmpdir(), 'uw-stclient-'));
  boxes.push(dir);
  const root = join(dir, 'root');
  const media = join(dir, 'media');
  const bin = join(dir, 'bin');
  const state = join(dir, 'state');
  const callsLog = join(dir, 'calls.log');
  for (const d of [media, bin, state, join(root, 'tmp')]) mkdirSync(d, { recursive: true });
  const old = join(root, 'usr/local/sharetask-5.2.1.0');
  write(join(old, 'etc/stclient.init'), LIVE_INIT);
  write(join(old, 'conf/stagent-boot.conf'), '# boot 5.2.1.0\n');
  write(join(old, 'etc/log4j.prop'), '# log4j 5.2.1.0\n');
  symlinkSync('sharetask-5.2.1.0', join(root, 'usr/local/sharetask'));
  if (opts.component === 'agent') write(join(root, 'etc/init.d/sharetask-agent'), '#!/bin/sh\n');
  for (const v of opts.packages) makePackage(join(dir, `stage-${v}`), media, v, opts.makefile ?? GOOD_MAKEFILE);
  // The agent runs from the link's target at its start; a started agent refuses a second start,
  // and stopping one that is not running fails, as init scripts do.
  const service = `#!/bin/sh
echo "service $*" >> '${callsLog}'
[ "$1" = sharetask-agent ] && [ -e '${root}/etc/init.d/sharetask-agent' ] || { echo "$1: unrecognized service" >&2; exit 1; }
case "$2" in
  start) if [ -e '${state}/agent' ]; then echo "sharetask-agent is already running ($(cat '${state}/agent'))" >&2; exit 1; fi
         readlink '${root}/usr/local/sharetask' > '${state}/agent' ;;
  stop)  if [ ! -e '${state}/agent' ]; then echo "sharetask-agent is not running" >&2; exit 1; fi
         rm -f '${state}/agent' ;;
  *) exit 2 ;;
esac
`;
  writeFileSync(join(bin, 'service'), service);
  chmodSync(join(bin, 'service'), 0o755);
  if (opts.agentRunning ?? opts.component === 'agent') writeFileSync(join(state, 'agent'), 'sharetask-5.2.1.0\n');
  const logDir = join(dir, 'log');
  return {
    dir,
    root,
    media,
    logDir,
    state,
    calls: () => (existsSync(callsLog) ? readFileSync(callsLog, 'utf8').split('\n').filter((l) => l !== '') : []),
    agent: () => (existsSync(join(state, 'agent')) ? readFileSync(join(state, 'agent'), 'utf8').trim() : null),
    link: () => readlinkSync(join(root, 'usr/local/sharetask')),
    run: (args) => runCli(args, { env: { PATH: [bin, process.env.PATH ?? '/usr/bin:/bin'].join(delimiter) } }),
  };
}

const upgrade = (b: ClientBox, component: string, from: string, to: string): Promise<CliResult> =>
  b.run(['run', '--product', 'sharetask', '--set', `component=${component}`, '--set', 'platform=linux', '--set', `from=${from}`, '--set', `to=${to}`, '--yes', '--root', b.root, '--media', b.media, '--log-dir', b.logDir]);

const rollback = (b: ClientBox): Promise<CliResult> => b.run(['rollback', '--to', 'old-client-link', '--yes', '--root', b.root, '--log-dir', b.logDir]);

describe('rolling back a Linux client (old-client-link)', () => {
  it('stops the new agent before it points the link back and starts the old one', async () => {
    const b = makeBox({ component: 'agent', packages: ['5.2.3.1'] });
    const up = await upgrade(b, 'agent', '5.2.1.0', '5.2.3.1');
    expect(up.exitCode, up.stdout + up.stderr).toBe(0);
    expect(b.agent()).toBe('sharetask-5.2.3.1');
    const before = b.calls().length;

    const back = await rollback(b);
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(b.calls().slice(before)).toEqual(['service sharetask-agent stop', 'service sharetask-agent start']);
    expect(b.link()).toBe('sharetask-5.2.1.0');
    // The agent that runs now is the old one, and only it.
    expect(b.agent()).toBe('sharetask-5.2.1.0');
  }, 120_000);

  it('tolerates an agent that is already stopped (the run failed after 6.1)', async () => {
    // make install_agent fails: the run stops with the agent down and the link on the new version.
    const b = makeBox({ component: 'agent', packages: ['5.2.3.1'], makefile: 'install_agent:\n\tfalse\n' });
    const up = await upgrade(b, 'agent', '5.2.1.0', '5.2.3.1');
    expect(up.exitCode).toBe(1);
    expect(b.link()).toBe('sharetask-5.2.3.1');
    expect(b.agent()).toBeNull();

    const back = await rollback(b);
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(b.calls()).toEqual(['service sharetask-agent stop', 'service sharetask-agent stop', 'service sharetask-agent start']);
    expect(b.link()).toBe('sharetask-5.2.1.0');
    expect(b.agent()).toBe('sharetask-5.2.1.0');
  }, 120_000);

  it('switches only the link back for the command line', async () => {
    const b = makeBox({ component: 'cli', packages: ['5.2.3.1'] });
    const up = await upgrade(b, 'cli', '5.2.1.0', '5.2.3.1');
    expect(up.exitCode, up.stdout + up.stderr).toBe(0);
    expect(b.link()).toBe('sharetask-5.2.3.1');
    const back = await rollback(b);
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(b.link()).toBe('sharetask-5.2.1.0');
    expect(b.calls()).toEqual([]);
    expect(back.stdout).toContain('7.2');
  }, 120_000);
});

describe('an agent whose package does not unpack (6.2)', () => {
  it('offers the restore point that starts the old agent again, and it does', async () => {
    const b = makeBox({ component: 'agent', packages: ['5.2.3.1'] });
    writeFileSync(join(b.media, 'sharetask-client-5.2.3.1.zip'), 'not a zip archive\n');
    const up = await upgrade(b, 'agent', '5.2.1.0', '5.2.3.1');
    expect(up.exitCode).toBe(1);
    expect(b.calls()).toEqual(['service sharetask-agent stop']);
    expect(b.agent()).toBeNull();
    // Said with the failure: where to go back to.
    expect(up.stdout + up.stderr).toContain('old-agent-start');
    const back = await b.run(['rollback', '--to', 'old-agent-start', '--yes', '--root', b.root, '--log-dir', b.logDir]);
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(b.calls()).toEqual(['service sharetask-agent stop', 'service sharetask-agent start']);
    expect(b.link()).toBe('sharetask-5.2.1.0');
    expect(b.agent()).toBe('sharetask-5.2.1.0');
  }, 120_000);
});

describe('the client package is the one of the answer "to"', () => {
  it('unpacks the version asked for, not the newest on the media', async () => {
    const b = makeBox({ component: 'agent', packages: ['5.2.3.1', '5.2.2.0'] });
    const up = await upgrade(b, 'agent', '5.2.1.0', '5.2.2.0');
    expect(up.exitCode, up.stdout + up.stderr).toBe(0);
    expect(b.link()).toBe('sharetask-5.2.2.0');
    expect(existsSync(join(b.root, 'usr/local/sharetask-5.2.3.1'))).toBe(false);
    expect(existsSync(join(b.root, 'usr/local/sharetask-5.2.2.0/installed-agent'))).toBe(true);
    expect(b.agent()).toBe('sharetask-5.2.2.0');
  }, 120_000);

  it('refuses before anything stops when that package is not on the media', async () => {
    const b = makeBox({ component: 'agent', packages: ['5.2.3.1'] });
    const before = snapshotTree(b.dir);
    const up = await upgrade(b, 'agent', '5.2.1.0', '5.2.4.0');
    expect(up.exitCode).toBe(2);
    expect(up.stderr).toMatch(/cannot start while these problems are open/);
    expect(up.stderr).toContain(`the client package sharetask-client-5.2.x.y.zip of the new version (to) is not on the media ${b.media}`);
    expect(b.calls()).toEqual([]);
    expect(b.agent()).toBe('sharetask-5.2.1.0');
    expect(snapshotTree(b.dir)).toEqual(before);
  }, 120_000);
});

describe('upgrading a client that already has the new version', () => {
  for (const component of ['agent', 'cli'] as const) {
    it(`${component}: a second run stops at its first check and keeps the live stclient.init`, async () => {
      const b = makeBox({ component, packages: ['5.2.3.1'] });
      const first = await upgrade(b, component, '5.2.1.0', '5.2.3.1');
      expect(first.exitCode, first.stdout + first.stderr).toBe(0);
      const live = join(b.root, 'usr/local/sharetask-5.2.3.1/etc/stclient.init');
      expect(readFileSync(live, 'utf8')).toBe(LIVE_INIT);
      const calls = b.calls();

      // Run again with the installed version as "from" (what detection proposes now): refused by
      // the plan (exit 2); with the first run's answers, refused by the plan too, which holds
      // "from" against the link (exit 2). Neither may unpack over the live installation.
      for (const [from, code, said] of [['5.2.3.1', 2, 'is not newer than the installed version 5.2.3.1'], ['5.2.1.0', 2, 'was answered 5.2.1.0, but this machine is 5.2.3.1']] as const) {
        const before = snapshotTree(b.root);
        const again = await upgrade(b, component, from, '5.2.3.1');
        expect(again.exitCode).toBe(code);
        expect(again.stdout + again.stderr).toContain(said);
        expect(b.calls()).toEqual(calls);
        expect(snapshotTree(b.root)).toEqual(before);
        expect(readFileSync(live, 'utf8')).toBe(LIVE_INIT);
        // The failed check leaves an unfinished run; a new one starts in a fresh log dir.
        b.logDir = join(b.dir, `log-${from}`);
      }
    }, 180_000);
  }
});

describe('refused answers of a client on the command line', () => {
  it("refuses the server's form 5.2.x-y as a client target, changing nothing", async () => {
    const b = makeBox({ component: 'agent', packages: ['5.2.3.1'] });
    const before = snapshotTree(b.dir);
    const en = await upgrade(b, 'agent', '5.2.1.0', '5.2.3-1');
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain('to: "5.2.3-1" does not have the expected form');
    expect(en.stderr).toContain('A client version is never written in the server\'s form 5.2.3-1.');
    const ja = await b.run(['plan', '--lang', 'ja', '--product', 'sharetask', '--set', 'component=cli', '--set', 'platform=windows', '--set', 'from=5.2.1.0', '--set', 'to=5.2.3-1']);
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('クライアントのバージョンは 5.2.3-1 のようなサーバーの書き方では書きません');
    expect(snapshotTree(b.dir)).toEqual(before);
  }, 120_000);
});
