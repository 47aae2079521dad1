// Thin readers of the machine: each does one look and returns plain data for the pure parts.
import { constants } from 'node:fs';
import { access, lstat, readdir, readFile, readlink, stat, statfs } from 'node:fs/promises';
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
      await access(join(dir, name), constants.X_OK);
      if ((await stat(join(dir, name))).isFile()) return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function linkTarget(path: string): Promise<string | null> {
  try {
    return await readlink(path);
  } catch {
    return null;
  }
}

/**
 * The real path of `path` (an absolute path of the procedure, without the root) as seen inside
 * the sandbox `root`: absolute link targets are read under root too, like a chroot would.
 * Returned without the root prefix; null when a part does not exist.
 */
export async function realPathUnder(root: string, path: string): Promise<string | null> {
  let parts = path.split('/').filter(Boolean);
  let done: string[] = [];
  for (let hops = 0; parts.length > 0; ) {
    const [head, ...rest] = parts as [string, ...string[]];
    parts = rest;
    if (head === '.') continue;
    if (head === '..') {
      done.pop();
      continue;
    }
    const full = underRoot(root, ...done, head);
    const target = await linkTarget(full);
    if (target === null) {
      if (!(await exists(full))) return null;
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
  try {
    const s = await statfs(dir);
    // access() says EROFS for a read-only file system even to root, and EACCES without permission.
    const writable = await access(dir, constants.W_OK).then(
      () => true,
      () => false,
    );
    return { bytes: s.bavail * s.bsize, checked: dir, writable };
  } catch {
    return null;
  }
}

/** Bytes of the regular files of a tree, not following links inside it (tar does not either). */
export async function treeBytes(path: string): Promise<number> {
  let total = 0;
  const pending = [path];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = dir.endsWith(sep) ? dir + e.name : dir + sep + e.name;
      if (e.isDirectory()) pending.push(full);
      else if (e.isFile()) total += (await lstat(full)).size;
    }
  }
  return total;
}

/** The command names of running processes, from {root}/proc/PID/comm ([] without a /proc). */
export async function processNames(root: string): Promise<string[]> {
  const proc = underRoot(root, 'proc');
  let pids: string[];
  try {
    pids = (await readdir(proc)).filter((d) => /^[0-9]+$/.test(d));
  } catch {
    return [];
  }
  const names = await Promise.all(
    pids.map((pid) => readFile(join(proc, pid, 'comm'), 'utf8').catch(() => '')),
  );
  return names.map((n) => n.trim()).filter(Boolean);
}
