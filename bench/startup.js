#!/usr/bin/env node
// Start-up of the wizard as whole processes, against a bare `node -e 0` in the same run:
//   --version                       target <= 1.3x (it must import almost nothing)
//   plan --product sharetask --json  target <= 2x (on the sample server of src/demo, with --media)
// Each for the npm package (`npm pack`, unpacked: bin/ runs its bundle lib/app/), the CD bundle
// (dist: upgrade-wizard.sh, which also checks SHA256SUMS of its files) and, where it can be
// built, the standalone executable (npm run dist:binary).
// Build first: npx tsc -p . (bench/run.js does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBinary, buildDist, packNpm, median, report, sample, timeProcess } from './lib/measure.js';

const work = mkdtempSync(join(tmpdir(), 'uw-bench-startup-'));
try {
  const dist = buildDist(join(work, 'upgrade-wizard'));
  const { createShareTaskSandbox } = await import('../build/demo/sandbox.js');
  const sb = await createShareTaskSandbox(join(work, 'sandbox'));
  const sets = Object.entries(sb.answers).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
  const plan = ['plan', '--product', 'sharetask', ...sets, '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir, '--json'];
  const built = [process.execPath, join(packNpm(join(work, 'npm')), 'bin/upgrade-wizard.cjs')];
  const cd = ['sh', join(dist, 'upgrade-wizard.sh')];
  const binary = buildBinary(join(work, 'binary'));
  const cases = [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
    { name: '--version (npm package)', argv: [...built, '--version'], target: 1.3 },
    { name: '--version (dist)', argv: [...cd, '--version'], target: 1.3 },
    { name: 'plan --json sharetask (npm package)', argv: [...built, ...plan], target: 2 },
    { name: 'plan --json sharetask (dist)', argv: [...cd, ...plan], target: 2 },
    ...(binary === undefined
      ? []
      : [
          { name: '--version (executable)', argv: [binary, '--version'], target: 1.3 },
          { name: 'plan --json sharetask (executable)', argv: [binary, ...plan], target: 2 },
        ]),
  ];
  const samples = await sample(cases, (c) => timeProcess(c.argv));
  const floor = median(samples[0].map((s) => s.ms));
  report('startup', cases.map((c, i) => {
    const ms = median(samples[i].map((s) => s.ms));
    return i === 0 ? { name: c.name, ms } : { name: c.name, ms, floor: cases[0].name, ratio: ms / floor, target: c.target };
  }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
