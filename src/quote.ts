// Commands as people read them (plans, runbooks, logs, screens): each argument as a POSIX shell
// (or, for a step on Windows, cmd.exe) would read it back, so a shown command can be copied.
// For display only: the wizard itself never runs a command through a shell.

const SAFE_ARG = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteArg(arg: string): string {
  if (SAFE_ARG.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function quoteArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

/**
 * Arguments as cmd.exe passes them to a program intact: quoted only when needed, " doubled. The
 * program's parser (CommandLineToArgvW, the C runtime) reads 2n backslashes before a quote as n
 * and 2n+1 as n and a literal quote: the backslashes before a quote, the closing one included,
 * are doubled ("DBPath=S:\JobCenterDB\\"), or the argument would swallow the quote and run on.
 */
export function quoteCmdArgv(argv: readonly string[]): string {
  return argv
    .map((a) => (/^[A-Za-z0-9_@+=:,.\\/-]+$/.test(a) ? a : `"${a.replace(/(\\*)("|$)/g, (_m, bs: string, q: string) => `${bs}${bs}${q === '"' ? '""' : ''}`)}"`))
    .join(' ');
}

/** A command as the operator of its machine would type it: cmd.exe's quoting for a Windows step. */
export function shownArgv(argv: readonly string[], on?: { windows?: true }): string {
  return on?.windows ? quoteCmdArgv(argv) : quoteArgv(argv);
}
