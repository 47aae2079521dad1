// `upgrade-wizard [interactive]`: the Ink screens over the real planner, detectors and executor.
// Options and preset answers are checked before any screen opens (exit 2, nothing touched).
// Ink, React and src/ui are imported inside run() only, so other modes never load them; the
// planner's builder, the executor and the summaries only when the screens need them, so the
// first screen does not wait for code it does not use.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/ui.js';
import '../i18n/messages/journal.js';
import type { Answers, Definition } from '../model/definition.js';
import type { Interaction } from '../model/interaction.js';
import type { Blocker, Plan } from '../model/plan.js';
import { detectFor, gatherFacts } from '../detect/index.js';
import { allDefinitions, findDefinition } from '../plan/definitions.js';
import { askableQuestions, patternHint, validateAnswer } from '../plan/questions.js';
import { checkGivenAnswers, parseSets, readAnswersSource } from '../run/answers.js';
import { DamagedJournals, DEFAULT_LOG_DIR, doneSteps, ensureLogDir, listJournals, logDirProblem, readJournal } from '../run/journal.js';
import { CommandStillRunning, liveCommand, refuseIfCommandRunning } from '../run/live-command.js';
import { shownArgv } from '../quote.js';
import { isRootUser } from '../detect/system.js';
import { findResumable, isFinished, lastRollbackPoint, rebootMissing, sameRoot, UnfinishedRollback, type ResumePoint } from '../run/resumable.js';
import { refuseIfLocked, takeRunLock } from '../run/lock.js';
import type { RunResult } from '../run/session.js';
import { checkSaveTarget, saveAnswers } from '../export/save-answers.js';
import { earlierSteps, lookAt, type ResumableRun, type RunControl, type RunOutcome, type WizardContext, type WizardServices } from '../ui/services.js';
import { readableStamp } from '../io/backup-name.js';
import { onOutputLost } from '../io/output-lost.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  root: { type: 'string' },
  media: { type: 'string' },
  'log-dir': { type: 'string' },
  product: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] as string[] },
  answers: { type: 'string' },
  'save-answers': { type: 'string' },
} as const;

export interface WizardOptions {
  root: string;
  media?: string;
  logDir: string;
  product?: string;
  preset: Answers;
  /** Put before the command in the "continue" hint, e.g. the demo's PATH. */
  envPrefix?: string;
  /** --save-answers FILE: written each time a plan is built (the answers reviewed last win). */
  saveAnswers?: string;
  /** The definitions parseWizardOptions loaded, so that startWizard does not read them again. */
  loaded?: { defs: Definition[]; notices: string[] };
}

/** Checks preset answers against the product (or, without --product, that some product asks them). */
function checkPreset(defs: Definition[], product: string | undefined, given: Answers, source: string): Answers {
  // The product itself was checked before (parseWizardOptions).
  const candidates = product ? defs.filter((d) => d.id === product) : defs;
  const out: Answers = {};
  for (const [id, value] of Object.entries(given)) {
    const question = candidates.flatMap((d) => d.questions).find((q) => q.id === id);
    if (!question) throw new InputError(t('ui.cmd.unknownQuestion', { source, question: id, product: product ?? candidates.map((d) => d.id).join(', ') }));
    const check = validateAnswer(question, value);
    if (!check.ok) {
      const hint = patternHint(question, getLang());
      throw new InputError(t('ui.cmd.badAnswer', { source, question: id, problem: check.problem }) + (hint === undefined ? '' : `\n  ${hint}`));
    }
    out[id] = check.value;
  }
  return out;
}

/**
 * The definitions that load; a broken file of another product spoils nothing, but is named on
 * the welcome screen. A broken file of the product asked for is that product's error.
 */
async function definitions(product: string | undefined): Promise<{ defs: Definition[]; notices: string[] }> {
  const { definitions: defs, broken } = await allDefinitions();
  const own = broken.find((b) => b.id !== undefined && b.id === product);
  if (own) throw own.error;
  return { defs, notices: broken.map((b) => t('ui.cmd.brokenDefinition', { file: b.file })) };
}

