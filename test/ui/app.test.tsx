import { describe, expect, it, vi } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import type { Answers, Definition } from '../../src/model/definition.js';
import type { Facts } from '../../src/model/facts.js';
import type { Interaction } from '../../src/model/interaction.js';
import type { AppProps } from '../../src/ui/App.js';
import { lookAt, type FirstLook, type ResumableRun, type RunControl, type RunOutcome, type WizardContext, type WizardServices } from '../../src/ui/services.js';
import { KEY, frameOf, press, renderApp, samplePlan, waitForFrame, wizardServices } from './helpers.js';

const text = (en: string) => ({ en, ja: en });

const def: Definition = {
  id: 'sharetask',
  title: text('ShareTask 5.5'),
  source: 'seed',
  questions: [
    { id: 'version', type: 'version', text: text('Installed version?'), detect: 'sharetask-version' },
    { id: 'custom', type: 'yesno', text: text('Is there a custom part?') },
    { id: 'uid', type: 'text', text: text('User ID of the custom part?'), when: { q: 'custom', eq: 'yes' } },
  ],
  media: {},
  vars: {},
  blockers: [],
  restorePoints: [],
  steps: [{ id: 'noop', kind: 'manual', title: text('Nothing'), instructions: text('Nothing') }],
};

const facts: Facts = {
  root: '/tmp/sbx',
  mediaFiles: {},
  isRoot: true,
  hasServiceCommand: true,
  runningServices: [],
  detected: { version: { question: 'version', value: '5.4.2-1', evidence: 'sharetask_server -> sharetask_server-5.4.2-1' } },
};

const doneOutcome: RunOutcome = { status: 'done', exitCode: 0, lines: ['All 4 steps done.'], report: '/tmp/sbx/log/run.md', backups: ['/tmp/sbx/tmp/sharetask_bkup.tar.gz'] };

function services(over: Partial<WizardServices> = {}): WizardServices {
  return wizardServices({
    loadDefinitions: async () => [def],
    detect: async (products) => products.map((p) => ({ product: p.id, detections: [facts.detected.version!] })),
    gatherFacts: async () => facts,
    redetect: async () => Object.values(facts.detected),
    execute: async () => doneOutcome,
    resume: async () => doneOutcome,
    ...over,
  });
}

const context = { root: '/tmp/sbx', logDir: '/tmp/sbx/log', preset: {}, againCommand: 'upgrade-wizard --root /tmp/sbx' };

const start = (s: WizardServices, ctx: WizardContext = context, firstLook?: AppProps['firstLook']) => renderApp(s, ctx, firstLook ? { firstLook } : {});

