// What the two code-cache trainings share (sea-train.mjs for the standalone executable,
// train-chunks.mjs for the bundle's chunks): a run of the wizard through `plan --json` and then
// `demo` up to its first screen, in a pseudo-terminal (util-linux `script`), after which the
// caller writes the code V8 compiled on the way. A cache made right after compiling holds the
// outer functions only: what a start really runs (the plan engine, React's reconciler, Ink) would
// be compiled again at every start.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Quiet this long after the last output: the first screen is drawn.
const SETTLED_MS = 1000;
const GIVE_UP_MS = 30000;

/**
 * Runs `trainer` (a script of this folder) with `args` by this Node.js in a pseudo-terminal
 * with a TMPDIR of its own; true when it succeeded, else says why on stderr (as `label`).
 */
export function trainInTerminal(label, trainer, args, tmp) {
  // NODE_OPTIONS stays out: V8 takes a cache only from a Node.js started with the same flags.
  // script takes a shell command: a fixed one, the paths given in the environment.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp, TERM: 'xterm-256color', COLUMNS: '100', LINES: '40', UW_NODE: process.execPath, UW_TRAIN: trainer };
  args.forEach((a, i) => {
    env[`UW_ARG${i}`] = a;
  });
  const command = `exec "$UW_NODE" "$UW_TRAIN"${args.map((_, i) => ` "$UW_ARG${i}"`).join('')}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
  if (r.status === 0) return true;
  const why = r.error?.code === 'ENOENT' ? 'util-linux `script` is not on PATH' : r.error ? String(r.error.message) : `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
  process.stderr.write(`${label}: could not prepare the warm code cache; the wizard will compile more at each start:\n${why}\n`);
  return false;
}

/**
 * In the trainer: runs `run(argv, screens)` through `plan --json` and `demo`; once the first
 * screen has settled calls `save` and ends the process (0), or ends it (1) saying why.
 */
export async function runToFirstScreen(name, run, save) {
  const root = join(process.env.TMPDIR, 'root');
  const logDir = join(process.env.TMPDIR, 'log');
  mkdirSync(root, { recursive: true });
  const answers = ['component=server', 'platform=linux', 'from=5.4.3', 'to=5.5.1-2', 'install_dir=/opt/sharetask', 'web_user=root', 'daemons=sharetaskd,stlogd', 'custom=no', 'license=yes'];
  const plan = ['plan', '--product', 'sharetask', '--lang', 'en', '--root', root, '--log-dir', logDir, ...answers.flatMap((a) => ['--set', a]), '--json'];

  let timer;
  const settled = () => {
    save();
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
    process.stderr.write(`${name}: the demo's first screen did not settle within ${GIVE_UP_MS / 1000} s\n`);
    process.exit(1);
  }, GIVE_UP_MS).unref();

  try {
    await run(plan, false);
    if (process.exitCode) throw new Error(`plan ${plan.join(' ')} ended with ${process.exitCode}`);
    watching = true;
    await run(['demo', '--lang', 'en'], true);
  } catch (error) {
    process.stderr.write(`${name}: ${error.stack}\n`);
    process.exit(1);
  }
}
