// Writing the files of an export or a saved-answers file: never half-written (temp file in
// the same directory, fsync, rename) and with the mode asked for (0600 for answers).
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

export function writeFileAtomicSync(path: string, content: string | Buffer, mode = 0o644): void {
  const file = resolve(path);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes every file of an export under dir (created if needed); names may contain '/'. */
export function writeExport(dir: string, files: Record<string, string | Buffer>, modes: Record<string, number> = {}): string[] {
  const out: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = join(resolve(dir), name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomicSync(file, content, modes[name] ?? 0o644);
    out.push(file);
  }
  return out;
}
