// Replacing a file without ever leaving it half-written: temp file in the same directory,
// same owner and mode, fsync, optional validation, backup of the original, rename, fsync of
// the directory. The original stays beside it as NAME.bak-YYYYMMDDHHMMSS.

import { constants, type Stats } from 'node:fs';
import { access, chmod, chown, copyFile, link, open, readFile, realpath, rename, stat, unlink, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { backupPath } from './backup-name.js';
import { classifyFsError, FileAccessError } from './file-error.js';
import { randomHex } from './crypto.js';

export interface AtomicWriteOptions {
  /** The content the file had when it was read: the write is refused if it changed since. */
  expected?: Buffer;
  /** Runs on the complete temp file before it replaces the real one; throw to refuse. */
  validate?: (tempPath: string) => Promise<void>;
  /** Time used in the backup name. */
  now?: Date;
}

export interface AtomicWriteResult {
  /** The file written (symlinks resolved: the link itself is left alone). */
  path: string;
  backup: string;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * The file is ours but its group is one we are not in: only root may give the new file that
 * group, so its ownership could not be kept. A FileAccessError of problem 'ownerNotKept' for
 * callers that only name the problem; `gid` lets a caller say which group and why.
 */
export class GroupNotKeptError extends FileAccessError {
  constructor(path: string, readonly gid: number) {
    super(path, 'ownerNotKept');
    this.name = 'GroupNotKeptError';
  }
}

const inGroup = (gid: number): boolean => process.getgid?.() === gid || (process.getgroups?.() ?? []).includes(gid);

/** A new file in `dir` gets group `gid` without chown: the directory is set-group-ID and of that group. */
async function inheritsGroup(dir: string, gid: number): Promise<boolean> {
  const st = await stat(dir).catch(() => undefined);
  return st !== undefined && (st.mode & 0o2000) !== 0 && st.gid === gid;
}

/**
 * Checks, before anything is written, that the file can be replaced while keeping its owner:
 * the directory must be writable, the file not immutable nor append-only and, unless we are
 * root, the file must be ours and its group one of ours.
 */
export async function checkReplaceable(path: string): Promise<void> {
  let real: string;
  let st: Stats;
  try {
    real = await realpath(path);
    st = await stat(real);
  } catch (error) {
    throw classifyFsError(error, path);
  }
  if (st.isDirectory()) throw new FileAccessError(path, 'isDirectory');
  if (!st.isFile()) throw new FileAccessError(path, 'notFile');
  try {
    await access(dirname(real), constants.W_OK | constants.X_OK);
  } catch (error) {
    throw classifyFsError(error, dirname(real));
  }
  if (!isRoot() && st.uid !== process.getuid?.()) throw new FileAccessError(path, 'ownerNotKept');
  // The temp file gets our primary group (or a set-group-ID directory's); chown to a group we
  // are not in fails with EPERM, which would only show after a first file had been written.
  if (!isRoot() && !inGroup(st.gid) && !(await inheritsGroup(dirname(real), st.gid))) throw new GroupNotKeptError(path, st.gid);
  // chattr +i / +a refuse the rename even to root, which only shows at the write: then a
  // second file would fail after the first was written. Opening for writing (no truncation,
  // nothing changes) asks the same question; EPERM is the attribute, EACCES only the mode bits,
  // which a rename in a writable directory does not need.
  try {
    await (await open(real, 'r+')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') throw classifyFsError(error, path);
  }
}

async function makeBackup(real: string, st: Stats, now: Date): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = backupPath(real, now, n);
    try {
      // A hard link is the original itself: same bytes, owner, mode and times.
      await link(real, candidate);
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    }
    try {
      await copyFile(real, candidate, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    if (isRoot()) await chown(candidate, st.uid, st.gid);
    await chmod(candidate, st.mode & 0o7777);
    await utimes(candidate, st.atime, st.mtime);
    return candidate;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename is still done.
  } finally {
    await fh.close();
  }
}

export async function writeFileAtomic(path: string, data: Buffer, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  await checkReplaceable(path);
  const real = await realpath(path);
  const st = await stat(real);
  if (options.expected && !(await readFile(real)).equals(options.expected)) {
    throw new FileAccessError(path, 'changedMeanwhile');
  }
  const dir = dirname(real);
  const temp = join(dir, `.${basename(real)}.${process.pid}.${randomHex(4)}.tmp`);
  let backup: string | undefined;
  let renamed = false;
  try {
    const fh = await open(temp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      const own = await fh.stat();
      if (own.uid !== st.uid || own.gid !== st.gid) await fh.chown(st.uid, st.gid);
      // After chown, which may clear set-id bits.
      await fh.chmod(st.mode & 0o7777);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (options.validate) await options.validate(temp);
    backup = await makeBackup(real, st, options.now ?? new Date());
    await rename(temp, real);
    renamed = true;
    await syncDirectory(dir);
    return { path: real, backup };
  } catch (error) {
    if (!renamed) {
      await unlink(temp).catch(() => undefined);
      if (backup) await unlink(backup).catch(() => undefined);
    }
    throw classifyFsError(error, real);
  }
}
