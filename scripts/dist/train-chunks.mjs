// Makes the code caches of the bundle's chunks (LIB/app/NAME.js.cache, read by LIB/chunks.cjs),
// from a run of the wizard up to the demo's first screen (train-run.mjs), as sea-train.mjs does
// for the standalone executable.
//   node train-chunks.mjs LIB     (in the pseudo-terminal; warmChunkCaches() starts it)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runToFirstScreen, trainInTerminal } from './train-run.mjs';

/**
 * Writes the caches of the chunks in lib/app, from a run by this Node.js (the one the build runs
 * with). Without `script`, or when the run fails, it says so and writes none: slower starts, the
 * same wizard.
 */
export function warmChunkCaches(lib, label) {
  const tmp = mkdtempSync(join(tmpdir(), 'uw-train-'));
  try {
    return trainInTerminal(label, fileURLToPath(import.meta.url), [lib], tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lib = process.argv[2];
  const { loader } = createRequire(import.meta.url)(join(lib, 'chunks.cjs'));
  // No cache read: each is made anew from what this run compiles.
  const chunks = loader(join(lib, 'app'), { noCache: true });
  const cli = chunks.load('cli.js');
  await runToFirstScreen('train-chunks', (argv) => cli.main(argv), () => {
    for (const { file, script } of chunks.loaded) writeFileSync(`${file}.cache`, script.createCachedData());
  });
}
