// The wizard inside the standalone executable (`npm run dist:binary`), bundled by bundle.mjs
// (bundleBinary) into one CommonJS script that sea-main.mjs runs from the executable's assets.
// __uwInitYoga is made by the yoga-init-later plugin of bundle.mjs.
import { __uwInitYoga } from 'yoga-layout';
import { main } from '../../src/cli.ts';

/** Runs the wizard; screens: whether it will show them (Ink), which need yoga first. */
export async function run(argv, screens) {
  // A CommonJS script cannot wait for yoga's WebAssembly at the top, as its ES module does; only
  // the screens need it (some 40 ms).
  if (screens) await __uwInitYoga();
  await main(argv);
}
