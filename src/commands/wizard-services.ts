// What the screens are given to work with (src/ui/services.ts): the real detectors, planner,
// executor and journal behind them, for the options the command line gave. The screens hand a
// run over to these and get back its outcome, already summed up in the operator's words. The
// planner's builder, the executor and the summaries are imported only when the screens need
// them, so the first screen does not wait for code it does not use.
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/ui.js';
import '../i18n/messages/journal.js';
import type { Definition } from '../model/definition.js';
import type { Interaction } from '../model/interaction.js';
import type { Blocker, Plan } from '../model/plan.js';
import { detectFor, gatherFacts } from '../detect/index.js';
import { askableQuestions, validateAnswer } from '../plan/questions.js';
import { DamagedJournals, doneSteps, ensureLogDir, listJournals, logDirProblem, readJournal } from '../run/journal.js';
import { CommandStillRunning, liveCommand, refuseIfCommandRunning } from '../run/live-command.js';
import { shownArgv } from '../quote.js';
import { findResumable, isFinished, lastRollbackPoint, rebootMissing, resumePointOf, sameRoot, UnfinishedRollback, type ResumePoint } from '../run/resumable.js';
import { liveHolder, takeRunLock } from '../run/lock.js';
import { enterRoot, journalsOfRoot, noteLogDir, otherLogDirs } from '../run/root-log-dirs.js';
import type { RunResult } from '../run/session.js';
import { saveAnswers } from '../export/save-answers.js';
import { earlierSteps, type ResumableRun, type RunControl, type RunOutcome, type WizardServices } from '../ui/services.js';
import { readableStamp } from '../io/backup-name.js';
import type { WizardOptions } from './interactive.js';

/** Archives written by backup steps, and originals kept beside files the run replaced. */
async function backupsOf(result: RunResult): Promise<string[]> {
  if (!result.files) return [];
  const { plan, events } = await readJournal(result.files.journal);
  const kinds = new Map(plan.steps.map((s) => [s.id, s.kind]));
  const out: string[] = [];
  for (const e of events) {
    if (e.type !== 'written') continue;
    if (kinds.get(e.step) === 'backup') out.push(e.file);
    if (e.backup) out.push(e.backup);
  }
  return [...new Set(out)];
}

/**
 * What keeps a new run of `product` from starting, from the journals of the log dir (as `run`
 * refuses it): a command a killed wizard left running in any of them, and a rollback of this
 * product and root left unfinished (the server half-way back). A journal that cannot be read is
 * said on the welcome already. From the root's other log dirs (src/run/root-log-dirs.ts): a
 * process at work there, a command left running, and an unfinished run of the product.
 */
export async function newRunBlockers(o: Pick<WizardOptions, 'root' | 'logDir' | 'envPrefix'>, product: string): Promise<Blocker[]> {
  const dirs = otherLogDirs(o.root, o.logDir);
  let records;
  let others;
  try {
    records = await listJournals(o.logDir);
    others = await journalsOfRoot(o.root, dirs);
  } catch (error) {
    if (error instanceof DamagedJournals) return [];
    throw error;
  }
  const blockers: Blocker[] = [];
  for (const dir of dirs) {
    const holder = liveHolder(dir);
    if (holder) blockers.push({ id: 'other-log-dir-busy', message: t('journal.otherLocked', { pid: holder.pid, dir }), fix: t('journal.otherLockedFix') });
  }
  const elsewhere = others.find((r) => !isFinished(r) && r.plan.product === product);
  if (elsewhere && lastRollbackPoint(elsewhere) === undefined) {
    const { resumeCommand, runPlace } = await import('../run/summary.js');
    const dir = dirname(elsewhere.file);
    const next = elsewhere.plan.steps[resumePointOf(elsewhere).next]?.id ?? '-';
    const command = resumeCommand({ ...runPlace(elsewhere, o.root, dir, false), ...(o.envPrefix ? { envPrefix: o.envPrefix } : {}) });
    const words = { runId: elsewhere.runId, product, dir, step: next, command };
    blockers.push({ id: 'other-log-dir-unfinished', message: t('journal.otherUnfinished', words), fix: t('journal.otherUnfinishedFix', words) });
  }
  records = [...records, ...others];
  for (const r of records) {
    const live = liveCommand(r.events);
    if (!live) continue;
    const words = { runId: r.runId, step: live.step, command: shownArgv(live.argv, undefined), pgid: live.pgid };
    blockers.push({ id: 'command-running', message: t('journal.liveCommandBlocker', words), fix: t('journal.liveCommandBlockerFix', words) });
    break;
  }
  // The run a new one would start over: the newest unfinished one of this product and root.
  const open = records.find((r) => !isFinished(r) && r.plan.product === product && sameRoot(r.plan.root, o.root));
  const point = open && lastRollbackPoint(open);
  if (open && point !== undefined) {
    const { rollbackCommand, runPlace } = await import('../run/summary.js');
    // At a terminal: its manual restores are confirmed as they are done.
    const command = rollbackCommand({ ...runPlace(open, o.root, dirname(open.file), false), ...(o.envPrefix ? { envPrefix: o.envPrefix } : {}) }, point);
    const words = { runId: open.runId, product, point, command };
    blockers.push({ id: 'rollback-unfinished', message: t('journal.newRunAfterRollback', words), fix: t('journal.newRunAfterRollbackFix', words) });
  }
  return blockers;
}