describe('the wizard flow', () => {
  it('walks from the welcome screen through questions, plan and run to the summary', async () => {
    let asked: { plan: unknown; answers: unknown } | undefined;
    const execute = async (plan: ReturnType<typeof samplePlan>, ui: Interaction): Promise<RunOutcome> => {
      asked = { plan, answers: plan.answers };
      const [a, , license] = plan.steps;
      ui.onStepStart?.(a!, 0, plan.steps.length);
      ui.onOutput?.(a!, 'Stopping stlogd: [ OK ]\n');
      ui.onStepEnd?.(a!, 'done');
      ui.onStepStart?.(license!, 2, plan.steps.length);
      if ((await ui.confirmManual(license!)) !== 'done') return { ...doneOutcome, status: 'stopped', exitCode: 1 };
      ui.onStepEnd?.(license!, 'done');
      return doneOutcome;
    };
    const { r, onExit } = start(services({ execute }));
    let frame = await waitForFrame(r, 'Found on this machine:');
    expect(frame).toContain('Installed version?: 5.4.2-1');
    expect(frame).toContain('evidence: sharetask_server -> sharetask_server-5.4.2-1');
    await press(r, KEY.enter);
    await waitForFrame(r, '› ShareTask 5.5');
    await press(r, KEY.enter);

    frame = await waitForFrame(r, 'Installed version?');
    expect(frame).toContain('> 5.4.2-1█');
    expect(frame).toContain('detected: sharetask_server -> sharetask_server-5.4.2-1');
    await press(r, ...Array.from({ length: 7 }, () => KEY.backspace), 'x.y', KEY.enter);
    frame = await waitForFrame(r, '✗ ');
    expect(frame).toContain('> x.y█');
    // Under its question the problem alone: the question's id means nothing on this screen.
    expect(frame).toContain('✗ "x.y" is not a version (e.g.');
    await press(r, KEY.backspace, KEY.backspace, KEY.backspace, '5.4.2-1', KEY.enter);

    await waitForFrame(r, 'Is there a custom part?');
    await press(r, 'y', KEY.enter);
    await waitForFrame(r, 'User ID of the custom part?');
    await press(r, 'NAB', KEY.enter);

    frame = await waitForFrame(r, 'ShareTask 5.5: the plan');
    expect(frame).toContain('4 steps (1 manual)');
    await press(r, KEY.enter);
    await waitForFrame(r, 'This will change the server: /tmp/sbx');
    await press(r, 'y', KEY.enter);

    frame = await waitForFrame(r, '[manual] Register the license');
    expect(frame).toContain('✓  1. Stop the ShareTask services');
    await press(r, KEY.space, KEY.down, KEY.space, KEY.enter);
    frame = await waitForFrame(r, '✓ The upgrade finished.');
    expect(frame).toContain('Report: /tmp/sbx/log/run.md');
    expect(asked?.answers).toEqual({ version: '5.4.2-1', custom: 'yes', uid: 'NAB' });
    await press(r, KEY.enter);
    expect(onExit).toHaveBeenCalledWith(0, expect.arrayContaining(['Report: /tmp/sbx/log/run.md']));
  });

  describe('found on this machine', () => {
    const os = (id: string, title: string): Definition => ({
      ...def,
      id,
      title: text(title),
      questions: [{ id: 'platform', type: 'choice', text: text('Which OS?'), detect: 'os.platform', choices: [{ value: 'linux', label: text('Linux') }] }],
    });
    const linux = { question: 'platform', value: 'linux', evidence: 'this machine runs Linux' };

    it('lists only the products this machine shows signs of, and pre-selects the likeliest; the OS alone is no sign', async () => {
      const { r } = start(
        services({
          loadDefinitions: async () => [os('alpha', 'Alpha'), def, os('omega', 'Omega')],
          detect: async (products) => products.map((p) => ({ product: p.id, detections: p.id === 'sharetask' ? [facts.detected.version!] : [linux] })),
        }),
      );
      const frame = await waitForFrame(r, 'Found on this machine:');
      expect(frame).toContain('Installed version?: 5.4.2-1');
      expect(frame).not.toContain('Which OS?');
      expect(frame).not.toContain('Alpha');
      await press(r, KEY.enter);
      await waitForFrame(r, '› ShareTask 5.5');
    });

    it('says no product was recognised when only the OS was, and that the questions propose it', async () => {
      const { r } = start(services({ loadDefinitions: async () => [os('alpha', 'Alpha'), os('omega', 'Omega')], detect: async (products) => products.map((p) => ({ product: p.id, detections: [linux] })) }));
      const frame = await waitForFrame(r, 'No installed product was recognised');
      // The next screen proposes the OS as detected: "nothing could be detected" contradicted it.
      expect(frame).not.toContain('Nothing could be detected');
      expect(frame.replace(/\s+/g, ' ')).toContain('The questions propose what could be detected');
      expect(frame).not.toContain('Which OS?');
    });

    it('takes no absence for a sign: no licence on the CD is true of any CD', async () => {
      const noLicence = { question: 'custom', value: 'no', evidence: 'no License_*.tar.gz on the media /cd' };
      const { r } = start(services({ loadDefinitions: async () => [def, os('omega', 'Omega')], detect: async (products) => products.map((p) => ({ product: p.id, detections: p.id === 'sharetask' ? [noLicence] : [linux] })) }));
      const frame = await waitForFrame(r, 'No installed product was recognised');
      expect(frame).not.toContain('Is there a custom part?');
    });
  });

  it('looks again before a question whose detection needs an earlier answer, and proposes what it finds', async () => {
    const cluster: Definition = {
      ...def,
      id: 'cluster',
      questions: [
        { id: 'servers', type: 'list', text: text('Host names of the servers?') },
        { id: 'server', type: 'choice', text: text('Which server is this one?'), detect: 'cluster.server', choices: [{ value: 'server1', label: text('Server 1') }, { value: 'server2', label: text('Server 2') }] },
      ],
    };
    const seen: Answers[] = [];
    const { r } = start(
      services({
        loadDefinitions: async () => [cluster],
        detect: async () => [],
        gatherFacts: async () => ({ ...facts, detected: {} }),
        // As the real detector: this host is node2, found in the servers answer only once it is given.
        redetect: async (_d, answers) => (seen.push(answers), answers.servers ? [{ question: 'server', value: 'server2', evidence: 'host name node2 is host 2 of the servers answer' }] : []),
      }),
      { ...context, product: 'cluster' },
    );
    await waitForFrame(r, 'Enter continue');
    await press(r, KEY.enter);
    await waitForFrame(r, 'Host names of the servers?');
    await press(r, 'node1,node2', KEY.enter);
    const frame = await waitForFrame(r, 'Which server is this one?');
    expect(frame).toMatch(/› Server 2\s+detected/);
    expect(frame).toContain('host name node2 is host 2 of the servers answer');
    expect(seen).toEqual([{ servers: ['node1', 'node2'] }]);
  });

  it('offers the answers taken back with Esc again, before anything detected', async () => {
    const planned: unknown[] = [];
    const { r } = start(services({ buildPlan: async (_d, answers) => (planned.push(answers), samplePlan({ answers })) }));
    await waitForFrame(r, 'Found on this machine:');
    await press(r, KEY.enter);
    await waitForFrame(r, '› ShareTask 5.5');
    await press(r, KEY.enter);
    await waitForFrame(r, '> 5.4.2-1█');
    await press(r, KEY.backspace, '0', KEY.enter);
    await waitForFrame(r, 'Is there a custom part?');
    await press(r, 'y', KEY.enter);
    await waitForFrame(r, 'User ID of the custom part?');
    await press(r, 'NAB', KEY.enter);
    await waitForFrame(r, 'ShareTask 5.5: the plan');

    await press(r, KEY.escape);
    let frame = await waitForFrame(r, 'User ID of the custom part?');
    expect(frame).toContain('> NAB█');
    await press(r, KEY.escape);
    frame = await waitForFrame(r, 'Is there a custom part?');
    expect(frame).toContain('› Yes');
    await press(r, KEY.escape);
    frame = await waitForFrame(r, 'Installed version?');
    // The operator's 5.4.2-0, not the detected 5.4.2-1.
    expect(frame).toContain('> 5.4.2-0█');
    await press(r, KEY.enter);
    await waitForFrame(r, 'Is there a custom part?');
    await press(r, KEY.enter);
    await waitForFrame(r, 'User ID of the custom part?');
    await press(r, KEY.enter);
    await waitForFrame(r, 'ShareTask 5.5: the plan');
    expect(planned).toEqual([
      { version: '5.4.2-0', custom: 'yes', uid: 'NAB' },
      { version: '5.4.2-0', custom: 'yes', uid: 'NAB' },
    ]);
  });

  it('counts the questions ahead by their proposals, so the total holds while they are accepted', async () => {
    const withDefault: Definition = { ...def, questions: def.questions.map((q) => (q.id === 'custom' ? { ...q, default: 'yes' } : q)) };
    const { r } = start(services({ loadDefinitions: async () => [withDefault] }));
    await waitForFrame(r, 'Found on this machine:');
    await press(r, KEY.enter);
    await waitForFrame(r, '› ShareTask 5.5');
    await press(r, KEY.enter);
    // The custom part's user ID is asked when custom is yes, its default: three questions from the start.
    let frame = await waitForFrame(r, 'Installed version?');
    expect(frame).toContain('question 1 of 3');
    await press(r, KEY.enter);
    frame = await waitForFrame(r, 'Is there a custom part?');
    expect(frame).toContain('question 2 of 3');
    await press(r, KEY.enter);
    frame = await waitForFrame(r, 'User ID of the custom part?');
    expect(frame).toContain('question 3 of 3');
  });

  it('Ctrl-C during the run: first stops after the step, second aborts; then how to resume', async () => {
    let control: RunControl | undefined;
    const execute = (plan: ReturnType<typeof samplePlan>, ui: Interaction, c: RunControl) =>
      new Promise<RunOutcome>((resolve) => {
        control = c;
        ui.onStepStart?.(plan.steps[1]!, 1, plan.steps.length);
        c.killSignal.addEventListener('abort', () =>
          resolve({ status: 'stopped', exitCode: 1, backups: [], lines: ['Stopped at backup. Resume: upgrade-wizard resume --yes --root /tmp/sbx'] }),
        );
      });
    const { r, onExit } = start(services({ execute }), { ...context, product: 'sharetask', preset: { version: '5.4.2-1', custom: 'no' } });
    await waitForFrame(r, 'Found on this machine:');
    await press(r, KEY.enter);
    await waitForFrame(r, 'ShareTask 5.5: the plan');
    await press(r, KEY.enter, 'y', KEY.enter);
    await waitForFrame(r, '▸  2. Back up /home/sharetask');
    await press(r, KEY.ctrlC);
    await waitForFrame(r, 'Stopping after this step… press Ctrl-C again to abort now.');
    expect(control?.signal.aborted).toBe(true);
    expect(control?.killSignal.aborted).toBe(false);
    await press(r, KEY.ctrlC);
    const frame = await waitForFrame(r, 'The run stopped before the end.');
    expect(frame).toContain('To continue in the wizard (it offers to resume):');
    expect(frame).toContain('  upgrade-wizard --root /tmp/sbx');
    await press(r, 'q');
    expect(onExit).toHaveBeenCalledWith(1, expect.arrayContaining(['Stopped at backup. Resume: upgrade-wizard resume --yes --root /tmp/sbx']));
  });

  it('Ctrl-C before the run leaves at once, saying nothing was changed', async () => {
    const { r, onExit } = start(services());
    await waitForFrame(r, 'Found on this machine:');
    await press(r, KEY.ctrlC);
    expect(onExit).toHaveBeenCalledWith(2, ['The wizard was closed; nothing was changed by this run.']);
  });

  it('offers to resume an interrupted run found at start, and resumes it', async () => {
    const plan = samplePlan();
    const run: ResumableRun = { plan, done: ['stop-services', 'backup'], handle: 'journal-1' };
    const resume = vi.fn(async (_run: ResumableRun, ui: Interaction) => {
      ui.onStepStart?.(plan.steps[2]!, 2, 4);
      return doneOutcome;
    });
    const { r } = start(services({ findResumable: async () => run, resume }));
    let frame = await waitForFrame(r, 'An interrupted run of ShareTask 5.5 was found: 2 of 4 steps finished.');
    expect(frame).toContain('Next step: Register the license');
    await press(r, KEY.enter);
    frame = await waitForFrame(r, 'The upgrade finished.');
    expect(resume).toHaveBeenCalledWith(run, expect.anything(), expect.anything());
    expect(frameOf(r)).not.toContain('Installed version?');
  });

  it('shows a failure of the services as an error screen, exit 1', async () => {
    const { r, onExit } = start(services({ gatherFacts: async () => Promise.reject(new Error('cannot read /tmp/sbx/home')) }), { ...context, product: 'sharetask' });
    await waitForFrame(r, 'Found on this machine:');
    await press(r, KEY.enter);
    await waitForFrame(r, 'cannot read /tmp/sbx/home');
    await press(r, KEY.enter);
    expect(onExit).toHaveBeenCalledWith(1, expect.arrayContaining(['the wizard stopped: cannot read /tmp/sbx/home']));
  });

  it('opens on the welcome screen, with no wait screen, when the machine was looked at already', async () => {
    const s = services();
    const ready = await lookAt(s, undefined);
    const { r } = start(s, context, { pending: Promise.resolve(ready), ready });
    expect(r.frames[0]).toContain('Found on this machine:');
    expect(r.frames.join('\n')).not.toContain('Looking at this machine');
  });

  it('shows the wait screen while a look started before the screens is still running, then the welcome', async () => {
    let finish: (look: FirstLook) => void = () => undefined;
    const pending = new Promise<FirstLook>((resolve) => (finish = resolve));
    const detect = vi.fn(services().detect);
    const s = services({ detect });
    const { r } = start(s, context, { pending });
    expect(frameOf(r)).toContain('Looking at this machine');
    finish(await lookAt(services(), undefined));
    await waitForFrame(r, 'Found on this machine:');
    // The screens took the look they were given instead of looking again.
    expect(detect).not.toHaveBeenCalled();
  });

  it("names a detected choice by its label and yes/no in the operator's language, on the welcome", async () => {
    const withChoices: Definition = {
      ...def,
      questions: [
        { id: 'cluster', type: 'choice', text: { en: 'Which cluster?', ja: 'クラスタは？' }, choices: [{ value: 'unix', label: { en: 'UNIX cluster', ja: 'UNIX 環境' } }] },
        { id: 'web', type: 'yesno', text: { en: 'A web server?', ja: 'Web サーバは？' } },
        { id: 'pw', type: 'text', secret: true, text: text('Password?') },
      ],
    };
    const detections = [
      { question: 'cluster', value: 'unix', evidence: '/usr/lib/nqs/nqsstop exists' },
      { question: 'web', value: 'yes', evidence: 'https-budgie' },
      { question: 'pw', value: 'S3cret-pw', evidence: 'a file' },
    ];
    const s = services({ loadDefinitions: async () => [withChoices], detect: async (products) => products.map((p) => ({ product: p.id, detections })) });
    let frame = await waitForFrame(start(s).r, 'Found on this machine:');
    expect(frame).toContain('Which cluster?: UNIX cluster');
    expect(frame).toContain('A web server?: Yes');
    expect(frame).toContain('Password?: ****');
    expect(frame).not.toContain('S3cret-pw');
    setLang('ja');
    try {
      frame = await waitForFrame(start(s).r, 'クラスタは？');
      expect(frame).toContain('クラスタは？: UNIX 環境');
      expect(frame).toContain('Web サーバは？: はい');
    } finally {
      setLang('en');
    }
  });
});
