// Shared shapes of the migrators' results. Messages are catalogue keys plus parameters,
// so the pure code stays language-neutral and the command renders them in ja or en.

export type Level = 'info' | 'warning' | 'error';

/** One thing a migrator noticed. `code` is the catalogue key under "migrate.". */
export interface Finding {
  level: Level;
  code: string;
  params: Record<string, string | number>;
  /** File name (as the command names it) and 1-based line, when the finding is about a line. */
  file?: string;
  line?: number;
}

export function finding(
  level: Level,
  code: string,
  params: Record<string, string | number> = {},
  where: { file?: string; line?: number } = {},
): Finding {
  return { level, code, params, ...where };
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.level === 'error');
}
