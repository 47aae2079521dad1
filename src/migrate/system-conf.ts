// Adds the 5.5 parameters of procedure 3.8 to system.conf. Only lines it adds or rewrites
// change; every other byte is kept: the file is edited as one latin1 string at the offsets of
// those lines, so a 20,000-line file costs a few native scans, not an object per line.

import { findEntry, isBlank, isComment, parseConf, plainlyValid } from './conf-parse.js';
import { lineProblemFinding } from './db-conf.js';
import { dominantEol, lineTextAt, nextLineStart, splitBom, splitLines } from './lines.js';
import { maskValue } from './mask.js';
import { differingFields } from './sharetask-db.js';
import { finding, type Finding } from './types.js';

export interface Wanted {
  key: string;
  /** latin1 string of the bytes to write. */
  value: string;
}

export interface SystemConfInput {
  /** The whole file as a latin1 string. */
  text: string;
  /** Name used in findings. */
  file: string;
  /** In the order they are written: SHARETASK_DB, SUID_METHOD, CUSTOM, ENABLE_USER_PREFS, USER_PREFS_DIR. */
  wanted: Wanted[];
  force: boolean;
  /** Local date and time for the comment line, e.g. "2024-05-01 10:00:00". */
  stamp: string;
}

export interface SystemConfResult {
  /** The whole file as it would be written, a latin1 string. */
  text: string;
  changed: boolean;
  findings: Finding[];
}

/** Keys whose differing value is a conflict: they come from a file, not from the command line. */
const CONFLICTING = new Set(['SHARETASK_DB']);

export function wantedParams(o: {
  sharetaskDb: string;
  custom?: string;
  userPrefsDir?: string;
}): Wanted[] {
  const list: Wanted[] = [
    { key: 'SHARETASK_DB', value: o.sharetaskDb },
    { key: 'SUID_METHOD', value: 'sudo' },
  ];
  if (o.custom !== undefined) list.push({ key: 'CUSTOM', value: o.custom });
  if (o.userPrefsDir !== undefined) {
    list.push({ key: 'ENABLE_USER_PREFS', value: '1' }, { key: 'USER_PREFS_DIR', value: o.userPrefsDir });
  }
  return list;
}

