// `upgrade-wizard migrate-config`: the I/O around the pure migrators of src/migrate. Everything
// is read and checked first; only then, with --apply, are files replaced (atomically, with a
// backup). Start-up stays light: execa and pg are imported only when their options are used.

import { readFile, realpath } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, basename, dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/migrate.js';
import { checkReplaceable, GroupNotKeptError, writeFileAtomic } from '../io/atomic-write.js';
import { isBackupName, readableStamp } from '../io/backup-name.js';
import { decodeForDiff, decodeForDisplay, detectEncoding, type TextEncoding } from '../io/encoding.js';
import { FileAccessError } from '../io/file-error.js';
import { LinkLeavesRootError, OutsideRootError, requireRealUnderRoot, resolveUnderRoot } from '../io/paths.js';
import { listFiles, readFileBytes, readFilesIn, requireDirectory } from '../io/read-file.js';
import { findOnPath } from '../io/which.js';
import { visudoCheck, visudoCheckContent } from '../io/visudo.js';
import { uidFromArchiveName } from '../migrate/custom.js';
import { readDbConf, type DbParams } from '../migrate/db-conf.js';
import { unifiedDiff, wantColour } from '../migrate/diff.js';
import { splitLines } from '../migrate/lines.js';
import { parseMigrateOptions, type MigrateOptions } from '../migrate/options.js';
import { findingMessage, jsonDocument, renderText, type FileChange, type Outcome } from '../migrate/report.js';
import { formatSharetaskDb, maskSharetaskDb } from '../migrate/sharetask-db.js';
import { compareShipped, type ConfFile } from '../migrate/shipped.js';
import { appendSudoers, planSudoers } from '../migrate/sudoers.js';
import { migrateSystemConf, wantedParams } from '../migrate/system-conf.js';
import { errorsOf, finding, type Finding } from '../migrate/types.js';
import { startedAsTerminal, writeErr, writeOut } from '../io/stdio.js';

/** A refusal (exit 2) that carries the lines to add by hand, for --json. */
class Refusal extends InputError {
  constructor(message: string, readonly lines: string[]) {
    super(message);
  }
}

type What = 'root' | 'conf' | 'dbConf' | 'systemConf' | 'shipped' | 'sudoers' | 'customArchive';

/** The group's name from /etc/group, else its number. */
async function groupName(gid: number): Promise<string> {
  const text = await readFile('/etc/group', 'utf8').catch(() => '');
  const line = text.split('\n').find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] || String(gid);
}

/** Turns file problems into messages naming the file and what to do. */
async function guard<T>(what: What, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GroupNotKeptError) {
      const user = userInfo().username;
      throw new InputError(t('migrate.file.groupNotKept', { path: error.path, group: await groupName(error.gid), user }));
    }
    if (error instanceof FileAccessError) {
      throw new InputError(t(`migrate.file.${error.problem}`, { path: error.path, what: t(`migrate.what.${what}`) }));
    }
    throw error;
  }
}

function failOn(findings: readonly Finding[]): void {
  const errors = errorsOf(findings).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (errors.length > 0) throw new InputError(errors.map(findingMessage).join('\n'));
}

const latin1 = (buf: Buffer): string => buf.toString('latin1');

/**
 * The findings with the file's own text decoded: the parsers see bytes as latin1, so a value
 * in Shift_JIS or UTF-8 would be quoted as mojibake the operator cannot find in the file.
 */
async function readable(findings: readonly Finding[], encoding: TextEncoding): Promise<Finding[]> {
  const decode = async (v: string | number): Promise<string | number> =>
    typeof v === 'string' && /[\x80-\xff]/.test(v) ? decodeForDisplay(Buffer.from(v, 'latin1'), encoding) : v;
  return Promise.all(
    findings.map(async (f) => ({ ...f, params: Object.fromEntries(await Promise.all(Object.entries(f.params).map(async ([k, v]) => [k, await decode(v)] as const))) })),
  );
}

