// The commands the wizard shows to go on (resume) or back (rollback), when it was started from
// the CD folder: they must start that same folder's launcher, since nothing of it is on PATH
// (after the reboot a step asks for, "upgrade-wizard resume" was "command not found").
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { answerArgs, expectedUpgradedState, makeSandbox, upgradedState, type Sandbox } from '../helpers/sandbox.js';
import { basePath, buildDist, runDist } from './dist.js';

const uid = process.getuid?.() ?? 0;
let built: { dir: string; cleanup(): void };
let base: string;
let cd: string;
let sb: Sandbox & { cleanup(): void };

beforeAll(async () => {
  built = await buildDist();
  // Mounted where the path needs quoting for the shell.
  base = mkdtempSync(join(tmpdir(), 'uw-cd-cmd-'));
  cd = join(base, 'CD ROM', 'upgrade-wizard');
  cpSync(built.dir, cd, { recursive: true });
  sb = await makeSandbox();
}, 120_000);
afterAll(() => {
  sb?.cleanup();
  built?.cleanup();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('resume and rollback commands name the CD launcher that started the wizard', () => {
  it('a failed run says to resume with sh and the launcher\'s absolute path, quoted, and that command, pasted into a shell, finishes the upgrade', async () => {
    // The first service command fails: the run stops there, resumable.
    const failing = join(base, 'failing');
    mkdirSync(failing);
    writeFileSync(join(failing, 'service'), '#!/bin/sh\necho "service: broken" >&2\nexit 1\n', { mode: 0o755 });
    const args = ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir];
    const r = await runDist(cd, args, { path: [failing, sb.bin] });
    expect(r.exitCode).not.toBe(0);
    const launcher = `sh '${cd}/upgrade-wizard.sh'`;
    expect(r.stdout).toContain(`${launcher} resume --yes --root ${sb.root} --log-dir ${sb.logDir}`);
    expect(r.stdout).not.toMatch(/(^|\s)upgrade-wizard (resume|rollback)/m);
    const resume = new RegExp(`${launcher.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} resume [^\n]*`).exec(r.stdout)?.[0] as string;

    // Pasted as shown, by a shell with nothing of the wizard on PATH, from another directory.
    const again = await execa('sh', ['-c', resume], {
      cwd: sb.dir,
      env: { PATH: basePath([sb.bin]), HOME: sb.dir, LANG: 'C' },
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    });
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/finished: all \d+ steps done/);
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
  }, 120_000);
});

describe('npm\'s bin says whether npx started it', () => {
  let npmBase: string;
  let pkg: string;
  let failing: string;
  afterAll(() => {
    if (npmBase) rmSync(npmBase, { recursive: true, force: true });
  });
  beforeAll(() => {
    // An installed package (no src/ beside bin/), running the compiled CLI of this checkout;
    // not under base, where the CD folder must have no node_modules above it.
    npmBase = mkdtempSync(join(tmpdir(), 'uw-npx-'));
    pkg = join(npmBase, 'node_modules', 'upgrade-wizard');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    copyFileSync(join(repoRoot, 'bin/upgrade-wizard.cjs'), join(pkg, 'bin/upgrade-wizard.cjs'));
    symlinkSync(join(repoRoot, 'build'), join(pkg, 'build'));
    failing = join(npmBase, 'failing');
    mkdirSync(failing);
    writeFileSync(join(failing, 'service'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  });

  const stopped = async (env: Record<string, string>): Promise<string> => {
    const own = await makeSandbox();
    try {
      const args = ['run', '--product', 'sharetask', ...answerArgs(own), '--yes', '--root', own.root, '--media', own.media, '--log-dir', own.logDir];
      const r = await execa(process.execPath, [join(pkg, 'bin/upgrade-wizard.cjs'), ...args], {
        env: { PATH: basePath([failing, own.bin]), HOME: own.dir, LANG: 'C', ...env },
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
      });
      return /^ {2}.* resume --yes .*$/m.exec(r.stdout)?.[0].trim().replace(/ --root .*/, '') ?? r.stdout + r.stderr;
    } finally {
      own.cleanup();
    }
  };

  it('npx (npm_command=exec) gives "npx upgrade-wizard"; installed, plain "upgrade-wizard", even with a value inherited from a CD wizard', async () => {
    expect(await stopped({ npm_command: 'exec' })).toBe('npx upgrade-wizard resume --yes');
    expect(await stopped({ UPGRADE_WIZARD_SELF: '/media/cdrom/upgrade-wizard/upgrade-wizard.sh' })).toBe('upgrade-wizard resume --yes');
  }, 120_000);
});
