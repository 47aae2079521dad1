// A run stopped while a checkpoint waited for the operator (the SSH session dropped, kill -9):
// resume says the checkpoint is asked again, not that it "is checked" as a half-run command is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';

describe('resume of a run stopped at a checkpoint', () => {
  it('says the checkpoint is asked again', async () => {
    const sb = groupmaxSandbox();
    const sets = ['from=5', 'platform=unix', 'mail_server=no', 'journal=no', 'console=no', 'autostart=no'].flatMap((a) => ['--set', a]);
    const p = await runCli(['plan', '--product', 'groupmax', ...sets, '--root', sb.root, '--json'], { env: sb.env });
    expect(p.exitCode, p.stderr).toBe(0);
    const plan = JSON.parse(p.stdout) as Plan;
    const [first] = plan.steps;
    expect(first?.manual).toBe(true);
    // What the journal holds when the process went away while the checkpoint was on screen.
    const time = new Date().toISOString();
    mkdirSync(sb.logs, { recursive: true });
    const events = [
      { type: 'run-start', time, runId: '20261122-000000-ab12', plan },
      { type: 'step-start', time, step: first?.id },
    ];
    writeFileSync(join(sb.logs, 'run-20261122-000000-ab12.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const r = await runCli(['resume', '--root', sb.root, '--log-dir', sb.logs], { env: sb.env });
    // From a script it needs --yes; what it found is said first.
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain(`step ${first?.id} was waiting for the operator when the run stopped: it is asked again`);
    expect(r.stdout).not.toContain('it is checked before the run goes on');
  });
});
