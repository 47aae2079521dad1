// Reads "KEY = VALUE" config files (db.conf, system.conf): whole-line '#' comments and blank
// lines are allowed; everything after the first '=' is the value (a '#' there is data).

import type { Line } from './lines.js';

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

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// Character scans rather than regular expressions: system.conf files can be long, and
// start-up time of the command matters (bench/migrate-config.js).
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
 * Parses every line. Duplicates are compared with `fold` (db.conf keys are case-insensitive
 * for us, system.conf keys are not).
 */
export function parseConf(lines: readonly Line[], fold: (key: string) => string = (k) => k): ParsedConf {
  const entries: Entry[] = [];
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  lines.forEach((l, index) => {
    const line = index + 1;
    if (isComment(l.text) || isBlank(l.text)) return;
    const entry = splitEntry(l.text);
    if (!entry) {
      const token = /^[ \t]*(\S*)/.exec(l.text)?.[1] ?? '';
      problems.push({ kind: 'noEquals', line, token });
      return;
    }
    const { key, value } = entry;
    if (!KEY.test(key)) {
      problems.push({ kind: 'badKey', line });
      return;
    }
    const folded = fold(key);
    const first = seen.get(folded);
    if (first !== undefined) {
      problems.push({ kind: 'duplicate', line, key, firstLine: first });
      return;
    }
    seen.set(folded, line);
    entries.push({ key, value, line, index });
  });
  return { entries, problems };
}
