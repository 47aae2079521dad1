// Guessing a config file's encoding, for display only: files are edited as bytes, never
// re-encoded. Old Japanese servers use EUC-JP or Shift_JIS; newer ones UTF-8.

import { isAscii, isUtf8 } from 'node:buffer';

export type TextEncoding = 'ascii' | 'utf-8' | 'euc-jp' | 'shift_jis';

/** Invalid multibyte sequences when read as EUC-JP. */
function eucErrors(buf: Buffer): number {
  let errors = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b < 0x80) continue;
    const trail = (j: number, lo: number, hi: number): boolean => j < buf.length && (buf[j] as number) >= lo && (buf[j] as number) <= hi;
    if (b === 0x8e && trail(i + 1, 0xa1, 0xdf)) i += 1;
    else if (b === 0x8f && trail(i + 1, 0xa1, 0xfe) && trail(i + 2, 0xa1, 0xfe)) i += 2;
    else if (b >= 0xa1 && b <= 0xfe && trail(i + 1, 0xa1, 0xfe)) i += 1;
    else errors++;
  }
  return errors;
}

/** Invalid multibyte sequences when read as Shift_JIS (CP932). */
function sjisErrors(buf: Buffer): number {
  let errors = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) continue;
    const t = buf[i + 1];
    const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
    if (lead && t !== undefined && t >= 0x40 && t <= 0xfc && t !== 0x7f) i += 1;
    else errors++;
  }
  return errors;
}

export function detectEncoding(buf: Buffer): TextEncoding {
  if (isAscii(buf)) return 'ascii';
  if (isUtf8(buf)) return 'utf-8';
  // Ties go to EUC-JP, the usual encoding of Linux servers of that era.
  return sjisErrors(buf) < eucErrors(buf) ? 'shift_jis' : 'euc-jp';
}

/** Text for the screen; a UTF-8 BOM is dropped, undecodable bytes become U+FFFD. */
export async function decodeForDisplay(buf: Buffer, encoding: TextEncoding = detectEncoding(buf)): Promise<string> {
  if (encoding === 'ascii') return buf.toString('latin1');
  if (encoding === 'utf-8') return buf.toString('utf8').replace(/^\uFEFF/, '');
  // Loaded only when needed: most files are ASCII or UTF-8, and start-up time matters.
  const iconv = (await import('iconv-lite')).default;
  return iconv.decode(buf, encoding === 'shift_jis' ? 'cp932' : 'euc-jp');
}

/** Text as a diff shows it: decoded for the screen, '\n' endings (a diff is about content, not line endings). */
export async function decodeForDiff(buf: Buffer, encoding: TextEncoding = detectEncoding(buf)): Promise<string> {
  const text = await decodeForDisplay(buf, encoding);
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}
