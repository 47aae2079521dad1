// Finished runs of a product in the log dir, for order rules between runs (Facts.priorRuns).
// Reads only. A journal that cannot be read throws DamagedJournals: run refuses, plan and export
// go on without the earlier runs, saying so (src/commands/plan.ts).
import type { PriorRun } from '../model/facts.js';
import { lastRunEnd, listJournals } from '../run/journal.js';

export async function priorRuns(logDir: string, product: string): Promise<PriorRun[]> {
  const out: PriorRun[] = [];
  let records;
  try {
    records = await listJournals(logDir);
  } catch (error) {
    // A log dir this user may not read proves nothing: the order rules then stay in force.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') return [];
    throw error;
  }
  for (const record of records) {
    if (record.plan.product !== product) continue;
    const end = lastRunEnd(record.events);
    if (end === undefined || end.status !== 'done') continue;
    out.push({ runId: record.runId, journal: record.file, product, answers: record.plan.answers, finishedAt: end.time });
  }
  return out;
}