async function fileChange(path: string, before: Buffer, after: Buffer, encoding: TextEncoding): Promise<FileChange> {
  if (before.equals(after)) return { path, changed: false, diff: '' };
  const diff = unifiedDiff(path, path, await decodeForDiff(before, encoding), await decodeForDiff(after, encoding));
  const labelled = diff
    .replace(/^--- (.*)$/m, `--- $1\t${t('migrate.report.diffOld')}`)
    .replace(/^\+\+\+ (.*)$/m, `+++ $1\t${t('migrate.report.diffNew')}`);
  return { path, changed: true, diff: labelled };
}

interface Pending {
  path: string;
  before: Buffer;
  after: Buffer;
  visudo?: string;
}

async function planSudoersChange(opts: MigrateOptions, path: string, stamp: string, findings: Finding[]) {
  const before = await guard('sudoers', readFileBytes(path));
  const plan = planSudoers(latin1(before), opts.installDir, opts.webUser);
  if (plan.status === 'conflict') {
    throw new InputError(findingMessage(finding('error', 'sudoers.conflict', { found: plan.found }, { file: path, line: plan.line })));
  }
  if (plan.status === 'present') {
    findings.push(finding('info', 'sudoers.present', {}, { file: path }));
    return { pending: undefined, report: { path, status: plan.status, lines: [] as string[] } };
  }
  const visudo = await findOnPath('visudo');
  if (!visudo) {
    const block = plan.missing.map((l) => `    ${l}`).join('\n');
    throw new Refusal(`${t('migrate.sudoers.noVisudo', { path })}\n${block}`, plan.missing);
  }
  const after = Buffer.from(appendSudoers(latin1(before), plan.missing, stamp), 'latin1');
  // In the dry run too, so it does not promise a change that --apply would then refuse.
  // Relative @include paths are resolved against the real file's directory.
  const dir = dirname(await realpath(path).catch(() => path));
  const check = await visudoCheckContent(visudo, after, dir, path);
  if (!check.ok) throw new InputError(await explainRejection(visudo, before, dir, path, check.output));
  findings.push(
    finding('info', 'sudoers.append', { count: plan.missing.length }, { file: path }),
    finding('info', 'sudoers.validated', {}, { file: path }),
  );
  return { pending: { path, before, after, visudo }, report: { path, status: plan.status, lines: plan.missing } };
}

/** Why visudo rejects the candidate: the file was already invalid, the alias is in an included file, or visudo's own words. */
async function explainRejection(visudo: string, before: Buffer, dir: string, path: string, output: string): Promise<string> {
  const original = await visudoCheckContent(visudo, before, dir, path);
  if (!original.ok) return t('migrate.sudoers.alreadyInvalid', { path, output: original.output });
  if (/Alias "SHARETASK" already defined/.test(output)) {
    const defining: string[] = [];
    for (const file of original.parsed.slice(1)) {
      const text = await readFile(file, 'latin1').catch(() => '');
      if (/^[ \t]*Cmnd_Alias[ \t]+SHARETASK[ \t]*=/m.test(text)) defining.push(file);
    }
    return defining.length > 0
      ? t('migrate.sudoers.aliasIncluded', { path, files: defining.join(', ') })
      : t('migrate.sudoers.aliasIncludedSomewhere', { path });
  }
  return t('migrate.sudoers.visudoFailed', { path, output });
}

async function compareWithShipped(dir: string, confDir: string, systemConfAfter: Buffer, handled: Set<string>) {
  await guard('shipped', requireDirectory(dir));
  const decodeAll = async (files: Map<string, Buffer>): Promise<ConfFile[]> =>
    Promise.all([...files].map(async ([name, buf]) => ({ name, text: await decodeForDiff(buf, detectEncoding(buf)) })));
  const ownNames = (await listFiles(confDir)).filter((n) => !isBackupName(n) && !n.endsWith('.tmp'));
  const own = await guard('conf', readFilesIn(confDir, ownNames));
  if (own.has('system.conf')) own.set('system.conf', systemConfAfter);
  const shipped = await guard('shipped', readFilesIn(dir, await guard('shipped', listFiles(dir))));
  const handledKeys = new Map([['system.conf', handled]]);
  return { dir, files: compareShipped(await decodeAll(own), await decodeAll(shipped), handledKeys) };
}

