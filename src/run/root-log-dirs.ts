// The log dirs that runs on one machine (one --root) have used. A log dir's lock and journals
// keep two wizards from running steps at once, and a new run from starting over an unfinished
// one; a second administrator with another --log-dir saw neither. Each run, resume and rollback
// notes its log dir in the root's register under its own lock, then looks at the others: a
// process at work there, or a command a killed wizard left running, refuses it; `run` and the
// wizard also refuse to start over an unfinished run there. Noting before looking means two
// starting at the same moment cannot both miss each other: the later look sees the other's note.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/journal.js';
import { errnoOf, listJournals, type JournalRecord } from './journal.js';
import { refuseIfAnyCommandRunning } from './live-command.js';
import { refuseIfLocked } from './lock.js';
import { sameRoot } from './resumable.js';

/**
 * The register: lines "ROOT<TAB>LOG DIR". In the root's /var/lib/upgrade-wizard, where every
 * wizard on that machine looks whatever its --log-dir; UPGRADE_WIZARD_STATE_DIR puts it elsewhere.
 */
export function registerFile(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.UPGRADE_WIZARD_STATE_DIR || join(root || '/', 'var/lib/upgrade-wizard');
  return join(dir, 'log-dirs');
}

function entries(file: string): { root: string; logDir: string }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    const [root, logDir] = line.split('\t');
    return root !== undefined && logDir !== undefined && logDir !== '' ? [{ root, logDir }] : [];
  });
}

/** The other log dirs noted for root that are still there, each once. */
export function otherLogDirs(root: string, logDir: string): string[] {
  const mine = resolve(logDir);
  const dirs = entries(registerFile(root))
    .filter((e) => sameRoot(e.root, root) && resolve(e.logDir) !== mine)
    .map((e) => resolve(e.logDir));
  return [...new Set(dirs)].filter((d) => existsSync(d));
}

/** Notes logDir for root, once; a register that cannot be written refuses: later runs would not see this one. */
export function noteLogDir(root: string, logDir: string): void {
  const file = registerFile(root);
  const mine = resolve(logDir);
  if (entries(file).some((e) => sameRoot(e.root, root) && resolve(e.logDir) === mine)) return;
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o755 });
    appendFileSync(file, `${root}\t${mine}\n`, { mode: 0o644 });
  } catch (error) {
    throw new InputError(t('journal.register.unwritable', { file, code: errnoOf(error), dir: mine }));
  }
}

/**
 * Under logDir's lock, before anything is done: notes logDir, and refuses while a process works
 * with another log dir of the root (naming it) or a command of a killed wizard runs there.
 * Returns the other log dirs' journals, for the checks of the command.
 */
export async function enterRoot(root: string, logDir: string): Promise<JournalRecord[]> {
  noteLogDir(root, logDir);
  const dirs = otherLogDirs(root, logDir);
  for (const dir of dirs) refuseIfLocked(dir);
  const records = await journalsOfRoot(root, dirs);
  refuseIfAnyCommandRunning(records);
  return records;
}

/** The journals of root's runs in dirs (otherLogDirs), newest first in each. */
export async function journalsOfRoot(root: string, dirs: readonly string[]): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for (const dir of dirs) records.push(...(await listJournals(dir)).filter((r) => sameRoot(r.plan.root, root)));
  return records;
}
