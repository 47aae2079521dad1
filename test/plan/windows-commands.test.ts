// A step on Windows shows its commands as cmd.exe reads them (double quotes, backslashes as they
// are): POSIX single quotes pasted into a command prompt break the command. Linux plans are unchanged.
import { describe, expect, it } from 'vitest';
import { quoteCmdArgv } from '../../src/quote.js';
import { runCli } from '../helpers/cli.js';
import { plan } from '../products/jobcenter-paths.js';

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

/**
 * How a Windows program splits its command line (the C runtime and CommandLineToArgvW, as
 * Microsoft documents them): 2n backslashes before a quote give n and the quote opens or closes,
 * 2n+1 give n and a literal quote; "" inside quotes is a literal quote; other backslashes are kept.
 */
function windowsArgv(line: string): string[] {
  const out: string[] = [];
  let arg = '';
  let inArg = false;
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (c === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n += 1;
      if (line[i + n] === '"') {
        arg += '\\'.repeat(Math.floor(n / 2));
        i += n;
        if (n % 2 === 1) arg += '"';
        else if (quoted && line[i + 1] === '"') (arg += '"'), (i += 1);
        else quoted = !quoted;
      } else {
        arg += '\\'.repeat(n);
        i += n - 1;
      }
      inArg = true;
    } else if (c === '"') {
      if (quoted && line[i + 1] === '"') (arg += '"'), (i += 1);
      else quoted = !quoted;
      inArg = true;
    } else if (c === ' ' && !quoted) {
      if (inArg) out.push(arg);
      arg = '';
      inArg = false;
    } else {
      arg += c;
      inArg = true;
    }
  }
  if (inArg) out.push(arg);
  return out;
}

const IPF_ACTIVE = { cluster: 'mscs', arch: 'ipf-emulation', operation: 'versionup', role: 'active', from: 'R12.7.2', to: 'R13.2', local_site: 'yes', clwin: 'no', resource_name: 'JobCenter Script', cluster_group: 'JobCenter Group', site_name: 'jcsite' };

