// Where a path given on the command line really is. With --root DIR (a sandbox), absolute
// paths are taken inside DIR; relative paths stay relative to the working directory.

import { isAbsolute, join, relative, resolve } from 'node:path';

export class OutsideRootError extends Error {
  constructor(readonly path: string, readonly root: string) {
    super(`${path} leaves ${root}`);
    this.name = 'OutsideRootError';
  }
}

export function resolveUnderRoot(path: string, root: string | undefined, cwd: string = process.cwd()): string {
  if (root === undefined || !isAbsolute(path)) return resolve(cwd, path);
  const base = resolve(cwd, root);
  const full = join(base, path);
  const rel = relative(base, full);
  // "/../etc" would otherwise step out of the sandbox.
  if (rel.startsWith('..') || isAbsolute(rel)) throw new OutsideRootError(path, base);
  return full;
}
