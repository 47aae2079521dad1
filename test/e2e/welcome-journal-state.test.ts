// The wizard started on a log dir whose journal says more than "a run to resume": a journal that
// cannot be read is named on the welcome (no resume offered over it), and a resumed run shows a
// step skipped before the stop as skipped, not done. The real binary in tmux.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { runCli } from '../helpers/cli.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const perl = (id: string, title: string, code: string, extra: Partial<PlannedStep> = {}): PlannedStep => step('command', {}, { id, title, commands: [['perl', '-e', code]], ...extra });

afterEach(() => Tmux.killAll());

async function stoppedRun(): Promise<{ root: string; logDir: string; journal: string; dir: string }> {
  const dir = tempDir('uw-welcome-journal-');
  const root = join(dir, 'root');
  const logDir = join(dir, 'log');
  mkdirSync(root);
  const p = plan([perl('first', 'First step', 'exit 0'), perl('optional', 'Optional step', 'exit 1', { skippable: true }), perl('third', 'Third step', 'exit 2')], { root });
  const r = await execute(p, new Recorder({ failure: ['skip', 'stop'] }), { logDir, root });
  expect(r.status).toBe('failed');
  return { root, logDir, journal: r.files!.journal, dir };
}

const start = (s: { root: string; logDir: string; dir: string }): Promise<Tmux> =>
  Tmux.start([process.execPath, bin, '--lang', 'en', '--root', s.root, '--log-dir', s.logDir], { width: 100, height: 30, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C', HOME: s.dir } });

describe.skipIf(!hasTmux)('the welcome and the state of the journal', () => {
  test('a damaged journal is named, with its line, and no resume is offered', async () => {
    const s = await stoppedRun();
    const lines = readFileSync(s.journal, 'utf8').split('\n');
    writeFileSync(s.journal, [lines[0]!.replace('"type":"run-start"', '"type":"run-start"XX'), ...lines.slice(1)].join('\n'));
    const t = await start(s);
    const welcome = (await t.waitFor('Enter continue')).replace(/\s+/g, ' ');
    expect(welcome).toContain('line 1: the journal of a run is damaged');
    expect(welcome).not.toContain('Resume the interrupted run');
  });

  test('a step skipped before the stop is shown skipped when the run is resumed', async () => {
    const s = await stoppedRun();
    const t = await start(s);
    await t.waitFor('Resume the interrupted run');
    await t.keys('Enter');
    const screen = await t.waitFor((x) => !x.includes('Resume the interrupted run') && x.includes('Optional step'));
    const optional = screen.split('\n').find((l) => l.includes('Optional step')) ?? '';
    expect(optional).not.toContain('✓');
    expect(optional).toMatch(/–|skipped/);
  });

  test('a run continued by another wizard while the welcome was on screen is not resumed from the point it showed', async () => {
    const s = await stoppedRun();
    const t = await start(s);
    await t.waitFor('Resume the interrupted run');
    // Meanwhile, on another terminal: the third step is tried again (and fails again).
    const other = await runCli(['resume', '--yes', '--root', s.root, '--log-dir', s.logDir]);
    expect(other.stdout).toContain('third');
    const before = readFileSync(s.journal, 'utf8');
    await t.keys('Enter');
    const screen = (await t.waitFor('was continued')).replace(/\s+/g, ' ');
    expect(screen).toMatch(/run \S+ was continued \(or ended\) by another upgrade-wizard since this wizard showed it: nothing was done/);
    expect(readFileSync(s.journal, 'utf8')).toBe(before);
  });
});
