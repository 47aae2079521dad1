// The standalone executable of `npm run dist:binary` (linux-x64 only), copied to an empty
// directory and run offline with no Node.js on PATH: it answers as the built CLI does, shows
// the interactive wizard, and refuses a damaged copy of its data, naming the file.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/plan/load.js';
import { repoRoot, runCli, type CliResult } from '../helpers/cli.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { sampleAnswers, setArgs } from './answers.js';
import { expectWelcomeThenQuestion, isolated } from './dist.js';
// @ts-expect-error: a plain .mjs build script without types
import { SEA_FUSE } from '../../scripts/dist/sea-wrap.mjs';

/** Why no executable can be built here, or undefined when it can (said on stderr, not hidden). */
const unsupported: string | undefined = (() => {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `this is ${process.platform}-${process.arch}, not linux-x64`;
  // The sentinel postject needs, in every official Node.js build.
  if (!readFileSync(process.execPath).includes(SEA_FUSE as string)) return `${process.execPath} cannot carry a single executable application`;
  return undefined;
})();
if (unsupported !== undefined) process.stderr.write(`test/dist/binary: SKIPPED: ${unsupported}\n`);
const supported = unsupported === undefined;
let base: string;
let folder: string;
let buildStderr: string;

/** The executable offline, in a clean environment whose PATH has no Node.js. */
async function runBinary(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const [file, argv] = isolated([join(folder, 'upgrade-wizard'), ...args]);
  const r = await execa(file, argv, { cwd: base, env: { PATH: join(base, 'no-node'), HOME: base, LANG: 'C', ...env }, extendEnv: false, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(async () => {
  if (!supported) return;
  base = mkdtempSync(join(tmpdir(), 'uw-binary-test-'));
  const built = join(base, 'built', 'upgrade-wizard-linux-x64');
  buildStderr = (await execa(process.execPath, [join(repoRoot, 'scripts/dist/binary.mjs'), '--out', built, '--quiet'], { cwd: repoRoot, stdin: 'ignore' })).stderr;
  // As an administrator copies it to a server: the folder alone.
  folder = join(base, 'copy', 'upgrade-wizard-linux-x64');
  cpSync(built, folder, { recursive: true });
  rmSync(dirname(built), { recursive: true, force: true });
}, 300_000);
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});
afterEach(() => Tmux.killAll());

describe.skipIf(!supported)('the standalone executable, offline, without Node.js on PATH', () => {
  it('is built without a warning: its code cache was made from a run of plan and the first screen', () => {
    expect(buildStderr).toBe('');
  });

  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await runBinary(['--version'])).toEqual({ exitCode: 0, stdout: pkg.version, stderr: '' });
  });

  it('lists the products and plans ShareTask as the built CLI does', async () => {
    const list = await runBinary(['list']);
    expect(list).toEqual(await runCli(['list']));
    const def = loadDefinitions().find((d) => d.id === 'sharetask');
    if (def === undefined) throw new Error('no sharetask definition');
    const root = mkdtempSync(join(base, 'root-'));
    const args = ['plan', '--product', 'sharetask', ...setArgs(sampleAnswers(def)), '--root', root, '--log-dir', join(root, 'log'), '--json'];
    // The plan names `service` when it is on PATH: the built CLI gets the executable's PATH.
    const [binary, reference] = [await runBinary(args), await runCli(args, { env: { PATH: join(base, 'no-node') } })];
    expect(reference.exitCode).toBe(0);
    expect(binary).toEqual(reference);
  });

  it('migrate-config shows the same findings and diff as the built CLI', async () => {
    const conf = join(repoRoot, 'test/fixtures/sharetask-conf/conf');
    const untimed = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'TIME') });
    const binary = untimed(await runBinary(['migrate-config', '--conf', conf]));
    expect(binary.stdout).toContain('SHARETASK_DB = ');
    expect(binary).toEqual(untimed(await runCli(['migrate-config', '--conf', conf])));
  });

  it('refuses to run with a data file that differs from SHA256SUMS, naming it; --version still answers', async () => {
    const file = join(folder, 'wizards', 'sharetask.yaml');
    const original = readFileSync(file);
    appendFileSync(file, '\n# changed\n');
    try {
      const r = await runBinary(['list']);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('the file wizards/sharetask.yaml of the wizard differs from its checksum in SHA256SUMS');
      expect((await runBinary(['list'], { LANG: 'ja_JP.UTF-8' })).stderr).toContain('wizards/sharetask.yaml が SHA256SUMS のチェックサムと一致しません');
      expect((await runBinary(['--version'])).exitCode).toBe(0);
    } finally {
      writeFileSync(file, original);
    }
    expect((await runBinary(['list'])).exitCode).toBe(0);
  });

  describe.skipIf(!hasTmux)('in a terminal', () => {
    let sb: Sandbox & { cleanup(): void };
    afterAll(() => sb?.cleanup());

    it('renders the first screen with the detections, then the first question', async () => {
      sb = await makeSandbox();
      const [file, argv] = isolated([join(folder, 'upgrade-wizard'), '--product', 'sharetask', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir]);
      await expectWelcomeThenQuestion([file, ...argv], sb.bin, sb);
    }, 60_000);
  });
});
