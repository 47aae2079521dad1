// The driver of `resume` and `rollback` typed at a terminal without --yes: the lines of
// NonInteractive, but the operator answers each checkpoint (a manual step's checklist, a config
// diff, a failure) instead of --yes answering for them. Ctrl-C at a prompt stops there, and so do
// SIGTERM and SIGHUP (src/run/signals.ts: atPrompt).
import { InputError } from '../errors.js';
import type { DiffReview, FailureChoice, Interaction, ManualAnswer } from '../model/interaction.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/prompts.js';
import { choiceLabel, rollbackConfirmLines } from './choices.js';
import { NonInteractive } from './noninteractive.js';
import { atPrompt } from './signals.js';

type Prompts = typeof import('./prompts.js');

/** A prompt's answer; Ctrl-C, SIGTERM, SIGHUP (or a closed terminal) give `onExit`. */
async function answer<T>(prompt: (context: { signal: AbortSignal }) => Promise<T>, onExit: T): Promise<T> {
  try {
    return await atPrompt((signal) => prompt({ signal }));
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) return onExit;
    throw error;
  }
}

export class LinePrompts extends NonInteractive {
  constructor(
    private readonly prompts: Prompts,
    private readonly plan: Plan,
  ) {
    super();
  }

  override async confirmManual(step: PlannedStep): Promise<ManualAnswer> {
    this.showManual(step);
    const items = step.checklist ?? [];
    // An optional step is asked first whether it is done at all: ticking a backup nobody took
    // was the only way on.
    if (step.skippable) {
      const how = await answer(
        (c) => this.prompts.select<ManualAnswer>({
          message: t('run.tty.optional'),
          choices: [
            { value: 'done', name: t(items.length > 0 ? 'run.tty.optional.tick' : 'run.tty.optional.done') },
            { value: 'skip', name: t('run.tty.optional.skip') },
            { value: 'stop', name: t('run.choice.stop') },
          ],
          theme: { style: { keysHelpTip: () => t('run.tty.keys.select') } },
        }, c),
        'stop',
      );
      if (how !== 'done' || items.length === 0) return how;
    }
    const yes = (ok: boolean): ManualAnswer => (ok ? 'done' : 'stop');
    // The wizard's own action awaiting an OK (delete-files): its one item is the question.
    if (!step.manual && items.length === 1) return yes(await answer((c) => this.prompts.confirm({ message: t('run.tty.doIt', { what: items[0] ?? '' }), default: false }, c), false));
    if (items.length === 0) return yes(await answer((c) => this.prompts.confirm({ message: t('run.tty.done'), default: false }, c), false));
    const ticked = await answer(
      (c) => this.prompts.checkbox({
        message: t('run.tty.tick'),
        choices: items.map((name, value) => ({ name, value })),
        validate: (chosen) => chosen.length === items.length || t('run.tty.tickAll', { done: chosen.length, total: items.length }),
        theme: { style: { keysHelpTip: () => t('run.tty.keys.tick') } },
      }, c),
      undefined,
    );
    return ticked !== undefined ? 'done' : 'stop';
  }

  override async reviewDiff(_step: PlannedStep, review: DiffReview): Promise<boolean> {
    this.showDiff(review);
    const message = review.readOnly ? t('run.tty.read') : t('run.tty.write', { file: review.file });
    return answer((c) => this.prompts.confirm({ message, default: false }, c), false);
  }

  override async onFailure(step: PlannedStep, error: string, choices: FailureChoice[]): Promise<FailureChoice> {
    this.showFailure(error, t(choices.includes('markDone') ? 'run.tty.interrupted' : 'run.tty.failed'));
    for (;;) {
      const choice = await answer(
        (c) => this.prompts.select({
          message: t('run.choice.what'),
          choices: choices.map((value) => ({ value, name: choiceLabel(value, step, this.plan) })),
          theme: { style: { keysHelpTip: () => t('run.tty.keys.select') } },
        }, c),
        'stop' as FailureChoice,
      );
      if (choice !== 'rollback') return choice;
      for (const line of rollbackConfirmLines(step, this.plan)) this.line(line);
      if (await answer((c) => this.prompts.confirm({ message: t('run.choice.rollbackNow'), default: false }, c), false)) return choice;
    }
  }
}

/**
 * Who answers the checkpoints of a resume or a rollback: --yes (NonInteractive), or, when both
 * ends are a terminal, the operator, once they said yes to `question`. A script or a pipe without
 * --yes is refused with `refusal` (which shows the command with --yes).
 */
export async function checkpointDriver(yes: boolean, plan: Plan, question: string, refusal: string): Promise<Interaction> {
  if (yes) return new NonInteractive();
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(refusal);
  const prompts = await import('./prompts.js');
  if (!(await answer((c) => prompts.confirm({ message: question, default: false }, c), false))) throw new InputError(t('run.cmd.nothingDone'));
  return new LinePrompts(prompts, plan);
}
