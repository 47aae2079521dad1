// Checksums of the packages on the media: each package the plan uses is compared with the
// SHA-256 the vendor (or whoever burned the CD) listed, before anything unpacks it. Lists are
// SHA256SUMS files (GNU `sha256sum` or BSD `SHA256 (name) = hash` lines) in the package's
// directory or any directory above it up to the media root, or NAME.sha256 beside the package.
import { readdirSync } from 'node:fs';
import { close, open, read, stat } from '../io/fs-async.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { MediaCheck, MediaFile } from '../model/facts.js';
import { sha256 } from '../io/crypto.js';
import { textOf } from './system.js';

const LIST_NAME = /^sha256sums(\.txt)?$/i;
const HEX = /^[0-9a-fA-F]{64}$/;

/** How a name is compared: forward slashes, no leading ./ (lists written on Windows use \). */
function normalName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * The entries of a checksum list: name -> lower-case hex. Blank lines, comments and lines of
 * another algorithm are skipped; a bare hash (a NAME.sha256 holding only the hash) is keyed "".
 */
export function parseChecksumList(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const bsd = /^SHA256 ?\((.+)\) ?= ?([0-9a-fA-F]{64})$/.exec(line);
    if (bsd) {
      out.set(normalName(bsd[1] as string), (bsd[2] as string).toLowerCase());
      continue;
    }
    // GNU: "HASH  name" (text) or "HASH *name" (binary); a leading \ marks an escaped name.
    const gnu = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (gnu) {
      const name = line.startsWith('\\') ? (gnu[2] as string).replace(/\\n/g, '\n').replace(/\\\\/g, '\\') : (gnu[2] as string);
      out.set(normalName(name), (gnu[1] as string).toLowerCase());
      continue;
    }
    if (HEX.test(line)) out.set('', line.toLowerCase());
  }
  return out;
}

// Packages can be hundreds of MB read from a CD: hash each version of a file once per process
// (the interactive wizard builds its plan more than once).
const hashes = new Map<string, string>();

/** Bytes read at a time: a CD gives its best to large reads. */
const CHUNK = 1 << 20;

/** The SHA-256 of a file as lower-case hex, read a chunk at a time (not as a stream: `plan` loads no stream code). */
export async function sha256File(file: string): Promise<string> {
  const s = await stat(file);
  const key = `${resolve(file)}\0${s.size}\0${s.mtimeMs}\0${s.ino}`;
  const known = hashes.get(key);
  if (known !== undefined) return known;
  const hash = sha256();
  const fd = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let n; (n = (await read(fd, buffer, 0, CHUNK, null)).bytesRead) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    await close(fd);
  }
  const hex = hash.digest('hex');
  hashes.set(key, hex);
  return hex;
}

interface Lists {
  /** Checksum list files found, by directory. */
  byDir: Map<string, string[]>;
  parsed: Map<string, Map<string, string>>;
}

async function listsIn(dir: string, lists: Lists): Promise<string[]> {
  const cached = lists.byDir.get(dir);
  if (cached !== undefined) return cached;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // unreadable: no list here
  }
  const found = names.filter((n) => LIST_NAME.test(n)).sort().map((n) => join(dir, n));
  lists.byDir.set(dir, found);
  return found;
}

async function entries(list: string, lists: Lists): Promise<Map<string, string>> {
  let parsed = lists.parsed.get(list);
  if (parsed === undefined) {
    parsed = parseChecksumList(textOf(list) ?? '');
    lists.parsed.set(list, parsed);
  }
  return parsed;
}

/** Directories from the package's own up to the media root, nearest first. */
function dirsUp(media: string, file: string): string[] {
  const out: string[] = [];
  let dir = dirname(file);
  for (;;) {
    out.push(dir);
    if (dir === media || !dir.startsWith(media + sep)) return out;
    dir = dirname(dir);
  }
}

function lookup(map: Map<string, string>, name: string): string | undefined {
  const exact = map.get(name);
  if (exact !== undefined) return exact;
  // A CD without Joliet/Rock Ridge may show names in another case than the list has.
  const lower = name.toLowerCase();
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The expected hash of a package and the list that gives it; the nearest list first. */
async function expectedFor(media: string, file: string, lists: Lists): Promise<{ hash?: string; list?: string }> {
  const beside = `${file}.sha256`;
  const text = textOf(beside);
  const own = text === undefined ? undefined : parseChecksumList(text);
  if (own !== undefined) {
    const hash = own.size === 1 ? [...own.values()][0] : lookup(own, basename(file));
    return { ...(hash === undefined ? {} : { hash }), list: beside };
  }
  let nearest: string | undefined;
  for (const dir of dirsUp(media, file)) {
    for (const list of await listsIn(dir, lists)) {
      nearest ??= list;
      const hash = lookup(await entries(list, lists), normalName(relative(dir, file)));
      if (hash !== undefined) return { hash, list };
    }
  }
  return nearest === undefined ? {} : { list: nearest };
}

/**
 * Checks the given packages of the media dir. When no package has a checksum file near it the
 * media is unverified (each check says so); when some do, a package without an entry is unlisted
 * (without a list when the others only have a NAME.sha256 beside them).
 */
export async function checkMediaFiles(mediaDir: string, files: Record<string, MediaFile>): Promise<Record<string, MediaCheck>> {
  const media = resolve(mediaDir);
  const lists: Lists = { byDir: new Map(), parsed: new Map() };
  const found = await Promise.all(
    Object.entries(files).map(async ([key, f]) => ({ key, file: f.path, ...(await expectedFor(media, resolve(f.path), lists)) })),
  );
  // A SHA256SUMS speaks for the media; a NAME.sha256 only for its own package (media-checks.ts
  // then says that this one has none, instead of calling another package's file "the list").
  const anyList = found.find((f) => f.list !== undefined && LIST_NAME.test(basename(f.list)))?.list;
  const besides = found.some((f) => f.list !== undefined);
  const out: Record<string, MediaCheck> = {};
  // One at a time: several large files read at once from a CD only make the drive seek.
  for (const f of found) {
    if (f.list === undefined) {
      out[f.key] =
        anyList !== undefined ? { status: 'unlisted', file: f.file, list: anyList } : besides ? { status: 'unlisted', file: f.file } : { status: 'unverified', file: f.file };
      continue;
    }
    if (f.hash === undefined) {
      out[f.key] = { status: 'unlisted', file: f.file, list: f.list };
      continue;
    }
    try {
      const actual = await sha256File(f.file);
      out[f.key] = { status: actual === f.hash ? 'ok' : 'mismatch', file: f.file, list: f.list, expected: f.hash, actual };
    } catch (error) {
      out[f.key] = { status: 'unreadable', file: f.file, list: f.list, expected: f.hash, detail: (error as Error).message };
    }
  }
  return out;
}
