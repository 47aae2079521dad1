// The Markdown report of a run, for the change-management record: what was done, what was
// confirmed by hand and when, where the backups are, how to roll back, every command with its
// exit code. Built from the journal alone, so a resumed run gets one report of the whole run.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { FailureError } from '../errors.js';
import type { JournalEvent } from '../model/journal.js';
import type { PlannedStep } from '../model/plan.js';
import { t, type Lang } from '../i18n/index.js';
import '../i18n/messages/report.js';
// The status words and the resume without a reboot (run.report.state.*, run.resume.withoutReboot*).
import '../i18n/messages/run.js';
import { lastStepEnds, type JournalRecord, type RunFiles } from './journal.js';
import { unendedCommands } from './live-command.js';
import type { Redactor } from './redact.js';
import { whoConfirmed } from './context.js';
import { shownArgv } from '../quote.js';
import { rollbackCommand, runPlace, selfCommand, placeArgs } from './summary.js';
import { randomHex } from '../io/crypto.js';

type Ev<K extends JournalEvent['type']> = Extract<JournalEvent, { type: K }>;

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const of = <K extends JournalEvent['type']>(events: JournalEvent[], type: K): Ev<K>[] => events.filter((e): e is Ev<K> => e.type === type);

/** How the report and the log say that a resume went on without the reboot its run stopped for. */
export function withoutRebootText(step: string, number: number, title: string, by: 'operator' | '--yes', lang?: Lang): string {
  return t(by === '--yes' ? 'run.resume.withoutRebootYes' : 'run.resume.withoutReboot', { step, number, title }, lang);
}

