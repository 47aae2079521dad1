// Strict option parsing shared by every mode: an unknown or malformed option is bad input
// (exit 2) with a pointer to the mode's --help.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs explains in English; the sentence around it is translated.
    throw new InputError(t('cli.badArgs', { command, detail: (error as Error).message }));
  }
}
