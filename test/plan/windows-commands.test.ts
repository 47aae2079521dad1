// A step on Windows shows its commands as cmd.exe reads them (double quotes, backslashes as they
// are): POSIX single quotes pasted into a command prompt break the command. Linux plans are unchanged.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const set = (answers: string[]): string[] => answers.flatMap((a) => ['--set', a]);
const MSCS = ['cluster=mscs', 'arch=ipf-emulation', 'operation=versionup', 'role=standby', 'from=R12.7.2', 'to=R13.2', 'clwin=yes', 'local_site=yes', 'systemroot=C:\\Windows'];

describe('commands of a plan on Windows', () => {
  it('are quoted for cmd.exe in the plan and the runbook', async () => {
    const plan = await runCli(['plan', '--product', 'jobcenter', '--lang', 'en', ...set(MSCS)]);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('$ reg delete "HKLM\\Software\\Wow6432Node\\NEC\\JobCenter(CL/Win)" /f');
    expect(plan.stdout).toContain('$ reg delete HKLM\\Software\\Wow6432Node\\NEC\\NetShepherd\\SV /f');
    expect(plan.stdout).not.toMatch(/\$ .*'/);
    const runbook = await runCli(['export', '--format', 'markdown', '--product', 'jobcenter', '--lang', 'en', ...set(MSCS)]);
    expect(runbook.exitCode, runbook.stderr).toBe(0);
    expect(runbook.stdout).toContain('$ reg delete "HKLM\\Software\\Wow6432Node\\NEC\\JobCenter(CL/Win)" /f');
  });

  it('are marked in the plan JSON, and a UNIX plan keeps the POSIX quoting', async () => {
    const json = JSON.parse((await runCli(['plan', '--product', 'jobcenter', '--json', ...set(MSCS)])).stdout) as { windows?: boolean; steps: { windows?: boolean }[] };
    expect(json.windows).toBe(true);
    expect(json.steps.every((s) => s.windows === true)).toBe(true);
    const unix = JSON.parse((await runCli(['plan', '--product', 'jobcenter', '--json', ...set(['cluster=unix', 'operation=versionup', 'role=standby', 'from=R12.8'])])).stdout) as { windows?: boolean; steps: { windows?: boolean }[] };
    expect(unix.windows).toBeUndefined();
    expect(unix.steps.some((s) => s.windows)).toBe(false);
  });
});
