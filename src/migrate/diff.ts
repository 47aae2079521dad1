// Unified diffs of what would be written, computed on masked display text.

// The patch module alone: the package's index loads every diff flavour (about twenty modules).
import { formatPatch, structuredPatch, FILE_HEADERS_ONLY } from 'diff/lib/patch/create.js';
import { lineNumberAt } from './lines.js';
import { maskLine } from './mask.js';

const CONTEXT = 3;
// Common starts and ends are compared this many characters at a time, as native string equality.
const BLOCK = 4096;

/** Length of the common start of a and b, at most max. */
function commonPrefix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the common end of a and b, at most max. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * A unified diff of two display texts (decoded, '\n' line endings). Every line of every hunk
 * is masked, context included, so no hunk can carry a password. The texts are compared as
 * they are, so a line whose only change is a masked secret still shows as removed and added.
 * Only the region between the common start and end (plus a margin wider than the context)
 * goes through the diff algorithm: a 20,000-line file with a few added lines stays fast.
 */
export function unifiedDiff(oldName: string, newName: string, oldText: string, newText: string): string {
  const shortest = Math.min(oldText.length, newText.length);
  const prefix = commonPrefix(oldText, newText, shortest);
  const suffix = commonSuffix(oldText, newText, shortest - prefix);
  // Whole lines only, and a margin of CONTEXT + 1 equal lines: the kept region starts after the
  // (CONTEXT + 2)th '\n' before the first difference and ends with the (CONTEXT + 2)th after the last.
  let cut = prefix;
  let before = 0;
  while (before <= CONTEXT + 1 && cut > 0) {
    cut = oldText.lastIndexOf('\n', cut - 1);
    if (cut === -1) break;
    before++;
  }
  const from = before === CONTEXT + 2 ? cut + 1 : 0;
  const skippedHead = from === 0 ? 0 : lineNumberAt(oldText, from) - 1;
  let to = oldText.length - suffix - 1;
  let after = 0;
  while (after <= CONTEXT + 1) {
    to = oldText.indexOf('\n', to + 1);
    if (to === -1) break;
    after++;
  }
  const keptTail = after === CONTEXT + 2 ? oldText.length - to - 1 : 0;
  const middle = (text: string): string => text.slice(from, text.length - keptTail);
  const patch = structuredPatch(oldName, newName, middle(oldText), middle(newText), undefined, undefined, { context: CONTEXT });
  for (const hunk of patch.hunks) {
    hunk.oldStart += skippedHead;
    hunk.newStart += skippedHead;
    // Each line is its prefix (' ', '-', '+' or '\\' for "No newline at end of file") and the text.
    hunk.lines = hunk.lines.map((l) => (l.startsWith('\\') ? l : l.charAt(0) + maskLine(l.slice(1))));
  }
  return formatPatch(patch, FILE_HEADERS_ONLY);
}

const ESC = '\x1b[';
const paint = (code: string, s: string): string => `${ESC}${code}m${s}${ESC}0m`;

/** ANSI colours for a terminal: headers bold, hunks cyan, removals red, additions green. */
export function colourDiff(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('---') || line.startsWith('+++')) return paint('1', line);
      if (line.startsWith('@@')) return paint('36', line);
      if (line.startsWith('-')) return paint('31', line);
      if (line.startsWith('+')) return paint('32', line);
      return line;
    })
    .join('\n');
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything non-empty. */
export function wantColour(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