export function realServices(o: WizardOptions, defs: Definition[]): WizardServices {
  // The operator answers this run's checkpoints: the commands shown carry no --yes.
  const place = { root: o.root, logDir: o.logDir, unattended: false, ...(o.envPrefix ? { envPrefix: o.envPrefix } : {}) };
  // Where the detectors look: the root and the media.
  const where = { root: o.root, ...(o.media ? { media: o.media } : {}) };
  // Secret answers never enter the plan: kept from the last plan built, for {secret-file:ID}.
  let secrets: Record<string, string> = {};
  const runOptions = (c: RunControl) => ({ logDir: o.logDir, root: o.root, signal: c.signal, killSignal: c.killSignal, secrets, ...(o.envPrefix ? { envPrefix: o.envPrefix } : {}) });
  const outcome = async (plan: Plan, result: RunResult): Promise<RunOutcome> => {
    const [{ rollbackCommand, summarize }, { restorePointAt }] = await Promise.all([import('../run/summary.js'), import('../plan/restore-point.js')]);
    const { lines, exitCode } = summarize(plan, result, place);
    const status = result.status === 'dry-run' ? 'done' : result.status;
    // After a finished run the way back is still worth knowing: the last restore point in force,
    // unless its rollback is only for a run that stopped before its end.
    const last = status === 'done' ? restorePointAt(plan.steps, plan.steps.length - 1) : undefined;
    const point = plan.restorePoints.find((p) => p.id === last)?.beforeEnd ? undefined : last;
    const title = plan.restorePoints.find((p) => p.id === point)?.title;
    if (point) lines.push(t('ui.summary.goBack', { point: title ?? point, command: rollbackCommand(place, point) }));
    const partDone = result.status === 'done' && plan.next !== undefined;
    const forReboot = result.status === 'stopped' && result.reason === 'reboot';
    return { status, exitCode, lines, backups: await backupsOf(result), ...(partDone ? { partDone } : {}), ...(forReboot ? { forReboot } : {}) };
  };
  // The run found at start, kept here: the screens only see its plan and progress.
  let found: ResumePoint | undefined;
  let unresumable: string | undefined;
  return {
    loadDefinitions: async () => defs,
    detect: async (products) => {
      const out = [];
      for (const def of products) out.push({ product: def.id, detections: await detectFor(def, where) });
      return out;
    },
    gatherFacts: (def, answers) => gatherFacts(def, { ...where, answers, logDir: o.logDir }),
    redetect: (def, answers) => detectFor(def, { ...where, answers }),
    buildPlan: async (def, answers, facts) => {
      const [{ buildPlan }, { secretAnswers }] = await Promise.all([import('../plan/build.js'), import('../plan/secrets.js')]);
      secrets = secretAnswers(def, answers);
      const plan = buildPlan(def, answers, facts, getLang());
      if (o.saveAnswers) saveAnswers(o.saveAnswers, def, plan.answers, facts);
      // A run that cannot keep its journal must not start: said on the plan, not after Yes.
      const code = logDirProblem(o.logDir);
      if (code !== undefined) plan.blockers.push({ id: 'log-dir', message: t('ui.blocker.logDir', { dir: o.logDir, code }), fix: t('ui.blocker.logDirFix') });
      plan.blockers.push(...(await newRunBlockers(o, def.id)));
      return plan;
    },
    askableQuestions,
    validateAnswer,
    execute: async (plan: Plan, ui: Interaction, c: RunControl) => {
      ensureLogDir(o.logDir);
      // The plan may have been on screen for minutes: what blocks a new run is looked at again,
      // under the lock, so that it cannot change between the look and the start.
      const lock = takeRunLock(o.logDir);
      try {
        // Noted before the look, as run does (src/run/root-log-dirs.ts).
        noteLogDir(o.root, o.logDir);
        const blocker = (await newRunBlockers(o, plan.product))[0];
        if (blocker) throw new InputError(t('journal.newRunBlocked', { problem: blocker.message, fix: blocker.fix }));
        const { execute } = await import('../run/executor.js');
        return outcome(plan, await execute(plan, ui, { ...runOptions(c), lock }));
      } finally {
        lock.release();
      }
    },
    async findResumable(): Promise<ResumableRun | undefined> {
      try {
        found = await findResumable(o.logDir, o.root);
        // A command an earlier process started still runs: going on now would run beside it.
        refuseIfCommandRunning(found.record.runId, found.record.events);
      } catch (error) {
        found = undefined;
        // Said on the welcome: a rollback left unfinished (with the command that finishes it), a
        // journal that cannot be read, a command still running from a wizard that was killed.
        if (error instanceof UnfinishedRollback || error instanceof DamagedJournals || error instanceof CommandStillRunning) unresumable = error.message;
        // None for this root (or one that cannot continue): the wizard starts anew.
        if (error instanceof InputError) return undefined;
        throw error;
      }
      const { record } = found;
      const started = record.events[0]?.time;
      const missing = rebootMissing(found);
      return {
        plan: record.plan,
        done: [...doneSteps(record.events)],
        // As each ended: a step skipped before the stop is shown skipped, not done.
        ended: earlierSteps(record.events),
        // The journal keeps UTC; the operator reads the server's local time, as in backup names.
        ...(started ? { startedAt: readableStamp(new Date(started)) } : {}),
        ...(missing ? { rebootMissing: { number: missing.number, title: missing.step.title } } : {}),
        handle: record.runId,
      };
    },
    unresumable: () => unresumable,
    async resume(_run: ResumableRun, ui: Interaction, c: RunControl) {
      if (!found) throw new Error('resume without a resumable run');
      ensureLogDir(o.logDir);
      // The welcome may have been on screen for minutes: another wizard may have continued the run
      // since. The journal is read again under the lock, and a run that moved on is not resumed
      // from the point the welcome showed.
      const lock = takeRunLock(o.logDir);
      try {
        await enterRoot(o.root, o.logDir);
        const now = await findResumable(o.logDir, o.root).catch((error: unknown) => {
          // Finished, rolled back or gone since the welcome: said as such, not as "nothing to resume".
          if (error instanceof InputError && !(error instanceof DamagedJournals)) throw new InputError(t('ui.resume.movedOn', { runId: found?.record.runId ?? '-' }));
          throw error;
        });
        // (A command a killed wizard left running: the session's journal refuses it when it opens.)
        if (now.record.runId !== found.record.runId || now.record.events.length !== found.record.events.length) throw new InputError(t('ui.resume.movedOn', { runId: found.record.runId }));
        const { resume } = await import('../run/resume.js');
        return outcome(now.record.plan, await resume(now, ui, { ...runOptions(c), lock }));
      } finally {
        lock.release();
      }
    },
  };
}
