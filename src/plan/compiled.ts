// Definitions compiled ahead of time (scripts/dist/compile-definitions.mjs): the validated
// Definition of each wizards/*.yaml with the SHA-256 of the bytes it came from. Reading YAML and
// validating it is most of the time of `plan` and of the first screen; the CD folder ships
// lib/definitions.json beside its code, so it does neither while wizards/ is what was compiled.
// The npm package ships build/definitions.json the same way (written by prepack, removed by
// postpack). Never written at run time; without the file everything goes through load.ts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Definition } from '../model/definition.js';

export const COMPILED_FORMAT = 1;

export interface CompiledDefinitions {
  format: number;
  /** "bundle" in the CD folder (its code and data are checked together), else codeFingerprint(). */
  code: string;
  /** By file name in wizards/. */
  files: Record<string, { sha256: string; definition: Definition }>;
}

/** wizards/ of this package, found from the module (src/plan, build/plan or the bundle), never from cwd. */
export function definitionsDir(): string {
  return fileURLToPath(new URL('../../wizards/', import.meta.url));
}

/** Beside the code: lib/definitions.json of the CD folder (build/definitions.json would be read too). */
export function compiledFile(): string {
  return fileURLToPath(new URL('../definitions.json', import.meta.url));
}

/**
 * The SHA-256 of the compiled code that makes a Definition of a YAML file (build/model/*.js, the
 * loader and its checks): a build/definitions.json left behind by an older build is not used.
 */
export function codeFingerprint(): string {
  const hash = createHash('sha256');
  const model = fileURLToPath(new URL('../model/', import.meta.url));
  for (const name of readdirSync(model).sort()) hash.update(name).update(readFileSync(join(model, name)));
  for (const name of ['load.js', 'crosscheck.js', 'compiled.js']) hash.update(name).update(readFileSync(fileURLToPath(new URL(name, import.meta.url))));
  return hash.digest('hex');
}

/**
 * The definitions of dir in file-name order, when dir holds exactly the YAML files they were
 * compiled from, byte for byte; undefined otherwise (no compiled file, a file added or changed).
 */
export function compiledDefinitions(dir: string = definitionsDir(), file: string = compiledFile()): Definition[] | undefined {
  let compiled: CompiledDefinitions;
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledDefinitions;
  } catch {
    return undefined;
  }
  if (compiled.format !== COMPILED_FORMAT) return undefined;
  let names: string[];
  try {
    if (compiled.code !== 'bundle' && compiled.code !== codeFingerprint()) return undefined;
    names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return undefined;
  }
  if (names.join('\0') !== Object.keys(compiled.files).sort().join('\0')) return undefined;
  const out: Definition[] = [];
  for (const name of names) {
    const entry = compiled.files[name];
    if (entry === undefined || createHash('sha256').update(readFileSync(join(dir, name))).digest('hex') !== entry.sha256) return undefined;
    out.push(entry.definition);
  }
  return out;
}
