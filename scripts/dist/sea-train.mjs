// Makes the standalone executable's code cache "warm": scripts/dist/binary.mjs runs this with the
// Node.js it puts into the executable, in a pseudo-terminal (trainInTerminal() of train-run.mjs).
//   node sea-train.mjs APP EXE CACHE
// It runs the wizard's script APP as sea-main.mjs does, as if it were the executable EXE (whose
// folder holds the data), up to the demo's first screen (runToFirstScreen()), and writes CACHE.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { APP_ASSET, runApp } from './sea-wrap.mjs';
import { runToFirstScreen } from './train-run.mjs';

const [appFile, exe, cacheFile] = process.argv.slice(2);

// The bundle finds its data beside the executable (bundle.mjs's binaryBanner).
Object.defineProperty(process, 'execPath', { value: exe });
const filename = join(exe, APP_ASSET);
const script = new Script(readFileSync(appFile, 'utf8'), { filename });
const app = runApp(script, createRequire(import.meta.url), filename, dirname(exe));

await runToFirstScreen('sea-train', (argv, screens) => app.run(argv, screens), () => writeFileSync(cacheFile, script.createCachedData()));
