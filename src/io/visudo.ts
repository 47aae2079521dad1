// Validating a sudoers candidate with `visudo -c` before it replaces the real file.

import { resolve } from 'node:path';

export interface VisudoResult {
  ok: boolean;
  /** visudo's own words (stdout and stderr), naming the file as the user knows it. */
  output: string;
  /** The files visudo read ("FILE: parsed OK"), the checked one first; empty when it failed. */
  parsed: string[];
}

async function runVisudo(visudo: string, args: string[], options: { input?: Buffer; cwd?: string }): Promise<{ ok: boolean; output: string }> {
  // Loaded here only: execa costs start-up time that the other paths do not need.
  const { execa } = await import('execa');
  const stdio = options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input };
  const result = await execa(visudo, args, { reject: false, all: true, cwd: options.cwd, ...stdio });
  return { ok: result.exitCode === 0, output: (result.all ?? '').trim() };
}

function parsedFiles(output: string, cwd: string | undefined): string[] {
  return [...output.matchAll(/^(.+): parsed OK$/gm)].map((m) => resolve(cwd ?? '.', m[1] as string));
}

/** Checks `file` in place; visudo's mentions of it are shown as `shownAs` (the real file, not a temp name). */
export async function visudoCheck(visudo: string, file: string, shownAs: string = file): Promise<VisudoResult> {
  const r = await runVisudo(visudo, ['-c', '-f', file], {});
  const output = r.output.split(file).join(shownAs);
  return { ok: r.ok, output, parsed: parsedFiles(r.output, undefined) };
}

/**
 * Checks content that is written nowhere, read from stdin in `dir` (the sudoers file's own
 * directory, against which visudo resolves relative @include paths of stdin). A dry run can
 * so check the candidate without a temp file beside the real one.
 */
export async function visudoCheckContent(visudo: string, content: Buffer, dir: string, shownAs: string): Promise<VisudoResult> {
  const r = await runVisudo(visudo, ['-c', '-f', '-'], { input: content, cwd: dir });
  const output = r.output.replace(/(^|\s)stdin:/gm, (_, before: string) => `${before}${shownAs}:`);
  return { ok: r.ok, output, parsed: parsedFiles(r.output, dir) };
}
