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
  },
};

register(journalMessages);