async function verifyDb(opts: MigrateOptions, db: DbParams, dbEncoding: TextEncoding, findings: Finding[]) {
  const { checkPostgres, DEFAULT_SOCKET_DIRS } = await import('../detect/postgres.js');
  const text = async (v: string): Promise<string> => decodeForDisplay(Buffer.from(v, 'latin1'), dbEncoding);
  const envDir = process.env.UPGRADE_WIZARD_PG_SOCKET_DIR;
  const socketDirs = opts.dbSocketDir ? [opts.dbSocketDir] : envDir ? [envDir] : DEFAULT_SOCKET_DIRS;
  const target = {
    dbname: await text(db.dbname),
    host: await text(db.dbhost),
    port: db.dbport,
    user: await text(db.dbuser),
    password: await text(db.dbpass),
    sslmode: db.sslmode,
  };
  const result = await checkPostgres(target, { socketDirs, timeoutMs: 5000 });
  findings.push(
    result.ok
      ? finding('info', 'verify.ok', { dbname: target.dbname, user: target.user, where: result.where, version: result.serverVersion })
      : // A system error (ENOTFOUND, ECONNREFUSED...) means no server answered; SQLSTATEs come from one.
        finding('error', /^E[A-Z]+$/.test(result.code ?? '') || /timeout/i.test(result.error ?? '') ? 'verify.unreachable' : 'verify.failed', { where: result.where, error: result.error }),
  );
  return result;
}

/**
 * The whole migration without printing: also driven by the run executor's migrate-config step.
 * Throws InputError for bad input, conflicts and refusals; exitCode 1 means --verify-db failed.
 */
