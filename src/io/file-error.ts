// File problems a user can fix, named by what is wrong rather than by errno.

export type FileProblem =
  | 'missing'
  | 'permission'
  | 'isDirectory'
  | 'notDirectory'
  | 'notFile'
  | 'ownerNotKept'
  | 'changedMeanwhile';

export class FileAccessError extends Error {
  constructor(
    readonly path: string,
    readonly problem: FileProblem,
    cause?: unknown,
  ) {
    super(`${path}: ${problem}`, { cause });
    this.name = 'FileAccessError';
  }
}

/** Maps a Node fs error to a FileAccessError when it is one the user can fix; else returns it. */
export function classifyFsError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem: FileProblem | undefined =
    code === 'ENOENT'
      ? 'missing'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission'
        : code === 'EISDIR'
          ? 'isDirectory'
          : code === 'ENOTDIR'
            ? 'notDirectory'
            : undefined;
  return problem ? new FileAccessError(path, problem, error) : error;
}
