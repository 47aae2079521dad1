// Where a path given on the command line really is. With --root DIR (a sandbox), absolute
// paths are taken inside DIR; relative paths stay relative to the working directory.

import { lstat, readlink, realpath } from './fs-async.js';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export class OutsideRootError extends Error {
  constructor(readonly path: string, readonly root: string) {
    super(`${path} leaves ${root}`);
    this.name = 'OutsideRootError';
  }
}

/** A symbolic link under the root whose target lies outside it (a copy's absolute links point at the host). */
export class LinkLeavesRootError extends Error {
  constructor(
    /** The path that was to be used, inside the root. */
    readonly path: string,
    /** The link itself, inside the root. */
    readonly link: string,
    /** What the link says (readlink). */
    readonly target: string,
    readonly root: string,
  ) {
    super(`${link} -> ${target} leaves ${root}`);
    this.name = 'LinkLeavesRootError';
  }

  /** For an absolute target: the path inside the sandbox that the link stands for. */
  get meant(): string | undefined {
    return isAbsolute(this.target) ? join(this.target, relative(this.link, this.path)) : undefined;
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

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Throws LinkLeavesRootError when following the symbolic links of `path` (a path under `root`)
 * would leave the root. Checked component by component, so the error names the link at fault.
 * Links are refused rather than re-rooted: a sandbox never reads or writes the host through them.
 * A component that does not exist (or cannot be examined) ends the check: using the path then
 * fails with its own, clearer error.
 */
export async function requireRealUnderRoot(path: string, root: string): Promise<void> {
  const rel = pathInside(root, path);
  if (rel === undefined || rel === '') return;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return;
  }
  let current = root;
  let real = realRoot;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch {
      return;
    }
    if (!isLink) {
      real = join(real, part);
      continue;
    }
    const target = await readlink(current);
    let resolved: string;
    try {
      resolved = await realpath(current);
    } catch (error) {
      // A dangling link: where it would lead from its directory (`real`), read as written.
      if (code(error) !== 'ENOENT') return;
      resolved = resolve(real, target);
    }
    if (pathInside(realRoot, resolved) === undefined) throw new LinkLeavesRootError(path, current, target, root);
    real = resolved;
  }
}
