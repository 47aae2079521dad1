#!/usr/bin/env node
// Compiles wizards/*.yaml into the file that src/plan/compiled.ts reads (encodeCompiled): each
// file's validated Definition, made by the wizard's own loader, with the bytes it was made from. A definition that
// does not load stops the build: it must not be shipped.
//   scripts/dist/build.mjs            lib/definitions.compiled of the CD folder (loader bundled from src/)
//   npm install (prepare), npm pack (prepack):
//                                     node scripts/dist/compile-definitions.mjs build/definitions.compiled
//     (loader of build/, so run tsc first; the file holds the fingerprint of that code)
//   node scripts/dist/compile-definitions.mjs --remove build/definitions.compiled removes it
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleScript, repo } from './bundle.mjs';

const ENTRY = `
export { loadDefinition, DefinitionError, formatProblem } from './src/plan/load.ts';
export { encodeCompiled } from './src/plan/compiled.ts';
`;

/** The compiled definitions of dir (the bytes of the file), made by the loader module given (load.ts's exports). */
function compileWith(loader, encodeCompiled, code, dir) {
  const files = {};
  const ids = new Map();
  const problems = [];
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = join(dir, name);
    try {
      const definition = loader.loadDefinition(file);
      if (ids.has(definition.id)) throw new Error(`${name}: the product id ${definition.id} is used by ${ids.get(definition.id)} already`);
      ids.set(definition.id, name);
      files[name] = { source: readFileSync(file), definition };
    } catch (error) {
      problems.push(error instanceof loader.DefinitionError ? error.problems.map(loader.formatProblem).join('\n') : error.message);
    }
  }
  if (problems.length > 0) throw new Error(`definitions that do not load cannot be shipped:\n${problems.join('\n')}`);
  return encodeCompiled(code, files);
}

/** For the CD folder: the loader of src/ bundled on the fly; its code is checked with the bundle's. */
export async function compileForBundle(dir = join(repo, 'wizards')) {
  const work = mkdtempSync(join(tmpdir(), 'uw-compile-'));
  try {
    const script = join(work, 'loader.mjs');
    await bundleScript(ENTRY, script);
    const loader = await import(pathToFileURL(script).href);
    return compileWith(loader, loader.encodeCompiled, 'bundle', dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** For the npm package: the loader of build/, and the fingerprint of that code. */
export async function compileForBuild(dir = join(repo, 'wizards')) {
  const loader = await import(pathToFileURL(join(repo, 'build/plan/load.js')).href);
  const compiled = await import(pathToFileURL(join(repo, 'build/plan/compiled.js')).href);
  return compileWith(loader, compiled.encodeCompiled, compiled.codeFingerprint(), dir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [first, second] = process.argv.slice(2);
  if (first === '--remove' && second) rmSync(second, { force: true });
  else if (first && !first.startsWith('-')) writeFileSync(first, await compileForBuild());
  else {
    process.stderr.write('usage: node scripts/dist/compile-definitions.mjs OUT | --remove OUT\n');
    process.exit(2);
  }
}
