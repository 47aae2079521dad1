// Where a path given on the command line really is. With --root DIR (a sandbox), absolute
// paths are taken inside DIR; relative paths stay relative to the working directory.

import { isAbsolute, join, relative, resolve } from 'node:path';

export class OutsideRootError extends Error {
  constructor(readonly path: string, readonly root: string) {
    super(`${path} leaves ${root}`);
    this.name = 'OutsideRootError';
  }
}

/** `path` relative to `base` when it is base itself ('') or below it; undefined when outside. */
export function pathInside(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

export function resolveUnderRoot(path: string, root: string | undefined, cwd: string = process.cwd()): string {
  if (root === undefined || !isAbsolute(path)) return resolve(cwd, path);
  const base = resolve(cwd, root);
  const full = join(base, path);
  // "/../etc" would otherwise step out of the sandbox.
  if (pathInside(base, full) === undefined) throw new OutsideRootError(path, base);
  return full;
}
