// Backup names: NAME.bak-YYYYMMDDHHMMSS (local time), beside the original.

import { basename, dirname, join } from 'node:path';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** YYYYMMDDHHMMSS in local time. */
export function compactStamp(date: Date): string {
  return (
    pad(date.getFullYear(), 4) +
    pad(date.getMonth() + 1) +
    pad(date.getDate()) +
    pad(date.getHours()) +
    pad(date.getMinutes()) +
    pad(date.getSeconds())
  );
}

/** "YYYY-MM-DD HH:MM:SS" in local time, for comments written into files. */
export function readableStamp(date: Date): string {
  const s = compactStamp(date);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;
}

/** A time the journal or the lock keeps (UTC, ISO) as the operator reads it: local; as kept if it is not a time. */
export function readableTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : readableStamp(new Date(iso));
}

/**
 * The n-th candidate backup path: n = 0 gives NAME.bak-STAMP, later ones NAME.bak-STAMP-2, -3...
 * for a second backup within the same second (an earlier backup is never overwritten).
 */
export function backupPath(file: string, date: Date, n = 0): string {
  const suffix = n === 0 ? '' : `-${n + 1}`;
  return join(dirname(file), `${basename(file)}.bak-${compactStamp(date)}${suffix}`);
}

/** True for names this module produces, so directory listings can leave backups out. */
export function isBackupName(name: string): boolean {
  return /\.bak-[0-9]{14}(-[0-9]+)?$/.test(name);
}
