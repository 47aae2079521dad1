// Finding the packages a definition needs on the media (a mounted CD or a directory). A few
// directories are listed, synchronously: cheaper than a thread-pool round trip each (system.ts).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers, Definition } from '../model/definition.js';
import { expandMediaPattern, patternHasPlaceholders, selectVars } from '../plan/vars.js';
import type { MediaFile } from '../model/facts.js';
import { matchMediaName } from './parse.js';

export interface MediaScan {
  /** By media key; a file's `others` are the files that matched too and were not chosen. */
  files: Record<string, MediaFile>;
}

/** Relative paths of the files under dir, a few levels deep (CDs keep packages in sub-folders). */
async function listFiles(dir: string, depth = 3): Promise<string[]> {
  const out: string[] = [];
  const walk = (rel: string, level: number): void => {
    let entries;
    try {
      entries = readdirSync(join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel === '' ? e.name : join(rel, e.name);
      if (e.isFile() || e.isSymbolicLink()) out.push(path);
      else if (e.isDirectory() && level < depth) walk(path, level + 1);
    }
  };
  walk('', 1);
  return out;
}

/**
 * Matches the definition's media patterns against the file names found under dir. A pattern
 * naming answers or vars is matched only once those are known (`answers`), else it is skipped.
 */
export async function scanMedia(def: Definition, dir: string, answers: Answers = {}): Promise<MediaScan> {
  const paths = await listFiles(dir);
  const files: Record<string, MediaFile> = {};
  const vars = selectVars(def.vars, answers);
  for (const [key, media] of Object.entries(def.media)) {
    const pattern = patternHasPlaceholders(media.pattern) ? expandMediaPattern(media.pattern, { answers, vars }) : media.pattern;
    if (pattern === null) continue;
    const byName = new Map(paths.map((p) => [p.split('/').pop() as string, p]));
    const match = matchMediaName([...byName.keys()], new RegExp(pattern));
    if (match === null) continue;
    const others = match.others.map((name) => join(dir, byName.get(name) as string));
    files[key] = { path: join(dir, byName.get(match.name) as string), name: match.name, groups: match.groups, ...(others.length > 0 ? { others } : {}) };
  }
  return { files };
}

/**
 * Why dir cannot be the media at all, or undefined when it is a directory: a mistyped mount point
 * or an unmounted CD is one problem, not one missing package per media entry.
 */
export async function mediaDirProblem(dir: string): Promise<'missing' | 'notDirectory' | undefined> {
  try {
    return statSync(dir).isDirectory() ? undefined : 'notDirectory';
  } catch (error) {
    // Unreadable for another reason (EACCES): scanMedia finds nothing, and says so per package.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : undefined;
  }
}
