// Walking a tree the way tar sees it: names as raw bytes (old servers have EUC-JP file names),
// symlinks not followed, sockets left out (tar skips them). Gives what a backup must contain.
import { lstat, readdir } from 'node:fs/promises';

export interface TreeSummary {
  /** Regular files seen (an empty tree may be skipped). */
  files: number;
  /** Entry names as `tar tf` prints them in the C locale, relative to the parent dir. */
  names: string[];
  /** Bytes of regular files. */
  bytes: number;
  /** Approximate size of the uncompressed tar stream, for progress. */
  tarBytes: number;
}

const C_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };

/** GNU tar's default "escape" quoting of a name, in the C locale. */
export function tarQuote(name: Buffer): string {
  let out = '';
  for (const b of name) {
    const esc = C_ESCAPES[b];
    if (esc) out += esc;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out;
}

const SLASH = Buffer.from('/');
const block = (n: number): number => Math.ceil(n / 512) * 512;

/** Walks `parent/name` (name is the top entry of the archive); `exclude` holds member names left out. */
export async function walkTree(parent: string, name: string, exclude: ReadonlySet<string> = new Set()): Promise<TreeSummary> {
  const summary: TreeSummary = { files: 0, names: [], bytes: 0, tarBytes: 1024 };
  const base = Buffer.from(parent.endsWith('/') ? parent : `${parent}/`);
  const visit = async (rel: Buffer): Promise<void> => {
    if (exclude.has(rel.toString('latin1'))) return;
    const st = await lstat(Buffer.concat([base, rel]));
    if (st.isSocket()) return;
    // Long names cost an extra header block or two.
    summary.tarBytes += 512 + (rel.length > 99 ? 512 + block(rel.length + 1) : 0);
    if (st.isDirectory()) {
      summary.names.push(`${tarQuote(rel)}/`);
      const entries = await readdir(Buffer.concat([base, rel]), { encoding: 'buffer' });
      for (const entry of entries) await visit(Buffer.concat([rel, SLASH, entry]));
      return;
    }
    summary.names.push(tarQuote(rel));
    if (st.isFile()) {
      summary.files += 1;
      summary.bytes += st.size;
      summary.tarBytes += block(st.size);
    }
  };
  await visit(Buffer.from(name));
  return summary;
}

/** What differs between what was archived and what the archive lists (a few of each). */
export function compareListing(expected: readonly string[], listed: readonly string[]): { missing: string[]; extra: string[] } {
  const want = new Set(expected);
  const got = new Set(listed);
  const missing = expected.filter((n) => !got.has(n));
  const extra = listed.filter((n) => !want.has(n));
  return { missing, extra };
}
