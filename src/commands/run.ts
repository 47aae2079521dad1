// `upgrade-wizard run --product ID ... --yes`: the whole procedure, non-interactively. Every
// refusal (no --yes, missing answers, open blockers) happens before anything is touched.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseOptions } from './args.js';
import type { Plan } from '../model/plan.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import '../i18n/messages/run-help.js';
import { loadDefinitions } from '../plan/load.js';
import { execute } from '../run/executor.js';
import { ensureLogDir, listJournals, type JournalRecord } from '../run/journal.js';
import { journalsOfRoot, otherLogDirs } from '../run/root-log-dirs.js';
import { isFinished, lastRollbackPoint, resumePointOf, sameRoot } from '../run/resumable.js';
import { NonInteractive } from '../run/noninteractive.js';
import { refuseIfAnyCommandRunning } from '../run/live-command.js';
import { rollbackMismatch } from '../run/rollback.js';
import { placeArgs, resumeCommand, rollbackCommand, selfCommand } from '../run/summary.js';
import { preparePlan } from './plan.js';
import { printHelp, rootAndLogDir, runToSummary, say, withRunLock } from './run-frame.js';
import { saveAnswers } from '../export/save-answers.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  product: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] as string[] },
  answers: { type: 'string' },
  yes: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  root: { type: 'string' },
  media: { type: 'string' },
  'log-dir': { type: 'string' },
  'new-run': { type: 'boolean', default: false },
  'save-answers': { type: 'string' },
} as const;

/** The interactive wizard on the same answers and places: it asks at each step where run needs --yes. */
function wizardCommand(o: { product: string; set: string[]; answers?: string; root?: string; media?: string; 'log-dir'?: string }): string {
  const opt = (name: string, value: string | undefined): string[] => (value === undefined ? [] : [name, value]);
  const sets = o.set.flatMap((s) => ['--set', s]);
  return selfCommand(['--product', o.product, ...sets, ...opt('--answers', o.answers), ...opt('--root', o.root), ...opt('--media', o.media), ...opt('--log-dir', o['log-dir'])]);
}

/**
 * Starting again over a run that stopped half-way would redo steps (and their restore points)
 * blindly: the newest unfinished run of the product and root among records (of this log dir,
 * then of the others of the root), continued in its own log dir.
 */
function refuseIfUnfinished(plan: Plan, records: readonly JournalRecord[], root: string): void {
  const open = records.find((r) => !isFinished(r) && r.plan.product === plan.product && sameRoot(r.plan.root, root));
  if (!open) return;
  const place = { root, logDir: dirname(open.file) };
  // A run whose rollback did not finish cannot be resumed: the command that finishes the rollback.
  const rolling = lastRollbackPoint(open);
  if (rolling !== undefined) {
    // rollback --yes refuses a point other than the one in force: then only at a terminal.
    const command = rollbackCommand(rollbackMismatch(open, rolling) ? { ...place, unattended: false } : place, rolling, open.plan);
    throw new InputError(t('run.cmd.unfinishedRollback', { product: plan.product, runId: open.runId, point: rolling, command }));
  }
  const next = open.plan.steps[resumePointOf(open).next]?.id ?? '-';
  // A product without restore points (JobCenter) has nothing the wizard can roll back to.
  if (open.plan.restorePoints.length === 0) throw new InputError(t('run.cmd.unfinishedNoRollback', { product: plan.product, runId: open.runId, step: next, command: resumeCommand(place) }));
  throw new InputError(t('run.cmd.unfinished', { product: plan.product, runId: open.runId, step: next, command: resumeCommand(place), rollback: selfCommand(['rollback', ...placeArgs(place)]) }));
}

export function printPlanHeader(plan: Plan, say: (s: string) => void): void {
  say(t('run.cmd.header', { product: plan.product, steps: plan.steps.length, root: plan.root || '/', media: plan.media ?? '-' }));
  // What was checked and found sound (verified packages, an order rule met) is evidence too.
  for (const c of plan.checked ?? []) say(`  ${t('run.cmd.checked', { checked: c })}`);
  for (const w of plan.warnings) say(`  ${t('run.cmd.warning', { warning: w })}`);
}

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('run', args, spec);
  if (o.help) return printHelp('run.help.run');
  if (!o.product) throw new InputError(t('run.args.noProduct', { known: loadDefinitions().map((d) => d.id).join(', ') }));
  if (!o.yes && !o['dry-run']) throw new InputError(t('run.args.needYes', { command: wizardCommand({ ...o, product: o.product }) }));
  const { root, logDir } = rootAndLogDir(o);
  // The same answers as `plan` sees (defaults, detections, --answers, --set): what was reviewed runs.
  const { def, facts, plan, secrets } = await preparePlan({ product: o.product, sets: o.set, answersFile: o.answers, root: o.root, media: o.media, logDir });
  if (o['save-answers'] !== undefined) saveAnswers(o['save-answers'], def, plan.answers, facts);
  printPlanHeader(plan, say);
  const blockers = plan.blockers.map((b) => `  - ${b.message}\n    ${t('run.cmd.fix', { fix: b.fix })}`);

  const ui = new NonInteractive();
  if (o['dry-run']) {
    say(t('run.cmd.dryRunHeader'));
    await execute(plan, ui, { logDir, root, dryRun: true, confirmedBy: '--yes' });
    for (const rp of plan.restorePoints) say(t('run.cmd.restorePoint', { id: rp.id, title: rp.title }));
    if (blockers.length > 0) {
      say(t('run.cmd.blockers', { list: blockers.join('\n') }));
      return 2;
    }
    say(t('run.sum.dryRun'));
    return 0;
  }
  if (blockers.length > 0) {
    // A half-upgraded server contradicts the answers given for it ("the link points to the new
    // version"): the unfinished run that explains it, and says to resume it, comes first.
    if (!o['new-run']) refuseIfUnfinished(plan, [...(existsSync(logDir) ? await listJournals(logDir) : []), ...(await journalsOfRoot(root, otherLogDirs(root, logDir)))], root);
    throw new InputError(t('run.cmd.blockers', { list: blockers.join('\n') }));
  }
  ensureLogDir(logDir);
  // Before the unfinished-run check: a run started at the same moment is either refused here,
  // naming its process, or its journal is complete when looked at (never "continue it with resume").
  return withRunLock({ root, logDir }, async (lock, others) => {
    // --new-run starts over an unfinished run, never beside a command a killed wizard left
    // running (in any run of the log dir): the same tools would run twice at once.
    const own = await listJournals(logDir);
    refuseIfAnyCommandRunning(own);
    if (!o['new-run']) refuseIfUnfinished(plan, [...own, ...others], root);
    return runToSummary(plan, { root, logDir }, { yes: true, lock }, (options) => execute(plan, ui, { ...options, secrets }));
  });
}
