// Definitions compiled ahead of time (scripts/dist/compile-definitions.mjs): the validated
// Definition of each wizards/*.yaml with the bytes it came from, compared as they are (hashing
// them would load node:crypto, which costs `plan` more than reading them twice). Reading YAML and
// validating it is most of the time of `plan` and of the first screen; the CD folder ships
// lib/definitions.compiled beside its code, so it does neither while wizards/ is what was compiled.
// The npm package ships build/definitions.compiled the same way (written by prepack), and a
// checkout gets it from `npm install` (prepare): a definition edited since, or a loader changed
// and compiled since, does not match and goes through load.ts. Never written at run time;
// without the file everything goes through load.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Definition } from '../model/definition.js';
import { sha256 } from '../io/crypto.js';

export const COMPILED_FORMAT = 4;

/**
 * The parts of a Definition parsed only when first read: three quarters of its JSON, which the
 * welcome does not need (it asks and detects; the plan is built later), nor any product but one.
 */
const LATER = ['steps', 'blockers', 'restorePoints'] as const;

/** Where one file's Definition is in the file, and what it was compiled from. */
export interface CompiledEntry {
  id: string;
  /** Byte range of the JSON of the Definition without the LATER parts, in the body after the header line. */
  start: number;
  end: number;
  /** The Definition's keys in their order, and the byte range of each LATER one's JSON. */
  keys: string[];
  later: Record<string, [number, number]>;
  /** Byte range of the YAML file's own bytes in the body. */
  sourceStart: number;
  sourceEnd: number;
}

/** The first line of the file. */
export interface CompiledHeader {
  format: number;
  /** "bundle" in the CD folder (its code and data are checked together), else codeFingerprint(). */
  code: string;
  /** By file name in wizards/. */
  files: Record<string, CompiledEntry>;
}

/**
 * The file: a header line of JSON, then each Definition's JSON (its LATER parts apart) and each
 * YAML file's bytes at the byte ranges the header gives. `plan` parses its one product (some 70
 * KB) instead of all five (470 KB), the welcome the five without their steps (130 KB).
 */
export function encodeCompiled(code: string, files: Record<string, { source: Buffer; definition: Definition }>): Buffer {
  const entries: Record<string, CompiledEntry> = {};
  const bodies: Buffer[] = [];
  let at = 0;
  const add = (bytes: Buffer): [number, number] => {
    bodies.push(bytes);
    at += bytes.length;
    return [at - bytes.length, at];
  };
  for (const [name, { source, definition }] of Object.entries(files)) {
    const now: Record<string, unknown> = { ...definition };
    const later: Record<string, [number, number]> = {};
    for (const key of LATER) {
      if (!(key in now)) continue;
      later[key] = add(Buffer.from(JSON.stringify(now[key])));
      delete now[key];
    }
    const [start, end] = add(Buffer.from(JSON.stringify(now)));
    const [sourceStart, sourceEnd] = add(source);
    entries[name] = { id: definition.id, start, end, keys: Object.keys(definition), later, sourceStart, sourceEnd };
  }
  const header: CompiledHeader = { format: COMPILED_FORMAT, code, files: entries };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies]);
}

/** wizards/ of this package, found from the module (src/plan, build/plan or the bundle), never from cwd. */
export function definitionsDir(): string {
  return fileURLToPath(new URL('../../wizards/', import.meta.url));
}

/** Beside the code: lib/definitions.compiled of the CD folder (build/definitions.compiled would be read too). */
export function compiledFile(): string {
  return fileURLToPath(new URL('../definitions.compiled', import.meta.url));
}

/**
 * The SHA-256 of the compiled code that makes a Definition of a YAML file (build/model/*.js, the
 * loader and its checks): a build/definitions.compiled left behind by an older build is not used.
 */
export function codeFingerprint(): string {
  const hash = sha256();
  const model = fileURLToPath(new URL('../model/', import.meta.url));
  for (const name of readdirSync(model).sort()) hash.update(name).update(readFileSync(join(model, name)));
  for (const name of ['load.js', 'crosscheck.js', 'compiled.js']) hash.update(name).update(readFileSync(fileURLToPath(new URL(name, import.meta.url))));
  return hash.digest('hex');
}

interface Usable {
  header: CompiledHeader;
  body: Buffer;
  /** The YAML files of dir, in file-name order. */
  names: string[];
}

/** The compiled file when dir holds exactly the YAML files it was compiled from, byte for byte. */
function usable(dir: string, file: string): Usable | undefined {
  let header: CompiledHeader;
  let body: Buffer;
  try {
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(10);
    header = JSON.parse(bytes.toString('utf8', 0, newline)) as CompiledHeader;
    body = bytes.subarray(newline + 1);
  } catch {
    return undefined;
  }
  if (header.format !== COMPILED_FORMAT) return undefined;
  let names: string[];
  try {
    if (header.code !== 'bundle' && header.code !== codeFingerprint()) return undefined;
    names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return undefined;
  }
  if (names.join('\0') !== Object.keys(header.files).sort().join('\0')) return undefined;
  // Every file, not only the product asked for: another file may now claim its id.
  for (const name of names) {
    const entry = header.files[name] as CompiledEntry;
    if (!readFileSync(join(dir, name)).equals(body.subarray(entry.sourceStart, entry.sourceEnd))) return undefined;
  }
  return { header, body, names };
}

/** The Definition, its LATER parts parsed when first read (then kept, as plain properties). */
function definitionAt(c: Usable, name: string): Definition {
  const entry = c.header.files[name] as CompiledEntry;
  const now = JSON.parse(c.body.toString('utf8', entry.start, entry.end)) as Record<string, unknown>;
  // In the order of the YAML's Definition, as a spread or JSON.stringify of it would see it.
  const def: Record<string, unknown> = {};
  for (const key of entry.keys) {
    const range = entry.later[key];
    if (range === undefined) {
      def[key] = now[key];
      continue;
    }
    const [start, end] = range;
    Object.defineProperty(def, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value: unknown = JSON.parse(c.body.toString('utf8', start, end));
        Object.defineProperty(def, key, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
      set(value: unknown) {
        Object.defineProperty(def, key, { value, enumerable: true, configurable: true, writable: true });
      },
    });
  }
  return def as unknown as Definition;
}

/**
 * The definitions of dir in file-name order, when dir holds exactly the YAML files they were
 * compiled from, byte for byte; undefined otherwise (no compiled file, a file added or changed).
 */
export function compiledDefinitions(dir: string = definitionsDir(), file: string = compiledFile()): Definition[] | undefined {
  const c = usable(dir, file);
  return c?.names.map((name) => definitionAt(c, name));
}

/** The compiled definition of product id, on the same terms; undefined also when no file defines id. */
export function compiledDefinition(id: string, dir: string = definitionsDir(), file: string = compiledFile()): Definition | undefined {
  const c = usable(dir, file);
  const name = c?.names.find((n) => c.header.files[n]?.id === id);
  return c === undefined || name === undefined ? undefined : definitionAt(c, name);
}
