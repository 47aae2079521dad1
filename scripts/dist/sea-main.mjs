// The start of the standalone executable (`npm run dist:binary`): this Node.js with the wizard
// inside, its data (wizards/, templates/, lib/) in the folder beside it. Kept small so that
// --version answers at once, as the CD launchers do (from lib/package.json, without the check);
// anything else runs only when every file of the folder matches SHA256SUMS (but the executable
// itself, which would take longer to hash than to start: `sha256sum -c SHA256SUMS` checks it).
// The wizard (sea-app.mjs) is the asset app.cjs, compiled with its code cache app.cache.
import { dirname, join } from 'node:path';
import { getAsset, getRawAsset } from 'node:sea';
import { Script } from 'node:vm';
import launch from './launch.cjs';
import { APP_ASSET, CACHE_ASSET, EXECUTABLE, runApp } from './sea-wrap.mjs';

const top = dirname(process.execPath);
// A single executable application gets argv as [executable, executable, ...arguments].
const argv = process.argv.slice(2);

/** True when the wizard shows its screens (Ink): no command, or demo, as src/cli.ts dispatches. */
function showsScreens(args) {
  const rest = args.filter((a, i) => a !== '--lang' && args[i - 1] !== '--lang' && !a.startsWith('--lang='));
  const first = rest[0];
  return first === undefined || first === 'demo' || (first.startsWith('-') && !['--version', '-V', '--help', '-h'].includes(first));
}

/** The wizard's exports: its script (wrapApp() of sea-wrap.mjs) with the build's code cache. */
function loadApp() {
  const filename = join(top, EXECUTABLE, APP_ASSET);
  // getRawAsset: the bytes where the executable holds them, not a copy.
  const script = new Script(getAsset(APP_ASSET, 'utf8'), { filename, cachedData: new Uint8Array(getRawAsset(CACHE_ASSET)) });
  // The executable's require: it loads Node's built-ins, all the bundle needs.
  return runApp(script, require, filename, top);
}

async function start() {
  if (launch.answerVersion(argv, join(top, 'lib'))) return;
  const problem = launch.verify(top, EXECUTABLE);
  if (problem) {
    problem.params.dir = top;
    launch.say(launch.language(argv, process.env), problem.key, problem.params);
    process.exitCode = 2;
    return;
  }
  // How to start it again, for the resume and rollback commands it shows: this executable, on no PATH.
  process.env.UPGRADE_WIZARD_SELF = process.execPath;
  await loadApp().run(argv, showsScreens(argv));
}

void start();