export async function migrate(opts: MigrateOptions): Promise<{ outcome: Outcome; exitCode: number }> {
  const root = opts.root === undefined ? undefined : resolve(opts.root);
  if (root) await guard('root', requireDirectory(root));
  /** A path used under --root: refused when one of its links leads out of the sandbox. */
  const inRoot = async (full: string): Promise<string> => {
    if (!root) return full;
    try {
      await requireRealUnderRoot(full, root);
    } catch (error) {
      if (!(error instanceof LinkLeavesRootError)) throw error;
      const { path, link, target, meant } = error;
      throw new InputError(
        meant === undefined
          ? t('migrate.path.linkLeavesRootRelative', { path, link, target, root })
          : t('migrate.path.linkLeavesRoot', { path, link, target, root, meant, inside: join(root, meant) }),
      );
    }
    return full;
  };
  const at = async (path: string): Promise<string> => {
    try {
      return await inRoot(resolveUnderRoot(path, root));
    } catch (error) {
      if (!(error instanceof OutsideRootError)) throw error;
      throw new InputError(t('migrate.path.outsideRoot', { path: error.path, root: error.root }));
    }
  };
  const now = new Date();
  const stamp = readableStamp(now);
  const confDir = await at(opts.conf);
  await guard('conf', requireDirectory(confDir));
  const dbPath = await inRoot(join(confDir, 'db.conf'));
  const sysPath = await inRoot(join(confDir, 'system.conf'));
  const dbBytes = await guard('dbConf', readFileBytes(dbPath));
  const sysBytes = await guard('systemConf', readFileBytes(sysPath));
  const dbEncoding = detectEncoding(dbBytes);
  const db = readDbConf(splitLines(latin1(dbBytes)).lines, dbPath);
  const dbFindings = await readable(db.findings, dbEncoding);
  failOn(dbFindings);
  const params = db.params as DbParams;
  const findings: Finding[] = [...dbFindings];
  const sharetaskDb = formatSharetaskDb(params);
  const shownDb = maskSharetaskDb(await decodeForDisplay(Buffer.from(sharetaskDb, 'latin1'), dbEncoding));
  const via = params.dbhost === '' ? t('migrate.via.socket') : t('migrate.via.tcp', { host: params.dbhost });
  findings.push(finding('info', 'sharetaskDbBuilt', { value: shownDb, via }), finding('info', 'dbConfKept', {}, { file: dbPath }));

  let custom = opts.custom;
  if (opts.customArchive !== undefined) {
    const archive = await at(opts.customArchive);
    custom = uidFromArchiveName(basename(archive));
    if (custom === undefined) throw new InputError(t('migrate.customArchiveBad', { name: basename(archive) }));
    await guard('customArchive', readFileBytes(archive).then(() => undefined));
    findings.push(finding('info', 'customFrom', { uid: custom, name: basename(archive) }));
  }

  const sysEncoding = detectEncoding(sysBytes);
  const wanted = wantedParams({ sharetaskDb, custom, userPrefsDir: opts.userPrefsDir });
  const migrated = migrateSystemConf({
    text: latin1(sysBytes),
    file: sysPath,
    wanted,
    force: opts.force,
    stamp,
  });
  const sysFindings = await readable(migrated.findings, sysEncoding);
  failOn(sysFindings);
  findings.push(...sysFindings);
  const sysAfter = migrated.changed ? Buffer.from(migrated.text, 'latin1') : sysBytes;
  const pending: Pending[] = [];
  if (migrated.changed) pending.push({ path: sysPath, before: sysBytes, after: sysAfter });
  const files: FileChange[] = [await fileChange(sysPath, sysBytes, sysAfter, sysEncoding)];

  const outcome: Outcome = { conf: confDir, apply: opts.apply, sharetaskDb: shownDb, webUser: opts.webUser, findings, files, written: [] };
  if (opts.sudoers !== undefined) {
    const s = await planSudoersChange(opts, await at(opts.sudoers), stamp, findings);
    outcome.sudoers = s.report;
    if (s.pending) {
      // sudoers first: if visudo rejects it, nothing at all has been written.
      pending.unshift(s.pending);
      files.push(await fileChange(s.pending.path, s.pending.before, s.pending.after, detectEncoding(s.pending.before)));
    }
  }
  if (opts.shipped !== undefined) outcome.shipped = await compareWithShipped(await at(opts.shipped), confDir, sysAfter, new Set(wanted.map((w) => w.key)));

  if (opts.apply) for (const p of pending) await guard(p.visudo ? 'sudoers' : 'systemConf', checkReplaceable(p.path));
  if (opts.verifyDb) {
    const result = await verifyDb(opts, params, dbEncoding, findings);
    outcome.verifyDb = result;
    if (!result.ok) return { outcome, exitCode: 1 };
  }
  if (opts.apply) {
    for (const p of pending) {
      const validate = p.visudo ? validateWith(p.visudo, p.path) : undefined;
      const what = p.visudo ? 'sudoers' : 'systemConf';
      outcome.written.push(await guard(what, writeFileAtomic(p.path, p.after, { expected: p.before, validate, now })));
    }
  }
  return { outcome, exitCode: 0 };
}

function validateWith(visudo: string, path: string): (temp: string) => Promise<void> {
  return async (temp) => {
    const result = await visudoCheck(visudo, temp, path);
    if (!result.ok) throw new InputError(t('migrate.sudoers.visudoFailed', { path, output: result.output }));
  };
}

export async function run(args: string[]): Promise<number> {
  const opts = parseMigrateOptions(args);
  if (opts.help) {
    writeOut(t('migrate.help'));
    return 0;
  }
  try {
    const { outcome, exitCode } = await migrate(opts);
    if (opts.json) writeOut(`${JSON.stringify(jsonDocument(outcome, exitCode), null, 2)}\n`);
    else writeOut(renderText(outcome, wantColour(startedAsTerminal(1), process.env), exitCode !== 0));
    // At a terminal stdout and stderr are one screen: the report has already shown the failure.
    if (exitCode !== 0 && !(startedAsTerminal(1) && startedAsTerminal(2))) {
      const failed = outcome.findings.filter((f) => f.level === 'error').map(findingMessage);
      writeErr(`${[...failed, t('migrate.verify.nothingWritten')].join('\n')}\n`);
    }
    return exitCode;
  } catch (error) {
    const lines = error instanceof Refusal ? error.lines : undefined;
    if (opts.json && error instanceof InputError) {
      const doc = { command: 'migrate-config', ok: false, exitCode: 2, error: error.message, sudoersLines: lines ?? null };
      writeOut(`${JSON.stringify(doc, null, 2)}\n`);
    }
    throw error;
  }
}
