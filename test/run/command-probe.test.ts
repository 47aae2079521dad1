// A command step's probe (skipWhen) through the executor, with real processes: a recording
// stand-in `chkconfig` first on PATH (as the sandbox's), under a --root sandbox prefix. Already
// so: skipped with the line that shows it and nothing else run; not so, failing or missing: the
// commands run as before. The dry run says what it would check and runs nothing.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { plan, Recorder, step, tempDir } from './ctx.js';
import { chkconfigScript, RUNLEVELS_ON as ON } from '../helpers/chkconfig.js';

const dir = tempDir('uw-probe-');
const bin = join(dir, 'bin');
const calls = join(dir, 'calls.log');
const state = join(dir, 'state');
const root = join(dir, 'root');

let savedPath: string | undefined;
beforeAll(() => {
  for (const d of [bin, state, root]) mkdirSync(d, { recursive: true });
  writeFileSync(join(bin, 'chkconfig'), chkconfigScript(calls, state));
  chmodSync(join(bin, 'chkconfig'), 0o755);
  // The executor looks commands up on PATH, as a run does with the stand-ins first.
  savedPath = process.env.PATH;
  process.env.PATH = [bin, savedPath ?? '/usr/bin:/bin'].join(delimiter);
});
afterAll(() => {
  process.env.PATH = savedPath;
});

const enable = (service: string, probe: Record<string, unknown> = {}): PlannedStep =>
  step('command', { skipWhen: { argv: ['chkconfig', '--list', service], expectOutput: ON, says: 'runlevels 2-5 are all on', ...probe } }, { id: `enable-${service}`, title: `Start ${service} at boot`, commands: [['chkconfig', service, 'on']] });
const called = (): string[] => (existsSync(calls) ? readFileSync(calls, 'utf8').split('\n').filter(Boolean) : []);

describe('a command step with skipWhen', () => {
  it('is skipped where already so, and runs its commands where not, where the check fails or is missing', async () => {
    writeFileSync(join(state, 'httpd'), '');
    const ui = new Recorder();
    const logDir = join(dir, 'log');
    const steps = [
      enable('httpd'),
      enable('postgresql'),
      // chkconfig --list fails (a service chkconfig does not know): the commands run as before.
      enable('broken'),
      // The check's program is not there at all: the same.
      enable('memcached', { argv: [join(root, 'usr/sbin/no-such-check'), 'memcached'] }),
    ];
    const result = await execute(plan(steps, { root }), ui, { logDir, root });
    expect(result.status).toBe('done');
    expect(called()).toEqual(['chkconfig --list httpd', 'chkconfig --list postgresql', 'chkconfig postgresql on', 'chkconfig --list broken', 'chkconfig broken on', 'chkconfig memcached on']);
    expect(ui.ends).toEqual([
      { step: 'enable-httpd', status: 'skipped', detail: 'already so (runlevels 2-5 are all on): "httpd 0:off 1:off 2:on 3:on 4:on 5:on 6:off" (chkconfig --list httpd)' },
      { step: 'enable-postgresql', status: 'done', detail: undefined },
      { step: 'enable-broken', status: 'done', detail: undefined },
      { step: 'enable-memcached', status: 'done', detail: undefined },
    ]);
    // The check's output is shown as any command's, and why the commands run after all.
    const shown = ui.text();
    expect(shown).toContain('$ chkconfig --list httpd');
    expect(shown).toContain('postgresql\t0:off\t1:off\t2:off');
    expect(shown).toContain(`not so yet (no line matches /${ON}/): running the step's commands`);
    expect(shown).toContain('error reading information on service broken');
    expect(shown).toContain("not so yet (exit code 1, not 0): running the step's commands");
    expect(shown).toMatch(/not so yet \(the check could not run: .*no-such-check.*\): running the step's commands/);
    // Journal, log and report keep the check as a command of the step, and the skip with its evidence.
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    expect(events.filter((e) => e.type === 'command' && e.step === 'enable-httpd').map((e) => (e.type === 'command' ? e.argv : []))).toEqual([['chkconfig', '--list', 'httpd']]);
    expect(events.find((e) => e.type === 'step-end' && e.step === 'enable-httpd')).toMatchObject({ status: 'skipped' });
    expect(readFileSync(result.files!.log, 'utf8')).toMatch(/\[enable-httpd\] \| httpd\t0:off/);
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toMatch(/\| Start httpd at boot \(enable-httpd\) \| skipped \| .* \| already so \(runlevels 2-5 are all on\): "httpd 0:off 1:off 2:on 3:on 4:on 5:on 6:off"/);
    expect(report).toContain('| enable-httpd | `chkconfig --list httpd` | 0 |');
  });

  it('passes on its exit code alone when it names no output, and keeps the step\'s cwd', async () => {
    const work = join(dir, 'work');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'marker'), '');
    const ui = new Recorder();
    const probed = step('command', { cwd: work, skipWhen: { argv: ['test', '-e', 'marker'] } }, { id: 'made', commands: [['chkconfig', 'made', 'on']] });
    const result = await execute(plan([probed]), ui, { logDir: join(dir, 'log2'), root: '' });
    expect(result.status).toBe('done');
    expect(ui.ends).toEqual([{ step: 'made', status: 'skipped', detail: 'already so: exit code 0 (test -e marker)' }]);
    expect(called()).not.toContain('chkconfig made on');
  });

  it('in a dry run says what it would check first and runs nothing', async () => {
    const before = called();
    const ui = new Recorder();
    const result = await execute(plan([enable('stlogd')]), ui, { logDir: join(dir, 'log3'), root: '', dryRun: true });
    expect(result.status).toBe('dry-run');
    expect(ui.output).toEqual([
      'check first: $ chkconfig --list stlogd',
      `  if runlevels 2-5 are all on (the output matches /${ON}/): already so, skip what follows`,
      'otherwise:',
      '$ chkconfig stlogd on',
    ]);
    expect(called()).toEqual(before);
    expect(existsSync(join(dir, 'log3'))).toBe(false);
  });

  it('fails clearly on a check it cannot read (a journal edited by hand), running nothing', async () => {
    const before = called();
    const ui = new Recorder();
    const bad = step('command', { skipWhen: { argv: 'chkconfig --list httpd' } }, { id: 'bad', commands: [['chkconfig', 'bad', 'on']] });
    const result = await execute(plan([bad]), ui, { logDir: join(dir, 'log4'), root: '' });
    expect(result.status).toBe('failed');
    expect(ui.failures[0]?.error).toBe('step bad: skipWhen is not a check the wizard can run (argv)');
    expect(called()).toEqual(before);
  });
});
