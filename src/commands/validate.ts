// `upgrade-wizard validate FILE...`: checks wizard definitions as the loader does, and says
// where each problem is (file:line: path: what is wrong). Exit 2 when any problem is found.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { checkDefinitionText, formatProblem } from '../plan/load.js';
import { writeOut } from '../io/stdio.js';

const spec = { help: { type: 'boolean', short: 'h', default: false } } as const;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec, strict: true, allowPositionals: true });
  } catch (error) {
    throw new InputError(t('cli.badArgs', { command: 'validate', detail: (error as Error).message }));
  }
  if (parsed.values.help) {
    writeOut(t('plan.validate.help'));
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new InputError(t('plan.validate.noFile'));
  let bad = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(t('plan.load.unreadable', { file, detail: (error as Error).message }));
    }
    const { definition, problems } = checkDefinitionText(text, file);
    if (definition === undefined) {
      bad++;
      writeOut(`${problems.map(formatProblem).join('\n')}\n`);
      writeOut(`${t('plan.validate.failed', { file, count: problems.length })}\n`);
    } else {
      writeOut(`${t('plan.validate.ok', { file, id: definition.id, questions: definition.questions.length, steps: definition.steps.length })}\n`);
    }
  }
  return bad > 0 ? 2 : 0;
}
