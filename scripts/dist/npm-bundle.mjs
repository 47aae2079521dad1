#!/usr/bin/env node
// The bundle of the npm package: `npm pack` (prepack) writes lib/ at the top of the package, the
// same layout as the CD folder's lib/ (app/cli.js + chunks, package.json, definitions.compiled), and
// postpack removes it. bin/upgrade-wizard.cjs runs it in an installed package (no src/ beside it):
// a dozen files to load instead of hundreds of modules, so `npx upgrade-wizard` starts as fast
// as the CD. A source checkout always runs build/, so a lib/ left by an interrupted pack is never
// what the tests run.
//   node scripts/dist/npm-bundle.mjs            write lib/
//   node scripts/dist/npm-bundle.mjs --remove   remove it
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, repo, thirdPartyLicenses } from './bundle.mjs';
import { writeLibData } from './folder.mjs';
import { warmChunkCaches } from './train-chunks.mjs';

/** Writes the bundle into lib (default: the package's lib/). */
export async function writeNpmBundle(lib = join(repo, 'lib')) {
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  const metafile = await bundle(join(lib, 'app'));
  // The compiled definitions are checked against wizards/ byte for byte at each start, as in the CD folder.
  await writeLibData(lib);
  cpSync(join(repo, 'scripts', 'dist', 'chunks.cjs'), join(lib, 'chunks.cjs'));
  warmChunkCaches(lib, 'npm pack');
  writeFileSync(join(lib, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(metafile));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--remove') rmSync(join(repo, 'lib'), { recursive: true, force: true });
  else await writeNpmBundle();
}
