// The driver of `run --yes`, `resume --yes` and `rollback --yes`: line-oriented output that
// reads well in a log file, never a prompt. Manual steps print their instructions and count
// as confirmed by --yes; diffs are printed and accepted; a failure stops the run.
import type { DiffReview, FailureChoice, Interaction, ManualAnswer, Progress } from '../model/interaction.js';
import type { PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';

const MB = (n: number): string => (n / 1024 / 1024).toFixed(1);
const indent = (text: string, prefix = '    '): string =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');

export class NonInteractive implements Interaction {
  private lastTenth = new Map<string, number>();

  constructor(private readonly write: (text: string) => void = (s) => process.stdout.write(s)) {}

  protected line(text: string): void {
    this.write(`${text}\n`);
  }

  /** A manual step's heading and instructions; its checklist is the caller's to show. */
  protected showManual(step: PlannedStep): void {
    this.line(`    ${t('run.ni.manual')}`);
    if (step.instructions) this.line(indent(step.instructions, '      '));
  }

  protected showDiff(review: DiffReview): void {
    this.line(`    ${t('run.ni.diff', { file: review.file })}`);
    if (review.diff.trim() !== '') this.line(indent(review.diff, '      '));
    for (const f of review.findings) this.line(`      * ${f}`);
  }

  protected showFailure(error: string, heading = t('run.ni.failed')): void {
    this.line(`    ${heading}`);
    this.line(indent(error, '      '));
  }

  async confirmManual(step: PlannedStep): Promise<ManualAnswer> {
    this.showManual(step);
    for (const item of step.checklist ?? []) this.line(`      [x] ${item}`);
    this.line(`    ${t('run.ni.confirmedByYes')}`);
    // --yes never skips, even an optional step: it confirms as it always has.
    return 'done';
  }

  async reviewDiff(_step: PlannedStep, review: DiffReview): Promise<boolean> {
    this.showDiff(review);
    this.line(`    ${t('run.ni.acceptedByYes')}`);
    return true;
  }

  async onFailure(_step: PlannedStep, error: string, _choices: FailureChoice[]): Promise<FailureChoice> {
    this.showFailure(error);
    return 'stop';
  }

  onStepStart(step: PlannedStep, index: number, total: number): void {
    const section = step.section ? ` (${t('run.ni.section', { section: step.section })})` : '';
    this.line(`[${index + 1}/${total}] ${step.id}: ${step.title}${section}`);
  }

  onOutput(_step: PlannedStep, chunk: string): void {
    this.line(indent(chunk, '    | '));
  }

  onProgress(step: PlannedStep, p: Progress): void {
    if (!p.total) return;
    // Tenths only: a log file wants a few lines, not a progress bar.
    const tenth = Math.floor((p.done / p.total) * 10);
    if ((this.lastTenth.get(step.id) ?? -1) >= tenth) return;
    this.lastTenth.set(step.id, tenth);
    const amount = p.unit === 'bytes' ? `${MB(p.done)} / ${MB(p.total)} MB` : `${p.done} / ${p.total} ${p.unit ?? ''}`.trim();
    this.line(`    .. ${tenth * 10}% (${amount})`);
  }

  onStepEnd(_step: PlannedStep, status: 'done' | 'skipped' | 'failed' | 'declined', detail?: string): void {
    const word = t(`run.ni.status.${status}`);
    this.line(`    ${word}${detail ? `: ${detail.split('\n')[0]}` : ''}`);
  }
}