export async function parseWizardOptions(args: string[], command: string): Promise<WizardOptions | 'help'> {
  const o = parseOptions(command, args, spec);
  if (o.help) return 'help';
  const loaded = await definitions(o.product);
  const { defs } = loaded;
  if (o.product) await findDefinition(defs, o.product);
  const logDir = resolve(o['log-dir'] ?? DEFAULT_LOG_DIR);
  // A second wizard beside a running one would offer to resume the very run it is executing.
  refuseIfLocked(logDir);
  const source = o.answers ? await readAnswersSource(o.answers) : undefined;
  const sets = parseSets(o.set);
  // For a product, as plan and run check them: every problem at once, each with FILE:LINE or --set.
  const def = o.product ? defs.find((d) => d.id === o.product) : undefined;
  if (def) checkGivenAnswers(def, source, sets, getLang());
  const preset = {
    ...(source ? checkPreset(defs, o.product, source.answers, `--answers ${source.file}`) : {}),
    ...checkPreset(defs, o.product, sets, '--set'),
  };
  return {
    root: o.root ? resolve(o.root) : '',
    ...(o.media ? { media: resolve(o.media) } : {}),
    logDir,
    ...(o.product ? { product: o.product } : {}),
    preset,
    ...(o['save-answers'] ? { saveAnswers: checkSaveTarget(o['save-answers']) } : {}),
    loaded,
  };
}

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
 * said on the welcome already.
 */
export async function newRunBlockers(o: Pick<WizardOptions, 'root' | 'logDir' | 'envPrefix'>, product: string): Promise<Blocker[]> {
  let records;
  try {
    records = await listJournals(o.logDir);
  } catch (error) {
    if (error instanceof DamagedJournals) return [];
    throw error;
  }
  const blockers: Blocker[] = [];
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
    const command = rollbackCommand({ ...runPlace(open, o.root, o.logDir, false), ...(o.envPrefix ? { envPrefix: o.envPrefix } : {}) }, point);
    const words = { runId: open.runId, product, point, command };
    blockers.push({ id: 'rollback-unfinished', message: t('journal.newRunAfterRollback', words), fix: t('journal.newRunAfterRollbackFix', words) });
  }
  return blockers;
}

