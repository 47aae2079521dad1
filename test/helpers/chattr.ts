// File attributes (chattr +i): they refuse even root, which permission bits never do.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRoot } from './cli.js';

/** chattr needs root and a file system with attributes (ext4; not tmpfs or overlayfs). */
export const chattrWorks: boolean = (() => {
  if (!isRoot) return false;
  const dir = mkdtempSync(join(tmpdir(), 'uw-chattr-'));
  const probe = join(dir, 'probe');
  writeFileSync(probe, '');
  try {
    if (spawnSync('chattr', ['+i', probe]).status !== 0) return false;
    execFileSync('chattr', ['-i', probe]);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** Runs fn with the file immutable, and makes it mutable again whatever happens. */
export async function whileImmutable<T>(file: string, fn: () => Promise<T>): Promise<T> {
  execFileSync('chattr', ['+i', file]);
  try {
    return await fn();
  } finally {
    execFileSync('chattr', ['-i', file]);
  }
}
