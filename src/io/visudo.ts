// Validating a sudoers candidate with `visudo -cf` before it replaces the real file.

export interface VisudoResult {
  ok: boolean;
  /** visudo's own words (stdout and stderr), for the user. */
  output: string;
}

export async function visudoCheck(visudo: string, file: string): Promise<VisudoResult> {
  // Loaded here only: execa costs start-up time that the other paths do not need.
  const { execa } = await import('execa');
  const result = await execa(visudo, ['-c', '-f', file], { reject: false, all: true, stdin: 'ignore' });
  return { ok: result.exitCode === 0, output: (result.all ?? '').trim() };
}
