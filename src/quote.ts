// Commands as people read them (plans, runbooks, logs, screens): each argument as a POSIX shell
// would read it back, so a shown command can be copied. For display only: the wizard itself
// never runs a command through a shell.

const SAFE_ARG = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteArg(arg: string): string {
  if (SAFE_ARG.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function quoteArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}
