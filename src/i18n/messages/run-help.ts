// The --help of run, resume and rollback: read only when asked for, so kept apart from the
// executor's messages (messages/run.ts).
import { register, type Messages } from '../index.js';

export const runHelpMessages: Messages = {
  en: {
    'run.help.run': `upgrade-wizard run --product ID [--set Q=V ...] [--answers FILE] --yes [--dry-run]
                   [--root DIR] [--media DIR] [--log-dir DIR]

Runs the whole procedure without questions. Every answer must be given (--set or --answers);
missing ones are listed with their choices. Manual steps print their instructions and count as
confirmed by --yes; configuration diffs are printed and accepted; a failure stops the run and
prints how to resume or roll back. Nothing is read from stdin.

  --product ID      the product (see "upgrade-wizard list")
  --set Q=V         an answer; repeat for each (lists: a,b)
  --answers FILE    answers as a YAML or JSON mapping
  --save-answers FILE  write every answer (no secret) to FILE (0600) for --answers
  --yes             really run it (required)
  --dry-run         show every step and run nothing (no journal, nothing on disk)
  --root DIR        a sandbox: every absolute path of the procedure is taken under DIR
  --media DIR       where the packages are (the mounted CD)
  --log-dir DIR     journal, log and report (default /var/log/upgrade-wizard)
  --new-run         start from the first step although an unfinished run of this root exists

Ctrl-C once: the running step finishes, then the run stops (resumable). Twice: the running
command is killed. Exit codes: 0 done (or stopped for a reboot), 1 failed or stopped, 2 refused.
`,
    'run.help.resume': `upgrade-wizard resume [--yes] [--root DIR] [--log-dir DIR] [--rerun-step ID | --skip-step ID]

Continues the newest unfinished run of this root from its journal (after a failure, a Ctrl-C,
a crash or a reboot). The journaled plan is used as it is. A step that was interrupted is
checked first; when that cannot be decided automatically, resume stops and names the step:
after checking it, --rerun-step ID runs it again and --skip-step ID goes on without it
(recorded as skipped, not as done). --skip-step also names a failed or declined step the
procedure calls optional (a stop command that finds nothing running); a required step that
failed or was declined is never skipped. Give one of the two options, naming the step the run
stopped at.
At a terminal, resume shows where the run stands and asks before it goes on, then at each
manual step, config diff and failure. --yes runs it unattended (from a script): manual steps
and diffs then count as confirmed, and a failure stops it. Without a terminal and without
--yes, it only shows where the run stands.
`,
    'run.help.rollback': `upgrade-wizard rollback [--to POINT] [--yes] [--root DIR] [--log-dir DIR]

Goes back to a restore point of the newest run of this root: by default the one in force after
the last step done, or --to POINT. The steps of the rollback are shown first; at a terminal it
then asks, and asks again at any manual step or failure; from a script it runs only with
--yes. A rollback with steps done by hand, a POINT other than the one in force, and a run
already rolled back are confirmed at a terminal only; the same rollback twice is refused. An
unknown POINT is refused with the list of restore points.
`,
  },
  ja: {
    'run.help.run': `upgrade-wizard run --product ID [--set Q=V ...] [--answers FILE] --yes [--dry-run]
                   [--root DIR] [--media DIR] [--log-dir DIR]

質問なしで手順全体を実行します。回答はすべて (--set または --answers で) 指定が必要で、
不足している回答は選択肢とともに一覧表示されます。手作業のステップは指示を表示して --yes
による確認とし、設定の差分は表示して承認します。失敗すると停止し、再開やロールバックの
方法を表示します。標準入力は読みません。

  --product ID      製品 ("upgrade-wizard list" を参照)
  --set Q=V         回答。回答ごとに繰り返す (リストは a,b)
  --answers FILE    YAML または JSON のマッピングで回答を指定
  --save-answers FILE  すべての回答 (秘密を除く) を FILE (0600) に保存 (--answers で再利用)
  --yes             実際に実行する (必須)
  --dry-run         全ステップを表示し、何も実行しない (ジャーナルも書かない)
  --root DIR        サンドボックス: 手順の絶対パスをすべて DIR の下として扱う
  --media DIR       パッケージの場所 (マウントした CD)
  --log-dir DIR     ジャーナル・ログ・報告書の場所 (既定 /var/log/upgrade-wizard)
  --new-run         このルートに未完了の実行があっても最初のステップから始める

Ctrl-C 1 回: 実行中のステップの完了後に停止 (再開可能)。2 回: 実行中のコマンドを強制終了。
終了コード: 0 完了 (または再起動のための停止)、1 失敗または停止、2 拒否。
`,
    'run.help.resume': `upgrade-wizard resume [--yes] [--root DIR] [--log-dir DIR] [--rerun-step ID | --skip-step ID]

このルートの最新の未完了の実行を、ジャーナルから続行します (失敗、Ctrl-C、クラッシュ、
再起動の後)。ジャーナルに記録された計画をそのまま使います。中断されたステップはまず確認し、
自動で判定できない場合はそのステップ名を示して停止します。確認後、--rerun-step ID で
再実行、--skip-step ID で実行せずに先へ進みます (完了ではなくスキップとして記録します)。
--skip-step は、手順書で任意とされているステップが失敗した場合や承認されなかった場合にも
指定できます (停止するものが何も動いていなかった停止コマンドなど)。必須のステップは、失敗しても
承認されなかった場合もスキップできません。2 つのオプションはどちらか一方を、実行が停止した
ステップを指定して使います。
端末では状態を表示して続行するか確認し、手作業のステップ、設定の差分、失敗のたびに確認します。
--yes は無人で実行します (スクリプト用): 手作業のステップと差分は確認済みとして扱い、失敗で
停止します。端末でなく --yes もない場合は状態の表示だけです。
`,
    'run.help.rollback': `upgrade-wizard rollback [--to POINT] [--yes] [--root DIR] [--log-dir DIR]

このルートの最新の実行を復元ポイントに戻します。既定は最後に完了したステップの復元ポイント、
または --to POINT。ロールバックの手順を先に表示し、端末では実行するか確認します (手作業の
ステップや失敗でも確認します)。スクリプトからは --yes があるときだけ実行します。
手作業の手順を含むロールバック、有効な復元ポイント以外の POINT、ロールバック済みの実行は
端末でのみ確認して実行します。同じロールバックの再実行は拒否します。
不明な POINT は復元ポイントの一覧とともに拒否します。
`,
  },
};

register(runHelpMessages);
