// `upgrade-wizard rollback [--to POINT]`: back to a restore point of the newest run of this
// root (by default the one in force after the last step done). Shows what it will do, then
// asks at a terminal; a script must give `--yes`.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import '../i18n/messages/run-help.js';
import { DEFAULT_LOG_DIR, ensureLogDir, listJournals } from '../run/journal.js';
import { checkpointDriver } from '../run/line-prompts.js';
import { refuseIfLocked } from '../run/lock.js';
import { sameRoot } from '../run/resumable.js';
import { defaultRestorePoint, describeRollback, findPoint, rollbackMismatch, rollbackTo } from '../run/rollback.js';
import { openSession } from '../run/session.js';
import { watchInterrupts } from '../run/signals.js';
import { rollbackCommand, runPlace, summarize } from '../run/summary.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  yes: { type: 'boolean', default: false },
  to: { type: 'string' },
  root: { type: 'string' },
  'log-dir': { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('rollback', args, spec);
  const say = (s: string): void => void process.stdout.write(`${s}\n`);
  if (o.help) {
    process.stdout.write(t('run.help.rollback'));
    return 0;
  }
  const root = o.root ? resolve(o.root) : '';
  const logDir = resolve(o['log-dir'] ?? DEFAULT_LOG_DIR);
  refuseIfLocked(logDir);
  const record = (await listJournals(logDir)).find((r) => sameRoot(r.plan.root, root));
  if (!record) throw new InputError(t('run.rollback.noRun', { logDir, root: root || '/' }));
  const pointId = o.to ?? defaultRestorePoint(record);
  if (!pointId) {
    const known = record.plan.restorePoints.map((p) => `  ${p.id}: ${p.title}`).join('\n') || `  ${t('run.rollback.none')}`;
    throw new InputError(t('run.rollback.noDefault', { runId: record.runId, known }));
  }
  const point = findPoint(record.plan, pointId);
  const place = runPlace(record, root, logDir);
  // Said before what it will do, and never confirmed unseen: a wrong point can undo half a job.
  const mismatch = rollbackMismatch(record, point.id);
  if (mismatch && o.yes) {
    const instead = mismatch.inForce === undefined ? '' : t('run.rollback.orInForce', { command: rollbackCommand({ ...place, unattended: true }, mismatch.inForce) });
    throw new InputError(t('run.rollback.mismatchYes', { problem: mismatch.problem, instead }));
  }
  say(t('run.rollback.of', { runId: record.runId, product: record.plan.product }));
  if (mismatch) say(t('run.rollback.warning', { problem: mismatch.problem }));
  for (const line of describeRollback(point)) say(line);
  const driver = await checkpointDriver(
    o.yes,
    record.plan,
    t('run.rollback.ask', { point: point.title }),
    t('run.rollback.needYes', { command: rollbackCommand(place, point.id) }),
  );

  ensureLogDir(logDir);
  const interrupts = watchInterrupts(say);
  try {
    const s = openSession(record.plan, record.runId, driver, {
      logDir,
      root,
      signal: interrupts.signal,
      killSignal: interrupts.killSignal,
      confirmedBy: o.yes ? '--yes' : 'operator',
    });
    const result = await rollbackTo(s, point.id);
    const { lines, exitCode } = summarize(record.plan, result, { ...place, unattended: o.yes });
    for (const line of lines) say(line);
    return exitCode;
  } finally {
    interrupts.dispose();
  }
}
