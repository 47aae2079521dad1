// The welcome after a reboot pause when the machine has not rebooted: quitting to reboot is the
// first, default choice, so one reflexive Enter does not skip the reboot the vendor requires.
// And with --product and only the OS detected, it does not say that nothing could be detected
// while the next screen proposes the detected OS.
import { describe, expect, it, vi } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import type { Definition } from '../../src/model/definition.js';
import type { ResumableRun, RunOutcome, WizardContext, WizardServices } from '../../src/ui/services.js';
import { KEY, press, renderApp, samplePlan, waitForFrame, wizardServices } from './helpers.js';

const text = (en: string) => ({ en, ja: en });

const def: Definition = {
  id: 'groupmax',
  title: text('Groupmax master management server upgrade to Version 6'),
  source: 'seed',
  questions: [{ id: 'platform', type: 'choice', text: text('Operating system of the server'), detect: 'os.platform', choices: [{ value: 'unix', label: text('UNIX') }] }],
  media: {},
  vars: {},
  blockers: [],
  restorePoints: [],
  steps: [{ id: 'noop', kind: 'manual', title: text('Nothing'), instructions: text('Nothing') }],
  next: [],
};

const linux = { question: 'platform', value: 'unix', evidence: 'this machine runs Linux' };
const doneOutcome: RunOutcome = { status: 'done', exitCode: 0, lines: [], backups: [] };

function services(over: Partial<WizardServices> = {}): WizardServices {
  return wizardServices({
    loadDefinitions: async () => [def],
    detect: async (products) => products.map((p) => ({ product: p.id, detections: [linux] })),
    gatherFacts: async () => ({ root: '/tmp/sbx', mediaFiles: {}, isRoot: true, hasServiceCommand: true, runningServices: [], detected: { platform: linux } }),
    redetect: async () => [linux],
    execute: async () => doneOutcome,
    resume: async () => doneOutcome,
    ...over,
  });
}

const context = { root: '/tmp/sbx', logDir: '/tmp/sbx/logs', preset: {}, againCommand: 'upgrade-wizard --root /tmp/sbx --log-dir /tmp/sbx/logs' };
const paused: ResumableRun = { plan: samplePlan({ product: 'groupmax' }), done: ['stop-services'], rebootMissing: { number: 1, title: 'Shut the machine down and restart it' }, handle: 'journal' };
const start = (s: WizardServices, ctx: WizardContext = context) => renderApp(s, ctx);

describe('the welcome after a reboot pause, not rebooted', () => {
  it('offers to quit first, and Enter leaves with the command to resume after the reboot', async () => {
    const resume = vi.fn(async () => doneOutcome);
    const { r, onExit } = start(services({ findResumable: async () => paused, resume }));
    const frame = await waitForFrame(r, 'Resume without the reboot');
    expect(frame).toMatch(/› Quit: I will reboot first\n +Resume without the reboot\n +Start a new upgrade/);
    expect(frame).toContain('Ctrl-C quit');
    await press(r, KEY.enter);
    expect(onExit).toHaveBeenCalledWith(0, ['Nothing was changed. After the reboot, start the wizard again; it offers to resume the run:', '  upgrade-wizard --root /tmp/sbx --log-dir /tmp/sbx/logs']);
    expect(resume).not.toHaveBeenCalled();
  });

  it('still resumes without the reboot when that is chosen', async () => {
    const resume = vi.fn(async () => doneOutcome);
    const { r, onExit } = start(services({ findResumable: async () => paused, resume }));
    await waitForFrame(r, 'Resume without the reboot');
    await press(r, KEY.down, KEY.enter);
    await waitForFrame(r, 'The upgrade finished.');
    expect(resume).toHaveBeenCalledTimes(1);
    expect(onExit).not.toHaveBeenCalled();
  });

  it('in Japanese too', async () => {
    setLang('ja');
    try {
      const { r } = start(services({ findResumable: async () => paused }));
      const frame = await waitForFrame(r, '再起動せずに再開する');
      expect(frame).toMatch(/› 終了する: 先に再起動する\n +再起動せずに再開する\n +新しくバージョンアップを始める/);
      expect(frame).toContain('Ctrl-C 終了');
    } finally {
      setLang('en');
    }
  });
});

describe('the welcome when only the OS was detected', () => {
  it('names the product asked for and says the questions propose what was detected', async () => {
    const { r } = start(services(), { ...context, product: 'groupmax' });
    const frame = await waitForFrame(r, 'Found on this machine:');
    const flat = frame.replace(/\s+/g, ' ');
    expect(flat).toContain('Nothing installed was recognised for "Groupmax master management server upgrade to Version 6". The questions propose what could be detected (such as the operating system); you answer the rest.');
    expect(frame).not.toContain('Nothing could be detected');
  });

  it('says nothing could be detected only when nothing was', async () => {
    const { r } = start(services({ detect: async (products) => products.map((p) => ({ product: p.id, detections: [] })) }), { ...context, product: 'groupmax' });
    const frame = await waitForFrame(r, 'Found on this machine:');
    expect(frame).toContain('Nothing could be detected');
  });
});
