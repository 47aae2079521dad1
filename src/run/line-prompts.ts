// The driver of `resume` and `rollback` typed at a terminal without --yes: the lines of
// NonInteractive, but the operator answers each checkpoint (a manual step's checklist, a config
// diff, a failure) instead of --yes answering for them. Ctrl-C at a prompt stops there.
import type { DiffReview, FailureChoice } from '../model/interaction.js';
import type { Plan, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { choiceLabel } from './choices.js';
import { NonInteractive } from './noninteractive.js';

type Prompts = typeof import('./prompts.js');

/** The prompts, when both ends are a terminal; a script or a pipe gets none (it needs --yes). */
export async function terminalPrompts(): Promise<Prompts | undefined> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return import('./prompts.js');
}

/** A prompt's answer; Ctrl-C (or a closed terminal) gives `onExit`. */
export async function answer<T>(prompt: Promise<T>, onExit: T): Promise<T> {
  try {
    return await prompt;
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

  override async confirmManual(step: PlannedStep): Promise<boolean> {
    this.showManual(step);
    const items = step.checklist ?? [];
    if (items.length === 0) return answer(this.prompts.confirm({ message: t('run.tty.done'), default: false }), false);
    const ticked = await answer(
      this.prompts.checkbox({
        message: t('run.tty.tick'),
        choices: items.map((name, value) => ({ name, value })),
        validate: (chosen) => chosen.length === items.length || t('run.tty.tickAll', { done: chosen.length, total: items.length }),
        theme: { style: { keysHelpTip: () => t('run.tty.keys.tick') } },
      }),
      undefined,
    );
    return ticked !== undefined;
  }

  override async reviewDiff(_step: PlannedStep, review: DiffReview): Promise<boolean> {
    this.showDiff(review);
    const message = review.readOnly ? t('run.tty.read') : t('run.tty.write', { file: review.file });
    return answer(this.prompts.confirm({ message, default: false }), false);
  }

  override async onFailure(step: PlannedStep, error: string, choices: FailureChoice[]): Promise<FailureChoice> {
    this.showFailure(error, t('run.tty.failed'));
    return answer(
      this.prompts.select({
        message: t('run.choice.what'),
        choices: choices.map((value) => ({ value, name: choiceLabel(value, step, this.plan) })),
        theme: { style: { keysHelpTip: () => t('run.tty.keys.select') } },
      }),
      'stop',
    );
  }
}
