// JobCenter detection: a UNIX node's /usr/lib/nqs/nqsstop names the kind of cluster; without it
// nothing is proposed (the Windows kinds and the node's role are asked).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productFound } from '../../src/detect/found.js';
import { detectFor } from '../../src/detect/index.js';
import { definitionsDir, loadDefinition } from '../../src/plan/load.js';
import { runCli } from '../helpers/cli.js';
import { buildJobcenterSandbox } from '../helpers/jobcenter-sandbox.js';

const def = loadDefinition(join(definitionsDir(), 'jobcenter.yaml'));

describe('JobCenter detection', () => {
  it('proposes a UNIX cluster where nqsstop is, with its path', async () => {
    const s = buildJobcenterSandbox();
    const found = await detectFor(def, { root: s.root });
    expect(found).toEqual([{ question: 'cluster', value: 'unix', evidence: `${s.root}/usr/lib/nqs/nqsstop exists (JobCenter for UNIX)` }]);
    expect(productFound(def, found)).toBe(true);
  });

  it('proposes nothing, and finds no JobCenter, without it', async () => {
    const s = buildJobcenterSandbox();
    rmSync(join(s.root, 'usr'), { recursive: true });
    const found = await detectFor(def, { root: s.root });
    expect(found).toEqual([]);
    expect(productFound(def, found)).toBe(false);
  });

  it('plans with the operator answer over the detection', async () => {
    const s = buildJobcenterSandbox();
    const args = ['plan', '--product', 'jobcenter', '--root', s.root, '--json'];
    const sets = ['--set', 'cluster=windows-other', '--set', 'operation=patch', '--set', 'role=standby', '--set', 'from=R13.2', '--set', 'to=R13.2.1'];
    const r = await runCli([...args, ...sets], { env: s.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { answers: Record<string, string>; steps: { id: string }[] };
    expect(plan.answers.cluster).toBe('windows-other');
    expect(plan.steps.map((st) => st.id).join(' ')).not.toContain('nqsstop');
  });
});
