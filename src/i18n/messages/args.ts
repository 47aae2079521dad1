// Messages of what several modes read before anything runs (--answers, --set, the log directory
// and the unfinished run in it): a catalogue of its own, so that plan and the first screen do not
// load the executor's (messages/run.ts).
import { register } from '../index.js';

export const argsMessages = {
  en: {
    'run.lock.held': 'another upgrade-wizard (process {pid}, since {since}) holds run {runId} with the log directory {dir}: it is running it, or waiting at a question on another terminal; nothing was done. Wait until it has ended (or answer it there), then try again.',
    'run.lock.heldStarting': 'another upgrade-wizard (process {pid}, since {since}) is working with the log directory {dir} (starting a run, a resume or a rollback); nothing was done. Wait until it has ended, then try again.',
    'run.lock.raced': 'the run lock {file} was taken by another upgrade-wizard starting at this moment; nothing was done. Try again.',
    'run.logDir.unreadable': 'the log directory {dir} cannot be read ({code}): its journals are needed here. Run as root, or give the right directory with --log-dir DIR',
    'run.logDir.unwritable': 'the log directory {dir} cannot be written ({code}); nothing was done. Run as root, or give another directory with --log-dir DIR',
    'run.args.answersUnreadable': 'the answers file {file} cannot be read: {detail}',
    'run.args.answersMissing': 'the answers file {file} does not exist: check the path given with --answers',
    'run.args.answersSyntax': '{file}:{line}: the answers file is not valid YAML: {detail}; correct that line (one "id: value" a line, a list as [a, b])',
    'run.args.answersShape': '{file}:{line}: the answers file must hold a mapping of question id to value, one "id: value" a line',
    'run.args.answerValue': '{file}:{line}: the value of {id} must be a string or a list of strings',
    'run.args.setShape': '--set {value}: write --set ID=VALUE',
    'run.resume.afterRollback': 'run {runId} has a rollback to restore point {point} that did not finish; the run cannot be resumed. Finish the rollback (its finished steps are not repeated): "{command}"',
    'run.resume.rebootMissing': 'The machine has not been rebooted since step {number} ({title}) stopped the run for it. Reboot it first, then resume; continuing now goes on without the reboot.',
    'run.resume.none': 'there is no unfinished run in {logDir}: nothing to resume (use --log-dir if the journal is elsewhere)',
    'run.resume.otherRoot': 'the unfinished run {runId} is for --root {root}, not {given}; run resume with --root {root}',
  },
  ja: {
    'run.lock.held': '別の upgrade-wizard (プロセス {pid}、{since} から) がログディレクトリ {dir} の実行 {runId} を使用中です (実行中、または別の端末で質問への回答待ち)。何も実行していません。終了するのを待つか (またはそちらで回答してから)、もう一度実行してください。',
    'run.lock.heldStarting': '別の upgrade-wizard (プロセス {pid}、{since} から) がログディレクトリ {dir} を使用中です (実行・再開・ロールバックの開始中)。何も実行していません。終了するのを待ってから、もう一度実行してください。',
    'run.lock.raced': '実行ロック {file} を、今まさに起動した別の upgrade-wizard が取得しました。何も実行していません。もう一度実行してください。',
    'run.logDir.unreadable': 'ログディレクトリ {dir} を読めません ({code})。ここにあるジャーナルが必要です。root で実行するか、--log-dir DIR で正しいディレクトリを指定してください',
    'run.logDir.unwritable': 'ログディレクトリ {dir} に書き込めません ({code})。何も実行していません。root で実行するか、--log-dir DIR で別のディレクトリを指定してください',
    'run.args.answersUnreadable': '回答ファイル {file} を読めません: {detail}',
    'run.args.answersMissing': '回答ファイル {file} がありません: --answers に指定したパスを確認してください',
    'run.args.answersSyntax': '{file}:{line}: 回答ファイルが YAML として正しくありません。この行を直してください (1 行に「ID: 値」、リストは [a, b])。YAML ライブラリの説明 (英語): {detail}',
    'run.args.answersShape': '{file}:{line}: 回答ファイルは、質問 ID から値へのマッピング (1 行に「ID: 値」) である必要があります',
    'run.args.answerValue': '{file}:{line}: {id} の値は文字列または文字列のリストである必要があります',
    'run.args.setShape': '--set {value}: --set ID=値 の形式で指定してください',
    'run.resume.afterRollback': '実行 {runId} には完了していない復元ポイント {point} へのロールバックがあり、再開できません。ロールバックを完了してください (完了済みの手順は繰り返しません): "{command}"',
    'run.resume.rebootMissing': 'ステップ {number} ({title}) で再起動のために実行を停止した後、マシンは再起動されていません。先に再起動してから再開してください。今続行すると再起動なしで進みます。',
    'run.resume.none': '{logDir} に未完了の実行はありません。再開するものがありません (ジャーナルが別の場所にある場合は --log-dir を指定してください)',
    'run.resume.otherRoot': '未完了の実行 {runId} は --root {root} のものです ({given} ではありません)。--root {root} を付けて再開してください',
  },
};

register(argsMessages);
