// The SHARETASK_DB value: $dbname:$dbhost:$dbport:$dbuser:$dbpass:$sslmode (procedure 3.8.1).

import type { DbParams } from './db-conf.js';

export const MASK = '****';
const FIELDS = ['dbname', 'dbhost', 'dbport', 'dbuser', 'dbpass', 'sslmode'] as const;

export function formatSharetaskDb(p: DbParams): string {
  return FIELDS.map((f) => p[f]).join(':');
}

/** The value with its password field masked; a value of the wrong shape is masked whole. */
export function maskSharetaskDb(value: string): string {
  const parts = value.split(':');
  if (parts.length !== FIELDS.length) return value === '' ? '' : MASK;
  if (parts[4] !== '') parts[4] = MASK;
  return parts.join(':');
}

/** Names of the fields that differ, so a conflict hidden by masking is still explained. */
export function differingFields(a: string, b: string): string[] {
  const pa = a.split(':');
  const pb = b.split(':');
  if (pa.length !== FIELDS.length || pb.length !== FIELDS.length) return ['format'];
  return FIELDS.filter((_, i) => pa[i] !== pb[i]);
}
