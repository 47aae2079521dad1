// `upgrade-wizard rollback [--to POINT]`: back to a restore point of the newest run of this
// root (by default the one in force after the last step done). Shows what it will do, then
// asks at a terminal; a script must give `--yes`, except where only a terminal will do.
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import '../i18n/messages/run-help.js';
import '../i18n/messages/rollback.js';
import { readableTime } from '../io/backup-name.js';
import { ensureLogDir, lastRunEnd, listJournals, type JournalRecord } from '../run/journal.js';
import { checkpointDriver } from '../run/line-prompts.js';
import { refuseIfCommandRunning } from '../run/live-command.js';
import { refuseIfLocked } from '../run/lock.js';
import { sameRoot } from '../run/resumable.js';
import { defaultRestorePoint, describeRollback, findPoint, rollbackMismatch, rollbackTo } from '../run/rollback.js';
import { closeOnWriteFailure, openSession } from '../run/session.js';
import { rollbackCommand, rollbackIsManual, runPlace } from '../run/summary.js';
import { printHelp, rootAndLogDir, runToSummary, say, withRunLock } from './run-frame.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  yes: { type: 'boolean', default: false },
  to: { type: 'string' },
  root: { type: 'string' },
  'log-dir': { type: 'string' },
} as const;

async function newestRun(logDir: string, root: string): Promise<JournalRecord> {
  const record = (await listJournals(logDir)).find((r) => sameRoot(r.plan.root, root));
  if (!record) throw new InputError(t('run.rollback.noRun', { logDir, root: root || '/' }));
  // Before the rollback is shown or asked: a command a killed wizard left running.
  refuseIfCommandRunning(record.runId, record.events);
  return record;
}

/** The rollback that ended the run, if its last rollback finished: its point and when. */
function completedRollback(record: JournalRecord): { point: string; time: string } | undefined {
  let last: { point: string; time: string; done: boolean } | undefined;
  for (const e of record.events) if (e.type === 'rollback') last = { point: e.point, time: e.time, done: e.status === 'done' };
  if (!last?.done) return undefined;
  return { point: last.point, time: readableTime(last.time) };
}

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('rollback', args, spec);
  if (o.help) return printHelp('run.help.rollback');
  const { root, logDir } = rootAndLogDir(o);
  refuseIfLocked(logDir);
  // Without a run there is nothing to lock: said before the log dir is touched.
  await newestRun(logDir, root);
  ensureLogDir(logDir);
  // Taken before the journal is read for good and before the question: a rollback confirmed
  // minutes later must not run over what another process did meanwhile.
  return withRunLock({ root, logDir }, async (lock) => {
    const record = await newestRun(logDir, root);
    lock.name(record.runId);
    const pointId = o.to ?? defaultRestorePoint(record);
    // A procedure without restore points has no rollback of the wizard's to choose.
    if (!pointId) {
      if (record.plan.restorePoints.length === 0) throw new InputError(t('run.rollback.noPoints', { runId: record.runId, product: record.plan.product }));
      const known = record.plan.restorePoints.map((p) => `  ${p.id}: ${p.title}`).join('\n');
      throw new InputError(t('run.rollback.noDefault', { runId: record.runId, known }));
    }
    const point = findPoint(record.plan, pointId);
    // A rollback for a run that stopped half-way (CLUSTERPRO's: put the start at boot back) would
    // act on a finished server: refused, as the report and the screens no longer offer it.
    const finished = lastRunEnd(record.events);
    if (point.beforeEnd && finished?.status === 'done') throw new InputError(t('run.rollback.afterEnd', { runId: record.runId, point: point.id, title: point.title, time: finished.time }));
    const place = runPlace(record, root, logDir);
    const atTerminal = rollbackCommand({ ...place, unattended: false }, point.id);
    // Run again, the same rollback moves what it restored aside and restores once more.
    const earlier = completedRollback(record);
    if (earlier?.point === point.id) throw new InputError(t('run.rollback.already', { runId: record.runId, point: point.id, title: point.title, time: earlier.time }));
    // Said before what it will do, and never confirmed unseen: a wrong point can undo half a job.
    const mismatch = rollbackMismatch(record, point.id);
    const instead = mismatch?.inForce === undefined ? '' : t('run.rollback.orInForce', { command: rollbackCommand({ ...place, unattended: true }, mismatch.inForce, record.plan) });
    if (mismatch && o.yes) throw new InputError(t('run.rollback.mismatchYes', { problem: mismatch.problem, instead }));
    const again = earlier ? t('run.rollback.afterEarlier', { runId: record.runId, earlier: earlier.point, time: earlier.time, point: point.id }) : undefined;
    if (again && o.yes) throw new InputError(t('run.rollback.againYes', { again, command: atTerminal }));
    // Restores done by hand: --yes would record as confirmed what nobody did or saw.
    if (o.yes && rollbackIsManual(record.plan, point.id)) throw new InputError(t('run.rollback.manualYes', { runId: record.runId, point: point.id, title: point.title, command: atTerminal }));
    say(t('run.rollback.of', { runId: record.runId, product: record.plan.product }));
    if (mismatch) say(t('run.rollback.warning', { problem: mismatch.problem }));
    if (again) say(t('run.rollback.warning', { problem: again }));
    for (const line of describeRollback(point)) say(line);
    // Without a terminal, only a command that will work: --yes is refused for a mismatch or a
    // second rollback, and would confirm restores by hand that nobody did.
    const why = mismatch ? 'mismatch' : again ? 'again' : rollbackIsManual(record.plan, point.id) ? 'manual' : undefined;
    const refusal = why
      ? t('run.rollback.needTerminal', { why: t(`run.rollback.why.${why}`), command: atTerminal, instead: why === 'mismatch' ? instead : '' })
      : t('run.rollback.needYes', { command: rollbackCommand(place, point.id) });
    const question = again ? t('run.rollback.askAgain', { earlier: earlier?.point ?? '-', time: earlier?.time ?? '-', point: point.title }) : t('run.rollback.ask', { point: point.title });
    const driver = await checkpointDriver(o.yes, record.plan, question, refusal);

    return runToSummary(record.plan, place, { yes: o.yes, lock }, (options) => {
      const s = openSession(record.plan, record.runId, driver, options);
      return closeOnWriteFailure(s, rollbackTo(s, point.id));
    });
  });
}
