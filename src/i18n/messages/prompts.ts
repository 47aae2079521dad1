// Messages of the operator's answers at a checkpoint: the choices after a failed step (the
// screens and the terminal prompts offer the same) and the prompts of resume and rollback typed
// at a terminal (src/run/line-prompts.ts).
import { register } from '../index.js';

export const promptMessages = {
  en: {
    'run.tty.tick': 'Tick each item once it is done (all of them to go on; Ctrl-C stops the run here):',
    'run.tty.tickAll': 'Tick every item first ({done} of {total} ticked)',
    'run.tty.keys.tick': 'Space tick · a all · Enter confirm · Ctrl-C stop',
    'run.tty.keys.select': '↑↓ choose · Enter confirm',
    'run.tty.failed': 'failed:',
    'run.tty.done': 'Is this step done? (No stops the run here)',
    'run.tty.write': 'Write these changes to {file}? (No stops the run here; nothing is written)',
    'run.tty.read': 'Have you read this comparison? (No stops the run here)',
    'run.choice.what': 'What now?',
    'run.choice.retry': 'Retry the step',
    'run.choice.skip': 'Skip this step (the procedure allows it)',
    'run.choice.rollback': 'Roll back',
    'run.choice.rollbackTo': 'Roll back: {point}',
    'run.choice.stop': 'Stop here (resume later)',
    'run.choice.confirmRollback': 'Roll back to "{point}" now? These steps run on the server:',
    'run.choice.confirmRollbackAny': 'Roll back now? The restore steps run on the server.',
    'run.choice.rollbackNow': 'Roll back now?',
    'run.resume.ask': 'Continue this run now? Its manual steps and config changes will be asked here.',
    'run.rollback.ask': 'Roll back to "{point}" now?',
    'run.cmd.nothingDone': 'nothing was done.',
  },
  ja: {
    'run.tty.tick': '完了した項目をチェックしてください (すべてチェックすると次へ進みます。Ctrl-C でここで停止):',
    'run.tty.tickAll': '先にすべての項目をチェックしてください ({total} 項目中 {done} 項目)',
    'run.tty.keys.tick': 'Space チェック · a すべて · Enter 確認 · Ctrl-C 停止',
    'run.tty.keys.select': '↑↓ 選択 · Enter 決定',
    'run.tty.failed': '失敗:',
    'run.tty.done': 'このステップは完了しましたか? (No でここで停止します)',
    'run.tty.write': '{file} にこの変更を書き込みますか? (No でここで停止し、何も書き込みません)',
    'run.tty.read': 'この比較を確認しましたか? (No でここで停止します)',
    'run.choice.what': 'どうしますか?',
    'run.choice.retry': 'ステップを再試行する',
    'run.choice.skip': 'このステップをスキップする (手順書で許されています)',
    'run.choice.rollback': 'ロールバックする',
    'run.choice.rollbackTo': 'ロールバックする: {point}',
    'run.choice.stop': 'ここで停止する (後で再開できます)',
    'run.choice.confirmRollback': '今「{point}」にロールバックしますか? 次の手順をサーバー上で実行します:',
    'run.choice.confirmRollbackAny': '今ロールバックしますか? 復元の手順をサーバー上で実行します。',
    'run.choice.rollbackNow': '今ロールバックしますか?',
    'run.resume.ask': 'この実行を今すぐ続行しますか? 手作業のステップと設定の変更はここで確認します。',
    'run.rollback.ask': '「{point}」に今すぐロールバックしますか?',
    'run.cmd.nothingDone': '何も実行していません。',
  },
};

register(promptMessages);
