// migrate-config: the ShareTask 5.4 -> 5.5 configuration migration of helper module
// src/migrate, driven exactly like `upgrade-wizard migrate-config` (same options, same checks):
// first computed without writing, the diff shown for review, then written atomically with the
// originals kept as NAME.bak-STAMP. The database password is masked everywhere.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import type { PlannedStep } from '../../model/plan.js';
import { readDbConf } from '../../migrate/db-conf.js';
import { splitLines } from '../../migrate/lines.js';
import { parseMigrateOptions, type MigrateOptions } from '../../migrate/options.js';
import { findingMessage, type Outcome } from '../../migrate/report.js';
import { now, record, StepFailure, type StepContext, type StepHandler } from '../context.js';
import { str } from '../params.js';
import { quoteArgv } from '../../quote.js';
import '../../i18n/messages/describe.js';

const MIGRATORS = new Set(['sharetask-db']);

/** The step's options as `migrate-config` arguments: the names are that command's options. */
export function migrateArgs(step: PlannedStep): string[] {
  const migrator = str(step, 'migrator');
  if (!MIGRATORS.has(migrator)) throw new StepFailure(t('run.migrate.unknown', { migrator, known: [...MIGRATORS].join(', ') }));
  const options = (step.params.options ?? {}) as Record<string, unknown>;
  const args: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    // user_prefs_dir, userPrefsDir and user-prefs-dir all name --user-prefs-dir.
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/_/g, '-')}`;
    if (value === true || value === 'true') args.push(flag);
    else if (value === false || value === 'false' || value === undefined) continue;
    else if (typeof value === 'string') args.push(flag, value);
    else throw new StepFailure(t('run.param.bad', { step: step.id, key: `options.${key}`, want: 'string' }));
  }
  return args;
}

async function migrateWith(opts: MigrateOptions): Promise<Outcome> {
  // The command module holds the I/O shell of the migrator; loaded when a step needs it.
  const { migrate } = await import('../../commands/migrate-config.js');
  try {
    return (await migrate(opts)).outcome;
  } catch (error) {
    if (error instanceof InputError) throw new StepFailure(error.message);
    throw error;
  }
}

async function options(step: PlannedStep, ctx: StepContext): Promise<MigrateOptions> {
  let opts: MigrateOptions;
  try {
    opts = parseMigrateOptions(migrateArgs(step));
  } catch (error) {
    if (error instanceof InputError) throw new StepFailure(t('run.migrate.badOptions', { step: step.id, error: error.message }));
    throw error;
  }
  // Known before anything is shown: the password is then masked even where no rule sees it.
  const db = await readFile(join(opts.conf, 'db.conf')).catch(() => undefined);
  if (db) ctx.redact.addSecret(readDbConf(splitLines(db.toString('latin1')).lines, 'db.conf').params?.dbpass);
  return { ...opts, root: undefined, json: false, verifyDb: false };
}

export const migrateConfig: StepHandler = {
  async run(step, ctx) {
    const opts = await options(step, ctx);
    const preview = await migrateWith({ ...opts, apply: false });
    const findings = preview.findings.map(findingMessage);
    const changed = preview.files.filter((f) => f.changed);
    if (changed.length === 0) {
      return { status: 'done', detail: t('run.migrate.nothing', { conf: opts.conf }) };
    }
    for (const [i, f] of changed.entries()) {
      const ok = await ctx.interaction.reviewDiff(step, { file: f.path, diff: ctx.redact.text(f.diff), findings: i === 0 ? findings.map((x) => ctx.redact.text(x)) : [] });
      if (!ok) return { status: 'skipped', stopRun: 'declined', detail: t('run.migrate.declined', { file: f.path }) };
      record(ctx, { type: 'confirm', time: now(), step: step.id, by: ctx.confirmedBy, item: t('run.migrate.reviewed', { file: f.path }) });
    }
    const applied = await migrateWith({ ...opts, apply: true });
    for (const w of applied.written) record(ctx, { type: 'written', time: now(), step: step.id, file: w.path, backup: w.backup });
    const detail = t('run.migrate.done', { files: applied.written.map((w) => `${w.path} (${w.backup})`).join(', ') });
    return { status: 'done', detail };
  },
  async isDone(step, ctx) {
    try {
      const preview = await migrateWith({ ...(await options(step, ctx)), apply: false });
      return preview.files.every((f) => !f.changed);
    } catch {
      return false;
    }
  },
  describe(step) {
    // Run by hand, --apply writes at once: the dry run that shows the diff comes first.
    const argv = ['upgrade-wizard', 'migrate-config', ...migrateArgs(step)];
    return [`${quoteArgv(argv)}   ${t('describe.migrateDryRun')}`, `${quoteArgv([...argv, '--apply'])}   ${t('describe.migrateApply')}`];
  },
};