export function renderReport(record: JournalRecord, files: RunFiles): string {
  const { plan, events, runId } = record;
  const lang = plan.lang;
  const tr = (key: string, params: Record<string, string | number> = {}): string => t(key, params, lang);
  const titles = new Map<string, PlannedStep>(plan.steps.map((s) => [s.id, s]));
  for (const rp of plan.restorePoints) for (const s of rp.rollback) titles.set(`${rp.id}/${s.id}`, s);
  const title = (id: string): string => titles.get(id)?.title ?? id;
  // In the report's language like the rest of it: a Japanese report says 完了, not done.
  const state = (status: 'done' | 'skipped' | 'failed' | 'stopped' | 'rolled-back' | 'start'): string => tr(`run.report.state.${status}`);
  const start = events[0]?.time ?? '';
  const ends = of(events, 'run-end');
  const end = ends[ends.length - 1];
  // Without --yes: at a terminal rollback asks at each step; unattended it refuses and says how.
  const place = runPlace(record, plan.root, dirname(files.journal), false);
  const out: string[] = [];

  out.push(`# ${tr('run.report.title', { product: plan.product, runId })}`, '');
  out.push(`- ${tr('run.report.status')}: **${end ? state(end.status) : tr('run.report.unfinished')}**`);
  out.push(`- ${tr('run.report.started')}: ${start}`, `- ${tr('run.report.ended')}: ${end?.time ?? '-'}`);
  out.push(`- ${tr('run.report.root')}: ${plan.root || '/'}`, ...(plan.media ? [`- ${tr('run.report.media')}: ${plan.media}`] : []));
  out.push(`- ${tr('run.report.journal')}: ${files.journal}`, `- ${tr('run.report.log')}: ${files.log}`, '');
  // Only once this part is done: before that, the next node must wait.
  if (end?.status === 'done' && plan.next !== undefined) out.push(`## ${tr('run.report.next')}`, '', ...plan.next.map((n) => `- ${cell(n)}`), '');

  out.push(`## ${tr('run.report.answers')}`, '', `| ${tr('run.report.question')} | ${tr('run.report.answer')} |`, '|---|---|');
  for (const [k, v] of Object.entries(plan.answers)) out.push(`| ${cell(k)} | ${cell(Array.isArray(v) ? v.join(', ') : v)} |`);
  out.push('');
  // What the plan said before it ran (e.g. which earlier run allowed this one): part of the record.
  const notes = [...(plan.checked ?? []), ...plan.warnings];
  if (notes.length > 0) out.push(`## ${tr('run.report.warnings')}`, '', ...notes.map((w) => `- ${cell(w)}`), '');

  out.push(`## ${tr('run.report.steps')}`, '', `| # | ${tr('run.report.step')} | ${tr('run.report.status')} | ${tr('run.report.time')} | ${tr('run.report.detail')} |`, '|---|---|---|---|---|');
  const lastEnd = lastStepEnds(events);
  const open = unendedSteps(events);
  plan.steps.forEach((s, i) => {
    // Begun after its last end (or never ended): the process was killed or crashed in it, and
    // the step may have done part of its work: not "not run", nor its earlier end.
    const started = open.get(s.id);
    if (started) {
      out.push(`| ${i + 1} | ${cell(`${s.title} (${s.id})`)} | ${tr('run.report.notFinished')} | | ${cell(tr('run.report.notFinishedDetail', { time: started.time }))} |`);
      return;
    }
    const e = lastEnd.get(s.id);
    const stop = e ? operatorStop(events, e) : undefined;
    // A stop the operator chose is journaled as failed (resume relies on it), read as what it was.
    const status = stop ? tr(`run.report.${stop}`) : e && awaitsReboot(events, s, e) ? tr('run.report.awaitingReboot') : e ? state(e.status) : tr('run.report.notRun');
    out.push(`| ${i + 1} | ${cell(`${s.title} (${s.id})`)} | ${status} | ${e?.time ?? ''} | ${cell(e?.detail ?? '')} |`);
  });
  out.push('');

  const confirms = of(events, 'confirm');
  out.push(`## ${tr('run.report.confirmed')}`, '');
  if (confirms.length === 0) out.push(tr('run.report.noneConfirmed'));
  for (const c of confirms) {
    const what = c.item ? cell(c.item) : tr('run.report.stepConfirmed');
    out.push(`- ${c.time} — ${cell(title(c.step))}: ${what} (${tr('run.report.by', { by: whoConfirmed(c.by, lang) })})${c.reason ? ` — ${cell(c.reason)}` : ''}`);
  }
  out.push('');

  const written = of(events, 'written');
  const backups = written.filter((w) => titles.get(w.step)?.kind === 'backup');
  out.push(`## ${tr('run.report.backups')}`, '');
  if (backups.length === 0 && !written.some((w) => w.backup)) out.push(tr('run.report.noBackups'));
  for (const b of backups) out.push(`- ${b.file} (${cell(title(b.step))})`);
  for (const w of written.filter((x) => x.backup)) out.push(`- ${tr('run.report.keptAs', { file: w.file, backup: w.backup ?? '' })}`);
  out.push('');

  out.push(`## ${tr('run.report.restorePoints')}`, '');
  if (plan.restorePoints.length === 0) out.push(tr('run.report.noRestorePoints'), '');
  for (const rp of plan.restorePoints) {
    // A rollback only for a run stopped before its end is no way back from a finished one.
    const how = end?.status === 'done' && rp.beforeEnd ? [tr('run.report.beforeEndOnly'), ''] : ['```', rollbackCommand(place, rp.id), '```', ''];
    out.push(`### ${rp.title} (\`${rp.id}\`)`, '', rp.explain, '', ...how);
    rp.rollback.forEach((s, i) => out.push(`${i + 1}. ${s.title}`));
    out.push('');
  }
  const rollbacks = of(events, 'rollback');
  if (rollbacks.length > 0) {
    out.push(`## ${tr('run.report.rollbacks')}`, '');
    events.forEach((r, i) => {
      if (r.type !== 'rollback') return;
      out.push(`- ${r.time} ${r.point}: ${state(r.status)}`);
      // A rollback whose process was killed has a start and no end: said, not left to guess.
      const last = r.status === 'start' ? partEnd(events, i) : undefined;
      if (last !== undefined && !events.slice(i + 1, last + 1).some((x) => x.type === 'rollback' && x.point === r.point && x.status !== 'start')) {
        out.push(`- ${(events[last] as JournalEvent).time} ${r.point}: ${tr('run.report.rollbackNotFinished')}`);
      }
    });
    out.push('');
  }
  // A step as the record names it: its number in the plan (rollback steps have none) and title.
  const stepRef = (id: string): string => {
    const n = plan.steps.findIndex((s) => s.id === id);
    return n >= 0 ? tr('run.report.stepRef', { number: n + 1, title: title(id), id }) : tr('run.report.rollbackStepRef', { title: title(id), id });
  };
  const breaks: string[] = [];
  events.forEach((b, i) => {
    // Before the next process's first record: the one before it ended without a run-end.
    if (startsPart(events, i)) {
      const from = partStart(events, i - 1);
      const before = events.slice(from, i);
      if (!before.some((x) => x.type === 'run-end')) breaks.push(`- ${(events[i - 1] as JournalEvent).time} ${cell(lostEnd(before, b, stepRef, tr))}`);
    }
    if (b.type === 'interrupted') breaks.push(`- ${b.time} ${cell(interruption(events, i, b, stepRef, tr))}`);
    else if (b.type === 'resume' && b.withoutReboot) breaks.push(`- ${b.time} ${cell(withoutRebootText(b.from ?? '-', b.withoutReboot.number, title(b.withoutReboot.step), b.withoutReboot.by, lang))}`);
    else if (b.type === 'resume') breaks.push(`- ${b.time} ${tr('run.report.resumed', { step: b.from ?? '-' })}`);
    else if (b.type === 'run-end' && b.status === 'failed') {
      // The step whose failure ended the run: the last failed end of this process's part of it.
      const failed = sinceLastStart(events, i).reverse().find((e): e is Ev<'step-end'> => e.type === 'step-end' && e.status === 'failed');
      const error = failed?.detail?.split('\n')[0];
      breaks.push(`- ${b.time} ${cell(failed ? tr('run.report.failedAt', { step: stepRef(failed.step), error: error ?? '-' }) : tr('run.report.failedRun'))}`);
    }
  });
  if (breaks.length > 0) out.push(`## ${tr('run.report.interruptions')}`, '', ...breaks, '');
  // Every failed end of a step, not only the last: a step that failed and then passed on a
  // resume shows "done" in the table above, and the failure belongs to the record too. Not a
  // step the operator declined (journaled as failed, nothing of it ran): said just above.
  // Nor one the operator stopped (a second Ctrl-C, a wait cut short): said there too, no failure of the step.
  const failures = events.filter((e): e is Ev<'step-end'> => e.type === 'step-end' && e.status === 'failed' && operatorStop(events, e) === undefined);
  if (failures.length > 0) {
    out.push(`## ${tr('run.report.failedAttempts')}`, '');
    for (const f of failures) out.push(`- ${f.time} ${cell(stepRef(f.step))}: ${cell(f.detail ?? tr('run.report.noDetail'))}`);
    out.push('');
  }

  out.push(`## ${tr('run.report.commands')}`, '', `| ${tr('run.report.step')} | ${tr('run.report.command')} | ${tr('run.report.exit')} | ${tr('run.report.seconds')} |`, '|---|---|---|---|');
  const unended = new Set(unendedCommands(events));
  for (const c of events) {
    if (c.type === 'command') out.push(`| ${cell(c.step)} | \`${cell(shownArgv(c.argv, plan))}\` | ${cell(exitCell(c, tr))} | ${(c.durationMs / 1000).toFixed(1)} |`);
    else if (c.type === 'command-start' && unended.has(c)) out.push(`| ${cell(c.step)} | \`${cell(shownArgv(c.argv, plan))}\` | ${tr('run.report.commandNotFinished')} | - |`);
  }
  out.push('');
  return out.join('\n');
}