function realServices(o: WizardOptions, defs: Definition[]): WizardServices {
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

function againCommand(o: WizardOptions, selfCommand: (args: string[]) => string): string {
  const args: string[] = [];
  if (o.root) args.push('--root', o.root);
  if (o.media) args.push('--media', o.media);
  if (o.logDir !== DEFAULT_LOG_DIR) args.push('--log-dir', o.logDir);
  return `${o.envPrefix ?? ''}${selfCommand(args)}`;
}

const REACT_MODE = 'NODE_ENV';
const LOAD_ENV = ['FORCE_COLOR', 'CI', 'CONTINUOUS_INTEGRATION', REACT_MODE];

/**
 * Loads Ink and the screens with the terminal's wishes applied: NO_COLOR means no colour codes
 * at all (chalk reads only FORCE_COLOR, when it is imported), and a CI variable must not switch
 * Ink to its print-the-last-frame-only mode on a real terminal. React comes in its production
 * build: each of its modules picks one by NODE_ENV when first required, the screens' JSX runtime
 * too (the bundle has it built in; a checkout's node_modules would give the development build,
 * several times slower). Yoga reads its inline WebAssembly through fetch when there is one, and
 * on Node.js that loads undici (the bundle gives yoga none; scripts/dist/bundle.mjs), so fetch is
 * hidden while Ink loads. All is restored afterwards: the run's commands see the environment unchanged.
 */
export async function loadScreens(): Promise<{ ink: typeof import('ink'); createElement: typeof import('react').createElement; App: typeof import('../ui/App.js').App }> {
  // By computed names: the bundle defines process.env.NODE_ENV as a constant.
  const saved = Object.fromEntries(LOAD_ENV.map((name) => [name, process.env[name]]));
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  process.env[REACT_MODE] ??= 'production';
  // The descriptor, not the value: reading globalThis.fetch is what loads undici.
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchProperty?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    const ink = await import('ink');
    const [{ createElement }, { App }] = await Promise.all([import('react'), import('../ui/App.js')]);
    return { ink, createElement, App };
  } finally {
    if (fetchProperty?.configurable) Object.defineProperty(globalThis, 'fetch', fetchProperty);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** How long the screens wait for the first look before they show the wait screen instead. */
const LOOK_GRACE_MS = 150;

/** The value of promise if it settles within ms, else undefined; a failure is left to whoever awaits it. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What keeps the upgrade from starting whatever the answers: said before the first question. */
function startNotices(o: WizardOptions): string[] {
  const code = logDirProblem(o.logDir);
  return [
    ...(o.root === '' && !isRootUser() ? [t('ui.notice.notRoot')] : []),
    ...(code === undefined ? [] : [t('ui.notice.logDir', { dir: o.logDir, code })]),
  ];
}

/** Runs the wizard on this terminal; resolves with the exit code once the screens are closed. */
export async function startWizard(o: WizardOptions, command: string): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(t('ui.cmd.noTty', { command }));
  const { defs, notices } = o.loaded ?? (await definitions(o.product));
  const services = realServices(o, defs);
  // The machine is looked at while Ink loads, and the welcome is the first screen when the look
  // is done soon after: a wait screen shown for a blink costs as much to draw as the welcome and
  // only delays it. A slow look (rpm on a busy server) gets the wait screen.
  const looking = lookAt(services, o.product);
  const [{ ink, createElement, App }, { selfCommand }] = await Promise.all([loadScreens(), import('../run/summary.js')]);
  const ready = await settledWithin(looking, LOOK_GRACE_MS);
  const context: WizardContext = {
    root: o.root,
    ...(o.media ? { media: o.media } : {}),
    logDir: o.logDir,
    preset: o.preset,
    ...(o.product ? { product: o.product } : {}),
    againCommand: againCommand(o, selfCommand),
    notices: [...startNotices(o), ...notices],
  };
  // The terminal may go away (SSH dropped): the run goes on to a clean stop, unseen, and what is
  // printed after it (how it ended) goes nowhere: src/io/output-lost.ts takes the EIO.
  type Cause = 'hangup' | undefined;
  const listeners = new Set<(cause: Cause) => void>();
  // A signal that comes before the screens listen (a busy machine delays React's effects) is
  // kept and delivered, instead of being lost.
  const pending: Cause[] = [];
  const interrupt = (cause: Cause): void => {
    if (listeners.size === 0) pending.push(cause);
    for (const l of listeners) l(cause);
  };
  const interrupts = {
    on(listener: (cause: Cause) => void) {
      listeners.add(listener);
      for (const cause of pending.splice(0)) listener(cause);
      return () => void listeners.delete(listener);
    },
  };
  // Raw mode from the start: Ctrl-C is then a key the screens read when ready, never a SIGINT
  // that races their set-up. Ink takes raw mode over and restores the terminal when it ends.
  process.stdin.setRawMode?.(true);
  // Ctrl-C at the keyboard arrives as a key (raw mode); these come from kill or a closed session.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => interrupt(undefined));
  // The terminal went away. SIGHUP comes only when a shell passes it on, and often after the
  // input has closed: a checkpoint nobody can answer any more would keep the run waiting until
  // the process ended by itself, with no stop in the journal and no report.
  const hangup = (): void => interrupt('hangup');
  process.on('SIGHUP', hangup);
  process.stdin.once('end', hangup);
  onOutputLost(hangup);
  let result: { code: number; after: string[] } = { code: 1, after: [] };
  const instance = ink.render(
    createElement(App, {
      services,
      context,
      interrupts,
      firstLook: { pending: looking, ...(ready ? { ready } : {}) },
      onExit: (code: number, after: string[]) => {
        result = { code, after };
        setImmediate(() => instance.unmount());
      },
    }),
    { exitOnCtrlC: false, kittyKeyboard: { mode: 'disabled' } },
  );
  await instance.waitUntilExit();
  // The handlers stay until the process ends: a late Ctrl-C (Ink has already put the terminal
  // back in cooked mode) must not kill the wizard by signal while it prints how it ended and
  // returns its exit code. With the screens gone, it is only counted, and nothing waits for it.
  if (result.after.length > 0) process.stdout.write(`${result.after.join('\n')}\n`);
  return result.code;
}

export async function run(args: string[]): Promise<number> {
  const o = await parseWizardOptions(args, 'interactive');
  if (o === 'help') {
    process.stdout.write(t('ui.cmd.interactiveHelp'));
    return 0;
  }
  return startWizard(o, 'interactive');
}
