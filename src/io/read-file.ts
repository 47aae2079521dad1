// Reading inputs with errors a user can act on (missing, permission denied, a directory).

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyFsError, FileAccessError } from './file-error.js';

export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new FileAccessError(path, 'isDirectory');
    if (!st.isFile()) throw new FileAccessError(path, 'notFile');
    return await readFile(path);
  } catch (error) {
    throw classifyFsError(error, path);
  }
}

export async function requireDirectory(path: string): Promise<void> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw classifyFsError(error, path);
  }
  if (!isDir) throw new FileAccessError(path, 'notDirectory');
}

/** Names of the regular files directly in dir (not recursive), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch (error) {
    throw classifyFsError(error, dir);
  }
}

export async function readFilesIn(dir: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of names) out.set(name, await readFileBytes(join(dir, name)));
  return out;
}
