// Adds the 5.5 parameters of procedure 3.8 to system.conf. Only lines it adds or rewrites
// change; every other line keeps its bytes and ending.

import { isBlank, isComment, parseConf } from './conf-parse.js';
import { lineProblemFinding } from './db-conf.js';
import { dominantEol, type Line, type SplitText } from './lines.js';
import { maskValue } from './mask.js';
import { differingFields } from './sharetask-db.js';
import { finding, type Finding } from './types.js';

export interface Wanted {
  key: string;
  /** latin1 string of the bytes to write. */
  value: string;
}

export interface SystemConfInput {
  conf: SplitText;
  /** Name used in findings. */
  file: string;
  /** In the order they are written: SHARETASK_DB, SUID_METHOD, CUSTOM, ENABLE_USER_PREFS, USER_PREFS_DIR. */
  wanted: Wanted[];
  force: boolean;
  /** Local date and time for the comment line, e.g. "2024-05-01 10:00:00". */
  stamp: string;
}

export interface SystemConfResult {
  conf: SplitText;
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

export function migrateSystemConf(input: SystemConfInput): SystemConfResult {
  const { file, wanted, stamp } = input;
  // A shallow copy: lines that change are replaced by new objects, the input stays intact.
  const lines = [...input.conf.lines];
  const managed = new Set(wanted.map((w) => w.key));
  const parsed = parseConf(lines);
  const findings: Finding[] = [];
  for (const p of parsed.problems) {
    if (p.kind === 'duplicate' && !managed.has(p.key)) {
      findings.push(finding('warning', 'duplicateKeyIgnored', { key: p.key, firstLine: p.firstLine }, { file, line: p.line }));
    } else {
      findings.push(lineProblemFinding(p, file));
    }
  }
  if (findings.some((f) => f.level === 'error')) return { conf: input.conf, changed: false, findings };

  const eol = dominantEol(lines);
  const toInsert: Wanted[] = [];
  const replacements: { index: number; text: string }[] = [];
  for (const w of wanted) {
    const existing = parsed.entries.find((e) => e.key === w.key);
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
    if (CONFLICTING.has(w.key) && !input.force) {
      const fields = differingFields(existing.value, w.value).join(', ');
      findings.push(finding('error', 'conflict', { ...shown, fields }, at));
      continue;
    }
    findings.push(finding('warning', CONFLICTING.has(w.key) ? 'replacedForced' : 'replaced', shown, at));
    replacements.push({ index: existing.index, text: replaceValue(lines[existing.index] as Line, w.value) });
  }
  if (findings.some((f) => f.level === 'error')) return { conf: input.conf, changed: false, findings };
  if (toInsert.length === 0 && replacements.length === 0) {
    findings.push(finding('info', 'alreadyMigrated', {}, { file }));
    return { conf: input.conf, changed: false, findings };
  }

  const comment = (what: 'Migrated' | 'Changed'): Line => ({
    text: `# ${what} for ShareTask 5.5 by upgrade-wizard migrate-config on ${stamp} (procedure 3.8)`,
    eol,
  });
  // Bottom-up, so earlier indices stay valid; every replaced line sits below the insertion point.
  for (const r of [...replacements].sort((a, b) => b.index - a.index)) {
    lines[r.index] = { ...(lines[r.index] as Line), text: r.text };
    lines.splice(r.index, 0, comment('Changed'));
  }
  if (toInsert.length > 0) {
    const block = toInsert.map((w): Line => ({ text: `${w.key} = ${w.value}`, eol }));
    insertBlock(lines, [comment('Migrated'), ...block], eol);
    findings.push(finding('info', 'added', { keys: toInsert.map((w) => w.key).join(', ') }, { file }));
  }
  return { conf: { bom: input.conf.bom, lines }, changed: true, findings };
}

/** Keeps the line's own spacing around '=' and any trailing blanks; only the value changes. */
function replaceValue(line: Line, value: string): string {
  const m = /^([^=]*=[ \t]*)(.*?)([ \t]*)$/.exec(line.text);
  return m ? `${m[1]}${value}${m[3]}` : line.text;
}

/** After the leading comment block (and the blank line that ends it), as the procedure recommends. */
function insertBlock(lines: Line[], block: Line[], eol: '\n' | '\r\n'): void {
  let header = 0;
  while (header < lines.length && isComment((lines[header] as Line).text)) header++;
  let at = header;
  if (at < lines.length && header > 0 && isBlank((lines[at] as Line).text)) at++;
  const out = [...block];
  if (at > 0 && !isBlank((lines[at - 1] as Line).text)) out.unshift({ text: '', eol });
  if (at < lines.length && !isBlank((lines[at] as Line).text)) out.push({ text: '', eol });
  if (at === lines.length && at > 0) {
    const last = lines[at - 1] as Line;
    if (last.eol === '') {
      // Keep "no final newline": the old last line gets an ending, the new last line loses it.
      lines[at - 1] = { ...last, eol };
      (out[out.length - 1] as Line).eol = '';
    }
  }
  lines.splice(at, 0, ...out);
}