describe('Windows arguments and paths', () => {
  it('a quoted argument that ends in a backslash keeps its closing quote (DBPath=S:\\job center\\JobCenterDB\\)', () => {
    expect(quoteCmdArgv(['cluster', 'res', 'JobCenter Script', '/priv', 'DBPath=S:\\job center\\JobCenterDB\\'])).toBe('cluster res "JobCenter Script" /priv "DBPath=S:\\job center\\JobCenterDB\\\\"');
    const argvs = [
      ['cluster', 'res', 'JobCenter Script', '/priv', 'DBPath=S:\\job center\\JobCenterDB\\', 'SiteName=jcsite'],
      ['x', 'a b\\\\', 'say "hi"', 'tail\\"quote x', '', '\\\\server\\share dir\\', 'plain\\path\\'],
    ];
    for (const argv of argvs) expect(windowsArgv(quoteCmdArgv(argv))).toEqual(argv);
  });

  it('a path answer ending in a separator is joined without doubling it', () => {
    const p = plan({ ...IPF_ACTIVE, systemroot: 'C:\\Windows\\', install_path: 'C:\\job center\\SV\\', shared_disk_path: 'S:\\job center\\', db_path: 'S:\\job center\\JobCenterDB\\' }, undefined);
    const step = (id: string) => p.steps.find((s) => s.id === id);
    expect(step('s1132-register-resource')?.commands?.[1]).toEqual(['cluster', 'res', 'JobCenter Script', '/priv', 'ScriptFilepath=S:\\job center\\JobCenterCluster.vbs']);
    expect(step('s1132-copy-vbs')?.params).toMatchObject({ from: '/sbx/C/job center/SV/ins/JobCenterCluster.vbs', to: '/sbx/S/job center/JobCenterCluster.vbs' });
    expect(step('s1132-delete-dll')?.params.dir).toBe('/sbx/C/Windows/SysWOW64');
    // A UNC answer stays inside a sandbox too (ROOT/UNC/server/share/...).
    const unc = plan({ ...IPF_ACTIVE, systemroot: 'C:\\Windows', install_path: 'C:\\JobCenter\\SV', shared_disk_path: '\\\\filer\\jc\\', db_path: 'S:\\JobCenterDB' });
    expect(unc.steps.find((s) => s.id === 's1132-copy-vbs')?.params.to).toBe('/sbx/UNC/filer/jc/JobCenterCluster.vbs');
    const old = plan({ cluster: 'mscs', arch: 'x64', operation: 'versionup', role: 'standby', from: 'R12.5', to: 'R13.2', systemroot: 'C:\\Windows\\' });
    expect(old.steps.find((s) => s.id === 's1121b-register-dll')?.commands?.[0]).toEqual(['regsvr32', '/s', 'C:\\Windows\\cluster\\JobCenterClusterEx']);
  });

  it('a Windows path question takes a drive letter or UNC path only, and says so with a Windows example', async () => {
    const base = ['cluster=mscs', 'arch=ipf-emulation', 'operation=versionup', 'role=standby', 'from=R12.7.2', 'to=R13.2', 'clwin=no', 'local_site=yes'];
    const posix = await runCli(['plan', '--product', 'jobcenter', '--lang', 'en', ...set([...base, 'systemroot=/windows'])]);
    expect(posix.exitCode).not.toBe(0);
    expect(posix.stderr).toContain('systemroot: "/windows" is not an absolute Windows path without ".." (a drive letter or a UNC path, e.g. C:\\Windows or \\\\server\\share\\JobCenter)');
    expect(posix.stderr).not.toContain('/home/sharetask');
    const ja = await runCli(['plan', '--product', 'jobcenter', '--lang', 'ja', ...set([...base, 'systemroot=/windows'])]);
    expect(ja.stderr).toContain('Windows の絶対パスではありません');
    const activeBase = ['cluster=mscs', 'arch=ipf-native', 'operation=versionup', 'role=active', 'from=R12.8', 'to=R13.2', 'clwin=no', 'local_site=yes', 'standby_done_elsewhere=yes', 'standby_done_reason=test', 'install_path=C:\\JobCenter\\SV'];
    const unc = await runCli(['plan', '--product', 'jobcenter', '--lang', 'en', ...set([...activeBase, 'shared_disk_path=\\\\filer\\jc\\share'])]);
    expect(unc.exitCode, unc.stderr).toBe(0);
    expect(unc.stdout).toContain('C:\\JobCenter\\SV\\ins\\JobCenterCluster.vbs -> \\\\filer\\jc\\share\\JobCenterCluster.vbs');
    const rel = await runCli(['plan', '--product', 'jobcenter', '--lang', 'en', ...set([...activeBase, 'shared_disk_path=share\\jc'])]);
    expect(rel.exitCode).not.toBe(0);
    expect(rel.stderr).toContain('shared_disk_path: "share\\jc" is not an absolute Windows path');
  });

  it('the copy of JobCenterCluster.vbs is shown as cmd.exe commands (the guide\'s copy), not a POSIX shell line', async () => {
    const answers = ['cluster=mscs', 'arch=ipf-native', 'operation=versionup', 'role=active', 'from=R12.8', 'to=R13.2', 'clwin=no', 'local_site=yes', 'install_path=C:\\JobCenter\\SV', 'shared_disk_path=S:\\job center'];
    const runbook = await runCli(['export', '--format', 'markdown', '--product', 'jobcenter', '--lang', 'en', ...set(answers)]);
    expect(runbook.exitCode, runbook.stderr).toBe(0);
    const at = runbook.stdout.indexOf('Copy JobCenterCluster.vbs to the shared disk');
    const block = runbook.stdout.slice(at, runbook.stdout.indexOf('###', at + 1));
    expect(block).toContain('if exist "S:\\job center\\JobCenterCluster.vbs" ren "S:\\job center\\JobCenterCluster.vbs" JobCenterCluster.vbs.bak-YYYYMMDDHHMMSS');
    expect(block).toContain('copy C:\\JobCenter\\SV\\ins\\JobCenterCluster.vbs "S:\\job center\\JobCenterCluster.vbs"');
    for (const posixOnly of ['[ -e', 'mv -T', 'cp -r', "'", '$(date']) expect(block).not.toContain(posixOnly);
  });

  it('cluster /regext and /unregext are shown after a cd to %systemroot%\\cluster, as the guide types them', async () => {
    const answers = ['cluster=mscs', 'arch=x64', 'operation=versionup', 'role=active', 'from=R12.4', 'to=R13.2', 'clwin=no', 'local_site=yes', 'standby_done_elsewhere=yes', 'standby_done_reason=test'];
    const runbook = await runCli(['export', '--format', 'markdown', '--product', 'jobcenter', '--lang', 'en', ...set(answers)]);
    expect(runbook.exitCode, runbook.stderr).toBe(0);
    expect(runbook.stdout).toContain('$ cd /d C:\\Windows\\cluster && cluster /unregext:JobCenterClusterEx');
    expect(runbook.stdout).toContain('$ cd /d C:\\Windows\\cluster && cluster /regext:JobCenterClusterEx');
    expect(runbook.stdout).toContain('$ cd /d C:\\Windows\\cluster && cluster restype "NEC JobCenter Cluster Resource Type" /create /dll:JobCenterCluster.dll /type:JobCenterCluster');
  });
});
