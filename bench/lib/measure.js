// Shared by the benchmarks: whole-process timings interleaved with their floor, medians, the
// table each bench prints, and bench/out/NAME.json that bench/table.js gathers into one table.
// Plain node, no dependencies. Not a test: nothing is asserted, the numbers are for reading.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repo = dirname(benchDir);
export const outDir = join(benchDir, 'out');
export const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15));

/**
 * The environment of every measured process: this one's, without what makes Node.js itself do
 * work before any script runs. NODE_EXTRA_CA_CERTS (set on the development machines) makes every
 * node process read and parse a CA bundle at start, some 80 ms here against a bare start of
 * 30-40 ms: in the floor as well as in each case, it hid most of the wizard's own cost.
 */
export function cleanEnv(extra = {}) {
  const env = { ...process.env, LANG: 'C', ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall time in ms of one whole process; throws with its stderr when it fails. */
export function timeProcess([file, ...args], options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv(options.env), cwd: options.cwd });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${[file, ...args].join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** The ids of the processes under pid (children, grandchildren...), from /proc. */
export function descendants(pid) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of parent) if (tree.has(pp) && !tree.has(p)) tree.add(p), (grew = true);
  }
  tree.delete(pid);
  return [...tree];
}

/** Whether pid still runs (a zombie waiting for its parent does not). */
function running(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/** Peak RSS so far (VmHWM) in MB of the process, or 0 when it is gone. */
export function peakRssMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts argv in a pseudo-terminal (util-linux `script`) and resolves when its output shows
 * `marker`: the ms since the start and the peak RSS of its node process until then, and
 * `firstMs`, when the first visible character was drawn (whatever screen it was). Then kills it.
 */
export function timeFirstFrame(argv, marker, options = {}) {
  // script takes a shell command: one of variable references only, the arguments in the environment.
  const args = Object.fromEntries(argv.map((a, i) => [`UW_BENCH_ARG_${i}`, a]));
  const command = `exec ${argv.map((_, i) => `"$UW_BENCH_ARG_${i}"`).join(' ')}`;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const p = spawn('script', ['-qfec', command, '/dev/null'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: cleanEnv({ TERM: 'xterm-256color', COLUMNS: '120', LINES: '40', ...options.env, ...args }),
    });
    let out = '';
    let firstMs;
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no "${marker}" within 60 s; output:\n${out.slice(-2000)}`)), 60_000);
    function finish(error, value) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // The wizard runs in a session of its own under script: killing script's group alone
      // leaves it to a SIGHUP and its clean-up, which then ran during the next case's timing
      // (the case after `node -e 0` always came out fastest). Every process of the tree dies
      // here, and the next run starts only once all are gone.
      const tree = descendants(p.pid);
      for (const pid of [p.pid, ...tree]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      const settle = () => {
        if (tree.some(running) || (p.exitCode === null && p.signalCode === null)) return setTimeout(settle, 2);
        if (error) reject(error);
        else resolve(value);
      };
      settle();
    }
    p.stdout.on('data', (chunk) => {
      out += chunk;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Visible: anything but escape sequences (cursor hiding, clearing) and white space.
      if (firstMs === undefined && /\S/.test(out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''))) firstMs = ms;
      if (done || !out.includes(marker)) return;
      const node = descendants(p.pid).find((pid) => /^(node|upgrade-wizard)/.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()));
      finish(undefined, { ms, firstMs, rssMB: node === undefined ? 0 : peakRssMB(node) });
    });
    p.on('exit', () => setTimeout(() => finish(new Error(`exited before "${marker}"; output:\n${out.slice(-2000)}`)), 50));
  });
}

/**
 * Runs every case once (warm-up), then RUNS times interleaved, so that drift in the machine's
 * load hits them alike. `run(c)` returns ms or { ms, rssMB }. Returns the samples per case.
 */
export async function sample(cases, run) {
  for (const c of cases) await run(c);
  const samples = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [n, c] of cases.entries()) {
      const r = await run(c);
      samples[n].push(typeof r === 'number' ? { ms: r } : r);
    }
  }
  return samples;
}

/**
 * Prints the table of a bench and writes bench/out/NAME.json. Each row: { name, ms, floor, ratio,
 * target, rssMB?, rssTarget? } where floor names the row it is compared with.
 */
export function report(bench, rows, note = '') {
  const cells = rows.map((r) => [
    r.name,
    r.ms.toFixed(1),
    r.floor ?? '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    r.target === undefined ? '' : `<= ${r.target}x ${r.ratio <= r.target ? 'ok' : 'OVER'}`,
    r.rssMB === undefined ? '' : `${r.rssMB.toFixed(1)}${r.rssTarget === undefined ? '' : ` (<= ${r.rssTarget} ${r.rssMB <= r.rssTarget ? 'ok' : 'OVER'})`}`,
  ]);
  printTable(['case', 'median ms', 'vs', 'ratio', 'target', 'peak RSS MB'], cells);
  process.stdout.write(`${RUNS} runs each after a warm-up, interleaved; ${machine()}${note ? `\n${note}` : ''}\n`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${bench}.json`), `${JSON.stringify({ bench, runs: RUNS, machine: machine(), at: new Date().toISOString(), rows }, null, 2)}\n`);
}

export function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

export function machine() {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${load}`;
}

/** Builds the CD folder (scripts/dist/build.mjs) into dir; returns the folder. */
export function buildDist(dir) {
  const r = spawnSync(process.execPath, [join(repo, 'scripts/dist/build.mjs'), '--out', dir, '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/dist/build.mjs failed');
  return dir;
}

/**
 * The standalone executable (scripts/dist/binary.mjs) in dir: its path, or undefined (said on
 * stderr) where none can be built (not linux-x64, or a Node.js without the SEA sentinel).
 */
export function buildBinary(dir) {
  const r = spawnSync(process.execPath, [join(repo, 'scripts/dist/binary.mjs'), '--out', dir, '--quiet'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return join(dir, 'upgrade-wizard');
  process.stderr.write(`no standalone executable to measure: ${r.stderr.trim()}\n`);
  return undefined;
}

/**
 * The npm package as `npx` gets it: `npm pack` (its prepack compiles build/, the definitions and
 * the bundle lib/) unpacked into dir. Returns the package's folder. No node_modules: the bundle
 * needs none, so a run that fell back to build/ would fail instead of being timed.
 */
export function packNpm(dir) {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('npm pack failed');
  const tarball = join(dir, JSON.parse(r.stdout)[0].filename);
  const x = spawnSync('tar', ['xzf', tarball, '-C', dir], { stdio: 'inherit' });
  if (x.status !== 0) throw new Error(`tar xzf ${tarball} failed`);
  return join(dir, 'package');
}
