// ensure-services: the services file gets the "name port/protocol" entries it lacks, once.
// The plan already refused collisions it could see; the file is checked again here (it may
// have changed since), then replaced atomically with owner and mode kept and the original
// saved as NAME.bak-STAMP, once the operator has seen the change (as every other edit of a
// system file). Entries already present are left exactly as they are.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { decodeForDiff } from '../../io/encoding.js';
import { unifiedDiff } from '../../migrate/diff.js';
import { FileAccessError, problemText } from '../../io/file-error.js';
import { addServices, checkServices, formatEntry, type ServiceEntry } from '../../migrate/services-file.js';
import { conflictText } from '../../plan/services.js';
import { t } from '../../i18n/index.js';
import '../../i18n/messages/kinds.js';
import type { PlannedStep } from '../../model/plan.js';
import { now, output, record, StepFailure, type StepHandler } from '../context.js';
import { str } from '../params.js';

export function serviceEntries(step: PlannedStep): ServiceEntry[] {
  const v = step.params.entries;
  const ok =
    Array.isArray(v) &&
    v.every((e: unknown) => {
      const x = e as Partial<ServiceEntry> | null;
      return x !== null && typeof x === 'object' && typeof x.name === 'string' && typeof x.port === 'number' && typeof x.protocol === 'string';
    });
  if (!ok) throw new StepFailure(t('run.param.bad', { step: step.id, key: 'entries', want: 'list of {name, port, protocol}' }));
  return v as ServiceEntry[];
}

async function readServices(file: string): Promise<string> {
  try {
    return (await readFile(file)).toString('latin1');
  } catch {
    throw new StepFailure(t('kinds.services.noFile', { file }));
  }
}

export const ensureServices: StepHandler = {
  async run(step, ctx) {
    const file = str(step, 'file');
    const entries = serviceEntries(step);
    const text = await readServices(file);
    const edit = addServices(text, entries);
    if (edit === null) {
      const lines = checkServices(text, entries).map((c) => conflictText(file, c)).filter((x): x is string => x !== undefined);
      throw new StepFailure(t('kinds.services.conflicts', { file, lines: lines.join('\n') }));
    }
    for (const c of edit.checks) if (c.status === 'present') output(ctx, step, t('kinds.services.present', { entry: c.at.text.trim(), line: c.at.line }));
    if (edit.added.length === 0) {
      const detail = t('kinds.services.allPresent', { file });
      output(ctx, step, detail);
      return { status: 'done', detail };
    }
    output(ctx, step, t('kinds.services.adding', { file, lines: edit.added.map(formatEntry).join('\n') }));
    const diff = unifiedDiff(file, file, await decodeForDiff(Buffer.from(text, 'latin1')), await decodeForDiff(Buffer.from(edit.text, 'latin1')));
    if (!(await ctx.interaction.reviewDiff(step, { file, diff, findings: [] }))) {
      return { status: 'skipped', stopRun: 'declined', detail: t('kinds.services.declined', { file }) };
    }
    record(ctx, { type: 'confirm', time: now(), step: step.id, by: ctx.confirmedBy, item: t('kinds.services.reviewed', { file, count: edit.added.length }) });
    let written;
    try {
      written = await writeFileAtomic(file, Buffer.from(edit.text, 'latin1'), { expected: Buffer.from(text, 'latin1') });
    } catch (error) {
      if (error instanceof FileAccessError) throw new StepFailure(t('kinds.services.cannotWrite', { file, problem: problemText(error) }));
      throw error;
    }
    record(ctx, { type: 'written', time: now(), step: step.id, file: written.path, backup: written.backup });
    const detail = t('kinds.services.added', { file, count: edit.added.length, backup: written.backup });
    output(ctx, step, detail);
    return { status: 'done', detail };
  },
  async isDone(step) {
    const edit = addServices(await readServices(str(step, 'file')), serviceEntries(step));
    return edit !== null && edit.added.length === 0;
  },
  // Only missing entries are ever added: running it again adds nothing twice.
  repeatable: true,
  describe(step) {
    return [t('kinds.services.describe', { file: str(step, 'file') }), ...serviceEntries(step).map((e) => `  ${formatEntry(e).replace('\t', ' ')}`)];
  },
};
