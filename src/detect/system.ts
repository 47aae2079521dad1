// Thin readers of the machine: each does one look and returns plain data for the pure parts.
// The looks of one path (a stat, a readlink) are synchronous calls behind async signatures: a
// detector asks some hundred of them one after another, and a round trip through libuv's thread
// pool for each cost `plan` more time waiting than the calls themselves take. Walks of whole
// trees (treeBytes) are synchronous too, but let the event loop run every few milliseconds, so
// that the screens keep drawing meanwhile.
import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statfsSync, statSync, type Stats } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** A path of the procedure (absolute, as on the server) inside the sandbox root ("" is the machine). */
export function underRoot(root: string, ...parts: string[]): string {
  return join(root || '/', ...parts);
}

export function isRootUser(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Whether an executable of this name is on PATH. */
export async function onPath(name: string, path = process.env.PATH ?? ''): Promise<boolean> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      if (statSync(join(dir, name)).isFile()) return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** lstat without an exception for a missing path (an exception costs more than the call). */
function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The stat of path, following links; undefined when it cannot be had. */
export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A small file's text, or undefined when it cannot be read (or is not there: asked first, as that is common). */
export function textOf(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function exists(path: string): Promise<boolean> {
  return lstatOf(path) !== undefined;
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** The target of a path known to be a link; null when it cannot be read (gone meanwhile). */
function readLink(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

export async function linkTarget(path: string): Promise<string | null> {
  return lstatOf(path)?.isSymbolicLink() === true ? readLink(path) : null;
}

/**
 * The real path of `path` (an absolute path of the procedure, without the root) as seen inside
 * the sandbox `root`: absolute link targets are read under root too, like a chroot would.
 * Returned without the root prefix; null when a part does not exist.
 */
export async function realPathUnder(root: string, path: string): Promise<string | null> {
  let parts = path.split('/').filter(Boolean);
  let done: string[] = [];
  // Joined by hand: the parts are plain names, and this runs a few hundred times per plan.
  const base = underRoot(root).replace(/\/+$/, '');
  for (let hops = 0; parts.length > 0; ) {
    const [head, ...rest] = parts as [string, ...string[]];
    parts = rest;
    if (head === '.') continue;
    if (head === '..') {
      done.pop();
      continue;
    }
    const full = `${base}/${done.length > 0 ? `${done.join('/')}/` : ''}${head}`;
    const found = lstatOf(full);
    if (found === undefined) return null;
    const target = found.isSymbolicLink() ? readLink(full) : null;
    if (target === null) {
      done.push(head);
      continue;
    }
    if (++hops > 40) return null;
    if (isAbsolute(target)) done = [];
    parts = [...target.split('/').filter(Boolean), ...parts];
  }
  return `/${done.join('/')}`;
}

/** Free bytes for an unprivileged writer on the file system holding path (or its nearest existing parent). */
export async function freeBytes(path: string): Promise<{ bytes: number; checked: string; writable: boolean } | null> {
  let dir = resolve(path);
  while (!(await exists(dir))) {
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  let s: ReturnType<typeof statfsSync>;
  try {
    s = statfsSync(dir);
  } catch {
    return null;
  }
  // access() says EROFS for a read-only file system even to root, and EACCES without permission.
  let writable = true;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    writable = false;
  }
  return { bytes: s.bavail * s.bsize, checked: dir, writable };
}

/** How long a walk of a tree works before it lets the event loop run (the screens draw). */
const WALK_SLICE_MS = 8;

/**
 * Bytes of the regular files of a tree, not following links inside it (tar does not either).
 * Listed synchronously, in slices of `sliceMs` between which the screens draw: a round trip
 * through libuv's thread pool for each directory was a millisecond of `plan` spent waiting.
 */
export async function treeBytes(path: string, { sliceMs = WALK_SLICE_MS }: { sliceMs?: number } = {}): Promise<number> {
  let total = 0;
  const pending = [path];
  let sliceStart = Date.now();
  while (pending.length > 0) {
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = dir.endsWith(sep) ? dir + e.name : dir + sep + e.name;
      if (e.isDirectory()) pending.push(full);
      else if (e.isFile()) total += lstatOf(full)?.size ?? 0;
    }
  }
  return total;
}

/** The command names of running processes, from {root}/proc/PID/comm ([] without a /proc). */
export async function processNames(root: string): Promise<string[]> {
  const proc = underRoot(root, 'proc');
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((d) => /^[0-9]+$/.test(d));
  } catch {
    return [];
  }
  const names = pids.map((pid) => {
    try {
      return readFileSync(join(proc, pid, 'comm'), 'utf8');
    } catch {
      return ''; // ended meanwhile
    }
  });
  return names.map((n) => n.trim()).filter(Boolean);
}
