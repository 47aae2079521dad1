// Shared by the screen tests: key codes, a bounded wait for a frame, a hand-made plan, and the
// whole wizard on stand-in services.
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { KeyProvider, keysSettled } from '../../src/ui/keys.js';
import { SizeContext } from '../../src/ui/size.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { askableQuestions, validateAnswer } from '../../src/plan/questions.js';
import { App, type AppProps } from '../../src/ui/App.js';
import type { ResumableRun, WizardContext, WizardServices } from '../../src/ui/services.js';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  ctrlC: '\u0003',
  backspace: '\u007F',
};

/** Renders at a terminal size, with the wizard's key routing. */
export function renderAt(node: ReactElement, size: { columns: number; rows: number }) {
  return render(
    <SizeContext.Provider value={size}>
      <KeyProvider>{node}</KeyProvider>
    </SizeContext.Provider>,
  );
}

/** Renders at 80x24, as on a plain SSH terminal. */
export function renderAt80x24(node: ReactElement) {
  return renderAt(node, { columns: 80, rows: 24 });
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[[0-9;]*m/g;

/** The last frame without colour codes. */
export function frameOf(r: { lastFrame: () => string | undefined }): string {
  return (r.lastFrame() ?? '').replace(SGR, '');
}

/** Polls until the frame satisfies the check (bounded), and returns it. */
export async function waitForFrame(
  r: { lastFrame: () => string | undefined },
  check: string | ((frame: string) => boolean),
  timeoutMs = 3000,
): Promise<string> {
  const ok = typeof check === 'string' ? (f: string) => f.includes(check) : check;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const frame = frameOf(r);
    if (ok(frame)) return frame;
    if (Date.now() > until) throw new Error(`frame never matched ${String(check)}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Rendered = { stdin: { write: (s: string) => void; listenerCount: (event: string) => number } };

/**
 * Writes keys, each as its own read, then waits (bounded) until the wizard has handed every
 * key to the screen it was meant for. Before the first, waits until Ink listens on stdin: it
 * starts to in an effect after the first frame, and a key written earlier is dropped.
 */
export async function press(r: Rendered, ...keys: string[]): Promise<void> {
  const until = Date.now() + 3000;
  while (r.stdin.listenerCount('readable') === 0) {
    if (Date.now() > until) throw new Error('Ink never listened on stdin');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (const k of keys) {
    r.stdin.write(k);
    // Ink hands a lone Esc over on the next turn (it might begin an escape sequence).
    for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    await keysSettled();
  }
}

export function step(id: string, over: Partial<PlannedStep> = {}): PlannedStep {
  return { id, kind: 'command', title: `Step ${id}`, manual: false, allowFailure: false, skippable: false, params: {}, ...over };
}

export function samplePlan(over: Partial<Plan> = {}): Plan {
  return {
    product: 'sharetask',
    lang: 'en',
    answers: { version: '5.4.2-1' },
    root: '/tmp/sbx',
    steps: [
      step('stop-services', {
        kind: 'service',
        title: 'Stop the ShareTask services',
        section: '2.1',
        commands: [['service', 'stlogd', 'stop'], ['service', 'sharetaskd', 'stop']],
        allowFailure: true,
      }),
      step('backup', {
        kind: 'backup',
        title: 'Back up /home/sharetask',
        commands: [['tar', 'czf', '/tmp/sbx/tmp/sharetask_bkup.tar.gz', '-C', '/tmp/sbx/opt', 'sharetask']],
        restorePoint: 'backup',
      }),
      step('license', {
        kind: 'manual',
        manual: true,
        title: 'Register the license',
        instructions: 'Open the admin page and register the new license key.',
        checklist: ['License file uploaded', 'Status shows "valid"'],
      }),
      step('symlink', {
        kind: 'switch-symlink',
        title: 'Switch the symlink',
        commands: [['ln', '-s', 'sharetask server-5.5.0-1', "it's here"]],
        restorePoint: 'backup',
      }),
    ],
    blockers: [],
    warnings: [],
    restorePoints: [
      {
        id: 'backup',
        title: 'Restore from the backup archive',
        explain: 'Moves the broken tree aside and unpacks the backup.',
        rollback: [step('restore', { kind: 'restore', title: 'Unpack the backup' })],
      },
    ],
    ...over,
  };
}

/**
 * The wizard's services for a screen test: no product, nothing detected, the sample plan, no
 * unfinished run, and what `over` gives; a run or a look at the machine not given fails the test.
 */
export function wizardServices(over: Partial<WizardServices> = {}): WizardServices {
  const notAsked = async (): Promise<never> => Promise.reject(new Error('not asked'));
  return {
    loadDefinitions: async () => [],
    detect: async () => [],
    gatherFacts: notAsked,
    redetect: async () => [],
    buildPlan: async (_d, answers) => samplePlan({ answers }),
    askableQuestions,
    validateAnswer,
    execute: notAsked,
    findResumable: async () => undefined,
    resume: notAsked,
    ...over,
  };
}

/** The whole wizard at 80x24 on these services; onExit records how it ended. */
export function renderApp(services: WizardServices, context: WizardContext, more: Partial<AppProps> = {}) {
  const onExit = vi.fn<(code: number, after: string[]) => void>();
  const r = render(<App services={services} context={context} onExit={onExit} size={{ columns: 80, rows: 24 }} {...more} />);
  return { r, onExit };
}

/** The wizard offering to resume `run`; resumed, it starts step `at` of the plan and holds there until release(). */
export function renderResumeOffer(run: ResumableRun, at: number) {
  let release: () => void = () => undefined;
  const services = wizardServices({
    buildPlan: async () => run.plan,
    findResumable: async () => run,
    resume: async (_run, ui) => {
      ui.onStepStart?.(run.plan.steps[at]!, at, run.plan.steps.length);
      await new Promise<void>((resolve) => (release = resolve));
      return { status: 'done', exitCode: 0, lines: [], backups: [] };
    },
  });
  const { r } = renderApp(services, { root: '/tmp/sbx', logDir: '/tmp/sbx/log', preset: {}, againCommand: 'upgrade-wizard' });
  return { r, release: () => release() };
}
