// The start of the standalone executable (`npm run dist:binary`): this Node.js and the wizard in
// one file, its data (wizards/, templates/, lib/) in the folder beside it. Bundled by
// scripts/dist/bundle.mjs (bundleBinary) into the one CommonJS script a single executable
// application runs. As the CD launchers do: --version alone is answered without the check;
// anything else runs only when every file of the folder matches SHA256SUMS (but the executable
// itself, which would take longer to hash than to start: `sha256sum -c SHA256SUMS` checks it).
import { dirname } from 'node:path';
import launch from './launch.cjs';
// __uwInitYoga is made by the yoga-init-later plugin of bundle.mjs.
import { __uwInitYoga } from 'yoga-layout';
import { main } from '../../src/cli.ts';

const EXECUTABLE = 'upgrade-wizard';
const top = dirname(process.execPath);
// A single executable application gets argv as [executable, executable, ...arguments].
const argv = process.argv.slice(2);

/** True when the wizard shows its screens (Ink): no command, or demo, as src/cli.ts dispatches. */
function showsScreens(args) {
  const rest = args.filter((a, i) => a !== '--lang' && args[i - 1] !== '--lang' && !a.startsWith('--lang='));
  const first = rest[0];
  return first === undefined || first === 'demo' || (first.startsWith('-') && !['--version', '-V', '--help', '-h'].includes(first));
}

async function start() {
  if (!(argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))) {
    const problem = launch.verify(top, EXECUTABLE);
    if (problem) {
      problem.params.dir = top;
      launch.say(launch.language(argv, process.env), problem.key, problem.params);
      process.exitCode = 2;
      return;
    }
  }
  // A CommonJS script cannot wait for yoga's WebAssembly at the top, as its ES module does; only
  // the screens need it (some 40 ms).
  if (showsScreens(argv)) await __uwInitYoga();
  await main(argv);
}

void start();
