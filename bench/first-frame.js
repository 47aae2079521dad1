#!/usr/bin/env node
// The first interactive frame: from the start of the process to the welcome screen drawn in a
// pseudo-terminal (util-linux `script`), on the sample server of src/demo, against a bare
// `node -e 0` in the same run. Target: <= 3.5x, and a peak RSS <= 80 MB until then.
// The npm package (npm pack, unpacked: it runs its bundle lib/app/), the CD bundle and, where
// it can be built, the standalone executable.
// Build first: npx tsc -p . (bench/run.js does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBinary, buildDist, packNpm, median, report, sample, timeFirstFrame, timeProcess } from './lib/measure.js';

const MARKER = 'Enter continue';
const work = mkdtempSync(join(tmpdir(), 'uw-bench-frame-'));
try {
  const dist = buildDist(join(work, 'upgrade-wizard'));
  const npm = packNpm(join(work, 'npm'));
  const binary = buildBinary(join(work, 'binary'));
  const { createShareTaskSandbox, sandboxEnv } = await import('../build/demo/sandbox.js');
  const sb = await createShareTaskSandbox(join(work, 'sandbox'));
  const env = sandboxEnv(sb.dir);
  const args = ['--product', 'sharetask', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir];
  const cases = [
    { name: 'node -e 0', run: () => timeProcess([process.execPath, '-e', '0']) },
    { name: 'first frame (npm package)', run: () => timeFirstFrame([process.execPath, join(npm, 'bin/upgrade-wizard.cjs'), ...args], MARKER, { env }) },
    { name: 'first frame (dist)', run: () => timeFirstFrame(['sh', join(dist, 'upgrade-wizard.sh'), ...args], MARKER, { env }) },
    ...(binary === undefined ? [] : [{ name: 'first frame (executable)', run: () => timeFirstFrame([binary, ...args], MARKER, { env }) }]),
  ];
  const samples = await sample(cases, (c) => c.run());
  const floor = median(samples[0].map((s) => s.ms));
  const rows = cases.map((c, i) => {
    const ms = median(samples[i].map((s) => s.ms));
    if (i === 0) return { name: c.name, ms };
    return { name: c.name, ms, floor: cases[0].name, ratio: ms / floor, target: 3.5, rssMB: median(samples[i].map((s) => s.rssMB)), rssTarget: 80 };
  });
  // The first paint is the wait screen ("looking at this machine") drawn before the detections:
  // shown beside the frame, without a target of its own.
  for (const [i, c] of cases.entries()) {
    if (i === 0) continue;
    const ms = median(samples[i].map((s) => s.firstMs));
    rows.push({ name: c.name.replace('first frame', 'first paint'), ms, floor: cases[0].name, ratio: ms / floor });
  }
  report('first-frame', rows, `first frame = the welcome screen with its detections, up to "${MARKER}"; peak RSS = VmHWM of the node process then; first paint = the first visible character`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
