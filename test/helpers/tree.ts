// Snapshots of a directory tree, to prove that "nothing on disk changed".
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface NodeState {
  type: 'file' | 'dir' | 'symlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  /** Bytes as hex for files, the target for symlinks. */
  content?: string;
}

export function snapshotTree(root: string): Record<string, NodeState> {
  const out: Record<string, NodeState> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = lstatSync(path);
      const base = { mode: st.mode, uid: st.uid, gid: st.gid };
      const key = relative(root, path);
      if (st.isSymbolicLink()) out[key] = { type: 'symlink', ...base, content: readlinkSync(path) };
      else if (st.isDirectory()) {
        out[key] = { type: 'dir', ...base };
        walk(path);
      } else if (st.isFile()) out[key] = { type: 'file', ...base, content: readFileSync(path).toString('hex') };
      else out[key] = { type: 'other', ...base };
    }
  };
  walk(root);
  return out;
}
