// Messages about the journals of the log dir themselves (src/run/journal.ts) and the command an
// earlier process left running (src/run/live-command.ts): read by plan, run, resume, rollback and
// the first screen alike, so a catalogue of its own that does not load the executor's.
import { register, type Messages } from '../index.js';

export const journalMessages: Messages = {
  en: {
    'journal.damaged':
      '{file}, line {line}: the journal of a run is damaged: {problem}. Nothing was done: while this journal cannot be read, what that run did is unknown, so no run is started, resumed or rolled back with the log directory {dir}. Repair that line (one JSON record a line; the log {log} beside it tells what the run did), or, if that run is over and no longer needed, move the file out of {dir}.',
    'journal.unreadable':
      '{file}: the journal of a run cannot be read ({code}). Nothing was done: while it cannot be read, what that run did is unknown, so no run is started, resumed or rolled back with the log directory {dir}. Run as root, or, if that run is over and no longer needed, move the file out of {dir}.',
    'journal.problem.json': 'it is not a JSON record ({error})',
    'journal.problem.notRecord': 'it is not a journal record (a JSON object with a "type")',
    'journal.problem.noStart': 'the first record is not the start of the run ("type":"run-start"), which holds its plan',
    'journal.liveCommand':
      'a command of run {runId} is still running: step {step}, "{command}" (process group {pgid}), started {since} by a wizard that has ended since (killed or crashed). Nothing was done: going on or rolling back now would run beside it, or run it twice. Wait until it has ended (ps -o pid,etime,args -g {pgid} shows it), or, if it hangs, end it with kill -TERM -- -{pgid}; then try again.',
    'journal.liveCommandNewRun':
      'a command of run {runId} is still running: step {step}, "{command}" (process group {pgid}), started {since} by a wizard that has ended since (killed or crashed). Nothing was done: a new run started now would run the procedure beside it, or run it twice. Wait until it has ended (ps -o pid,etime,args -g {pgid} shows it), or, if it hangs, end it with kill -TERM -- -{pgid}; then try again.',
    'journal.liveCommandBlocker': 'a command of run {runId} is still running, started by a wizard that was killed: step {step}, "{command}" (process group {pgid}); a new run would run beside it',
    'journal.liveCommandBlockerFix': 'wait until it has ended (ps -o pid,etime,args -g {pgid} shows it), or, if it hangs, end it with kill -TERM -- -{pgid}; then start the wizard again',
    'journal.newRunAfterRollback': 'run {runId} ({product}) has a rollback to restore point {point} that did not finish: the server is half-way back, and no new run of {product} starts over it',
    'journal.newRunAfterRollbackFix': 'finish the rollback first (its finished steps are not repeated): {command}',
    'journal.newRunBlocked': 'the run was not started: {problem}. Nothing was done; {fix}.',
    'journal.register.unwritable':
      '{file} cannot be written ({code}): there every wizard on this machine notes its log directory, to see the runs of the others whatever their --log-dir; without {dir} in it, another run could start beside this one unseen. Nothing was done. Run as root (or make that directory writable), then try again.',
    'journal.otherUnfinished': 'run {runId} of {product} on this server, with the log directory {dir}, is unfinished (next step {step}): a new run would start over it',
    'journal.otherUnfinishedFix': 'continue it there: {command}; or roll it back; or, with upgrade-wizard run, add --new-run to start over from the first step anyway',
    'journal.otherLocked': 'another upgrade-wizard (process {pid}) is working on this server with the log directory {dir}: a run started now would run beside it',
    'journal.otherLockedFix': 'wait until it has ended, then start again',
    'journal.write.full':
      'the log directory {dir} is full ({code}): {file} could not be written ({record}), so run {runId} stopped here; nothing more is done until it can record itself. The journal ends with its last whole record. As far as it knows, {where}. Free space in {dir} (df -h {dir} shows how much is left), then continue with:\n  {command}',
    'journal.write.failed':
      'the log directory {dir} cannot be written ({code}): {file} could not be written ({record}), so run {runId} stopped here; nothing more is done until it can record itself. The journal ends with its last whole record. As far as it knows, {where}. Repair the file system of {dir} (the system log, dmesg, says what failed), then continue with:\n  {command}',
    'journal.write.recordNone': 'before the run recorded anything',
    'journal.write.record': 'the record "{type}"',
    'journal.write.recordOfStep': 'the record "{type}" of step {step}',
    'journal.write.recordStepEnd': 'the end of step {step}, which was {status}',
    'journal.write.lastNone': 'no step has begun',
    'journal.write.lastStarted': 'step {step} began and has no recorded end: continuing checks it first, as a step that may have run in part or completely',
    'journal.write.lastEnded': 'the last step recorded is {step}: {status}',
    'journal.logDir.readOnly':
      'the log directory {dir} cannot be written: the file system of {at} is mounted read-only ({code}); nothing was done. Give a directory on a writable file system with --log-dir DIR (or remount that file system read-write)',
    'journal.logDir.full': 'the log directory {dir} cannot be written: the file system of {at} is full ({code}); nothing was done. Free space there (df -h {at}), or give another directory with --log-dir DIR',
    'journal.logDir.notDir': 'the log directory {dir} cannot be made: {at} is not a directory ({code}); nothing was done. Give a directory with --log-dir DIR',
  },
  ja: {
    'journal.damaged':
      '{file} の {line} 行目: 実行のジャーナルが壊れています: {problem}。何も実行していません。このジャーナルを読めない間はその実行で何が行われたかが分からないため、ログディレクトリ {dir} では実行の開始・再開・ロールバックを行いません。その行を修復するか (1 行に 1 つの JSON レコード。横にあるログ {log} に実行の内容があります)、その実行が終わっていて不要であれば、ファイルを {dir} の外へ移動してください。',
    'journal.unreadable':
      '{file}: 実行のジャーナルを読めません ({code})。何も実行していません。読めない間はその実行で何が行われたかが分からないため、ログディレクトリ {dir} では実行の開始・再開・ロールバックを行いません。root で実行するか、その実行が終わっていて不要であれば、ファイルを {dir} の外へ移動してください。',
    'journal.problem.json': 'JSON のレコードではありません ({error})',
    'journal.problem.notRecord': 'ジャーナルのレコード ("type" を持つ JSON オブジェクト) ではありません',
    'journal.problem.noStart': '最初のレコードが実行の開始 ("type":"run-start"、計画を含む) ではありません',
    'journal.liveCommand':
      '実行 {runId} のコマンドがまだ動作中です: ステップ {step}、"{command}" (プロセスグループ {pgid})。{since} に、その後終了した (強制終了またはクラッシュした) ウィザードが開始したものです。何も実行していません。今続行またはロールバックすると、そのコマンドと並行して動作するか、同じコマンドを二重に実行することになります。終了するまで待つか (ps -o pid,etime,args -g {pgid} で確認できます)、応答がなければ kill -TERM -- -{pgid} で終了させてから、もう一度実行してください。',
    'journal.liveCommandNewRun':
      '実行 {runId} のコマンドがまだ動作中です: ステップ {step}、"{command}" (プロセスグループ {pgid})。{since} に、その後終了した (強制終了またはクラッシュした) ウィザードが開始したものです。何も実行していません。今新しい実行を始めると、そのコマンドと並行して手順を実行するか、同じコマンドを二重に実行することになります。終了するまで待つか (ps -o pid,etime,args -g {pgid} で確認できます)、応答がなければ kill -TERM -- -{pgid} で終了させてから、もう一度実行してください。',
    'journal.liveCommandBlocker': '強制終了されたウィザードが開始した実行 {runId} のコマンドがまだ動作中です: ステップ {step}、"{command}" (プロセスグループ {pgid})。新しい実行はそれと並行して動作することになります',
    'journal.liveCommandBlockerFix': '終了するまで待つか (ps -o pid,etime,args -g {pgid} で確認できます)、応答がなければ kill -TERM -- -{pgid} で終了させてから、ウィザードを起動し直してください',
    'journal.newRunAfterRollback': '実行 {runId} ({product}) には完了していない復元ポイント {point} へのロールバックがあります。サーバーは戻す途中の状態のため、その上で {product} の新しい実行は開始しません',
    'journal.newRunAfterRollbackFix': '先にロールバックを完了してください (完了済みの手順は繰り返しません): {command}',
    'journal.newRunBlocked': '実行を開始しませんでした: {problem}。何も実行していません。{fix}。',
    'journal.register.unwritable':
      '{file} に書き込めません ({code})。このマシンのウィザードは、--log-dir に関係なく互いの実行がわかるよう、ここにログディレクトリを記録します。{dir} が記録されないと、別の実行がこの実行と並んで気付かれずに始まるおそれがあります。何も実行していません。root で実行するか (またはそのディレクトリを書き込み可能にして)、もう一度実行してください。',
    'journal.otherUnfinished': 'このサーバーの {product} の実行 {runId} (ログディレクトリ {dir}) が未完了です (次のステップ {step})。新しい実行はその上からやり直すことになります',
    'journal.otherUnfinishedFix': 'そちらで続行するか ({command})、ロールバックしてください。それでも最初のステップからやり直す場合は、upgrade-wizard run に --new-run を付けてください',
    'journal.otherLocked': '別の upgrade-wizard (プロセス {pid}) がログディレクトリ {dir} でこのサーバーの作業中です。今始めると並んで実行されます',
    'journal.otherLockedFix': '終了するのを待ってから、もう一度始めてください',
    'journal.write.full':
      'ログディレクトリ {dir} がいっぱいです ({code})。{file} に書き込めなかったため ({record})、実行 {runId} はここで停止しました。記録できるようになるまで、これ以上何も実行しません。ジャーナルは最後の完全なレコードで終わっています。ジャーナル上では、{where}。{dir} の空き容量を作ってから (残りは df -h {dir} で確認できます)、次のコマンドで続行してください:\n  {command}',
    'journal.write.failed':
      'ログディレクトリ {dir} に書き込めません ({code})。{file} に書き込めなかったため ({record})、実行 {runId} はここで停止しました。記録できるようになるまで、これ以上何も実行しません。ジャーナルは最後の完全なレコードで終わっています。ジャーナル上では、{where}。{dir} のファイルシステムを修復してから (原因はシステムログ、dmesg で確認できます)、次のコマンドで続行してください:\n  {command}',
    'journal.write.recordNone': '実行の記録を始める前',
    'journal.write.record': 'レコード "{type}"',
    'journal.write.recordOfStep': 'ステップ {step} のレコード "{type}"',
    'journal.write.recordStepEnd': 'ステップ {step} の終了 ({status})',
    'journal.write.lastNone': 'まだどのステップも開始していません',
    'journal.write.lastStarted': 'ステップ {step} は開始済みで終了の記録がありません。続行時には、途中まで、または最後まで実行された可能性のあるステップとして最初に確認します',
    'journal.write.lastEnded': '最後に記録されたステップは {step} です: {status}',
    'journal.logDir.readOnly':
      'ログディレクトリ {dir} に書き込めません: {at} のファイルシステムが読み取り専用でマウントされています ({code})。何も実行していません。--log-dir DIR で書き込み可能なファイルシステム上のディレクトリを指定してください (またはそのファイルシステムを読み書き可能で再マウントしてください)',
    'journal.logDir.full': 'ログディレクトリ {dir} に書き込めません: {at} のファイルシステムがいっぱいです ({code})。何も実行していません。空き容量を作るか (df -h {at})、--log-dir DIR で別のディレクトリを指定してください',
    'journal.logDir.notDir': 'ログディレクトリ {dir} を作れません: {at} はディレクトリではありません ({code})。何も実行していません。--log-dir DIR でディレクトリを指定してください',
  },
};

register(journalMessages);