/** A command's Exit cell: its code, or in words why it has none (never a bare "?"). */
function exitCell(c: Ev<'command'>, tr: (key: string, params?: Record<string, string | number>) => string): string {
  if (c.exitCode !== null) return String(c.exitCode);
  if (c.signal) return tr('run.report.exitSignal', { signal: c.signal });
  if (c.missing === 'cwd') return tr('run.report.exitNoCwd');
  if (c.missing === 'interpreter') return tr('run.report.exitNoInterpreter');
  if (c.spawnError === 'ENOENT') return tr('run.report.exitNotFound');
  if (c.spawnError) return tr('run.report.exitNotStarted', { reason: c.spawnError });
  // A journal from before the wizard recorded why.
  return tr('run.report.exitUnknown');
}

/**
 * Whether a failed end of a step is the operator's stop: the interruption journaled right after
 * it, for that step (a checkpoint not confirmed, a command killed by the second Ctrl-C or SIGTERM, a wait
 * cut short). A failure the operator then chose to stop at is followed by no interruption.
 */
function operatorStop(events: readonly JournalEvent[], end: Ev<'step-end'>): 'notConfirmed' | 'stoppedByOperator' | undefined {
  if (end.status !== 'failed') return undefined;
  const next = events[events.indexOf(end) + 1];
  if (next?.type !== 'interrupted' || next.step !== end.step) return undefined;
  return next.declined === true ? 'notConfirmed' : 'stoppedByOperator';
}

