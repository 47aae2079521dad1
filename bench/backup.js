#!/usr/bin/env node
// Benchmark of the ShareTask backup step against a plain `tar czf` of the same tree.
//
//   npx tsc -p . && node bench/backup.js [--sizes 100,300]   (BENCH_RUNS=N, at least 10)
//
// For each size a tree of mixed files (two thirds compressible text, one third random bytes)
// is generated under a temp dir, removed at the end. Each measurement runs in a child process:
//   wizard   node bench/backup.js --child SRC ARCHIVE: the compiled executor (build/run) runs a
//            one-step plan with the backup step, exactly as `run` does it (journal, free-space
//            check, archive with progress, verification by listing, rename) minus CLI parsing
//   tar czf  tar czf ARCHIVE -C PARENT NAME
// After one warm-up of each, both run interleaved (bench/lib/measure.js); the table shows the
// median wall time, its ratio to tar czf (target <= 1.10) and the median peak RSS of the whole
// process tree (the sum of each process's VmHWM, polled from /proc; target <= 150 MB, flat from
// 100 to 300 MB). Nothing is asserted: numbers are for reading.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, descendants, median, report, sample } from './lib/measure.js';

const self = fileURLToPath(import.meta.url);

async function child(source, archive) {
  const { execute } = await import('../build/run/executor.js');
  const logDir = mkdtempSync(join(tmpdir(), 'uw-bench-log-'));
  const step = {
    id: 'backup',
    kind: 'backup',
    title: 'backup',
    manual: false,
    allowFailure: false,
    skippable: false,
    params: { source, archive },
  };
  const plan = { product: 'bench', lang: 'en', answers: {}, root: '', steps: [step], blockers: [], warnings: [], restorePoints: [] };
  const quiet = { confirmManual: async () => 'done', reviewDiff: async () => true, onFailure: async (_s, error) => (process.stderr.write(`${error}\n`), 'stop') };
  const result = await execute(plan, quiet, { logDir, root: '' });
  rmSync(logDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ status: result.status, maxRSSkB: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = result.status === 'done' ? 0 : 1;
}

const WORDS = 'sharetask server config value user task job schedule backup archive verify restore point journal'.split(' ');

function generate(root, megabytes) {
  const total = megabytes * 1024 * 1024;
  const sizes = [1500, 12_000, 80_000, 600_000, 3_000_000];
  let written = 0;
  for (let i = 0; written < total; i++) {
    const dir = join(root, `d${i % 23}`, `s${i % 5}`);
    mkdirSync(dir, { recursive: true });
    const size = Math.min(total - written, sizes[i % sizes.length]);
    let data;
    if (i % 3 === 0) data = randomBytes(size);
    else {
      const parts = [];
      for (let n = 0; n < size; ) {
        const w = `${WORDS[(n * 7 + i) % WORDS.length]}=${(n * 31 + i) % 997} `;
        parts.push(w);
        n += w.length;
      }
      data = Buffer.from(parts.join('')).subarray(0, size);
    }
    writeFileSync(join(dir, `f${i}.dat`), data);
    written += size;
  }
}

/** Peak RSS (kB) per process of the tree under pid, polled from /proc until it exits. */
function watchTree(pid) {
  const peaks = new Map();
  const poll = () => {
    for (const p of [pid, ...descendants(pid)]) {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
        if (m) peaks.set(p, Math.max(peaks.get(p) ?? 0, Number(m[1])));
      } catch {
        // exited
      }
    }
  };
  const timer = setInterval(poll, 20);
  poll();
  return { peaks, stop: () => clearInterval(timer) };
}

function measure(argv) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const p = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], env: cleanEnv() });
    const watch = watchTree(p.pid);
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.on('error', reject);
    p.on('exit', (code) => {
      watch.stop();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited with ${code}`));
      let own = 0;
      try {
        own = JSON.parse(out.trim().split('\n').pop() ?? '{}').maxRSSkB ?? 0;
      } catch {
        // tar prints nothing
      }
      const peaks = new Map(watch.peaks);
      peaks.set(p.pid, Math.max(peaks.get(p.pid) ?? 0, own));
      const rssMB = [...peaks.values()].reduce((a, b) => a + b, 0) / 1024;
      resolve({ ms, rssMB });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const i = args.indexOf('--sizes');
  const sizes = (i === -1 ? '100,300' : args[i + 1]).split(',').map(Number);
  const work = mkdtempSync(join(tmpdir(), 'uw-bench-'));
  const rows = [];
  try {
    for (const mb of sizes) {
      const source = join(work, `tree-${mb}`, 'sharetask');
      process.stderr.write(`generating ${mb} MB under ${source}\n`);
      generate(source, mb);
      const out = join(work, 'archive.tar.gz');
      const tar = `tar czf, ${mb} MB tree`;
      const cases = [
        { name: tar, argv: ['tar', 'czf', out, '-C', dirname(source), basename(source)] },
        { name: `backup step, ${mb} MB tree`, argv: [process.execPath, self, '--child', source, out] },
      ];
      const samples = await sample(cases, (c) => {
        rmSync(out, { force: true });
        return measure(c.argv);
      });
      const [floor, wizard] = samples.map((runs) => ({ ms: median(runs.map((r) => r.ms)), rssMB: median(runs.map((r) => r.rssMB)) }));
      rows.push({ name: tar, ...floor });
      rows.push({ name: cases[1].name, ...wizard, floor: tar, ratio: wizard.ms / floor.ms, target: 1.1, rssTarget: 150 });
      rmSync(join(work, `tree-${mb}`), { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report('backup', rows, 'backup step = the compiled executor running the ShareTask backup step (journal, free-space check, archive, verification by listing); peak RSS = the whole process tree');
}

await main();
