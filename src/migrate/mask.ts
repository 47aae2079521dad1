// Hides secrets in text that is shown (diffs, reports, JSON). Applied to every displayed line,
// so a password in a context line of a diff is hidden as well as the one we add.

import { SECRET_KEY } from '../secret-key.js';
import { MASK, maskSharetaskDb } from './sharetask-db.js';

// Commented-out settings are masked too: '#SHARETASK_DB = ...' may hold an old password.
const LINE = /^([ \t]*(?:#[ \t]*)*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*)(.*?)([ \t]*)$/;

/** The value as it may be shown for this key. */
export function maskValue(key: string, value: string): string {
  if (key === 'SHARETASK_DB') return maskSharetaskDb(value);
  if (SECRET_KEY.test(key) && value !== '') return MASK;
  return value;
}

export function maskLine(line: string): string {
  const m = LINE.exec(line);
  if (!m) return line;
  const [, head, key, value, tail] = m as unknown as [string, string, string, string, string];
  const masked = maskValue(key, value);
  return masked === value ? line : head + masked + tail;
}

export function maskText(text: string): string {
  return text.split('\n').map(maskLine).join('\n');
}
