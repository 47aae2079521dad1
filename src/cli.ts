// Argument parsing and the choice of mode. Each mode lives in src/commands/ and is
// imported only when chosen, so non-interactive modes never load Ink or React.
import { readFileSync } from 'node:fs';
import { detectLang, setLang, t } from './i18n/index.js';
import { exitCodeOf, InputError } from './errors.js';
import { guardOutput } from './io/output-lost.js';
import { writeErr, writeOut } from './io/stdio.js';

export interface CommandModule {
  run(args: string[]): Promise<number>;
}

/** The modes, in the order --help lists them. The loaders keep start-up lean. */
const commands: Record<string, () => Promise<CommandModule>> = {
  interactive: () => import('./commands/interactive.js'),
  demo: () => import('./commands/demo.js'),
  list: () => import('./commands/list.js'),
  detect: () => import('./commands/detect.js'),
  plan: () => import('./commands/plan.js'),
  run: () => import('./commands/run.js'),
  resume: () => import('./commands/resume.js'),
  rollback: () => import('./commands/rollback.js'),
  report: () => import('./run/report-command.js'),
  validate: () => import('./commands/validate.js'),
  'migrate-config': () => import('./commands/migrate-config.js'),
  export: () => import('./commands/export.js'),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Takes --lang out of argv wherever it stands, so every mode accepts it. */
export function extractLang(argv: string[]): { lang: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--lang') {
      lang = argv[++i];
      if (lang === undefined) throw new InputError(t('cli.langMissing'));
    } else if (arg.startsWith('--lang=')) {
      lang = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') throw new InputError(t('cli.langBad', { lang }));
  return { lang, rest };
}

export async function dispatch(argv: string[]): Promise<number> {
  const { lang, rest } = extractLang(argv);
  setLang(detectLang(lang));
  const [first, ...args] = rest;
  if (first === '--version' || first === '-V') {
    writeOut(`${version()}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    writeOut(t('cli.help', { version: version() }));
    return 0;
  }
  if (first === undefined || first.startsWith('-')) {
    // With options, the wizard checks them first (a mistyped one is what to fix, not the missing
    // terminal), then says itself that it needs a terminal.
    if (first === undefined && (!process.stdin.isTTY || !process.stdout.isTTY)) throw new InputError(t('cli.noTty'));
    const interactive = commands.interactive;
    if (!interactive) throw new InputError(t('cli.noInteractiveYet'));
    return (await interactive()).run(rest);
  }
  const load = commands[first];
  if (!load) throw new InputError(t('cli.unknownCommand', { command: first }));
  return (await load()).run(args);
}

export async function main(argv: string[]): Promise<void> {
  guardOutput();
  let code: number;
  try {
    code = await dispatch(argv);
  } catch (error) {
    code = exitCodeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    // An unexpected failure keeps its stack for the bug report; input errors are for the user.
    const detail = code === 1 && error instanceof Error && error.name === 'Error' ? error.stack ?? message : message;
    writeErr(`${t('cli.errorPrefix')}: ${detail}\n`);
  }
  process.exitCode = code;
}
