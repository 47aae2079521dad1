// Byte-exact line handling. Files are handled as latin1 strings: one char per byte, so
// any encoding (EUC-JP, Shift_JIS, UTF-8) round-trips unchanged, and ASCII keys stay readable.

export type Eol = '\n' | '\r\n' | '';

export interface Line {
  /** The line's bytes without its ending, as a latin1 string. */
  text: string;
  eol: Eol;
}

export interface SplitText {
  /** '\xEF\xBB\xBF' (a UTF-8 BOM as latin1) or ''. Kept apart so no line carries it. */
  bom: string;
  lines: Line[];
}

const BOM = '\xEF\xBB\xBF';

/** A latin1 text's UTF-8 BOM ('' when it has none) and the rest, its lines. */
export function splitBom(latin1: string): { bom: string; body: string } {
  const bom = latin1.startsWith(BOM) ? BOM : '';
  return { bom, body: latin1.slice(bom.length) };
}

export function splitLines(latin1: string): SplitText {
  const { bom, body } = splitBom(latin1);
  const lines: Line[] = [];
  let start = 0;
  while (start < body.length) {
    const nl = body.indexOf('\n', start);
    if (nl === -1) {
      lines.push({ text: body.slice(start), eol: '' });
      break;
    }
    const crlf = nl > start && body.charCodeAt(nl - 1) === 13;
    lines.push({ text: body.slice(start, crlf ? nl - 1 : nl), eol: crlf ? '\r\n' : '\n' });
    start = nl + 1;
  }
  return { bom, lines };
}

export function joinLines(split: SplitText): string {
  let out = split.bom;
  for (const line of split.lines) out += line.text + line.eol;
  return out;
}

/** The ending most lines of a latin1 text use, so inserted lines look like their neighbours. */
export function dominantEol(latin1: string): '\n' | '\r\n' {
  if (!latin1.includes('\r')) return '\n';
  const crlf = latin1.split('\r\n').length - 1;
  return crlf > latin1.split('\n').length - 1 - crlf ? '\r\n' : '\n';
}

/** Where the line after the one starting at `start` starts (the text's length after the last). */
export function nextLineStart(latin1: string, start: number): number {
  const nl = latin1.indexOf('\n', start);
  return nl === -1 ? latin1.length : nl + 1;
}

/** The text of the line starting at `start`, without its ending, as splitLines has it. */
export function lineTextAt(latin1: string, start: number): string {
  const nl = latin1.indexOf('\n', start);
  if (nl === -1) return latin1.slice(start);
  return latin1.slice(start, nl > start && latin1.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
}

/** 1-based number of the line holding offset `at`. */
export function lineNumberAt(latin1: string, at: number): number {
  let line = 1;
  for (let nl = latin1.indexOf('\n'); nl !== -1 && nl < at; nl = latin1.indexOf('\n', nl + 1)) line++;
  return line;
}
