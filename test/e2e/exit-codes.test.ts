// README's exit-code table, where the modes differ: `plan` only shows a blocker (exit 0), `run`
// and `run --dry-run` refuse while it is open (exit 2). The JobCenter patch without its media.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';

const sets = Object.entries({ cluster: 'unix', operation: 'patch', from: 'R13.2', to: 'R13.2.1', local_site: 'no', role: 'standby' }).flatMap(([k, v]) => ['--set', `${k}=${v}`]);

describe('exit codes with an open blocker', () => {
  it('plan shows it and exits 0; run and run --dry-run exit 2', async () => {
    const sbx = buildJobcenterSandbox();
    const place = ['--root', sbx.root, '--log-dir', sbx.logs];
    const plan = await runCli(['plan', '--product', 'jobcenter', ...sets, ...place], { env: sbx.env });
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('no media was given');
    for (const extra of [['--yes'], ['--dry-run']]) {
      const run = await runCli(['run', '--product', 'jobcenter', ...extra, ...sets, ...place], { env: sbx.env });
      expect(run.exitCode).toBe(2);
      expect(run.stdout + run.stderr).toContain('no media was given');
    }
  }, 60_000);
});
