// Messages of the resume command (src/commands/resume.ts): what it found, what it will do with
// the step the run stopped at, and why a --rerun-step or --skip-step is refused.
import { register, type Messages } from '../index.js';

export const resumeMessages: Messages = {
  en: {
    'run.resume.found': 'run {runId} ({product}): {done} of {total} steps finished; next: {next}',
    'run.resume.willRecheck': 'step {step} was interrupted: it is checked before the run goes on',
    'run.resume.willAskAgain': 'step {step} was waiting for the operator when the run stopped: it is asked again',
    'run.resume.willAskDeclined': 'step {step} was not accepted when the run stopped, and nothing of it was done: it is asked again',
    'run.resume.needYes': 'nothing was done: resume runs the remaining steps for real. Run it in a terminal to answer its checkpoints, or unattended with --yes (its manual steps then count as confirmed): {command}',
    'run.resume.notHalfRun': '--rerun-step/--skip-step {step}: only the interrupted step can be named ({half}); --skip-step also names the step the run stopped at when the procedure calls it optional',
    'run.resume.noHalfRun': '--rerun-step/--skip-step {step}: no step was interrupted, and the run goes on at {next}; name that step (--skip-step only where the procedure calls it optional), or resume without these options',
    'run.resume.notOptional': '--skip-step {step}: the procedure does not call this step optional, so it cannot be skipped. Fix the cause, then continue (the step is run again):\n  {command}\nor roll back (upgrade-wizard rollback, with the same --root and --log-dir, names the restore points).',
    'run.resume.willSkip': 'step {step} is skipped as --skip-step asks: it is recorded as skipped, not as done',
    'run.resume.willRerun': 'step {step} is run again as --rerun-step asks',
  },
  ja: {
    'run.resume.found': '実行 {runId} ({product}): {total} ステップ中 {done} 完了。次: {next}',
    'run.resume.willRecheck': 'ステップ {step} は中断されています。続行前に確認します',
    'run.resume.willAskAgain': 'ステップ {step} は作業者の確認待ちのまま停止しました。もう一度確認します',
    'run.resume.willAskDeclined': 'ステップ {step} は承認されずに停止し、何も実行されていません。もう一度確認します',
    'run.resume.needYes': '何も実行していません: resume は残りのステップを実際に実行します。端末で実行すると確認事項に答えられます。無人で実行するには --yes を付けてください (手作業のステップは確認済みとして扱われます): {command}',
    'run.resume.notHalfRun': '--rerun-step/--skip-step {step}: 指定できるのは中断されたステップ ({half}) だけです (--skip-step は、停止したステップが手順書で任意とされている場合にも指定できます)',
    'run.resume.noHalfRun': '--rerun-step/--skip-step {step}: 中断されたステップはなく、実行は {next} から続きます。そのステップを指定するか (--skip-step は手順書で任意とされている場合のみ)、これらのオプションなしで再開してください',
    'run.resume.notOptional': '--skip-step {step}: 手順書ではこのステップは任意ではないため、スキップできません。原因を取り除いてから続行してください (ステップを再実行します):\n  {command}\nまたはロールバックしてください (同じ --root と --log-dir で upgrade-wizard rollback を実行すると復元ポイントを示します)。',
    'run.resume.willSkip': 'ステップ {step} は --skip-step の指定によりスキップします。完了ではなくスキップとして記録します',
    'run.resume.willRerun': 'ステップ {step} は --rerun-step の指定により再実行します',
  },
};

register(resumeMessages);
