// Without the screens (run --yes, then resume at a prompt or with --yes), a failed step the
// procedure calls optional is skipped with resume --skip-step: nqsstop finding no daemon on a
// node whose local site is not used was otherwise a dead end. A required step cannot be skipped so.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';

const PATCH = { cluster: 'unix', operation: 'patch', from: 'R13.2', to: 'R13.2.1', local_site: 'no', role: 'standby' };

describe('resume --skip-step for a failed optional step', () => {
  test('goes on without it, recorded as skipped, never as done; a required step is refused by name', async () => {
    const sbx = buildJobcenterSandbox();
    sbx.localSiteDown();
    const first = await sbx.run(PATCH);
    expect(first.exitCode).not.toBe(0);
    expect(first.stdout + first.stderr).toContain('NQS daemon is not running');
    const resume = (step: string) => runCli(['resume', '--yes', '--skip-step', step, '--root', sbx.root, '--log-dir', sbx.logs, '--lang', 'en'], { env: sbx.env });

    // Run again instead of resume: it points to resume, and not to a rollback JobCenter's
    // procedure has no restore point for (rollback would only say there is nothing to do).
    const again = await sbx.run(PATCH);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('an unfinished run of jobcenter for this root exists');
    expect(again.stderr).toContain('(the procedure has no restore point for the wizard to roll back to)');
    expect(again.stderr).not.toContain('upgrade-wizard rollback');

    const wrong = await resume('s322-rpm');
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('--skip-step s322-rpm: the run goes on at step 4 (s322-nqsstop), which failed; only that step can be named');

    // The first nqsstop is skipped; the rpm runs; the second nqsstop fails the same way and is skipped too.
    const second = await resume('s322-nqsstop');
    expect(second.stdout).toContain('step s322-nqsstop is skipped as --skip-step asks: it is recorded as skipped, not as done');
    expect(second.exitCode).not.toBe(0);
    const third = await resume('s322-stop-local-after');
    expect(third.exitCode, third.stdout + third.stderr).toBe(0);
    const events = sbx.journals()[0] ?? [];
    for (const step of ['s322-nqsstop', 's322-stop-local-after']) {
      expect(events.filter((e) => e.type === 'step-end' && e.step === step).at(-1)).toMatchObject({ status: 'skipped' });
      expect(events.some((e) => e.type === 'confirm' && e.step === step)).toBe(false);
    }
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'done' });
  }, 120_000);
});