/** Text replacing body[start, end). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

export function migrateSystemConf(input: SystemConfInput): SystemConfResult {
  const { text, file, wanted, stamp } = input;
  const unchanged = (findings: Finding[]): SystemConfResult => ({ text, changed: false, findings });
  const { bom, body } = splitBom(text);
  const managed = new Set(wanted.map((w) => w.key));
  const findings: Finding[] = [];
  // The line-by-line parse only where the whole-text check finds something to report.
  const problems = plainlyValid(body) ? [] : parseConf(splitLines(text).lines).problems;
  for (const p of problems) {
    if (p.kind === 'duplicate' && !managed.has(p.key)) {
      findings.push(finding('warning', 'duplicateKeyIgnored', { key: p.key, firstLine: p.firstLine }, { file, line: p.line }));
    } else {
      // No known keys: a stray token in system.conf may be a wrapped password, never echoed.
      findings.push(lineProblemFinding(p, file, []));
    }
  }
  if (findings.some((f) => f.level === 'error')) return unchanged(findings);

  const eol = dominantEol(body);
  const toInsert: Wanted[] = [];
  const edits: Edit[] = [];
  const comment = (what: 'Migrated' | 'Changed'): string =>
    `# ${what} for ShareTask 5.5 by upgrade-wizard migrate-config on ${stamp} (procedure 3.8)`;
  for (const w of wanted) {
    const existing = findEntry(body, w.key);
    if (!existing) {
      toInsert.push(w);
      continue;
    }
    const at = { file, line: existing.line };
    if (existing.value === w.value) {
      findings.push(finding('info', 'alreadySet', { key: w.key }, at));
      continue;
    }
    const shown = { key: w.key, old: maskValue(w.key, existing.value), new: maskValue(w.key, w.value) };
    if (CONFLICTING.has(w.key)) {
      // The masked values may look equal (only the password differs): name the fields.
      const fields = differingFields(existing.value, w.value).join(', ');
      findings.push(finding(input.force ? 'warning' : 'error', input.force ? 'replacedForced' : 'conflict', { ...shown, fields }, at));
      if (!input.force) continue;
    } else {
      findings.push(finding('warning', 'replaced', shown, at));
    }
    const line = body.slice(existing.start, existing.end);
    edits.push({ start: existing.start, end: existing.end, text: `${comment('Changed')}${eol}${replaceValue(line, w.value)}` });
  }
  if (findings.some((f) => f.level === 'error')) return unchanged(findings);
  if (toInsert.length === 0 && edits.length === 0) {
    findings.push(finding('info', 'alreadyMigrated', {}, { file }));
    return unchanged(findings);
  }
  if (toInsert.length > 0) {
    edits.push(insertion(body, [comment('Migrated'), ...toInsert.map((w) => `${w.key} = ${w.value}`)], eol));
    findings.push(finding('info', 'added', { keys: toInsert.map((w) => w.key).join(', ') }, { file }));
  }
  // From the bottom up, so earlier offsets stay valid; the insertion goes before a line replaced at its place.
  let out = body;
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return { text: bom + out, changed: true, findings };
}

/** Keeps the line's own spacing around '=' and any trailing blanks; only the value changes. */
function replaceValue(line: string, value: string): string {
  const m = /^([^=]*=[ \t]*)(.*?)([ \t]*)$/.exec(line);
  return m ? `${m[1]}${value}${m[3]}` : line;
}

// The comment line of a block an earlier run added; its lines run to the next blank line.
const EARLIER_BLOCK = /(?:^|\n)# Migrated for ShareTask 5\.5 by upgrade-wizard migrate-config on [^\n]*\(procedure 3\.8\)\r?(?=\n|$)/g;

/** Where the last block an earlier run added ends (the start of the line after it), or undefined. */
function endOfEarlierBlock(body: string): number | undefined {
  if (!body.includes('# Migrated for ShareTask 5.5 by upgrade-wizard')) return undefined;
  let start: number | undefined;
  for (const m of body.matchAll(EARLIER_BLOCK)) start = body.charCodeAt(m.index) === 10 ? m.index + 1 : m.index;
  if (start === undefined) return undefined;
  let at = nextLineStart(body, start);
  while (at < body.length && !isBlank(lineTextAt(body, at))) at = nextLineStart(body, at);
  return at;
}

/**
 * The new lines after the leading comment block (and the blank line that ends it), as the
 * procedure recommends, with blank lines around them where their neighbours are not blank.
 * After a block an earlier run added, they go right below it, so the migrated lines stay
 * together in the order they were added.
 */
function insertion(body: string, block: string[], eol: '\n' | '\r\n'): Edit {
  const earlier = endOfEarlierBlock(body);
  let at = 0;
  let afterHeader = false;
  let endsHeader = false;
  if (earlier !== undefined) {
    at = earlier;
  } else {
    while (at < body.length && isComment(lineTextAt(body, at))) at = nextLineStart(body, at);
    afterHeader = at > 0;
    endsHeader = afterHeader && at < body.length && isBlank(lineTextAt(body, at));
    if (endsHeader) at = nextLineStart(body, at);
  }
  const lines = [...block];
  if (afterHeader && !endsHeader) lines.unshift('');
  if (at < body.length && !isBlank(lineTextAt(body, at))) lines.push('');
  // Keep "no final newline": the old last line gets an ending, the new last line none.
  if (at === body.length && at > 0 && !body.endsWith('\n')) return { start: at, end: at, text: eol + lines.join(eol) };
  return { start: at, end: at, text: lines.map((l) => l + eol).join('') };
}
