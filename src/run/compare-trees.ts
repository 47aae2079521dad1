// Reading two trees (or files) for a compare step: which files differ, which exist on one side
// only, and the unified diff of each text file that changed. Reads only; never writes.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeForDiff } from '../io/encoding.js';
import { unifiedDiff } from '../migrate/diff.js';

export interface TreeDifference {
  /** Relative to the compared roots, '/'-separated. */
  path: string;
  kind: 'changed' | 'only-old' | 'only-new' | 'binary';
  diff?: string;
}

async function kindOf(path: string): Promise<'file' | 'dir' | 'none'> {
  try {
    const st = await stat(path);
    return st.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...(await filesUnder(join(dir, e.name), rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

const binary = (b: Buffer): boolean => b.subarray(0, 8000).includes(0);

async function compareFiles(oldFile: string, newFile: string, rel: string): Promise<TreeDifference | undefined> {
  const [a, b] = await Promise.all([readFile(oldFile), readFile(newFile)]);
  if (a.equals(b)) return undefined;
  if (binary(a) || binary(b)) return { path: rel, kind: 'binary' };
  const diff = unifiedDiff(`old/${rel}`, `new/${rel}`, await decodeForDiff(a), await decodeForDiff(b));
  return { path: rel, kind: 'changed', diff };
}

/** Differences between old/rel and new/rel (files or directories, compared recursively). */
export async function compareTrees(oldRoot: string, newRoot: string, rels: readonly string[]): Promise<TreeDifference[]> {
  const out: TreeDifference[] = [];
  for (const rel of rels) {
    const o = rel === '' ? oldRoot : join(oldRoot, rel);
    const n = rel === '' ? newRoot : join(newRoot, rel);
    const [ko, kn] = await Promise.all([kindOf(o), kindOf(n)]);
    const name = rel === '' ? basename(o) : rel;
    if (ko === 'none' && kn === 'none') continue;
    if (ko === 'none') out.push({ path: name, kind: 'only-new' });
    else if (kn === 'none') out.push({ path: name, kind: 'only-old' });
    else if (ko === 'file' && kn === 'file') {
      const d = await compareFiles(o, n, name);
      if (d) out.push(d);
    } else if (ko === 'dir' && kn === 'dir') {
      const [fo, fn] = await Promise.all([filesUnder(o), filesUnder(n)]);
      const inNew = new Set(fn);
      const inOld = new Set(fo);
      const prefix = rel === '' ? '' : `${rel}/`;
      for (const f of fo) {
        if (!inNew.has(f)) out.push({ path: prefix + f, kind: 'only-old' });
        else {
          const d = await compareFiles(join(o, f), join(n, f), prefix + f);
          if (d) out.push(d);
        }
      }
      for (const f of fn) if (!inOld.has(f)) out.push({ path: prefix + f, kind: 'only-new' });
    } else {
      out.push({ path: name, kind: 'changed' });
    }
  }
  return out;
}

/**
 * A path whose segments may hold '*' (e.g. /srv/msg-a/backup.*): the newest match (latest
 * mtime, then the greatest name), or undefined when nothing matches. Only the segments with
 * '*' are listed, so the rest of the path is taken as written.
 */
export async function newestMatch(pattern: string): Promise<string | undefined> {
  if (!pattern.includes('*')) return (await kindOf(pattern)) === 'none' ? undefined : pattern;
  const segments = pattern.split('/');
  const at = segments.findIndex((s) => s.includes('*'));
  const parent = segments.slice(0, at).join('/') || '/';
  const re = new RegExp(`^${(segments[at] as string).split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  let names: string[];
  try {
    names = (await readdir(parent)).filter((n) => re.test(n));
  } catch {
    return undefined;
  }
  const rest = segments.slice(at + 1).join('/');
  const found: { path: string; mtime: number; name: string }[] = [];
  for (const name of names) {
    const candidate = rest === '' ? join(parent, name) : await newestMatch(join(parent, name, rest));
    if (candidate === undefined) continue;
    const st = await lstat(candidate).catch(() => undefined);
    if (st) found.push({ path: candidate, mtime: st.mtimeMs, name });
  }
  found.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : -1));
  return found[0]?.path;
}
