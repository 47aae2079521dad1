// What migrate-config found and did, as text for a terminal or as one JSON document.
// Everything here is already masked: no field of an Outcome may hold a password.

import { t } from '../i18n/index.js';
import '../i18n/messages/migrate.js';
import { colourDiff } from './diff.js';
import { quoteArgv } from '../quote.js';
import type { FileComparison } from './shipped.js';
import type { Finding } from './types.js';

export interface FileChange {
  path: string;
  changed: boolean;
  /** Unified diff of the masked text, without colour; '' when unchanged. */
  diff: string;
}

export interface Outcome {
  conf: string;
  apply: boolean;
  sharetaskDb: string;
  /** The user httpd runs as (--web-user): the owner of the conf directory after the migration. */
  webUser: string;
  findings: Finding[];
  files: FileChange[];
  written: { path: string; backup: string }[];
  sudoers?: { path: string; status: 'present' | 'append'; lines: string[] };
  shipped?: { dir: string; files: FileComparison[] };
  verifyDb?: { ok: boolean; via: string; where: string; serverVersion?: string; error?: string; code?: string };
}

export function findingMessage(f: Finding): string {
  const message = t(`migrate.${f.code}`, f.params);
  if (f.file === undefined) return message;
  return f.line === undefined
    ? t('migrate.at.file', { file: f.file, message })
    : t('migrate.at.line', { file: f.file, line: f.line, message });
}

function shippedLines(c: FileComparison): string[] {
  if (c.status !== 'compared') return [`  ${c.file}: ${t(`migrate.shipped.${c.status}`)}`];
  const rows = [
    ...c.added.map((kv) => t('migrate.shipped.added', { ...kv })),
    ...c.changed.map((ch) => t('migrate.shipped.changed', { ...ch })),
    ...c.removed.map((kv) => t('migrate.shipped.removed', { ...kv })),
  ];
  if (rows.length === 0) return [`  ${c.file}: ${t('migrate.shipped.same')}`];
  return [`  ${c.file}:`, ...rows.map((r) => `    ${r}`)];
}

/** `failed`: a check failed before writing (--verify-db), so nothing was written. */
export function renderText(o: Outcome, colour: boolean, failed = false): string {
  const out: string[] = [t(o.apply ? 'migrate.report.apply' : 'migrate.report.dryRun', { conf: o.conf }), ''];
  out.push(t('migrate.report.findings'));
  for (const f of o.findings) out.push(`  ${t(`migrate.level.${f.level}`)}: ${findingMessage(f)}`);
  if (o.shipped) {
    out.push('', t('migrate.shipped.heading', { dir: o.shipped.dir }));
    for (const c of o.shipped.files) out.push(...shippedLines(c));
  }
  const changed = o.files.filter((f) => f.changed);
  if (changed.length > 0) {
    out.push('', t('migrate.report.changes'));
    for (const f of changed) out.push((colour ? colourDiff(f.diff) : f.diff).replace(/\n$/, ''));
  }
  out.push('');
  if (failed) return `${[...out, t('migrate.verify.nothingWritten')].join('\n')}\n`;
  for (const w of o.written) out.push(t('migrate.report.written', { path: w.path, backup: w.backup }));
  if (changed.length === 0) out.push(t('migrate.report.nothing'));
  else if (o.apply) out.push(t('migrate.report.wrote', { count: o.written.length }), t('migrate.report.next', { user: o.webUser, conf: quoteArgv([o.conf]) }));
  else out.push(t('migrate.report.wouldWrite', { count: changed.length }));
  return `${out.join('\n')}\n`;
}

/** The --json document. Keys are English; messages are in the chosen language. */
export function jsonDocument(o: Outcome, exitCode: number): Record<string, unknown> {
  const changed = o.files.some((f) => f.changed);
  return {
    command: 'migrate-config',
    ok: exitCode === 0,
    exitCode,
    apply: o.apply,
    conf: o.conf,
    alreadyMigrated: !changed,
    sharetaskDb: o.sharetaskDb,
    findings: o.findings.map((f) => ({ ...f, message: findingMessage(f) })),
    files: o.files,
    written: o.written,
    sudoers: o.sudoers ?? null,
    shipped: o.shipped ?? null,
    verifyDb: o.verifyDb ?? null,
  };
}
