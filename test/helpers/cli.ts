// Runs the real built binary (build with `npx tsc -p .` first), never a shell.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

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
