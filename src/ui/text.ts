// Plain-text helpers for the screens: display width (CJK is two columns), wrapping and
// truncation to the terminal, argv quoting for display, and scrubbing of what reaches
// the screen (escape codes from child output, secrets).

/** Wide and full-width code points take two terminal columns (East Asian Width W/F). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  return isWide(cp) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Tabs to spaces, to the next multiple of 8 columns: a terminal moves a tab to its next tab stop,
 * so a tab (a diff header, a config line, child output) left in would make the line wider than
 * measured and push the screen down a row.
 */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const pad = 8 - (column % 8);
      out += ' '.repeat(pad);
      column += pad;
    } else if (ch === '\n') {
      out += ch;
      column = 0;
    } else {
      out += ch;
      column += charWidth(ch);
    }
  }
  return out;
}

/** The longest start of `text` that fits in `width` columns. */
function headWithin(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** Cuts text to at most `width` columns, ending with … when something was cut. */
export function truncate(raw: string, width: number): string {
  const text = expandTabs(raw);
  if (displayWidth(text) <= width) return text;
  return `${headWithin(text, width - 1)}…`;
}

/** Keeps the end of `text` within `width` columns, "…" first: where a typing cursor is. */
export function truncateStart(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = charWidth(chars[i] as string);
    if (w + cw > width - 1) break;
    out = chars[i] + out;
    w += cw;
  }
  return `…${out}`;
}

/**
 * Fits `text` to `width` by shortening `part` of it (a product's long title) rather than its
 * end, so "…: the plan" stays readable; cuts the end when the part alone cannot make room.
 */
export function truncatePart(text: string, part: string, width: number): string {
  const over = displayWidth(expandTabs(text)) - width;
  if (over <= 0) return expandTabs(text);
  const at = part === '' ? -1 : text.indexOf(part);
  const keep = displayWidth(part) - over;
  if (at < 0 || keep < 8) return truncate(text, width);
  return truncate(text.slice(0, at) + truncate(part, keep) + text.slice(at + part.length), width);
}

/**
 * `head` and `tail` on one line within `width`: `head` (a title, a message) is cut, `tail` (a
 * count, an attempt number) is kept whole, so a number is never cut into a smaller one.
 */
export function truncateKeepingEnd(head: string, tail: string, width: number): string {
  const room = width - displayWidth(expandTabs(tail));
  if (room < 2) return truncate(head + tail, width);
  return truncate(head, room) + expandTabs(tail);
}

// Japanese line breaking (JIS X 4051, simplified): closing brackets and punctuation, small
// kana and the prolonged sound mark never start a line; opening brackets never end one. The
// ASCII ones too: the definitions' Japanese texts often use (...) and , in half width.
const NO_LINE_START = new Set('、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ)]},.:;!?');
const NO_LINE_END = new Set('（「『【〔〈《“‘([{');

/**
 * Wraps one paragraph to `width` columns: at spaces for Latin text (after a / in long paths),
 * anywhere between wide characters (Japanese has no spaces) but not before 。 or after 「,
 * before a Latin word that follows Japanese (or before the 「 that opens it), hard-cutting
 * longer words.
 */
export function wrap(raw: string, width: number): string[] {
  const text = expandTabs(raw);
  const max = Math.max(4, width);
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  // Where the line may break: a space (dropped), just after a slash or before a Latin word
  // that follows a wide character (kept).
  let breakAt = -1;
  let dropSpace = false;
  let prevWide = false;
  for (const ch of text) {
    const cw = charWidth(ch);
    const wide = cw === 2;
    if (lineW + cw > max) {
      if (ch === ' ') {
        lines.push(line);
        line = '';
        lineW = 0;
        breakAt = -1;
        prevWide = false;
        continue;
      }
      if (breakAt > 0 && (!wide || (NO_LINE_START.has(ch) && !prevWide))) {
        lines.push(line.slice(0, breakAt));
        line = line.slice(breakAt + (dropSpace ? 1 : 0));
      } else {
        // Wide characters and punctuation move down with the one that may not start a line (two at most).
        const kept = [...line];
        let carried = '';
        while (
          kept.length > 1 &&
          carried.length < 2 &&
          (isWide(kept[kept.length - 1]!.codePointAt(0) ?? 0) || NO_LINE_START.has(kept[kept.length - 1]!) || NO_LINE_END.has(kept[kept.length - 1]!)) &&
          (NO_LINE_START.has(carried === '' ? ch : carried[0]!) || NO_LINE_END.has(kept[kept.length - 1]!))
        ) {
          carried = kept.pop()! + carried;
        }
        lines.push(kept.join(''));
        line = carried;
      }
      lineW = displayWidth(line);
      breakAt = -1;
    }
    if (ch === ' ') {
      breakAt = line.length;
      dropSpace = true;
    } else if (line.length > 0 && (wide || prevWide) && !NO_LINE_START.has(ch) && !NO_LINE_END.has(line[line.length - 1] ?? '')) {
      // Before a wide character, or a Latin word after one; never just after an opening
      // bracket ("「" alone at the end of a row, "IPF(32bit emulation)」" below it).
      breakAt = line.length;
      dropSpace = false;
    }
    line += ch;
    lineW += cw;
    prevWide = wide;
    if (ch === '/' && line.length > 1) {
      breakAt = line.length;
      dropSpace = false;
    }
  }
  lines.push(line);
  return lines;
}

