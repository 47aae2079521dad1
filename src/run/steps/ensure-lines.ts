// ensure-lines: append the lines a file lacks (sudoers block, /etc/services ports), once.
// The candidate is validated (e.g. `visudo -c -f {candidate}`) before it atomically replaces
// the file, with owner and mode kept and the original saved as NAME.bak-STAMP. A refused
// candidate leaves the file untouched.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { FileAccessError, problemText } from '../../io/file-error.js';
import { dominantEol, splitLines } from '../../migrate/lines.js';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { now, output, record, StepFailure, type StepHandler } from '../context.js';
import { str, strList } from '../params.js';
import { describeFailure, runCommand } from '../proc.js';
import { quoteArgv } from '../../quote.js';

/** Lines are compared without trailing blanks or CR, as bytes (latin1 strings). */
const norm = (s: string): string => s.replace(/[ \t\r]+$/, '');
const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

async function missingLines(step: PlannedStep): Promise<{ text: string; missing: string[] }> {
  const file = str(step, 'file');
  let text: string;
  try {
    text = (await readFile(file)).toString('latin1');
  } catch {
    throw new StepFailure(t('run.lines.noFile', { file }));
  }
  const have = new Set(splitLines(text).lines.map((l) => norm(l.text)));
  const missing = strList(step, 'lines').filter((l) => !have.has(norm(latin1(l))));
  return { text, missing };
}

function validator(step: PlannedStep): string[] | undefined {
  const v = step.params.validate;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string')) {
    throw new StepFailure(t('run.param.bad', { step: step.id, key: 'validate', want: 'argv' }));
  }
  return v as string[];
}

export const ensureLines: StepHandler = {
  async run(step, ctx) {
    const file = str(step, 'file');
    const { text, missing } = await missingLines(step);
    if (missing.length === 0) {
      return { status: 'done', detail: t('run.lines.present', { file }) };
    }
    const eol = dominantEol(text);
    const needsBreak = text.length > 0 && !text.endsWith('\n');
    const candidate = text + (needsBreak ? eol : '') + missing.map((l) => latin1(l) + eol).join('');
    output(ctx, step, t('run.lines.adding', { file, lines: missing.join('\n') }));
    const check = validator(step);
    let written;
    try {
      written = await writeFileAtomic(file, Buffer.from(candidate, 'latin1'), {
        expected: Buffer.from(text, 'latin1'),
        validate: check
          ? async (temp) => {
              const argv = check.map((a) => a.split('{candidate}').join(temp));
              const r = await runCommand(ctx, step, argv);
              if (r.exitCode !== 0) throw new StepFailure(t('run.lines.refused', { file, reason: describeFailure(argv, r) }));
            }
          : undefined,
      });
    } catch (error) {
      if (error instanceof FileAccessError) throw new StepFailure(t('run.lines.cannotWrite', { file, problem: problemText(error) }));
      throw error;
    }
    record(ctx, { type: 'written', time: now(), step: step.id, file: written.path, backup: written.backup });
    return { status: 'done', detail: t('run.lines.added', { file, count: missing.length, backup: written.backup }) };
  },
  async isDone(step) {
    return (await missingLines(step)).missing.length === 0;
  },
  describe(step) {
    const check = validator(step);
    return [
      t('run.lines.describe', { file: str(step, 'file') }),
      ...strList(step, 'lines').map((l) => `  ${l}`),
      ...(check ? [t('run.lines.describeCheck', { argv: quoteArgv(check) })] : []),
    ];
  },
};
