// Messages of the executor (src/run) and of the run, resume and rollback commands.
import { register } from '../index.js';

const en: Record<string, string> = {
  // Parameters and commands
  'run.param.bad': 'the plan is damaged: step {step} needs "{key}" as a {want}; rebuild the plan with "upgrade-wizard plan"',
  'run.cmd.notFound': '{command}: command not found on PATH; install it or check PATH',
  'run.cmd.spawn': '{command}: could not be started ({reason})',
  'run.cmd.exit': 'exit code {code}',
  'run.cmd.signal': 'killed by signal {signal}',
  'run.killed': '{command} was killed after the second Ctrl-C',
  'run.allowedFailure': 'this failure may be ignored (vendor procedure); continuing: {reason}',
  'run.allowedFailureDetail': 'failure ignored as the procedure allows: {commands}',
  'run.skippedAfterFailure': 'skipped after a failure: {error}',
  'run.movedAside': 'an earlier {path} was kept as {aside}',
  // service
  'run.service.badName': 'service name "{name}" is not a plain name',
  'run.service.badAction': 'service action "{action}" is not start, stop, restart or status',
  'run.service.missing': 'service {name} is not installed ({script} does not exist); install it or check the answers',
  'run.service.missingSkipped': '{name} is not installed here ({script} missing): skipped, as the procedure allows for daemons the site does not use',
  'run.service.missingDetail': '{name} not installed, skipped',
  'run.service.orInit': 'or {script} when "service" is not available',
  // manual
  'run.manual.declined': 'not confirmed by the operator',
  'run.manual.confirmed': 'confirmed by {by} at {time}',
  'run.manual.describe': 'manual step: the operator does this and confirms it',
  // backup / archive / restore
  'run.backup.notDir': '{path} is not a directory: nothing to back up',
  'run.backup.sourceMissing': '{path} does not exist: check the installation directory answer',
  'run.backup.realPath': '{source} is a symbolic link: archiving the real directory {real}',
  'run.backup.inside': 'the archive {archive} would be inside {source}, the tree it archives; choose a backup location outside it',
  'run.backup.noSpace': 'not enough free space in {dir}: {free} free, up to {needed} needed (the size of the tree before compression); free some space or choose another backup location',
  'run.backup.start': 'archiving {source} ({size}, {entries} entries) to {archive}',
  'run.backup.tarFailed': 'tar failed ({code}): {output}',
  'run.backup.verifying': 'verifying {archive}: listing it with tar',
  'run.backup.mismatch': 'the archive {archive} does not match the tree: {expected} entries archived, {listed} listed; missing: {missing}; unexpected: {extra}. The old archive, if any, is untouched; retry after checking that nothing writes to the tree (services stopped)',
  'run.backup.done': 'backup verified: {archive} ({entries} entries, {size} -> {compressed}); extra files: {extras}',
  'run.backup.extraMissing': '{file} does not exist: not copied (the daemon may not be in use here)',
  'run.backup.describe': 'archive the real directory behind {source} to {archive}, then verify it with tar',
  'run.backup.describeExtra': 'copy {files} to {to}',
  'run.backup.describeExclude': 'left out of the archive: {paths}',
  'run.backup.excludeOutside': '{path} is not inside {source}: it cannot be left out of its archive',
  'run.backup.empty': '{source} holds no file: nothing to keep, skipped',
  'run.dir.noLike': '{path} does not exist: its owner and mode cannot be copied',
  'run.dir.likeOf': 'as {path}',
  'run.archive.unreadable': '{file} cannot be read by tar: {output}',
  'run.restore.noArchive': 'the backup archive {archive} does not exist: the restore is not possible from it',
  'run.restore.extractFailed': 'extracting {archive} failed: {output}',
  'run.restore.movedAside': 'the current {target} was moved to {aside} (not deleted)',
  'run.restore.done': 'restored {target} from {archive}; the previous tree is kept as {aside}',
  'run.restore.describe': 'restore {target} from {archive} (the current tree is moved to .broken, not deleted)',
  // unpack / symlink / dirs / copy / move
  'run.unpack.unknownType': '{archive}: not a .tar.gz, .tgz, .tar or .zip file',
  'run.unpack.noArchive': 'the package {archive} does not exist: check --media',
  'run.symlink.noTarget': 'the new target {target} is not a directory: the link was not changed',
  'run.symlink.notLink': '{link} exists and is not a symbolic link: not replaced; check the installation',
  'run.symlink.done': '{link} -> {target} (was {old})',
  'run.symlink.atomic': 'atomically: new link, then rename',
  'run.dir.badMode': 'mode "{mode}" is not an octal mode',
  'run.dir.notDir': '{path} exists and is not a directory',
  'run.dir.already': '{path} already exists with the right owner and mode',
  'run.dir.created': 'created {path}{attrs}',
  'run.dir.fixed': '{path} existed{attrs}',
  'run.dir.owner': ', owner {owner}',
  'run.dir.mode': ', mode {mode}',
  'run.owner.bad': 'owner "{owner}" is not a user name (user, user: or user:group)',
  'run.owner.noUser': 'user {user} does not exist on this machine',
  'run.owner.noGroup': 'group {group} does not exist on this machine',
  'run.copy.missing': '{from} does not exist: nothing to copy',
  'run.copy.missingSkipped': '{from} does not exist: skipped',
  'run.copy.done': 'copied {from} to {to}',
  'run.move.missing': '{from} does not exist: nothing to move',
  'run.move.done': 'moved {from} to {to}',
  // ensure-lines
  'run.lines.noFile': '{file} cannot be read: check that it exists',
  'run.lines.present': 'the lines are already in {file}',
  'run.lines.adding': 'adding to {file}:\n{lines}',
  'run.lines.refused': 'the new {file} was refused by its check, so the file was not changed: {reason}',
  'run.lines.cannotWrite': '{file} cannot be replaced ({problem}); nothing was written',
  'run.lines.added': '{count} line(s) added to {file}; the original is kept as {backup}',
  'run.lines.describe': 'append to {file} the lines it lacks:',
  'run.lines.describeCheck': 'check the result before installing it: {argv}',
  // migrate-config
  'run.migrate.unknown': 'unknown migrator "{migrator}" (known: {known})',
  'run.migrate.badOptions': 'step {step}: the migrator options are wrong: {error}',
  'run.migrate.nothing': 'the configuration in {conf} is already migrated: nothing to write',
  'run.migrate.declined': 'the change of {file} was not accepted',
  'run.migrate.reviewed': 'diff of {file} reviewed and accepted',
  'run.migrate.done': 'written: {files}',
  'run.migrate.describe': 'the diff is shown before anything is written',
  // verify
  'run.verify.fileMissing': '{file} does not exist',
  'run.verify.filePresent': '{file} still exists',
  'run.verify.exit': 'expected exit code {want}: {reason}',
  'run.verify.noMatch': 'the output does not match /{pattern}/',
  'run.verify.rejected': 'the output matches /{pattern}/, which means a problem',
  'run.verify.passed': 'check passed',
  'run.verify.timeout': 'still failing after {seconds} s: {reason}',
  'run.verify.waiting': 'not yet ({reason}); waiting, {elapsed}/{total} s',
  'run.verify.interrupted': 'the wait was interrupted by Ctrl-C',
  'run.verify.describeExit': 'must exit with {code}',
  'run.verify.describeMatch': 'output must match /{pattern}/',
  'run.verify.describeReject': 'output must not match /{pattern}/',
  'run.verify.describeExists': '{file} must exist',
  'run.verify.describeAbsent': '{file} must not exist',
  'run.verify.describeWait': 'retried until it passes, at most {seconds} s',
  // reboot
  'run.reboot.detail': 'reboot requested (boot_id={boot})',
  'run.reboot.describe': 'the run stops here: reboot the machine, then run "upgrade-wizard resume"',
  // interruptions
  'run.interrupt.reason': 'stopped by Ctrl-C after the running step finished',
  'run.interrupt.killed': 'Ctrl-C pressed twice: the running command was killed',
  'run.interrupt.reboot': 'stopped for the reboot',
  'run.interrupt.declined': 'the operator did not confirm the step',
  'run.sig.first': '*** Ctrl-C: the running step will finish, then the run stops (resumable). Press Ctrl-C again to kill the running command.',
  'run.sig.second': '*** Ctrl-C again: killing the running command.',
  // human log
  'run.log.start': 'run {runId} started: product {product}, root {root}',
  'run.log.resume': 'run {runId} resumed at step {step}',
  'run.log.stepStart': '[{id}] step {n}/{total} started: {title}',
  'run.log.stepEnd': '[{id}] {status} {detail}',
  'run.log.exit': 'exit {code} ({seconds} s)',
  'run.log.failed': 'failed: {error}',
  'run.log.choice': 'choice after the failure: {choice}',
  'run.log.recheck': '[{id}] interrupted earlier; re-checked on resume: {action}',
  'run.log.rollback': 'rollback to restore point {point} started',
  'run.log.end': 'run ended: {status} ({reason})',
  // resume
  'run.resume.halfRun': 'step {step} ({title}) was interrupted and may have partly run; it cannot check by itself whether it finished. Check: {check}',
  'run.resume.checkByHand': 'look at the end of the run log to see how far its commands got',
  'run.resume.foundDone': 'interrupted earlier, found already done on resume',
  'run.resume.markedDone': 'marked as done by the operator on resume',
  'run.resume.notRebooted': 'warning: the machine has not been rebooted since the reboot step (same boot id); continuing',
  'run.resume.found': 'run {runId} ({product}): {done} of {total} steps finished; next: {next}',
  'run.resume.willRecheck': 'step {step} was interrupted: it is checked before the run goes on',
  'run.resume.needYes': 'nothing was done: resume runs the remaining steps for real. Run it in a terminal to answer its checkpoints, or unattended with --yes (its manual steps then count as confirmed): {command}',
  'run.resume.notHalfRun': '--rerun-step/--skip-step {step}: only the interrupted step can be named ({half})',
  // rollback
  'run.rollback.none': '(this plan has no restore points)',
  'run.rollback.unknownPoint': '"{point}" is not a restore point of this plan; the restore points are:\n{known}',
  'run.rollback.noDefault': 'run {runId} has no finished step with a restore point yet: choose one with --to:\n{known}',
  'run.rollback.noRun': 'there is no run for root {root} in {logDir}: nothing to roll back',
  'run.rollback.of': 'run {runId} ({product}):',
  'run.rollback.header': 'rollback to restore point {point}: {title}',
  'run.rollback.needYes': 'nothing was done. Run it in a terminal to be asked, or unattended with --yes: {command}',
  // non-interactive driver
  'run.ni.manual': 'MANUAL STEP (instructions for the operator):',
  'run.ni.confirmedByYes': 'confirmed by --yes',
  'run.ni.diff': 'changes to {file}:',
  'run.ni.acceptedByYes': 'accepted by --yes',
  'run.ni.failed': 'stop:',
  'run.ni.section': 'procedure {section}',
  'run.ni.status.done': 'done',
  'run.ni.status.skipped': 'skipped',
  'run.ni.status.failed': 'FAILED',
  // summaries
  'run.sum.step': '{number} "{title}" ({id})',
  'run.sum.done': 'run {runId} finished: all {count} steps done.',
  'run.sum.next': 'Next: {text}',
  'run.sum.dryRun': 'dry run: nothing was executed, nothing was written.',
  'run.sum.rolledBack': 'Rolled back to the restore point "{title}" ({point}): its steps ran. The backups stay where they are; check the server before it goes back into service.',
  'run.sum.reboot': 'The run stopped for a reboot. Reboot the machine now; afterwards continue with:\n  {command}',
  'run.sum.halfRun': 'Step {step} may have partly run and needs your decision. After checking it, either run it again:\n  {rerun}\nor, if it did complete, mark it done and continue:\n  {skip}',
  'run.sum.stopped.interrupted': 'The run stopped after Ctrl-C, before step {step}. Everything up to there is done and journaled.',
  'run.sum.stopped.killed': 'The run stopped after Ctrl-C twice: step {step} was killed and is not done.',
  'run.sum.stopped.declined': 'The run stopped: step {step} was not confirmed.',
  'run.sum.failed': 'Step {step} failed: {error}\nThe steps before it are done; this one is not. The server is in the state of the last finished step.',
  'run.sum.resume': 'After fixing the cause, continue (the failed or interrupted step is checked and run again):\n  {command}',
  'run.sum.rollback': 'Or go back to restore point "{point}" ({title}):\n  {command}',
  'run.sum.rollbackFailed': 'The rollback failed at step {step}: {error}\nFix the cause and run the rollback again (finished rollback steps are not repeated):\n  {command}',
  'run.sum.files': 'Report: {report}\nLog: {log}\nJournal: {journal}',
  // command line
  'run.cmd.unfinished': 'an unfinished run of {product} for this root exists: {runId}, next step {step}. Continue it with:\n  {command}\nor roll it back (upgrade-wizard rollback); to start over from the first step anyway, add --new-run. Nothing was done.',
  'run.args.noProduct': 'run needs --product ID (known: {known})',
  'run.args.needYes': 'run executes the procedure for real, unattended, and needs --yes (or --dry-run to only show it); nothing was done. To be asked at each step instead, start the wizard at a terminal:\n  {command}',
  'run.cmd.header': 'plan for {product}: {steps} steps; root {root}; media {media}',
  'run.cmd.warning': 'warning: {warning}',
  'run.cmd.fix': 'fix: {fix}',
  'run.cmd.blockers': 'the run cannot start while these problems are open (nothing was done):\n{list}',
  'run.cmd.dryRunHeader': 'dry run: the steps below are shown, not executed.',
  'run.cmd.restorePoint': 'restore point {id}: {title}',
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
after checking it, --rerun-step ID runs it again and --skip-step ID records it as done.
At a terminal, resume shows where the run stands and asks before it goes on, then at each
manual step, config diff and failure. --yes runs it unattended (from a script): manual steps
and diffs then count as confirmed, and a failure stops it. Without a terminal and without
--yes, it only shows where the run stands.
`,
  'run.help.rollback': `upgrade-wizard rollback [--to POINT] [--yes] [--root DIR] [--log-dir DIR]

Goes back to a restore point of the newest run of this root: by default the one in force after
the last step done, or --to POINT. The steps of the rollback are shown first; at a terminal it
then asks, and asks again at any manual step or failure; from a script it runs only with
--yes. An unknown POINT is refused with the list of restore points.
`,
};

const ja: Record<string, string> = {
  'run.param.bad': '計画が壊れています: ステップ {step} には "{key}" ({want}) が必要です。"upgrade-wizard plan" で計画を作り直してください',
  'run.cmd.notFound': '{command}: コマンドが PATH にありません。インストールするか PATH を確認してください',
  'run.cmd.spawn': '{command}: 起動できませんでした ({reason})',
  'run.cmd.exit': '終了コード {code}',
  'run.cmd.signal': 'シグナル {signal} で終了',
  'run.killed': '2 回目の Ctrl-C で {command} を強制終了しました',
  'run.allowedFailure': 'このエラーは無視してよいと手順書にあります。続行します: {reason}',
  'run.allowedFailureDetail': '手順書の許可によりエラーを無視: {commands}',
  'run.skippedAfterFailure': 'エラーの後スキップ: {error}',
  'run.movedAside': '既存の {path} は {aside} として残しました',
  'run.service.badName': 'サービス名 "{name}" が不正です',
  'run.service.badAction': 'サービス操作 "{action}" は start, stop, restart, status のいずれでもありません',
  'run.service.missing': 'サービス {name} がインストールされていません ({script} がありません)。インストールするか回答を確認してください',
  'run.service.missingSkipped': '{name} はこのサーバーにありません ({script} なし)。使用しない運用のデーモンとして手順書どおりスキップします',
  'run.service.missingDetail': '{name} は未インストールのためスキップ',
  'run.service.orInit': '"service" がない場合は {script}',
  'run.manual.declined': 'オペレーターが確認しませんでした',
  'run.manual.confirmed': '{by} が {time} に確認',
  'run.manual.describe': '手作業: オペレーターが実施して確認します',
  'run.backup.notDir': '{path} はディレクトリではありません。バックアップ対象がありません',
  'run.backup.sourceMissing': '{path} がありません。インストールディレクトリの回答を確認してください',
  'run.backup.realPath': '{source} はシンボリックリンクです。実体のディレクトリ {real} をアーカイブします',
  'run.backup.inside': 'アーカイブ {archive} がバックアップ対象 {source} の中になります。対象の外の保存先を選んでください',
  'run.backup.noSpace': '{dir} の空き容量が不足しています: 空き {free}、最大 {needed} 必要 (圧縮前のサイズ)。空きを作るか別の保存先を選んでください',
  'run.backup.start': '{source} ({size}、{entries} エントリ) を {archive} にアーカイブします',
  'run.backup.tarFailed': 'tar が失敗しました ({code}): {output}',
  'run.backup.verifying': '{archive} を検証しています (tar で一覧表示)',
  'run.backup.mismatch': 'アーカイブ {archive} が元のツリーと一致しません: アーカイブしたエントリ {expected}、一覧 {listed}。欠落: {missing}、余分: {extra}。既存のアーカイブには触れていません。ツリーに書き込むもの (サービス) が止まっていることを確認して再試行してください',
  'run.backup.done': 'バックアップを検証しました: {archive} ({entries} エントリ、{size} -> {compressed})。追加ファイル: {extras}',
  'run.backup.extraMissing': '{file} がないためコピーしません (このデーモンを使用しない運用の可能性があります)',
  'run.backup.describe': '{source} の実体ディレクトリを {archive} にアーカイブし、tar で検証',
  'run.backup.describeExtra': '{files} を {to} にコピー',
  'run.backup.describeExclude': 'アーカイブから除外: {paths}',
  'run.backup.excludeOutside': '{path} は {source} の中にないため、除外できません',
  'run.backup.empty': '{source} にはファイルがありません。保存するものがないためスキップしました',
  'run.dir.noLike': '{path} がないため、オーナーとモードをコピーできません',
  'run.dir.likeOf': '{path} と同じ',
  'run.archive.unreadable': '{file} を tar で読めません: {output}',
  'run.restore.noArchive': 'バックアップ {archive} がありません。これからは復元できません',
  'run.restore.extractFailed': '{archive} の展開に失敗しました: {output}',
  'run.restore.movedAside': '現在の {target} は {aside} に移動しました (削除していません)',
  'run.restore.done': '{archive} から {target} を復元しました。以前のツリーは {aside} に残っています',
  'run.restore.describe': '{archive} から {target} を復元 (現在のツリーは .broken に移動し、削除しません)',
  'run.unpack.unknownType': '{archive}: .tar.gz, .tgz, .tar, .zip のいずれでもありません',
  'run.unpack.noArchive': 'パッケージ {archive} がありません。--media を確認してください',
  'run.symlink.noTarget': '新しいリンク先 {target} がディレクトリではありません。リンクは変更していません',
  'run.symlink.notLink': '{link} はシンボリックリンクではないため置き換えません。インストール状態を確認してください',
  'run.symlink.done': '{link} -> {target} (変更前 {old})',
  'run.symlink.atomic': '新しいリンクを作って rename で置き換え (アトミック)',
  'run.dir.badMode': 'モード "{mode}" は 8 進数のモードではありません',
  'run.dir.notDir': '{path} はディレクトリではないものとして存在します',
  'run.dir.already': '{path} は正しいオーナーとモードで既に存在します',
  'run.dir.created': '{path} を作成しました{attrs}',
  'run.dir.fixed': '{path} は既存でした{attrs}',
  'run.dir.owner': '、オーナー {owner}',
  'run.dir.mode': '、モード {mode}',
  'run.owner.bad': 'オーナー "{owner}" はユーザー名ではありません (user, user:, user:group)',
  'run.owner.noUser': 'ユーザー {user} はこのマシンに存在しません',
  'run.owner.noGroup': 'グループ {group} はこのマシンに存在しません',
  'run.copy.missing': '{from} がありません。コピーするものがありません',
  'run.copy.missingSkipped': '{from} がないためスキップしました',
  'run.copy.done': '{from} を {to} にコピーしました',
  'run.move.missing': '{from} がありません。移動するものがありません',
  'run.move.done': '{from} を {to} に移動しました',
  'run.lines.noFile': '{file} を読めません。存在を確認してください',
  'run.lines.present': '{file} には既に必要な行があります',
  'run.lines.adding': '{file} に追加します:\n{lines}',
  'run.lines.refused': '新しい {file} が検査で拒否されたため、ファイルは変更していません: {reason}',
  'run.lines.cannotWrite': '{file} を置き換えられません ({problem})。何も書き込んでいません',
  'run.lines.added': '{file} に {count} 行追加しました。元のファイルは {backup} に残っています',
  'run.lines.describe': '{file} に不足している行を追記:',
  'run.lines.describeCheck': '置き換える前に検査: {argv}',
  'run.migrate.unknown': '不明な移行処理 "{migrator}" です (既知: {known})',
  'run.migrate.badOptions': 'ステップ {step}: 移行処理のオプションが不正です: {error}',
  'run.migrate.nothing': '{conf} の設定は移行済みです。書き込むものはありません',
  'run.migrate.declined': '{file} の変更は承認されませんでした',
  'run.migrate.reviewed': '{file} の差分を確認して承認',
  'run.migrate.done': '書き込み: {files}',
  'run.migrate.describe': '書き込む前に差分を表示します',
  'run.verify.fileMissing': '{file} がありません',
  'run.verify.filePresent': '{file} がまだ存在します',
  'run.verify.exit': '終了コード {want} を期待: {reason}',
  'run.verify.noMatch': '出力が /{pattern}/ に一致しません',
  'run.verify.rejected': '出力が問題を示す /{pattern}/ に一致しました',
  'run.verify.passed': '確認に合格しました',
  'run.verify.timeout': '{seconds} 秒待っても合格しません: {reason}',
  'run.verify.waiting': 'まだです ({reason})。待機中 {elapsed}/{total} 秒',
  'run.verify.interrupted': 'Ctrl-C で待機を中断しました',
  'run.verify.describeExit': '終了コード {code} であること',
  'run.verify.describeMatch': '出力が /{pattern}/ に一致すること',
  'run.verify.describeReject': '出力が /{pattern}/ に一致しないこと',
  'run.verify.describeExists': '{file} が存在すること',
  'run.verify.describeAbsent': '{file} が存在しないこと',
  'run.verify.describeWait': '合格するまで最大 {seconds} 秒繰り返す',
  'run.reboot.detail': '再起動を依頼 (boot_id={boot})',
  'run.reboot.describe': 'ここで実行を止めます。マシンを再起動してから "upgrade-wizard resume" を実行してください',
  'run.interrupt.reason': '実行中のステップの完了後、Ctrl-C により停止',
  'run.interrupt.killed': 'Ctrl-C が 2 回押されたため実行中のコマンドを強制終了',
  'run.interrupt.reboot': '再起動のため停止',
  'run.interrupt.declined': 'オペレーターがステップを確認しませんでした',
  'run.sig.first': '*** Ctrl-C: 実行中のステップが終わり次第停止します (再開可能)。実行中のコマンドを強制終了するにはもう一度 Ctrl-C を押してください。',
  'run.sig.second': '*** 再度の Ctrl-C: 実行中のコマンドを強制終了します。',
  'run.log.start': '実行 {runId} 開始: 製品 {product}、ルート {root}',
  'run.log.resume': '実行 {runId} をステップ {step} から再開',
  'run.log.stepStart': '[{id}] ステップ {n}/{total} 開始: {title}',
  'run.log.stepEnd': '[{id}] {status} {detail}',
  'run.log.exit': '終了 {code} ({seconds} 秒)',
  'run.log.failed': '失敗: {error}',
  'run.log.choice': '失敗後の選択: {choice}',
  'run.log.recheck': '[{id}] 以前に中断。再開時の再確認: {action}',
  'run.log.rollback': '復元ポイント {point} へのロールバック開始',
  'run.log.end': '実行終了: {status} ({reason})',
  'run.resume.halfRun': 'ステップ {step} ({title}) は中断されており、途中まで実行された可能性があります。完了したかどうかを自動では判定できません。確認事項: {check}',
  'run.resume.checkByHand': '実行ログの末尾で、コマンドがどこまで進んだかを確認してください',
  'run.resume.foundDone': '以前に中断。再開時の確認で完了済みと判定',
  'run.resume.markedDone': '再開時にオペレーターが完了済みとして記録',
  'run.resume.notRebooted': '警告: 再起動ステップ以降、マシンは再起動されていません (boot id が同じ)。続行します',
  'run.resume.found': '実行 {runId} ({product}): {total} ステップ中 {done} 完了。次: {next}',
  'run.resume.willRecheck': 'ステップ {step} は中断されています。続行前に確認します',
  'run.resume.needYes': '何も実行していません: resume は残りのステップを実際に実行します。端末で実行すると確認事項に答えられます。無人で実行するには --yes を付けてください (手作業のステップは確認済みとして扱われます): {command}',
  'run.resume.notHalfRun': '--rerun-step/--skip-step {step}: 指定できるのは中断されたステップ ({half}) だけです',
  'run.rollback.none': '(この計画には復元ポイントがありません)',
  'run.rollback.unknownPoint': '"{point}" はこの計画の復元ポイントではありません。復元ポイント:\n{known}',
  'run.rollback.noDefault': '実行 {runId} には復元ポイントを持つ完了済みステップがまだありません。--to で選んでください:\n{known}',
  'run.rollback.noRun': '{logDir} にルート {root} の実行がありません。ロールバックするものがありません',
  'run.rollback.of': '実行 {runId} ({product}):',
  'run.rollback.header': '復元ポイント {point} へのロールバック: {title}',
  'run.rollback.needYes': '何も実行していません。端末で実行すると確認されます。無人で実行するには --yes を付けてください: {command}',
  'run.ni.manual': '手作業 (オペレーターへの指示):',
  'run.ni.confirmedByYes': '--yes により確認済み',
  'run.ni.diff': '{file} の変更:',
  'run.ni.acceptedByYes': '--yes により承認',
  'run.ni.failed': '停止:',
  'run.ni.section': '手順書 {section}',
  'run.ni.status.done': '完了',
  'run.ni.status.skipped': 'スキップ',
  'run.ni.status.failed': '失敗',
  'run.sum.step': '{number}「{title}」({id})',
  'run.sum.done': '実行 {runId} 完了: 全 {count} ステップ完了しました。',
  'run.sum.next': '次の作業: {text}',
  'run.sum.dryRun': 'ドライラン: 何も実行せず、何も書き込んでいません。',
  'run.sum.rolledBack': '復元ポイント「{title}」({point}) にロールバックしました (その手順を実行しました)。バックアップはそのまま残しています。サービスに戻す前にサーバーを確認してください。',
  'run.sum.reboot': '再起動のため実行を停止しました。今すぐマシンを再起動し、その後次のコマンドで続行してください:\n  {command}',
  'run.sum.halfRun': 'ステップ {step} は途中まで実行された可能性があり、判断が必要です。確認後、もう一度実行するなら:\n  {rerun}\n完了していたなら、完了として記録して続行:\n  {skip}',
  'run.sum.stopped.interrupted': 'Ctrl-C により、ステップ {step} の前で停止しました。そこまでの作業は完了しジャーナルに記録済みです。',
  'run.sum.stopped.killed': 'Ctrl-C 2 回により停止しました。ステップ {step} は強制終了され、完了していません。',
  'run.sum.stopped.declined': 'ステップ {step} が確認されなかったため停止しました。',
  'run.sum.failed': 'ステップ {step} が失敗しました: {error}\nそれ以前のステップは完了、このステップは未完了です。サーバーは最後に完了したステップの状態です。',
  'run.sum.resume': '原因を取り除いた後、続行してください (失敗・中断したステップは確認のうえ再実行します):\n  {command}',
  'run.sum.rollback': 'または復元ポイント "{point}" ({title}) に戻す:\n  {command}',
  'run.sum.rollbackFailed': 'ロールバックがステップ {step} で失敗しました: {error}\n原因を取り除いてロールバックを再実行してください (完了したロールバック手順は繰り返しません):\n  {command}',
  'run.sum.files': 'レポート: {report}\nログ: {log}\nジャーナル: {journal}',
  'run.cmd.unfinished': 'このルートには {product} の未完了の実行があります: {runId}、次のステップ {step}。続行するには:\n  {command}\nまたはロールバックしてください (upgrade-wizard rollback)。それでも最初のステップからやり直す場合は --new-run を付けてください。何も実行していません。',
  'run.args.noProduct': 'run には --product ID が必要です (既知: {known})',
  'run.args.needYes': 'run は手順を無人で実際に実行するため --yes が必要です (表示だけなら --dry-run)。何も実行していません。各ステップで確認しながら進めるには、端末でウィザードを起動してください:\n  {command}',
  'run.cmd.header': '{product} の計画: {steps} ステップ、ルート {root}、メディア {media}',
  'run.cmd.warning': '警告: {warning}',
  'run.cmd.fix': '対処: {fix}',
  'run.cmd.blockers': '次の問題が解決するまで実行を開始できません (何も実行していません):\n{list}',
  'run.cmd.dryRunHeader': 'ドライラン: 以下のステップを表示するだけで実行しません。',
  'run.cmd.restorePoint': '復元ポイント {id}: {title}',
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
  --log-dir DIR     ジャーナル・ログ・レポートの場所 (既定 /var/log/upgrade-wizard)
  --new-run         このルートに未完了の実行があっても最初のステップから始める

Ctrl-C 1 回: 実行中のステップの完了後に停止 (再開可能)。2 回: 実行中のコマンドを強制終了。
終了コード: 0 完了 (または再起動のための停止)、1 失敗または停止、2 拒否。
`,
  'run.help.resume': `upgrade-wizard resume [--yes] [--root DIR] [--log-dir DIR] [--rerun-step ID | --skip-step ID]

このルートの最新の未完了の実行を、ジャーナルから続行します (失敗、Ctrl-C、クラッシュ、
再起動の後)。ジャーナルに記録された計画をそのまま使います。中断されたステップはまず確認し、
自動で判定できない場合はそのステップ名を示して停止します。確認後、--rerun-step ID で
再実行、--skip-step ID で完了として記録します。
端末では状態を表示して続行するか確認し、手作業のステップ、設定の差分、失敗のたびに確認します。
--yes は無人で実行します (スクリプト用): 手作業のステップと差分は確認済みとして扱い、失敗で
停止します。端末でなく --yes もない場合は状態の表示だけです。
`,
  'run.help.rollback': `upgrade-wizard rollback [--to POINT] [--yes] [--root DIR] [--log-dir DIR]

このルートの最新の実行を復元ポイントに戻します。既定は最後に完了したステップの復元ポイント、
または --to POINT。ロールバックの手順を先に表示し、端末では実行するか確認します (手作業の
ステップや失敗でも確認します)。スクリプトからは --yes があるときだけ実行します。
不明な POINT は復元ポイントの一覧とともに拒否します。
`,
};

