// Messages of rollback (src/run/rollback.ts, src/commands/rollback.ts): which restore point, why
// one is refused or only confirmed at a terminal, and what the rollback will do.
import { register } from '../index.js';

const en: Record<string, string> = {
  'run.rollback.noArchive': 'the rollback to {point} cannot start: its backup {archives} is not there (the backup step did not finish, or the file was moved or deleted since), so nothing could be restored from it. Nothing was done: no step of the rollback ran. Put the backup back at that path and run the rollback again; if there never was one, what the run changed before its backup (stopped services) is undone by hand, or fix the cause of the failure and resume the run.',
  'run.rollback.none': '(this plan has no restore points)',
  'run.rollback.notInForce': 'the restore point in force after the steps done is {inForce} ("{inForceTitle}"); {point} is for an earlier stage and does not undo step {step} nor what was done after it.',
  'run.rollback.notReached': 'no step done so far is covered by {point}: its steps would undo work that has not been done.',
  'run.rollback.warning': 'warning: {problem}',
  'run.rollback.mismatchYes': '{problem} Nothing was done: run it at a terminal to read what it will do and confirm.{instead}',
  'run.rollback.orInForce': ' Or go back to the restore point in force: {command}',
  'run.rollback.unknownPoint': '"{point}" is not a restore point of this plan; the restore points are:\n{known}',
  'run.rollback.noDefault': 'run {runId} has no finished step with a restore point yet: choose one with --to:\n{known}',
  'run.rollback.noPoints': 'the plan of run {runId} ({product}) has no restore points: the wizard has no rollback to run for it. Nothing was done; undo its steps by hand as the vendor procedure says.',
  'run.rollback.noRun': 'there is no run for root {root} in {logDir}: nothing to roll back',
  'run.rollback.of': 'run {runId} ({product}):',
  'run.rollback.header': 'rollback to restore point {point}: {title}',
  'run.rollback.needYes': 'nothing was done. Run it in a terminal to be asked, or unattended with --yes: {command}',
  'run.rollback.already': 'run {runId} was already rolled back to restore point {point} ("{title}") on {time}: its steps ran then, and nothing is left to roll back to it. Running them again would move what that rollback restored aside and restore once more. Nothing was done.',
  'run.rollback.afterEnd': 'run {runId} finished on {time}; restore point {point} ("{title}") is only for a run that stopped before its end, and would act on the finished server. Nothing was done.',
  'run.rollback.afterEarlier': 'run {runId} was already rolled back to restore point {earlier} on {time}; the steps of {point} run over what that rollback restored.',
  'run.rollback.againYes': '{again} Nothing was done: run it at a terminal to read what it will do and confirm:\n  {command}',
  'run.rollback.askAgain': 'The run was already rolled back to "{earlier}" on {time}. Roll back to "{point}" as well now?',
  'run.rollback.needTerminal': 'nothing was done: {why}, so it is confirmed at a terminal only (not with --yes). Run it in a terminal: {command}{instead}',
  'run.rollback.why.manual': 'its steps are restores done by hand, each confirmed as it is done',
  'run.rollback.why.mismatch': 'this is not the restore point in force (see the warning above)',
  'run.rollback.why.again': 'the run was already rolled back (see the warning above)',
  'run.rollback.manualYes': 'the rollback of run {runId} to restore point {point} ("{title}") has steps done by hand (restores, checks), each confirmed by the operator once it is done: --yes would record as done what nobody did. Nothing was done. Run it at a terminal, without --yes, and confirm each step once it is done:\n  {command}',
};

const ja: Record<string, string> = {
  'run.rollback.noArchive': '{point} へのロールバックは開始できません。バックアップ {archives} がありません (バックアップの手順が完了していないか、その後ファイルが移動・削除されました)。そこから復元することはできません。何も行っていません (ロールバックの手順は 1 つも実行していません)。バックアップをそのパスに戻してからロールバックを再実行してください。バックアップが作られていない場合は、バックアップより前に実行した変更 (停止したサービス) を手で戻すか、失敗の原因を直してから実行を再開してください。',
  'run.rollback.none': '(この計画には復元ポイントがありません)',
  'run.rollback.notInForce': '完了したステップの後で有効な復元ポイントは {inForce} (「{inForceTitle}」) です。{point} はそれより前の段階のもので、ステップ {step} とその後に行った作業を元に戻しません。',
  'run.rollback.notReached': 'これまでに完了したステップで {point} の対象になるものはありません。その手順は、まだ行っていない作業を元に戻そうとします。',
  'run.rollback.warning': '警告: {problem}',
  'run.rollback.mismatchYes': '{problem} 何も実行していません。端末で実行し、内容を読んで確認してください。{instead}',
  'run.rollback.orInForce': ' または有効な復元ポイントに戻すには: {command}',
  'run.rollback.unknownPoint': '"{point}" はこの計画の復元ポイントではありません。復元ポイント:\n{known}',
  'run.rollback.noDefault': '実行 {runId} には復元ポイントを持つ完了済みステップがまだありません。--to で選んでください:\n{known}',
  'run.rollback.noPoints': '実行 {runId} ({product}) の計画には復元ポイントがないため、ウィザードが実行するロールバックはありません。何も実行していません。ベンダーの手順書に従って手作業で元に戻してください。',
  'run.rollback.noRun': '{logDir} にルート {root} の実行がありません。ロールバックするものがありません',
  'run.rollback.of': '実行 {runId} ({product}):',
  'run.rollback.header': '復元ポイント {point} へのロールバック: {title}',
  'run.rollback.needYes': '何も実行していません。端末で実行すると確認されます。無人で実行するには --yes を付けてください: {command}',
  'run.rollback.already': '実行 {runId} は {time} に復元ポイント {point} (「{title}」) へロールバック済みです。その手順はそのとき実行済みで、このポイントへ戻すものは残っていません。再実行すると、そのロールバックで復元したものを退避して再び復元します。何も実行していません。',
  'run.rollback.afterEnd': '実行 {runId} は {time} に完了しています。復元ポイント {point} (「{title}」) は最後まで終わらずに止まった実行のためのもので、完了したサーバーに対して実行することになります。何も実行していません。',
  'run.rollback.afterEarlier': '実行 {runId} は {time} に復元ポイント {earlier} へロールバック済みです。{point} の手順は、そのロールバックで復元した状態の上で実行されます。',
  'run.rollback.againYes': '{again} 何も実行していません。端末で実行し、内容を読んで確認してください:\n  {command}',
  'run.rollback.askAgain': 'この実行は {time} に「{earlier}」へロールバック済みです。さらに「{point}」に今すぐロールバックしますか?',
  'run.rollback.needTerminal': '何も実行していません: {why}ため、端末でのみ確認して実行します (--yes は使えません)。端末で実行してください: {command}{instead}',
  'run.rollback.why.manual': 'その手順は手作業の復元で、行うたびに確認する',
  'run.rollback.why.mismatch': '有効な復元ポイントではない (上の警告を参照)',
  'run.rollback.why.again': 'この実行はロールバック済みである (上の警告を参照)',
  'run.rollback.manualYes': '実行 {runId} の復元ポイント {point} (「{title}」) へのロールバックには手作業の手順 (復元、確認) があり、作業者が行うたびに確認します。--yes を付けると、誰も行っていない作業を完了として記録することになります。何も実行していません。端末で --yes を付けずに実行し、各手順を行ったら確認してください:\n  {command}',
};

export const rollbackMessages = { en, ja };
register(rollbackMessages);
