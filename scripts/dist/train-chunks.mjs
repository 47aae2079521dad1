// Makes the code caches of the bundle's chunks (LIB/app/NAME.js.cache, read by LIB/chunks.cjs):
// the build runs the wizard once through `plan --json` and then `demo` up to its first screen, in
// a pseudo-terminal (util-linux `script`), and writes the code V8 compiled on the way. A cache made
// right after compiling would hold each chunk's outer function only: what a start really runs
// (the plan engine, React's reconciler, Ink) would be compiled again at every start.
// As scripts/dist/sea-train.mjs does for the standalone executable.
//   node train-chunks.mjs LIB     (in the pseudo-terminal; warmChunkCaches() starts it)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SETTLED_MS = 1000;
const GIVE_UP_MS = 30000;

/**
 * Writes the caches of the chunks in lib/app, from a run of the wizard by this Node.js (the one
 * the build runs with: V8 takes a cache only from the same V8 and flags). Without `script`, or
 * when the run fails, it says so and writes none: slower starts, the same wizard.
 */
export function warmChunkCaches(lib, label) {
  const tmp = mkdtempSync(join(tmpdir(), 'uw-train-'));
  try {
    // NODE_OPTIONS stays out (its flags would make V8 reject the cache); the paths go in the
    // environment of a fixed shell command.
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp, TERM: 'xterm-256color', COLUMNS: '100', LINES: '40',
      UW_NODE: process.execPath, UW_TRAIN: fileURLToPath(import.meta.url), UW_LIB: lib,
    };
    const r = spawnSync('script', ['-qec', 'exec "$UW_NODE" "$UW_TRAIN" "$UW_LIB"', '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return true;
    const why = r.error?.code === 'ENOENT' ? 'util-linux `script` is not on PATH' : r.error ? String(r.error.message) : `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
    process.stderr.write(`${label}: could not prepare the code caches; the wizard will compile more at each start:\n${why}\n`);
    return false;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function train(lib) {
  const { loader } = createRequire(import.meta.url)(join(lib, 'chunks.cjs'));
  // No cache read: each is made anew from what this run compiles.
  const chunks = loader(join(lib, 'app'), { noCache: true });
  const cli = chunks.load('cli.js');
  const root = join(process.env.TMPDIR, 'root');
  const logDir = join(process.env.TMPDIR, 'log');
  mkdirSync(root, { recursive: true });
  const answers = ['component=server', 'platform=linux', 'from=5.4.3', 'to=5.5.1-2', 'install_dir=/opt/sharetask', 'web_user=root', 'daemons=sharetaskd,stlogd', 'custom=no', 'license=yes'];
  const plan = ['plan', '--product', 'sharetask', '--lang', 'en', '--root', root, '--log-dir', logDir, ...answers.flatMap((a) => ['--set', a]), '--json'];

  let timer;
  const settled = () => {
    for (const { file, script } of chunks.loaded) writeFileSync(`${file}.cache`, script.createCachedData());
    process.exit(0);
  };
  const write = process.stdout.write.bind(process.stdout);
  let watching = false;
  process.stdout.write = (...args) => {
    if (watching) {
      clearTimeout(timer);
      timer = setTimeout(settled, SETTLED_MS);
    }
    return write(...args);
  };
  setTimeout(() => {
    process.stderr.write(`train-chunks: the demo's first screen did not settle within ${GIVE_UP_MS / 1000} s\n`);
    process.exit(1);
  }, GIVE_UP_MS).unref();

  await cli.main(plan);
  if (process.exitCode) throw new Error(`plan ${plan.join(' ')} ended with ${process.exitCode}`);
  watching = true;
  await cli.main(['demo', '--lang', 'en']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  train(process.argv[2]).catch((error) => {
    process.stderr.write(`train-chunks: ${error.stack}\n`);
    process.exit(1);
  });
}