/** Several lines as one row (a step's error detail in a list): the lines joined with " · ". */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' · ');
}

/** The arguments of a shown command, split at spaces outside quotes (POSIX and cmd quoting). */
function commandWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let escaped = false;
  for (const ch of text) {
    if (escaped) escaped = false;
    else if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '\\') escaped = true;
    else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ' ') {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += ch;
  }
  if (word !== '') words.push(word);
  return words;
}

export interface CommandWrap {
  /**
   * The widest a row of one argument may be (the row without its indent): a path wider than the
   * indented row moves left to stay whole rather than be cut.
   */
  full?: number;
  /**
   * Ends every row but the last (" \\" for a POSIX shell, " ^" for cmd.exe): pasted, the rows run
   * as one command instead of the first alone.
   */
  continuation?: string;
}

/**
 * Wraps a shell command (as src/quote.ts shows argv) to `width` columns only between its
 * arguments, at spaces outside quotes: a break inside a path ("/tmp/" then "logs") is a command
 * that no longer works when copied. An option stays with the value after it (--log-dir DIR).
 * An argument wider than the row gets a row of its own, up to `full` columns wide; only one
 * wider than that is cut, into full rows, as the terminal would wrap it.
 */
export function wrapCommand(raw: string, width: number, options: CommandWrap = {}): string[] {
  const text = expandTabs(raw);
  const max = Math.max(4, width);
  const words = commandWords(text);
  if (displayWidth(words.join(' ')) <= max) return [words.join(' ')];
  const tail = options.continuation ? ` ${options.continuation}` : '';
  const room = Math.max(4, max - displayWidth(tail));
  const full = Math.max(room, (options.full ?? max) - displayWidth(tail));
  // Units that break apart only when together they do not fit a row: an option and its value.
  const units: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (/^-/.test(w) && next !== undefined && !/^-/.test(next) && displayWidth(`${w} ${next}`) <= room) {
      units.push(`${w} ${next}`);
      i++;
    } else units.push(w);
  }
  // A piece of a cut argument gets no continuation: inside a word it would split it in two.
  const rows: { text: string; cut?: true }[] = [];
  let line = '';
  for (const u of units) {
    const joined = line === '' ? u : `${line} ${u}`;
    if (displayWidth(joined) <= room) {
      line = joined;
      continue;
    }
    if (line !== '') rows.push({ text: line });
    line = '';
    if (displayWidth(u) <= room) {
      line = u;
      continue;
    }
    if (displayWidth(u) <= full) {
      rows.push({ text: u });
      continue;
    }
    // Too wide for any row: cut into full rows, the rest starts the next.
    let rest = u;
    while (displayWidth(rest) > full + displayWidth(tail)) {
      const piece = headWithin(rest, full + displayWidth(tail));
      rows.push({ text: piece, cut: true });
      rest = rest.slice(piece.length);
    }
    line = rest;
  }
  if (line !== '') rows.push({ text: line });
  return rows.map((r, i) => (i < rows.length - 1 && !r.cut ? `${r.text}${tail}` : r.text));
}

/** What separates the keys of a key help line ("↑↓ move · Space tick"). */
export const KEY_SEPARATOR = ' · ';

/**
 * A key help line in rows of at most `width` columns, broken between keys, never inside one:
 * a key cut off the end of the line is a key the operator does not know about. A single key
 * wider than the screen is the only thing shortened.
 */
export function wrapKeys(keys: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const raw of keys.split(KEY_SEPARATOR)) {
    const key = truncate(raw, width);
    const joined = row === '' ? key : `${row}${KEY_SEPARATOR}${key}`;
    if (row !== '' && displayWidth(joined) > width) {
      rows.push(row);
      row = key;
    } else row = joined;
  }
  rows.push(row);
  return rows;
}

/** Pads to `width` columns with spaces (for aligned columns). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

// CSI, OSC and other escape sequences a child process may print (colours, titles, cursor moves).
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes escape sequences and control characters so child output cannot repaint the screen. */
export function scrub(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

export const MASK = '****';

/** Replaces every occurrence of a secret value with ****; values shorter than 3 are left (too ambiguous). */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 3) out = out.split(s).join(MASK);
  return out;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
