// Unified diffs of what would be written, computed on masked display text.

import { formatPatch, structuredPatch, FILE_HEADERS_ONLY } from 'diff';
import { maskLine } from './mask.js';

const CONTEXT = 3;

/**
 * A unified diff of two display texts (decoded, '\n' line endings). Secrets are masked
 * before diffing, so no hunk can carry a password. Only the region between the common
 * first and last lines (plus a margin wider than the context) goes through the diff
 * algorithm and the masking: a 20,000-line file with a few added lines stays fast.
 */
export function unifiedDiff(oldName: string, newName: string, oldText: string, newText: string): string {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const shortest = Math.min(a.length, b.length);
  let head = 0;
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const skipHead = Math.max(0, head - CONTEXT - 1);
  const skipTail = Math.max(0, tail - CONTEXT - 1);
  // Lines before a skipped tail all end in '\n'; without a skipped tail the end is kept as is.
  const middle = (lines: string[]): string => {
    const kept = lines.slice(skipHead, lines.length - skipTail).map(maskLine).join('\n');
    return skipTail > 0 ? `${kept}\n` : kept;
  };
  const patch = structuredPatch(oldName, newName, middle(a), middle(b), undefined, undefined, { context: CONTEXT });
  for (const hunk of patch.hunks) {
    hunk.oldStart += skipHead;
    hunk.newStart += skipHead;
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
