// The CD folder of `npm run dist`, built into a temp dir, copied where no node_modules is near,
// and run through its launcher inside a network namespace without network (unshare -n).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, parse } from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { repoRoot, type CliResult } from '../helpers/cli.js';
import type { Sandbox } from '../helpers/sandbox.js';
import { Tmux } from '../helpers/tmux.js';

/** Builds the folder with scripts/dist/build.mjs into a fresh temp dir; returns the folder. */
export async function buildDist(): Promise<{ dir: string; cleanup(): void }> {
  const base = mkdtempSync(join(tmpdir(), 'uw-dist-'));
  const dir = join(base, 'upgrade-wizard');
  await execa(process.execPath, [join(repoRoot, 'scripts/dist/build.mjs'), '--out', dir, '--quiet'], { cwd: repoRoot, stdin: 'ignore' });
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** A copy of the folder in an empty temp dir, as an administrator copies it from the CD. */
export function copyDist(dir: string): { dir: string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), 'uw-cd-'));
  const copy = join(base, 'upgrade-wizard');
  cpSync(dir, copy, { recursive: true });
  for (let d = base; ; d = dirname(d)) {
    // Precondition: the bundle must not find packages above it by Node's resolution.
    if (existsSync(join(d, 'node_modules'))) throw new Error(`${d}/node_modules exists: the dist tests need a temp dir without one above it`);
    if (d === parse(d).root) break;
  }
  return { dir: copy, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Why the runs cannot be put in a namespace without network, or undefined when they can. */
export const noNetns: string | undefined = (() => {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const reason = `unshare -n is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim()}); the dist runs go without network isolation`;
    process.stderr.write(`test/dist: SKIPPED network isolation: ${reason}\n`);
    return reason;
  }
})();

/** unshare by its full path: a run's own PATH may not hold it (the executable's has no system dirs). */
const unshare = (process.env.PATH ?? '').split(':').map((d) => join(d, 'unshare')).find((p) => isAbsolute(p) && existsSync(p)) ?? 'unshare';

/** The commands of a run: unshare -n first when permitted. */
export function isolated(argv: string[]): [string, string[]] {
  return noNetns === undefined ? [unshare, ['-n', '--', ...argv]] : [argv[0] as string, argv.slice(1)];
}

/** Only Node.js and the base system on PATH, before the given dirs. */
export function basePath(first: string[] = []): string {
  return [...first, dirname(process.execPath), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(':');
}

export interface DistRunOptions {
  /** Put first on PATH (the sandbox's stand-ins). */
  path?: string[];
  env?: Record<string, string>;
  cwd?: string;
}

/** `sh DIR/upgrade-wizard.sh ARGS` offline, with a clean environment (no NODE_PATH, LANG=C). */
export async function runDist(dir: string, args: string[], options: DistRunOptions = {}): Promise<CliResult> {
  const [file, argv] = isolated(['sh', join(dir, 'upgrade-wizard.sh'), ...args]);
  const env = { PATH: basePath(options.path), HOME: dirname(dir), LANG: 'C', ...options.env };
  const r = await execa(file, argv, { cwd: options.cwd ?? dirname(dir), env, extendEnv: false, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * Starts argv (the wizard on the sample server sb) in tmux with PATH, and checks its first
 * screen (what it detected) and that Enter leads to the first question.
 */
export async function expectWelcomeThenQuestion(argv: string[], path: string, sb: Sandbox): Promise<void> {
  const t = await Tmux.start(argv, {
    width: 120,
    height: 40,
    env: { PATH: path, TERM: 'xterm-256color', LANG: 'C', HOME: sb.dir },
    waitTimeoutMs: 40_000,
  });
  const first = await t.waitFor('Enter continue');
  expect(first).toContain('upgrade-wizard: welcome');
  expect(first).toContain(`Target: the sandbox ${sb.root}`);
  expect(first).toContain('5.4.3');
  await t.keys('Enter');
  await t.waitFor('Which ShareTask component do you upgrade?');
}
