// File problems a user can fix, named by what is wrong rather than by errno.
import { t } from '../i18n/index.js';
import '../i18n/messages/file.js';

export type FileProblem =
  | 'missing'
  | 'permission'
  | 'readOnly'
  | 'immutable'
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

function problemOf(code: string | undefined): FileProblem | undefined {
  switch (code) {
    case 'ENOENT':
      return 'missing';
    case 'EROFS':
      return 'readOnly';
    case 'EPERM':
      // Modes never refuse root; a file attribute does (chattr +i, +a).
      return process.getuid?.() === 0 ? 'immutable' : 'permission';
    case 'EACCES':
      return 'permission';
    case 'EISDIR':
      return 'isDirectory';
    case 'ENOTDIR':
      return 'notDirectory';
    default:
      return undefined;
  }
}

/** Maps a Node fs error to a FileAccessError when it is one the user can fix; else returns it. */
export function classifyFsError(error: unknown, path: string): unknown {
  const problem = problemOf((error as NodeJS.ErrnoException | undefined)?.code);
  return problem ? new FileAccessError(path, problem, error) : error;
}

/** The problem in a few words of the operator's language. */
export function problemText(error: FileAccessError): string {
  return t(`file.problem.${error.problem}`);
}
