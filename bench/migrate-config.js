#!/usr/bin/env node
// Start-up and throughput of `migrate-config` (dry run) on a 20,000-line system.conf,
// against a bare `node -e 0`. Whole processes of the built CLI: build first (npx tsc -p .).
// Target: median ratio < 3x. Plain node, no dependencies; not a test (no assertions).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'upgrade-wizard.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const LINES = 20_000;

function makeConf() {
  const dir = mkdtempSync(join(tmpdir(), 'uw-bench-'));
  const conf = join(dir, 'conf');
  mkdirSync(conf);
  writeFileSync(join(conf, 'db.conf'), 'dbhost = localhost\ndbport = 5432\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass = secret\nsslmode = disable\n');
  const lines = ['# ShareTask system configuration (generated for the benchmark)', ''];
  for (let i = 0; lines.length < LINES; i++) {
    lines.push(i % 10 === 0 ? `# section ${i / 10}` : `PARAM_${i} = value number ${i} with some text`);
  }
  writeFileSync(join(conf, 'system.conf'), `${lines.join('\n')}\n`);
  return { dir, conf };
}

function time(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const { dir, conf } = makeConf();
try {
  const cases = [
    ['node -e 0', ['-e', '0']],
    [`migrate-config --conf DIR (${LINES} lines, dry run)`, [bin, 'migrate-config', '--conf', conf]],
  ];
  for (const [, argv] of cases) time(argv); // warm-up: disk cache, compiled code cache
  const samples = cases.map(() => []);
  // Interleaved, so drift in machine load hits both alike.
  for (let i = 0; i < RUNS; i++) cases.forEach(([, argv], c) => samples[c].push(time(argv)));
  const medians = samples.map(median);
  const width = Math.max(...cases.map(([name]) => name.length));
  console.log(`${'case'.padEnd(width)}  median ms  min ms  max ms  (${RUNS} runs each)`);
  cases.forEach(([name], c) => {
    const s = samples[c];
    console.log(`${name.padEnd(width)}  ${medians[c].toFixed(1).padStart(9)}  ${Math.min(...s).toFixed(1).padStart(6)}  ${Math.max(...s).toFixed(1).padStart(6)}`);
  });
  const ratio = medians[1] / medians[0];
  console.log(`ratio migrate-config / node -e 0: ${ratio.toFixed(2)}x (target < 3x) ${ratio < 3 ? 'OK' : 'OVER TARGET'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
