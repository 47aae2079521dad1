// The SHARETASK sudoers block of procedure 3.8.3 and the check whether an equivalent block is
// already in a sudoers file. Equivalence is by meaning (spacing, order of the commands, line
// continuations), not by bytes.

import { dominantEol, splitLines, type Line } from './lines.js';

export const DEFAULT_INSTALL_DIR = '/home/sharetask/sharetask_server';
/** The seed's web server user; a server whose httpd runs as another user names it with --web-user. */
export const DEFAULT_WEB_USER = 'apache';
const BINARIES = ['auth_pam', 'make_user_subdir', 'delete_user_file', 'chown_template', 'explorer'];

export function sharetaskCommands(installDir: string): string[] {
  return BINARIES.map((b) => `${installDir}/cgi-common/bin/${b}`);
}

/** The lines of the block, in the order the procedure gives them (Cmnd_Alias is one line). */
export function sharetaskSudoersLines(installDir: string, webUser = DEFAULT_WEB_USER): string[] {
  return [
    `Defaults:${webUser} !requiretty`,
    `Defaults:${webUser} !env_reset`,
    `Cmnd_Alias SHARETASK = ${sharetaskCommands(installDir).join(', ')}`,
    `${webUser} ALL=(ALL) NOPASSWD: SHARETASK`,
  ];
}

/** A user name that can stand in a sudoers line as it is (no quoting, no sudoers syntax). */
export function isSafeUserName(name: string): boolean {
  return /^[a-z_][a-z0-9_-]{0,31}$/i.test(name);
}

/** An install dir that can stand in a sudoers command list without quoting. */
export function isSafeInstallDir(dir: string): boolean {
  return /^\/[A-Za-z0-9_./+-]*$/.test(dir) && !dir.split('/').includes('..');
}

export type SudoersPlan =
  | { status: 'present' }
  | { status: 'append'; missing: string[] }
  | { status: 'conflict'; line: number; found: string };

interface Logical {
  text: string;
  line: number;
}

/** Joins backslash continuations, drops comments (but not #include) and squeezes spaces. */
function logicalLines(lines: readonly Line[]): Logical[] {
  const out: Logical[] = [];
  let buf = '';
  let start = 0;
  lines.forEach((l, i) => {
    if (buf === '') start = i + 1;
    const cont = /\\[ \t]*$/.test(l.text);
    buf += (cont ? l.text.replace(/\\[ \t]*$/, '') : l.text) + ' ';
    if (cont) return;
    const text = buf.replace(/[ \t]+/g, ' ').trim();
    buf = '';
    if (text === '' || (text.startsWith('#') && !/^#include/.test(text))) return;
    out.push({ text, line: start });
  });
  return out;
}

function defaultsHas(logical: Logical[], webUser: string, flag: string): boolean {
  return logical.some((l) => {
    const m = new RegExp(`^Defaults:${webUser} (.*)$`).exec(l.text);
    return m !== null && (m[1] as string).split(',').some((f) => f.trim() === flag);
  });
}

/** webUser must pass isSafeUserName: it is used inside a regular expression. */
export function planSudoers(latin1: string, installDir: string, webUser = DEFAULT_WEB_USER): SudoersPlan {
  const logical = logicalLines(splitLines(latin1).lines);
  const [requiretty, envReset, alias, spec] = sharetaskSudoersLines(installDir, webUser) as [string, string, string, string];
  const missing: string[] = [];
  if (!defaultsHas(logical, webUser, '!requiretty')) missing.push(requiretty);
  if (!defaultsHas(logical, webUser, '!env_reset')) missing.push(envReset);
  const aliasLine = logical.find((l) => /^Cmnd_Alias SHARETASK ?=/.test(l.text));
  if (aliasLine) {
    const listed = aliasLine.text.replace(/^Cmnd_Alias SHARETASK ?= ?/, '').split(',').map((c) => c.trim()).sort();
    const expected = sharetaskCommands(installDir).sort();
    if (listed.join('\n') !== expected.join('\n')) {
      return { status: 'conflict', line: aliasLine.line, found: aliasLine.text };
    }
  } else {
    missing.push(alias);
  }
  const specRe = new RegExp(`^${webUser} ALL ?= ?\\(ALL( ?: ?ALL)?\\) ?NOPASSWD ?: ?SHARETASK$`);
  if (!logical.some((l) => specRe.test(l.text))) missing.push(spec);
  return missing.length === 0 ? { status: 'present' } : { status: 'append', missing };
}

/** The file with the missing lines appended under a comment, in the file's own line ending. */
export function appendSudoers(latin1: string, missing: readonly string[], stamp: string): string {
  const eol = dominantEol(latin1);
  let out = latin1;
  if (latin1 !== '' && !latin1.endsWith('\n')) out += eol;
  out += `${eol}# ShareTask 5.5 (procedure 3.8.3), added by upgrade-wizard migrate-config on ${stamp}${eol}`;
  for (const line of missing) out += line + eol;
  return out;
}