/**
 * Whether a reboot step's end is only the request: the run stopped there for the restart and
 * no process has gone on since (a resume notes its boot, and says when it went on without it).
 */
function awaitsReboot(events: readonly JournalEvent[], step: PlannedStep, end: Ev<'step-end'>): boolean {
  if (step.kind !== 'reboot' || end.status !== 'done') return false;
  const at = events.indexOf(end);
  const next = events[at + 1];
  return next?.type === 'interrupted' && next.step === end.step && !events.slice(at + 1).some((e) => e.type === 'resume');
}

/** The events of this process's part of the run before events[end]: since its run-start, resume or rollback. */
function sinceLastStart(events: readonly JournalEvent[], end: number): JournalEvent[] {
  let from = end;
  while (from > 0 && !['run-start', 'resume'].includes((events[from - 1] as JournalEvent).type) && !isRollbackStart(events[from - 1] as JournalEvent)) from--;
  return events.slice(from, end);
}

const isRollbackStart = (e: JournalEvent): boolean => e.type === 'rollback' && e.status === 'start';

/**
 * Whether events[i] is the first record of another process (resume, the rollback command): a
 * rollback chosen after a failure starts in the same process, right after the failed step's end.
 */
function startsPart(events: readonly JournalEvent[], i: number): boolean {
  const e = events[i] as JournalEvent;
  if (i === 0 || e.type === 'run-start') return false;
  if (e.type === 'resume') return true;
  const prev = events[i - 1] as JournalEvent;
  return isRollbackStart(e) && !(prev.type === 'step-end' && prev.status === 'failed');
}

/** Index of the first record of the process that wrote events[i]. */
function partStart(events: readonly JournalEvent[], i: number): number {
  let from = i;
  while (from > 0 && !startsPart(events, from) && (events[from] as JournalEvent).type !== 'run-start') from--;
  return from;
}

/** Index of the last record of the process that wrote events[i]. */
function partEnd(events: readonly JournalEvent[], i: number): number {
  let to = i;
  while (to + 1 < events.length && !startsPart(events, to + 1)) to++;
  return to;
}

/** Steps (of the run or a rollback) begun after their last end, or never ended, by id: the step-start. */
function unendedSteps(events: readonly JournalEvent[]): Map<string, Ev<'step-start'>> {
  const open = new Map<string, Ev<'step-start'>>();
  for (const e of events) {
    if (e.type === 'step-start') open.set(e.step, e);
    else if (e.type === 'step-end') open.delete(e.step);
  }
  return open;
}

/**
 * A process that ended without its run-end (kill -9, a crash, the machine going down), told from
 * its records: the step it was in, or the last it finished. A boot id that changed before the
 * next process says the machine restarted meanwhile.
 */
