// The guide runs `cd %systemroot%\cluster` before `cluster /regext:"JobCenterClusterEx"`: cluster.exe
// loads the extension DLL by its bare name from the current folder. The real binary on a sandbox
// MSCS node (build first: npx tsc -p .), with a cluster stand-in that, like cluster.exe, fails when
// JobCenterClusterEx.dll is not in its current folder (1.1.2.1, installed R12.4.1 to R12.7.x).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';

describe('MSCS 1.1.2.1 standby node: the resource DLL unregistered and registered', () => {
  test('cluster /unregext and /regext find JobCenterClusterEx.dll: they run in %systemroot%\\cluster', async () => {
    const sbx = buildJobcenterSandbox();
    const cwds = join(sbx.dir, 'cluster-cwd.log');
    writeFileSync(cwds, '');
    const stand = join(sbx.dir, 'bin', 'cluster');
    writeFileSync(
      stand,
      `#!/bin/sh
printf '%s\\n' "$PWD" >> '${cwds}'
case "$1" in
  /regext:*|/unregext:*) name=\${1#*:}
    [ -f "./$name.dll" ] || { echo "System error 126: The specified module could not be found ($name)." >&2; exit 126; } ;;
esac
exit 0
`,
    );
    const res = await sbx.run({ cluster: 'mscs', arch: 'x64', operation: 'versionup', role: 'standby', from: 'R12.5', to: 'R13.2', systemroot: 'C:\\Windows' });
    expect(res.exitCode, res.stdout + res.stderr).toBe(0);
    expect(readFileSync(cwds, 'utf8').trim().split('\n')).toEqual([sbx.win('Windows/cluster'), sbx.win('Windows/cluster')]);
    // regsvr32 gets the full path, as the guide writes it, in the same folder.
    expect(sbx.calls()).toEqual(['regsvr32 -u /s C:\\Windows\\cluster\\JobCenterClusterEx', 'regsvr32 /s C:\\Windows\\cluster\\JobCenterClusterEx']);
    const journal = sbx.journals()[0] ?? [];
    const ends = journal.filter((e) => e.type === 'step-end').map((e) => (e.type === 'step-end' ? `${e.step}:${e.status}` : ''));
    expect(ends).toContain('s1121b-unregister-dll:done');
    expect(ends).toContain('s1121b-register-dll:done');
  }, 120_000);
});
