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
    'run.resume.needYesAfterReboot': 'nothing was done: the machine has not been rebooted since step {number} ({title}) stopped the run for it. Reboot it first. After the reboot, run resume in a terminal to answer its checkpoints, or unattended with --yes (its manual steps then count as confirmed): {command}',
    'run.resume.notOptional': '--skip-step {step}: the procedure does not call this step optional, so it cannot be skipped. Fix the cause, then continue (the step is run again):\n  {command}\nor roll back (upgrade-wizard rollback, with the same --root and --log-dir, names the restore points).',
    'run.resume.bothOptions': '--rerun-step {rerun} and --skip-step {skip} ask for opposite things; give one of them. Nothing was done.',
    'run.resume.noSuchStep': '{option} {step}: run {runId} has no step with this id. Its steps (the id is the word after the number):\n{steps}',
    'run.resume.notStopStep': '{option} {step}: the run goes on at step {stop}, which {how}; only that step can be named (--skip-step only where the procedure calls it optional, or where it was cut short, cannot check itself and did complete). Or resume without this option.',
    'run.resume.how.interrupted': 'was interrupted',
    'run.resume.how.declined': 'was not accepted when the run stopped',
    'run.resume.how.failed': 'failed',
    'run.resume.how.next': 'has not started yet',
    'run.resume.declinedNotOptional': '--skip-step {step}: this step was not accepted when the run stopped, so nothing of it was done, and the procedure does not call it optional: skipped, it would stay undone. Nothing was done. Continue at a terminal, where it is asked again:\n  {command}\nor roll back (upgrade-wizard rollback, with the same --root and --log-dir, names the restore points).',
    'run.resume.orNewRun': 'Or start over from the first step: {command} with the same answers, --root and --log-dir as before, and --new-run',
    'run.resume.willSkip': 'step {step} is skipped as --skip-step asks: it is recorded as skipped, not as done',
    'run.resume.willRerun': 'step {step} is run again as --rerun-step asks',
    'run.resume.halfRunNotOptional': '--skip-step {step}: step {number} ({title}) was cut short while it ran, and the procedure does not call it optional: skipped, the run would go on without what it is for (a backup cut short leaves no backup). Nothing was done. The wizard checks by itself whether it finished: resume goes on after it if it did, and runs it again if not:\n  {resume}\nor run it again from its start:\n  {rerun}\nor roll back (upgrade-wizard rollback, with the same --root and --log-dir, names the restore points).',
  },
  ja: {
    'run.resume.found': '実行 {runId} ({product}): {total} ステップ中 {done} 完了。次: {next}',
    'run.resume.willRecheck': 'ステップ {step} は中断されています。続行前に確認します',
    'run.resume.willAskAgain': 'ステップ {step} は作業者の確認待ちのまま停止しました。もう一度確認します',
    'run.resume.willAskDeclined': 'ステップ {step} は承認されずに停止し、何も実行されていません。もう一度確認します',
    'run.resume.needYes': '何も実行していません: resume は残りのステップを実際に実行します。端末で実行すると確認事項に答えられます。無人で実行するには --yes を付けてください (手作業のステップは確認済みとして扱われます): {command}',
    'run.resume.needYesAfterReboot': '何も実行していません: ステップ {number} ({title}) で再起動のために実行を停止した後、マシンは再起動されていません。先に再起動してください。再起動後、端末で resume を実行すると確認事項に答えられます。無人で実行するには --yes を付けてください (手作業のステップは確認済みとして扱われます): {command}',
    'run.resume.notOptional': '--skip-step {step}: 手順書ではこのステップは任意ではないため、スキップできません。原因を取り除いてから続行してください (ステップを再実行します):\n  {command}\nまたはロールバックしてください (同じ --root と --log-dir で upgrade-wizard rollback を実行すると復元ポイントを示します)。',
    'run.resume.bothOptions': '--rerun-step {rerun} と --skip-step {skip} は逆の指定です。どちらか一方だけを指定してください。何も実行していません。',
    'run.resume.noSuchStep': '{option} {step}: 実行 {runId} にはこの ID のステップがありません。ステップの一覧 (番号の後の語が ID です):\n{steps}',
    'run.resume.notStopStep': '{option} {step}: 実行はステップ {stop} から続きます (このステップは{how})。指定できるのはそのステップだけです (--skip-step は、手順書で任意とされている場合か、中断されたステップが自身で確認できず実際には完了していた場合のみ)。またはこのオプションなしで再開してください。',
    'run.resume.how.interrupted': '中断されました',
    'run.resume.how.declined': '停止時に承認されませんでした',
    'run.resume.how.failed': '失敗しました',
    'run.resume.how.next': 'まだ開始していません',
    'run.resume.declinedNotOptional': '--skip-step {step}: このステップは停止時に承認されず、何も実行されていません。手順書では任意ではないため、スキップすると未実施のまま残ります。何も実行していません。端末で続行するともう一度確認します:\n  {command}\nまたはロールバックしてください (同じ --root と --log-dir で upgrade-wizard rollback を実行すると復元ポイントを示します)。',
    'run.resume.orNewRun': 'または最初のステップからやり直す場合: 前回と同じ回答・--root・--log-dir と --new-run を付けて {command}',
    'run.resume.willSkip': 'ステップ {step} は --skip-step の指定によりスキップします。完了ではなくスキップとして記録します',
    'run.resume.willRerun': 'ステップ {step} は --rerun-step の指定により再実行します',
    'run.resume.halfRunNotOptional': '--skip-step {step}: ステップ {number} ({title}) は実行中に中断されました。手順書では任意ではないため、スキップすると、そのステップで用意するもの (中断されたバックアップならバックアップ) がないまま実行が進みます。何も実行していません。このステップは完了したかどうかをウィザードが自分で確認します。完了していれば次へ進み、完了していなければもう一度実行します:\n  {resume}\nまたは最初からもう一度実行するには:\n  {rerun}\nまたはロールバックしてください (同じ --root と --log-dir で upgrade-wizard rollback を実行すると復元ポイントを示します)。',
  },
};

register(resumeMessages);
