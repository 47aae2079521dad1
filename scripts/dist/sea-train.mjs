// Makes the standalone executable's code cache "warm": scripts/dist/binary.mjs runs this with the
// Node.js it puts into the executable, in a pseudo-terminal, with a TMPDIR of its own.
//   node sea-train.mjs APP EXE CACHE
// It runs the wizard's script APP as sea-main.mjs does, as if it were the executable EXE (whose
// folder holds the data), through `plan --json` and then `demo` up to its first screen, and
// writes CACHE: the code V8 compiled on the way. A cache made right after compiling holds the
// outer function only; the functions a start really runs (React's reconciler, Ink, the plan
// engine) were then compiled again at every start.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { APP_ASSET, runApp } from './sea-wrap.mjs';

const [appFile, exe, cacheFile] = process.argv.slice(2);
// Quiet this long after the last output: the first screen is drawn.
const SETTLED_MS = 1000;
const GIVE_UP_MS = 30000;

// The bundle finds its data beside the executable (bundle.mjs's binaryBanner).
Object.defineProperty(process, 'execPath', { value: exe });
const filename = join(exe, APP_ASSET);
const script = new Script(readFileSync(appFile, 'utf8'), { filename });
const app = runApp(script, createRequire(import.meta.url), filename, dirname(exe));

const root = join(process.env.TMPDIR, 'root');
const logDir = join(process.env.TMPDIR, 'log');
mkdirSync(root, { recursive: true });
const answers = ['component=server', 'platform=linux', 'from=5.4.3', 'to=5.5.1-2', 'install_dir=/opt/sharetask', 'web_user=root', 'daemons=sharetaskd,stlogd', 'custom=no', 'license=yes'];
const plan = ['plan', '--product', 'sharetask', '--lang', 'en', '--root', root, '--log-dir', logDir, ...answers.flatMap((a) => ['--set', a]), '--json'];

let timer;
function settled() {
  writeFileSync(cacheFile, script.createCachedData());
  process.exit(0);
}
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
  process.stderr.write(`sea-train: the demo's first screen did not settle within ${GIVE_UP_MS / 1000} s\n`);
  process.exit(1);
}, GIVE_UP_MS).unref();

try {
  await app.run(plan, false);
  if (process.exitCode) throw new Error(`plan ${plan.join(' ')} ended with ${process.exitCode}`);
  watching = true;
  await app.run(['demo', '--lang', 'en'], true);
} catch (error) {
  process.stderr.write(`sea-train: ${error.stack}\n`);
  process.exit(1);
}
