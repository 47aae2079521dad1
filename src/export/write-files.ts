// Writing the files of an export or a saved-answers file: never half-written (temp file in
// the same directory, fsync, rename) and with the mode asked for (0600 for answers). A failure
// names the user's path and what to do, never the temp file nor a bare errno.
import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import { classifyFsError, FileAccessError, problemText } from '../io/file-error.js';
import { randomHex } from '../io/crypto.js';

/** A file of an export that cannot be written; the message says why and what to do. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

const kind = (path: string): 'dir' | 'other' | 'none' => {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'none';
  }
};

/** The nearest existing ancestor of a path (the place a missing directory would go). */
function existingAncestor(path: string): string {
  let p = path;
  while (kind(p) === 'none' && dirname(p) !== p) p = dirname(p);
  return p;
}

/** Why `dir` cannot hold a new file, in the user's words. */
function dirProblem(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') {
    // A directory that exists and still refuses new files: a special file system such as /proc.
    if (code === 'ENOENT' && kind(dir) === 'dir') return t('export.out.cannotCreate', { dir });
    const at = existingAncestor(dir);
    if (kind(at) === 'other') return t('export.out.notDir', { path: at });
    return t('export.out.noDir', { dir });
  }
  const mapped = classifyFsError(error, dir);
  return mapped instanceof FileAccessError ? t('export.out.problem', { path: dir, problem: problemText(mapped) }) : t('export.out.other', { detail: code ?? String(error) });
}

/**
 * Why path cannot be written as a new file, checked before any other work; undefined when it can.
 * option: how the user gave the path (-o, --save-answers), for the example in the message.
 */
export function writeProblem(path: string, option = '-o', example = 'NAME'): string | undefined {
  const file = resolve(path);
  const dir = dirname(file);
  if (kind(file) === 'dir') return t('export.out.isDir', { option, example: join(path, example) });
  try {
    // stat's own error: a directory that cannot be reached (EACCES) is not one that is missing.
    if (!statSync(dir).isDirectory()) return dirProblem(dir, Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' }));
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return dirProblem(dir, error);
  }
  return undefined;
}

export function writeFileAtomicSync(path: string, content: string | Buffer, mode = 0o644, option = '-o'): void {
  const file = resolve(path);
  const dir = dirname(file);
  if (kind(file) === 'dir') throw new WriteError(path, t('export.out.isDir', { option, example: join(path, 'NAME') }));
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomHex(4)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', mode);
  } catch (error) {
    throw new WriteError(path, dirProblem(dir, error));
  }
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw new WriteError(path, dirProblem(dir, error));
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError(path, code === 'EISDIR' ? t('export.out.isDir', { option, example: join(path, 'NAME') }) : dirProblem(dir, error));
  }
}

/** Writes every file of an export under dir (created if needed); names may contain '/'. */
export function writeExport(dir: string, files: Record<string, string | Buffer>, modes: Record<string, number> = {}): string[] {
  // Checked before anything is written: -o must be a directory (new or existing).
  if (kind(dir) === 'other') throw new WriteError(dir, t('export.out.notDirForFiles', { path: dir }));
  try {
    mkdirSync(resolve(dir), { recursive: true });
  } catch (error) {
    throw new WriteError(dir, dirProblem(resolve(dir), error));
  }
  const out: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = join(resolve(dir), name);
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new WriteError(file, dirProblem(dirname(file), error));
    }
    writeFileAtomicSync(file, content, modes[name] ?? 0o644);
    out.push(file);
  }
  return out;
}
