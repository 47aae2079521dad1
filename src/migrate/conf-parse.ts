// Reads "KEY = VALUE" config files (db.conf, system.conf): whole-line '#' comments and blank
// lines are allowed; everything after the first '=' is the value (a '#' there is data).

import { lineNumberAt, lineTextAt, type Line } from './lines.js';

export interface Entry {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
  /** Index into the lines array. */
  index: number;
}

export type LineProblem =
  | { kind: 'noEquals'; line: number; token: string }
  | { kind: 'badKey'; line: number }
  | { kind: 'duplicate'; line: number; key: string; firstLine: number };

export interface ParsedConf {
  entries: Entry[];
  problems: LineProblem[];
}

// Blanks are spaces and tabs only: String.prototype.trim would also take 0xA0 and other bytes
// that are data in these latin1 strings.
const isSpace = (c: number): boolean => c === 32 || c === 9;

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimSpaces(text: string, start: number, end: number): string {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

export function isComment(text: string): boolean {
  return text.charCodeAt(firstNonSpace(text)) === 35;
}

export function isBlank(text: string): boolean {
  return firstNonSpace(text) === text.length;
}

/** NAME and VALUE around the first '=', trimmed of blanks; undefined without '='. */
function splitEntry(text: string): { key: string; value: string } | undefined {
  const eq = text.indexOf('=');
  if (eq === -1) return undefined;
  return { key: trimSpaces(text, 0, eq), value: trimSpaces(text, eq + 1, text.length) };
}

/**
 * A comment, a blank line, or the key of an entry up to the blanks after its '=': one native
 * match decides almost every line; only those it does not accept are scanned for the problem.
 */
const ACCEPTED = /^[ \t]*(?:#|$|([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*)/;

/** What is wrong with a line ACCEPTED does not take. */
function problemOf(text: string, line: number): LineProblem {
  const entry = splitEntry(text);
  if (entry === undefined) return { kind: 'noEquals', line, token: /^[ \t]*(\S*)/.exec(text)?.[1] ?? '' };
  return { kind: 'badKey', line };
}

/**
 * Parses every line. Duplicates are compared with `fold` (db.conf keys are case-insensitive
 * for us, system.conf keys are not).
 */
export function parseConf(lines: readonly Line[], fold: (key: string) => string = (k) => k): ParsedConf {
  const entries: Entry[] = [];
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < lines.length; index++) {
    const text = (lines[index] as Line).text;
    const line = index + 1;
    const m = ACCEPTED.exec(text);
    if (m === null) {
      problems.push(problemOf(text, line));
      continue;
    }
    const key = m[1];
    if (key === undefined) continue;
    const folded = fold(key);
    const first = seen.get(folded);
    if (first !== undefined) {
      problems.push({ kind: 'duplicate', line, key, firstLine: first });
      continue;
    }
    seen.set(folded, line);
    entries.push({ key, value: trimSpaces(text, m[0].length, text.length), line, index });
  }
  return { entries, problems };
}

// The two questions plainlyValid asks of a whole text at once, with a '\n' put before it so the
// first line starts like every other. The same grammar as ACCEPTED, in native scans.
const NOT_ACCEPTED = /\n(?![ \t]*(?:#|[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=|\r?\n|$))/;
const KEYS = /\n[ \t]*[A-Za-z_][A-Za-z0-9_.-]*(?=[ \t]*=)/g;

/**
 * True when parseConf (keys compared as they are) would find no problem in the lines of body
 * (a text without its BOM): every line a comment, blank, or KEY = VALUE, and no key twice. A
 * 20,000-line system.conf is checked in a few native scans instead of a parse of every line.
 */
export function plainlyValid(body: string): boolean {
  const text = `\n${body}`;
  if (NOT_ACCEPTED.test(text)) return false;
  const found = text.match(KEYS) ?? [];
  // "\nKEY" as matched. An indented key is compared without its blanks; most files indent
  // nothing, and then the matches go into the set as they are, natively.
  const keys = text.includes('\n ') || text.includes('\n\t') ? found.map((k) => k.replace(/[ \t]+/, '')) : found;
  return new Set(keys).size === keys.length;
}

/** An entry found in a whole text: where its line is (offsets, end before the line ending). */
export interface EntryAt {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
  start: number;
  end: number;
}

/** The first entry of `key` in body (a text without its BOM), as parseConf reads it. */
export function findEntry(body: string, key: string): EntryAt | undefined {
  // Most wanted keys are absent from a file not yet migrated: one native search says so.
  if (!body.includes(key)) return undefined;
  const m = new RegExp(`(?:^|\\n)[ \\t]*${key.replace(/\./g, '\\.')}[ \\t]*=`).exec(body);
  if (m === null) return undefined;
  const start = body.charCodeAt(m.index) === 10 ? m.index + 1 : m.index;
  const text = lineTextAt(body, start);
  const value = trimSpaces(text, text.indexOf('=') + 1, text.length);
  return { key, value, line: lineNumberAt(body, start), start, end: start + text.length };
}
