// `upgrade-wizard [interactive]`: the Ink screens over the real planner, detectors and executor.
// Options and preset answers are checked before any screen opens (exit 2, nothing touched).
// Ink, React and src/ui are imported inside run() only, so other modes never load them. What
// the screens work with (detectors, planner, executor, journal) is in wizard-services.ts.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseOptions } from './args.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/ui.js';
import type { Answers, Definition } from '../model/definition.js';
import { allDefinitions, findDefinition } from '../plan/definitions.js';
import { patternHint, validateAnswer } from '../plan/questions.js';
import { checkGivenAnswers, parseSets, readAnswersSource } from '../run/answers.js';
import { DEFAULT_LOG_DIR, logDirProblem } from '../run/journal.js';
import { isRootUser } from '../detect/system.js';
import { refuseIfLocked } from '../run/lock.js';
import { checkSaveTarget } from '../export/save-answers.js';
import { lookAt, type WizardContext } from '../ui/services.js';
import { onOutputLost } from '../io/output-lost.js';
import { realServices } from './wizard-services.js';

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
  type Cause = 'hangup' | 'sigterm' | undefined;
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
  // SIGTERM keeps its name: the journal says "SIGTERM", not "Ctrl-C".
  process.on('SIGINT', () => interrupt(undefined));
  process.on('SIGTERM', () => interrupt('sigterm'));
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
