// Runs the real built binary (build with `npx tsc -p .` first), never a shell: to its end, or
// as a job that a test stops or kills.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Merged over the current environment; LANG is cleared so English is the default. */
  env?: Record<string, string | undefined>;
  /** Run as this user (via runuser; the tests must then run as root). */
  user?: string;
  input?: string;
}

export const isRoot = process.getuid?.() === 0;

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(fileURLToPath(new URL('../../build/cli.js', import.meta.url)))) {
    throw new Error('build/cli.js is missing: run `npx tsc -p .` before the end-to-end tests');
  }
  const env = { LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined, NO_COLOR: undefined, ...options.env };
  const argv = [process.execPath, bin, ...args];
  const [file, ...rest] = options.user ? ['runuser', '-u', options.user, '--', ...argv] : argv;
  const stdio = options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input };
  const result = await execa(file as string, rest, { cwd: options.cwd ?? repoRoot, env, reject: false, ...stdio });
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

// ---------------------------------------------------------------- the binary as a shell job

/**
 * The binary started in a process group of its own, as a shell starts a job, and not awaited:
 * to be stopped with Ctrl-C (SIGINT to the group) or killed with -9 alone, its commands left running.
 */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): ResultPromise {
  return execa(process.execPath, [bin, ...args], { env: { LANG: 'C', ...env }, stdin: 'ignore', reject: false, detached: true });
}

/** Waits until the child has printed `text` on stdout. */
export async function printed(child: ResultPromise, text: string): Promise<void> {
  let seen = '';
  await new Promise<void>((done) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) done();
    });
  });
}

/**
 * Ctrl-C as a terminal sends it: SIGINT to the wizard's whole process group. The first press is
 * awaited until the wizard says the running step will finish (an English run); a second kills it.
 */
export async function ctrlC(child: ResultPromise, presses: 1 | 2 = 1): Promise<void> {
  const noticed = printed(child, 'the running step will finish');
  process.kill(-(child.pid as number), 'SIGINT');
  await noticed;
  if (presses === 2) process.kill(-(child.pid as number), 'SIGINT');
}

/** Waits (without a deadline of its own: the test timeout is the limit) until `check` holds. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await sleep(50);
}

/** Whether no process of the group is left. */
export function groupGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}
