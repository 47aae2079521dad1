#!/usr/bin/env node
// The first interactive frame: from the start of the process to the welcome screen drawn in a
// pseudo-terminal (util-linux `script`), on the sample server of src/demo, against a bare
// `node -e 0` in the same run. Target: <= 3.5x, and a peak RSS <= 80 MB until then.
// The npm package (build/ with build/definitions.json, as npm pack makes it) and the CD bundle.
// Build first: npx tsc -p . (bench/run.js does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asPacked, buildDist, median, repo, report, sample, timeFirstFrame, timeProcess } from './lib/measure.js';

const MARKER = 'Enter continue';
const work = mkdtempSync(join(tmpdir(), 'uw-bench-frame-'));
try {
  const dist = buildDist(join(work, 'upgrade-wizard'));
  const { createShareTaskSandbox, sandboxEnv } = await import('../build/demo/sandbox.js');
  const sb = await createShareTaskSandbox(join(work, 'sandbox'));
  const env = sandboxEnv(sb.dir);
  const args = ['--product', 'sharetask', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir];
  const cases = [
    { name: 'node -e 0', run: () => timeProcess([process.execPath, '-e', '0']) },
    { name: 'first frame (npm package)', run: () => timeFirstFrame([process.execPath, join(repo, 'bin/upgrade-wizard.js'), ...args], MARKER, { env }) },
    { name: 'first frame (dist)', run: () => timeFirstFrame(['sh', join(dist, 'upgrade-wizard.sh'), ...args], MARKER, { env }) },
  ];
  const samples = await asPacked(() => sample(cases, (c) => c.run()));
  const floor = median(samples[0].map((s) => s.ms));
  report('first-frame', cases.map((c, i) => {
    const ms = median(samples[i].map((s) => s.ms));
    if (i === 0) return { name: c.name, ms };
    return { name: c.name, ms, floor: cases[0].name, ratio: ms / floor, target: 3.5, rssMB: median(samples[i].map((s) => s.rssMB)), rssTarget: 80 };
  }), `first frame = the welcome screen with its detections, up to "${MARKER}"; peak RSS = VmHWM of the node process then`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
