// db.conf (ShareTask <= 5.4) -> the six fields of SHARETASK_DB (5.5), procedure 3.8.1.

import { parseConf, type LineProblem } from './conf-parse.js';
import type { Line } from './lines.js';
import { finding, type Finding } from './types.js';

export const SSLMODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSLMODES)[number];

/** Values are latin1 strings holding the file's own bytes. */
export interface DbParams {
  dbname: string;
  dbhost: string;
  dbport: string;
  dbuser: string;
  dbpass: string;
  sslmode: SslMode;
}

export const DB_KEYS = ['dbhost', 'dbport', 'dbname', 'dbuser', 'dbpass', 'sslmode'] as const;
type DbKey = (typeof DB_KEYS)[number];

export interface DbConfResult {
  params?: DbParams;
  /** Errors, warnings and notes; errors mean params is undefined. */
  findings: Finding[];
}

const isDbKey = (key: string): key is DbKey => (DB_KEYS as readonly string[]).includes(key);

/** Turns a line problem of any KEY = VALUE file into an error finding. */
export function lineProblemFinding(p: LineProblem, file: string, knownKeys?: readonly string[]): Finding {
  if (p.kind === 'duplicate') {
    return finding('error', 'duplicateKey', { key: p.key, firstLine: p.firstLine }, { file, line: p.line });
  }
  if (p.kind === 'badKey') return finding('error', 'badKey', {}, { file, line: p.line });
  // A stray token might be a password on a line of its own: name it only if it is a known key.
  const named = knownKeys === undefined || knownKeys.includes(p.token.toLowerCase());
  return named && p.token !== ''
    ? finding('error', 'noEquals', { key: p.token }, { file, line: p.line })
    : finding('error', 'noEqualsUnnamed', {}, { file, line: p.line });
}

export function readDbConf(lines: readonly Line[], file: string): DbConfResult {
  const parsed = parseConf(lines, (k) => k.toLowerCase());
  const findings: Finding[] = parsed.problems.map((p) => lineProblemFinding(p, file, DB_KEYS));
  const values: Partial<Record<DbKey, { value: string; line: number }>> = {};
  const withColon = new Set<DbKey>();
  for (const e of parsed.entries) {
    const key = e.key.toLowerCase();
    if (!isDbKey(key)) {
      findings.push(finding('warning', 'unknownDbKey', { key: e.key }, { file, line: e.line }));
      continue;
    }
    values[key] = { value: e.value, line: e.line };
    if (e.value.includes(':')) {
      // Never echo the value: it may be the password.
      withColon.add(key);
      findings.push(finding('error', 'colonInValue', { key }, { file, line: e.line }));
    }
  }
  for (const key of ['dbname', 'dbuser'] as const) {
    if (!values[key]) findings.push(finding('error', 'missingKey', { key }, { file }));
    else if (values[key].value === '') {
      findings.push(finding('error', 'emptyKey', { key }, { file, line: values[key].line }));
    }
  }
  const port = values.dbport;
  if (port && port.value !== '' && !withColon.has('dbport') && !validPort(port.value)) {
    findings.push(finding('error', 'badPort', { value: port.value }, { file, line: port.line }));
  }
  const ssl = values.sslmode;
  const sslValue = ssl?.value ?? '';
  if (sslValue !== '' && !withColon.has('sslmode') && !(SSLMODES as readonly string[]).includes(sslValue)) {
    findings.push(
      finding('error', 'badSslmode', { value: sslValue, allowed: SSLMODES.join(', ') }, { file, line: ssl?.line }),
    );
  }
  if (findings.some((f) => f.level === 'error')) return { findings };
  if (sslValue === '') findings.push(finding('info', 'sslmodeAssumed', {}, { file }));
  const get = (key: DbKey): string => values[key]?.value ?? '';
  return {
    findings,
    params: {
      dbname: get('dbname'),
      dbhost: get('dbhost'),
      dbport: get('dbport'),
      dbuser: get('dbuser'),
      dbpass: get('dbpass'),
      sslmode: (sslValue === '' ? 'prefer' : sslValue) as SslMode,
    },
  };
}

function validPort(value: string): boolean {
  if (!/^[0-9]{1,5}$/.test(value)) return false;
  const n = Number(value);
  return n >= 1 && n <= 65535;
}
