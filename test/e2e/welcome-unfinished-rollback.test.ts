// The wizard started on a run whose rollback failed part-way: it cannot offer to resume that run,
// and it said nothing of it (httpd and the daemons still stopped); the welcome now says so, with
// the command that finishes the rollback. The real binary in tmux.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { plan, Recorder, step, tempDir } from '../run/ctx.js';

const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));
const fails = (id: string): PlannedStep => step('command', {}, { id, restorePoint: 'rp', commands: [['perl', '-e', 'exit 3']] });
const passes = (id: string): PlannedStep => step('command', {}, { id, restorePoint: 'rp', commands: [['perl', '-e', 'exit 0']] });

afterEach(() => Tmux.killAll());

describe.skipIf(!hasTmux)('the welcome with a rollback left unfinished', () => {
  test('says the run cannot be resumed and names the command that finishes the rollback', async () => {
    const dir = tempDir('uw-unfinished-rollback-');
    const root = join(dir, 'root');
    const logDir = join(dir, 'log');
    mkdirSync(root);
    const p = plan([passes('a'), fails('b')], { root, restorePoints: [{ id: 'rp', title: 'back', explain: 'x', rollback: [passes('undo-1'), fails('undo-2')] }] });
    const first = await execute(p, new Recorder({ failure: ['rollback', 'stop'] }), { logDir, root });
    expect(first.status).toBe('failed');
    const t = await Tmux.start([process.execPath, bin, '--lang', 'en', '--root', root, '--log-dir', logDir], { width: 100, height: 30, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C', HOME: dir } });
    const welcome = (await t.waitFor('Enter continue')).replace(/\s+/g, ' ');
    expect(welcome).toContain('has a rollback to restore point rp that did not finish; the run cannot be resumed. Finish the rollback (its finished steps are not repeated):');
    // The notice wraps at the screen's width; the command is all there.
    const flat = (s: string): string => s.replace(/\s+/g, '');
    expect(flat(welcome)).toContain(flat(`"upgrade-wizard rollback --to rp --root ${root} --log-dir ${logDir}"`));
  });
});
