// `upgrade-wizard report [--log-dir DIR] [--run ID]`: writes a run's report again from its
// journal, the one record that a full log dir does not leave half-written (src/run/journal.ts).
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseOptions } from '../commands/args.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/report.js';
import { DEFAULT_LOG_DIR, listJournals, runFiles } from './journal.js';
import { refuseIfRunning } from './lock.js';
import { Redactor } from './redact.js';
import { writeReport } from './report.js';
import { writeOut } from '../io/stdio.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  'log-dir': { type: 'string' },
  run: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('report', args, spec);
  if (o.help) {
    writeOut(t('run.report.cmd.help'));
    return 0;
  }
  const logDir = resolve(o['log-dir'] ?? DEFAULT_LOG_DIR);
  // Newest first; a damaged journal is refused by name (DamagedJournals), as everywhere.
  const records = await listJournals(logDir);
  if (records.length === 0) throw new InputError(t('run.report.cmd.noRuns', { dir: logDir }));
  const record = o.run === undefined ? records[0] : records.find((r) => r.runId === o.run);
  if (record === undefined) throw new InputError(t('run.report.cmd.noSuchRun', { runId: o.run ?? '-', dir: logDir, known: records.map((r) => r.runId).join(', ') }));
  // The run writes its own report when it ends.
  refuseIfRunning(logDir, record.runId);
  const files = runFiles(logDir, record.runId);
  // The journal is already masked: secrets were never written to it.
  await writeReport(record, files, new Redactor());
  writeOut(`${t('run.report.cmd.written', { runId: record.runId, report: files.report })}\n`);
  return 0;
}
