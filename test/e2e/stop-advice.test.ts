// What the summary of a run stopped with Ctrl-C says about going on: after one Ctrl-C no step was
// cut short (the run simply goes on at the next one); after two, a command step that cannot
// check itself needs --rerun-step or --skip-step, and the summary says so at once instead of a
// plain resume that then stops asking for them. Groupmax's advup2_6, held by its stand-in.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultPromise } from 'execa';
import { describe, expect, it } from 'vitest';
import { ctrlC, runCli, startCli, until } from '../helpers/cli.js';
import { groupmaxSandbox, type GroupmaxSandbox } from '../helpers/groupmax-sandbox.js';

const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);
const place = (sb: GroupmaxSandbox): string[] => ['--root', sb.root, '--log-dir', sb.logs];

/** Stopped at the reboot; advup2_6 then says it started and waits for STATE/release. */
async function heldAdvup(): Promise<{ sb: GroupmaxSandbox; started: string; release: string }> {
  const sb = groupmaxSandbox();
  expect((await runCli(['run', '--product', 'groupmax', '--yes', ...place(sb), ...sb.platformArgs, ...sets], { env: sb.env })).exitCode).toBe(0);
  const started = join(sb.dir, 'advup-started');
  const release = join(sb.dir, 'advup-release');
  writeFileSync(join(sb.dir, 'bin', 'advup2_6'), `#!/bin/sh\n: > '${started}'\nwhile [ ! -e '${release}' ]; do sleep 0.1; done\necho "advup2_6: completed"\n`);
  chmodSync(join(sb.dir, 'bin', 'advup2_6'), 0o755);
  return { sb, started, release };
}

/** resume --yes (a job of its own process group) held in advup2_6, then Ctrl-C pressed once or twice. */
async function resumeStopped(presses: 1 | 2): Promise<{ sb: GroupmaxSandbox; release: string; child: ResultPromise }> {
  const { sb, started, release } = await heldAdvup();
  const child = startCli(['resume', '--yes', ...place(sb), '--lang', 'en'], sb.env);
  await until(() => existsSync(started));
  await ctrlC(child, presses);
  return { sb, release, child };
}

describe('going on after Ctrl-C', () => {
  it('once: the step finishes, and the summary does not speak of an interrupted step', async () => {
    const { sb, release, child } = await resumeStopped(1);
    writeFileSync(release, '');
    const r = await child;
    expect(r.exitCode).toBe(1);
    const out = String(r.stdout);
    expect(out).toMatch(/The run stopped after Ctrl-C, before step \d+ "[^"]+" \(address-mail-setup\)/);
    expect(out).toContain(`To continue (no step was cut short: the run goes on at that step):\n  upgrade-wizard resume --yes --root ${sb.root} --log-dir ${sb.logs}`);
    expect(out).not.toContain('interrupted step');
  }, 120_000);

  it('twice: the killed command needs --rerun-step or --skip-step, said in the summary, as resume then asks', async () => {
    const { sb, release, child } = await resumeStopped(2);
    const r = await child;
    writeFileSync(release, '');
    expect(r.exitCode).toBe(1);
    const out = String(r.stdout);
    expect(out).toMatch(/Step \d+ "[^"]+" \(advup2-6\) may have partly run and needs your decision/);
    expect(out).toContain(`upgrade-wizard resume --yes --root ${sb.root} --log-dir ${sb.logs} --rerun-step advup2-6`);
    expect(out).toContain(`upgrade-wizard resume --yes --root ${sb.root} --log-dir ${sb.logs} --skip-step advup2-6`);
    expect(out).not.toContain('the interrupted step is checked and run again');
    // Which is what a plain resume comes to.
    const plain = await runCli(['resume', '--yes', ...place(sb), '--lang', 'en'], { env: sb.env });
    expect(plain.exitCode).toBe(2);
    expect(plain.stdout).toContain('--rerun-step advup2-6');
    const rerun = await runCli(['resume', '--yes', '--rerun-step', 'advup2-6', ...place(sb), '--lang', 'en'], { env: sb.env });
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
  }, 120_000);
});