function lostEnd(part: readonly JournalEvent[], next: JournalEvent, stepRef: (id: string) => string, tr: (key: string, params?: Record<string, string | number>) => string): string {
  const open = [...unendedSteps(part).values()].pop();
  const finished = [...part].reverse().find((x): x is Ev<'step-end'> => x.type === 'step-end');
  let boot: string | undefined;
  for (const x of part) if (x.type === 'run-start' || x.type === 'resume') boot = x.boot;
  const nextBoot = next.type === 'resume' ? next.boot : undefined;
  const how = boot && nextBoot && boot !== nextBoot ? 'rebooted' : 'lost';
  if (open) return tr(`run.report.${how}During`, { step: stepRef(open.step) });
  if (finished) return tr(`run.report.${how}After`, { step: stepRef(finished.step) });
  return tr(`run.report.${how}Before`);
}

/** Journaled with Ctrl-C's reason, in either language. */
const byCtrlC = (e: Ev<'interrupted'>): boolean => (['en', 'ja'] as const).some((lang) => t('run.interrupt.reason', {}, lang) === e.reason);
/** A stop between steps: marked so, or (journals before the mark) by Ctrl-C's reason. */
const betweenSteps = (e: Ev<'interrupted'>): boolean => e.between === true || byCtrlC(e);

/**
 * One interruption in words. The stop after the first Ctrl-C is journaled with the step that
 * was NOT started (the next one): the record names the step that had finished before it.
 */
function interruption(events: readonly JournalEvent[], at: number, e: Ev<'interrupted'>, stepRef: (id: string) => string, tr: (key: string, params?: Record<string, string | number>) => string): string {
  const step = e.step;
  if (step === undefined) return e.reason;
  const part = sinceLastStart(events, at);
  // Only the stop the executor marks so is one between steps: any other (a resume that stopped
  // on a half-run step, a killed command) is said in its own words, whatever this part started.
  if (e.declined || !betweenSteps(e)) return `${e.reason} — ${stepRef(step)}`;
  // Between steps for another cause (the terminal or the output went away): that cause, not Ctrl-C.
  if (!byCtrlC(e)) return tr('run.report.stoppedBetween', { reason: e.reason, next: stepRef(step) });
  const finished = part.reverse().find((x): x is Ev<'step-end'> => x.type === 'step-end');
  return finished ? tr('run.report.stoppedAfter', { done: stepRef(finished.step), next: stepRef(step) }) : tr('run.report.stoppedBefore', { next: stepRef(step) });
}

/**
 * The report could not be written (the log dir is full): the run is recorded all the same in
 * its journal, from which the report is written again (`upgrade-wizard report`).
 */
export class ReportWriteError extends FailureError {
  constructor(message: string) {
    super(message);
    this.name = 'ReportWriteError';
  }
}

/** The command that writes a run's report again from its journal. */
export function reportCommand(record: Pick<JournalRecord, 'runId' | 'envPrefix'>, logDir: string): string {
  return `${record.envPrefix ?? ''}${selfCommand(['report', ...placeArgs({ root: '', logDir }), '--run', record.runId])}`;
}

/**
 * Writes the report whole or not at all: a temp file renamed over it, so that a full disk leaves
 * no empty or cut report (an earlier one, of the same run, stays as it was).
 */
export async function writeReport(record: JournalRecord, files: RunFiles, redact: Redactor): Promise<void> {
  const text = Buffer.from(redact.text(renderReport(record, files)));
  const temp = `${files.report}.${randomHex(4)}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      let done = 0;
      while (done < text.length) done += writeSync(fd, text, done, text.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, files.report);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const end = [...record.events].reverse().find((e) => e.type === 'run-end');
    const state = end?.type === 'run-end' ? t(`run.report.state.${end.status}`) : t('run.report.unfinished');
    const dir = dirname(files.report);
    throw new ReportWriteError(
      t(code === 'ENOSPC' || code === 'EDQUOT' ? 'run.report.writeFull' : 'run.report.writeFailed', { report: files.report, code, dir, journal: files.journal, runId: record.runId, state, command: reportCommand(record, dir) }),
    );
  }
}