// Report headings
Object.assign(en, {
  'run.report.title': 'Upgrade report: {product}, run {runId}',
  'run.report.status': 'Status',
  'run.report.unfinished': 'unfinished',
  'run.report.started': 'Started',
  'run.report.ended': 'Ended',
  'run.report.root': 'Root',
  'run.report.media': 'Media',
  'run.report.journal': 'Journal',
  'run.report.log': 'Log',
  'run.report.answers': 'Answers',
  'run.report.question': 'Question',
  'run.report.answer': 'Answer',
  'run.report.steps': 'Steps',
  'run.report.step': 'Step',
  'run.report.time': 'Finished at',
  'run.report.detail': 'Detail',
  'run.report.notRun': 'not run',
  'run.report.confirmed': 'Confirmed by hand',
  'run.report.noneConfirmed': 'Nothing was confirmed by hand.',
  'run.report.by': 'by {by}',
  'run.report.stepConfirmed': 'step confirmed as done',
  'run.report.backups': 'Backups',
  'run.report.noBackups': 'No backup was made.',
  'run.report.keptAs': '{file}: the previous version is kept as {backup}',
  'run.report.restorePoints': 'Restore points and how to roll back',
  'run.report.noRestorePoints': 'This plan has no restore points.',
  'run.report.rollbacks': 'Rollbacks',
  'run.report.interruptions': 'Interruptions and resumes',
  'run.report.resumed': 'resumed at {step}',
  'run.report.commands': 'Commands',
  'run.report.next': 'What comes next',
  'run.report.command': 'Command',
  'run.report.exit': 'Exit',
  'run.report.seconds': 'Seconds',
});
Object.assign(ja, {
  'run.report.title': 'バージョンアップ作業報告: {product}、実行 {runId}',
  'run.report.status': '状態',
  'run.report.unfinished': '未完了',
  'run.report.started': '開始',
  'run.report.ended': '終了',
  'run.report.root': 'ルート',
  'run.report.media': 'メディア',
  'run.report.journal': 'ジャーナル',
  'run.report.log': 'ログ',
  'run.report.answers': '回答',
  'run.report.question': '質問',
  'run.report.answer': '回答',
  'run.report.steps': 'ステップ',
  'run.report.step': 'ステップ',
  'run.report.time': '完了時刻',
  'run.report.detail': '詳細',
  'run.report.notRun': '未実行',
  'run.report.confirmed': '手作業の確認',
  'run.report.noneConfirmed': '手作業で確認した項目はありません。',
  'run.report.by': '確認者 {by}',
  'run.report.stepConfirmed': 'ステップの完了を確認',
  'run.report.backups': 'バックアップ',
  'run.report.noBackups': 'バックアップは作成していません。',
  'run.report.keptAs': '{file}: 以前の版は {backup} に残っています',
  'run.report.restorePoints': '復元ポイントとロールバック方法',
  'run.report.noRestorePoints': 'この計画には復元ポイントがありません。',
  'run.report.rollbacks': 'ロールバック',
  'run.report.interruptions': '中断と再開',
  'run.report.resumed': '{step} から再開',
  'run.report.commands': 'コマンド',
  'run.report.next': '次の作業',
  'run.report.command': 'コマンド',
  'run.report.exit': '終了コード',
  'run.report.seconds': '秒',
});

export const runMessages = { en, ja };
register(runMessages);
