#!/usr/bin/env node
// Start-up and throughput of `migrate-config` (dry run) on a 20,000-line system.conf, against a
// bare `node -e 0` in the same run: the npm package, the CD bundle (dist), the standalone
// executable where it can be built, and the source checkout (build/, unbundled: not what is
// shipped, shown for those who run the wizard from a clone).
// Target: median ratio <= 3x. Build first: npx tsc -p . (bench/run.js does).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBinary, buildDist, median, packNpm, repo, report, sample, timeProcess } from './lib/measure.js';

const LINES = 20_000;

function makeConf(dir) {
  const conf = join(dir, 'conf');
  mkdirSync(conf);
  writeFileSync(join(conf, 'db.conf'), 'dbhost = localhost\ndbport = 5432\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass = secret\nsslmode = disable\n');
  const lines = ['# ShareTask system configuration (generated for the benchmark)', ''];
  for (let i = 0; lines.length < LINES; i++) {
    lines.push(i % 10 === 0 ? `# section ${i / 10}` : `PARAM_${i} = value number ${i} with some text`);
  }
  writeFileSync(join(conf, 'system.conf'), `${lines.join('\n')}\n`);
  return conf;
}

const work = mkdtempSync(join(tmpdir(), 'uw-bench-migrate-'));
try {
  const conf = makeConf(work);
  const dist = buildDist(join(work, 'upgrade-wizard'));
  const npm = packNpm(join(work, 'npm'));
  const binary = buildBinary(join(work, 'binary'));
  const args = ['migrate-config', '--conf', conf];
  const cases = [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
    { name: `migrate-config ${LINES} lines (npm package)`, argv: [process.execPath, join(npm, 'bin/upgrade-wizard.cjs'), ...args] },
    { name: `migrate-config ${LINES} lines (dist)`, argv: ['sh', join(dist, 'upgrade-wizard.sh'), ...args] },
    ...(binary === undefined ? [] : [{ name: `migrate-config ${LINES} lines (executable)`, argv: [binary, ...args] }]),
    { name: `migrate-config ${LINES} lines (source checkout, build/)`, argv: [process.execPath, join(repo, 'bin/upgrade-wizard.cjs'), ...args] },
  ];
  const samples = await sample(cases, (c) => timeProcess(c.argv));
  const floor = median(samples[0].map((s) => s.ms));
  report('migrate-config', cases.map((c, i) => {
    const ms = median(samples[i].map((s) => s.ms));
    return i === 0 ? { name: c.name, ms } : { name: c.name, ms, floor: cases[0].name, ratio: ms / floor, target: 3 };
  }), 'dry run: finds SHARETASK_DB in db.conf and shows the diff of system.conf; nothing written');
} finally {
  rmSync(work, { recursive: true, force: true });
}
