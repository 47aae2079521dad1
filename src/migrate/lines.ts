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

export function splitLines(latin1: string): SplitText {
  const bom = latin1.startsWith(BOM) ? BOM : '';
  const body = latin1.slice(bom.length);
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

/** The ending most lines use, so inserted lines look like their neighbours. */
export function dominantEol(lines: readonly Line[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const line of lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
