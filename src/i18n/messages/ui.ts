// Messages of the interactive screens and of the interactive / demo commands.
import { register } from '../index.js';

export const uiMessages = {
  en: {
    'ui.yes': 'Yes',
    'ui.no': 'No',
    'ui.scroll.position': 'lines {from}–{to} of {total}',

    'ui.keys.select': '↑↓ choose · Enter confirm',
    'ui.keys.multi': '↑↓ move · Space tick · Enter confirm',
    'ui.keys.yesno': '←→ or y/n choose · Enter confirm',
    'ui.keys.skipAsk': 'y skip the step · n or Esc back',
    'ui.keys.text': 'type the answer · Enter confirm',
    'ui.keys.continue': 'Enter continue · Ctrl-C quit',
    'ui.keys.back': 'Esc back',
    'ui.keys.quit': 'Ctrl-C quit',
    'ui.keys.scroll': '↑↓ PgUp PgDn scroll',
    'ui.keys.page': 'PgUp PgDn scroll',
    'ui.keys.start': 'Enter start',
    'ui.keys.startDisabled': 'start disabled (blockers)',
    'ui.keys.run': 'Ctrl-C stop after this step',
    'ui.keys.abort': 'Ctrl-C again: abort now',
    'ui.keys.manual': '↑↓ move · Space tick · Enter confirm · PgUp PgDn scroll · s stop',
    'ui.keys.manualSkip': '↑↓ move · Space tick · Enter confirm · k skip · PgUp PgDn scroll · s stop',
    'ui.keys.diff': '↑↓ PgUp PgDn scroll · a accept and write · s stop',
    'ui.keys.diffUnread': '↑↓ PgUp PgDn End scroll · s stop',
    'ui.keys.diffRead': '↑↓ PgUp PgDn scroll · a I have read it · s stop',
    'ui.keys.exit': 'Enter or q exit',

    'ui.loading.machine': 'Looking at this machine…',
    'ui.loading.facts': 'Detecting what is installed…',
    'ui.loading.plan': 'Building the plan…',

    'ui.welcome.title': 'upgrade-wizard: welcome',
    'ui.welcome.intro':
      'This wizard guides the upgrade of this server step by step, following the vendor procedure. Nothing is changed before you have reviewed the plan and confirmed.',
    'ui.welcome.rootReal': 'Target: this server (/)',
    'ui.welcome.rootSandbox': 'Target: the sandbox {root}',
    'ui.welcome.media': 'Media (new packages): {media}',
    'ui.welcome.noMedia': 'Media (new packages): not given (--media DIR)',
    'ui.welcome.logDir': 'Journal, log and report: {dir}',
    'ui.welcome.found': 'Found on this machine:',
    'ui.welcome.nothingFound': 'Nothing could be detected; you will answer the questions yourself.',
    'ui.welcome.evidence': 'evidence: {evidence}',
    'ui.welcome.resumeFound': 'An interrupted run of {product} was found: {done} of {total} steps finished.',
    'ui.welcome.resumeNext': 'Next step: {step}',
    'ui.welcome.startedAt': 'The run started {time}. ',
    'ui.welcome.resumeIt': 'Resume the interrupted run',
    'ui.resume.movedOn': 'run {runId} was continued (or ended) by another upgrade-wizard since this wizard showed it: nothing was done. Start the wizard again to see where it is now.',
    'ui.welcome.resumeWithoutReboot': 'Resume without the reboot',
    'ui.welcome.startNew': 'Start a new upgrade',

    'ui.product.title': 'upgrade-wizard: product',
    'ui.product.question': 'Which product do you want to upgrade?',

    'ui.question.title': '{product}: questions',
    'ui.question.count': 'question {number} of {total}',
    'ui.question.detected': 'detected: {evidence}',
    'ui.question.detectedShort': 'detected',

    'ui.plan.title': '{product}: the plan',
    'ui.plan.blockersHead': '{count} blocker(s): the upgrade cannot start until they are fixed',
    'ui.plan.fix': 'fix: {fix}',
    'ui.plan.stepsHead': '{count} steps ({manual} manual)',
    'ui.plan.auto': 'auto',
    'ui.plan.manual': 'manual',
    'ui.plan.section': '(procedure {section})',
    'ui.plan.runsOn': 'runs on: {where}',
    'ui.plan.cwd': 'in the directory {dir}',
    'ui.plan.allowFailure': 'an error here is expected in some set-ups and does not stop the run',
    'ui.plan.restorePoint': 'restore point: {point}',
    'ui.plan.restorePointsHead': 'Restore points (how to go back)',
    'ui.plan.nextHead': 'When every step is done, next',
    'ui.plan.startDisabled': '✗ Start is disabled: fix the {count} blocker(s) above, then run the wizard again.',
    'ui.plan.startDisabledBack': '✗ Start is disabled by the {count} blocker(s) above: Esc changes the answers.',
    'ui.plan.ready': 'Press Enter to start the {count} steps.',
    'ui.plan.confirm': 'This will change the server: {target}',
    'ui.plan.confirmQuestion': 'Start the upgrade now ({count} steps)?',

    'ui.run.title': '{product}: running',
    'ui.run.count': '{done} of {total} done',
    'ui.run.earlier': '… {count} earlier steps',
    'ui.run.working': 'working…',
    'ui.run.waiting': 'waiting for you…',
    'ui.run.status.done': 'done',
    'ui.run.status.skipped': 'skipped',
    'ui.run.status.failed': 'failed',
    'ui.run.status.declined': 'not accepted: the run stops here',
    'ui.run.retrying': 'retry: attempt {attempt}',
    'ui.run.onAttempt': 'on attempt {attempt}, after a retry',
    'ui.run.stopping': 'Stopping after this step… press Ctrl-C again to abort now.',
    'ui.run.aborting': 'Aborting now…',

    'ui.manual.doneItem': 'I have done this step',
    'ui.manual.progress': '{done} of {total} ticked: tick each item when it is done',
    'ui.manual.allTicked': 'All ticked: press Enter to confirm',
    'ui.manual.tickAll': 'Tick every item first ({done} of {total} ticked)',
    'ui.manual.confirmProgress': 'Tick it to have the wizard do this, then press Enter (s stops here: nothing is done)',
    'ui.manual.optional': 'The procedure says this step is optional: k skips it (recorded as skipped, not as done).',
    'ui.manual.skipAsk': 'Skip step {number} ({title})? It is recorded as skipped by you, not as done. y skips it, n goes back.',
    'ui.manual.outputOf': 'Output of step {number} ({title}):',
    'ui.manual.textMore': '↓ {position}: PgDn shows more',
    'ui.manual.textEnd': '↑ {position}: PgUp goes back',

    'ui.failure.head': 'Step {number} failed: {title}',
    'ui.failure.interrupted': 'Step {number} was interrupted: {title}',

    'ui.diff.head': '{title}: changes to {file}',
    'ui.diff.headRead': '{title}: {file} (old) against the files in place now (new)',
    'ui.diff.noChanges': 'No changes.',
    'ui.diff.moreFindings': '… {count} more lines of findings (in the log and the report)',
    'ui.diff.question': 'Write these changes? a: accept and write · s: stop (nothing is written)',
    'ui.diff.readOnly': 'A comparison to read; nothing is written. a: I have read it · s: stop',
    'ui.diff.readFirst': 'Read to the end before writing (PgDn, End) · s: stop',
    'ui.diff.readFirstRead': 'A comparison to read: read it to the end (PgDn, End) · s: stop',
    'ui.diff.more': '↓ {position}: {count} more below (PgDn, End)',
    'ui.diff.end': '{position}: the end',

    'ui.summary.title': 'upgrade-wizard: summary',
    'ui.summary.done': 'The upgrade finished.',
    'ui.summary.partDone': "This server's part of the procedure is finished; the procedure goes on elsewhere (below).",
    'ui.summary.stopped': 'The run stopped before the end.',
    'ui.summary.reboot': 'The run paused for the reboot the procedure asks for.',
    'ui.summary.failed': 'The run failed.',
    'ui.summary.rolledBack': 'The run was rolled back.',
    'ui.summary.report': 'Report: {path}',
    'ui.summary.backups': 'Backups:',
    'ui.summary.again': 'To continue in the wizard (it offers to resume):\n  {command}',
    'ui.summary.goBack': 'To roll back to the last restore point ("{point}"):\n  {command}',

    'ui.error.title': 'upgrade-wizard: error',
    'ui.error.head': 'the wizard stopped',
    'ui.error.unknownProduct': 'unknown product "{product}"; "upgrade-wizard list" shows the products',
    'ui.quit.nothingChanged': 'The wizard was closed; nothing was changed by this run.',

    'ui.cmd.interactiveHelp': `Usage: upgrade-wizard [interactive] [--root DIR] [--media DIR] [--log-dir DIR]
                      [--product ID] [--set Q=V ...] [--answers FILE]

The interactive wizard (needs a terminal): detection, questions, plan review, run, summary.
  --root DIR      resolve every path of the procedure under DIR (a sandbox)
  --media DIR     where the new packages are (a mounted CD)
  --log-dir DIR   where the journal, log and report go
  --product ID    skip the product choice
  --set Q=V       answer question Q with V (repeatable; lists: V1,V2)
  --answers FILE  answers from a YAML or JSON file
  --save-answers FILE  write the answers of the reviewed plan (no secret) to FILE (0600)
`,
    'ui.cmd.demoHelp': `Usage: upgrade-wizard demo

Builds a sample ShareTask 5.4 server in a new temporary directory, with stand-ins for
service, chkconfig and the other commands, and starts the interactive wizard on it.
Nothing outside that directory is touched.
`,
    'ui.cmd.unknownOption': 'unknown option "{option}" for {command}; see upgrade-wizard {command} --help',
    'ui.cmd.unknownQuestion': '{source}: "{question}" is not a question of {product}; "upgrade-wizard list" shows them',
    'ui.cmd.badAnswer': '{source}: {question}: {problem}',
    'ui.cmd.noTty': 'the {command} command needs a terminal (stdin and stdout must be a TTY); use "plan" or "run --yes" instead, or see --help',
    'ui.cmd.demoStart': 'Demo sandbox (a sample ShareTask 5.4 server): {dir}',
    'ui.cmd.demoEnd': 'The demo sandbox stays in {dir}: look at it, or remove it with: rm -rf {dir}',
    'ui.cmd.brokenDefinition': '{file} does not load and is left out; "upgrade-wizard validate {file}" shows why',
    'ui.notice.notRoot': 'You are not root: the questions and the plan work, but the upgrade cannot start as this user. Run the wizard as root (e.g. with sudo), or rehearse it in a sandbox with --root DIR.',
    'ui.notice.logDir': 'The log directory {dir} cannot be written ({code}): the upgrade cannot start, since it could not keep its journal. Run as root, or give another directory with --log-dir DIR.',
    'ui.blocker.logDir': 'the log directory {dir} cannot be written ({code}): the run could not keep its journal',
    'ui.blocker.logDirFix': 'run the wizard as root, or start it again with --log-dir DIR (a directory you can write)',

    // uifix: the rollback as a phase of the run screen, the quit-to-reboot choice, the welcome without a product found.
    'ui.run.titleRollback': '{product}: rolling back',
    'ui.run.titleRolledBack': '{product}: rolled back',
    'ui.run.titleRollbackFailed': '{product}: rollback stopped',
    'ui.run.rollingBack': 'Rolling back to "{point}": {done} of {total} done',
    'ui.run.rolledBack': 'Rolled back to "{point}": all {total} steps done',
    'ui.run.rollbackFailed': 'The rollback to "{point}" stopped: {done} of {total} done',
    'ui.failure.headRollback': 'Rollback step {number} failed: {title}',
    'ui.welcome.quitForReboot': 'Quit: I will reboot first',
    'ui.welcome.quitForRebootDone': 'Nothing was changed. After the reboot, start the wizard again; it offers to resume the run:\n  {command}',
    'ui.welcome.productNotFound': 'Nothing installed was recognised for "{product}". The questions propose what could be detected (such as the operating system); you answer the rest.',
    'ui.welcome.noProductFound': 'No installed product was recognised on this machine. The questions propose what could be detected (such as the operating system); you answer the rest.',
  },
  ja: {
    'ui.yes': 'はい',
    'ui.no': 'いいえ',
    'ui.scroll.position': '{from}–{to} 行目 / 全 {total} 行',

    'ui.keys.select': '↑↓ 選択 · Enter 決定',
    'ui.keys.multi': '↑↓ 移動 · Space チェック · Enter 決定',
    'ui.keys.yesno': '←→ または y/n で選択 · Enter 決定',
    'ui.keys.skipAsk': 'y ステップをスキップ · n または Esc 戻る',
    'ui.keys.text': '回答を入力 · Enter 決定',
    'ui.keys.continue': 'Enter 次へ · Ctrl-C 終了',
    'ui.keys.back': 'Esc 戻る',
    'ui.keys.quit': 'Ctrl-C 終了',
    'ui.keys.scroll': '↑↓ PgUp PgDn スクロール',
    'ui.keys.page': 'PgUp PgDn スクロール',
    'ui.keys.start': 'Enter 開始',
    'ui.keys.startDisabled': '開始不可 (阻害要因あり)',
    'ui.keys.run': 'Ctrl-C このステップの後で停止',
    'ui.keys.abort': 'もう一度 Ctrl-C: 直ちに中断',
    'ui.keys.manual': '↑↓ 移動 · Space チェック · Enter 確認 · PgUp PgDn スクロール · s 停止',
    'ui.keys.manualSkip': '↑↓ 移動 · Space チェック · Enter 確認 · k スキップ · PgUp PgDn スクロール · s 停止',
    'ui.keys.diff': '↑↓ PgUp PgDn スクロール · a 承認して書き込む · s 停止',
    'ui.keys.diffUnread': '↑↓ PgUp PgDn End スクロール · s 停止',
    'ui.keys.diffRead': '↑↓ PgUp PgDn スクロール · a 確認した · s 停止',
    'ui.keys.exit': 'Enter または q で終了',

    'ui.loading.machine': 'このマシンを調べています…',
    'ui.loading.facts': 'インストール状況を検出しています…',
    'ui.loading.plan': '実行計画を作成しています…',

    'ui.welcome.title': 'upgrade-wizard: ようこそ',
    'ui.welcome.intro':
      'このウィザードは、ベンダーの手順書に沿ってこのサーバーのバージョンアップを一歩ずつ案内します。実行計画を確認して承認するまで、何も変更しません。',
    'ui.welcome.rootReal': '対象: このサーバー (/)',
    'ui.welcome.rootSandbox': '対象: サンドボックス {root}',
    'ui.welcome.media': 'メディア (新パッケージ): {media}',
    'ui.welcome.noMedia': 'メディア (新パッケージ): 指定なし (--media DIR)',
    'ui.welcome.logDir': 'ジャーナル・ログ・報告書: {dir}',
    'ui.welcome.found': 'このマシンで見つかったもの:',
    'ui.welcome.nothingFound': '何も検出できませんでした。質問にはご自身で回答してください。',
    'ui.welcome.evidence': '根拠: {evidence}',
    'ui.welcome.resumeFound': '中断された「{product}」の実行が見つかりました: {total} ステップ中 {done} ステップが終了しています。',
    'ui.welcome.resumeNext': '次のステップ: {step}',
    'ui.welcome.startedAt': '実行開始 {time}。',
    'ui.welcome.resumeIt': '中断された実行を再開する',
    'ui.resume.movedOn': '実行 {runId} は、このウィザードが表示した後に別の upgrade-wizard によって続行 (または終了) されました。何も実行していません。現在の状態を見るには、ウィザードを起動し直してください。',
    'ui.welcome.resumeWithoutReboot': '再起動せずに再開する',
    'ui.welcome.startNew': '新しくバージョンアップを始める',

    'ui.product.title': 'upgrade-wizard: 製品',
    'ui.product.question': 'どの製品をバージョンアップしますか?',

    'ui.question.title': '{product}: 質問',
    'ui.question.count': '質問 {number} / {total}',
    'ui.question.detected': '検出: {evidence}',
    'ui.question.detectedShort': '検出',

    'ui.plan.title': '{product}: 実行計画',
    'ui.plan.blockersHead': '阻害要因が {count} 件あります: 解消するまでバージョンアップを開始できません',
    'ui.plan.fix': '対処: {fix}',
    'ui.plan.stepsHead': '全 {count} ステップ (うち手作業 {manual})',
    'ui.plan.auto': '自動',
    'ui.plan.manual': '手作業',
    'ui.plan.section': '(手順書 {section})',
    'ui.plan.runsOn': '実行するマシン: {where}',
    'ui.plan.cwd': 'ディレクトリ {dir} で実行',
    'ui.plan.allowFailure': '構成によってはここでエラーが出ますが、実行は止まりません',
    'ui.plan.restorePoint': '復元ポイント: {point}',
    'ui.plan.restorePointsHead': '復元ポイント (元に戻す方法)',
    'ui.plan.nextHead': 'すべての手順が終わったら、次の作業',
    'ui.plan.startDisabled': '✗ 開始できません: 上の {count} 件の阻害要因を解消してから再実行してください。',
    'ui.plan.startDisabledBack': '✗ 上の {count} 件の阻害要因のため開始できません: Esc で回答を変更します。',
    'ui.plan.ready': 'Enter で {count} ステップを開始します。',
    'ui.plan.confirm': 'サーバーに変更を加えます: {target}',
    'ui.plan.confirmQuestion': 'バージョンアップを今すぐ開始しますか ({count} ステップ)?',

    'ui.run.title': '{product}: 実行中',
    'ui.run.count': '{total} 中 {done} 完了',
    'ui.run.earlier': '… それより前の {count} ステップ',
    'ui.run.working': '実行中…',
    'ui.run.waiting': '操作を待っています…',
    'ui.run.status.done': '完了',
    'ui.run.status.skipped': 'スキップ',
    'ui.run.status.failed': '失敗',
    'ui.run.status.declined': '未承認のため、ここで停止',
    'ui.run.retrying': '再試行: {attempt} 回目の実行',
    'ui.run.onAttempt': '再試行後、{attempt} 回目の実行',
    'ui.run.stopping': 'このステップの後で停止します… 直ちに中断するにはもう一度 Ctrl-C を押してください。',
    'ui.run.aborting': '直ちに中断しています…',

    'ui.manual.doneItem': 'このステップを実施しました',
    'ui.manual.progress': '{total} 項目中 {done} 項目チェック済み: 完了した項目ごとにチェックしてください',
    'ui.manual.allTicked': 'すべてチェック済み: Enter で確認します',
    'ui.manual.tickAll': '先にすべての項目をチェックしてください ({total} 項目中 {done} 項目)',
    'ui.manual.confirmProgress': 'ウィザードに実行させるにはチェックして Enter を押してください (s でここで停止し、何も実行しません)',
    'ui.manual.optional': '手順書ではこのステップは任意です: k でスキップします (完了ではなくスキップとして記録します)。',
    'ui.manual.skipAsk': 'ステップ {number} ({title}) をスキップしますか? 完了ではなく、あなたがスキップしたと記録します。y でスキップ、n で戻ります。',
    'ui.manual.outputOf': 'ステップ {number} ({title}) の出力:',
    'ui.manual.textMore': '↓ {position}: PgDn で続きを表示',
    'ui.manual.textEnd': '↑ {position}: PgUp で前に戻る',

    'ui.failure.head': 'ステップ {number} が失敗しました: {title}',
    'ui.failure.interrupted': 'ステップ {number} は中断されていました: {title}',

    'ui.diff.head': '{title}: {file} への変更',
    'ui.diff.headRead': '{title}: {file} (old) と現在のファイル (new) の比較',
    'ui.diff.noChanges': '変更はありません。',
    'ui.diff.moreFindings': '… 指摘事項はほか {count} 行あります (ログと報告書に記録)',
    'ui.diff.question': 'この変更を書き込みますか? a: 承認して書き込む · s: 停止 (何も書き込みません)',
    'ui.diff.readOnly': '確認用の比較です。何も書き込みません。a: 確認した · s: 停止',
    'ui.diff.readFirst': '書き込む前に最後まで読んでください (PgDn, End) · s: 停止',
    'ui.diff.readFirstRead': '確認用の比較です。最後まで読んでください (PgDn, End) · s: 停止',
    'ui.diff.more': '↓ {position}: 下にあと {count} 行 (PgDn, End)',
    'ui.diff.end': '{position}: ここが最後です',

    'ui.summary.title': 'upgrade-wizard: 結果',
    'ui.summary.done': 'バージョンアップが完了しました。',
    'ui.summary.partDone': 'このサーバの分の手順が完了しました。手順は別の場所で続きます (下記)。',
    'ui.summary.stopped': '最後まで実行せずに停止しました。',
    'ui.summary.reboot': '手順書の指示どおり、再起動のために実行を一時停止しました。',
    'ui.summary.failed': '実行に失敗しました。',
    'ui.summary.rolledBack': '実行をロールバックしました。',
    'ui.summary.report': '報告書: {path}',
    'ui.summary.backups': 'バックアップ:',
    'ui.summary.again': 'ウィザードで続けるには (再開を提案します):\n  {command}',
    'ui.summary.goBack': 'この実行の最後の復元ポイント (「{point}」) に戻すには:\n  {command}',

    'ui.error.title': 'upgrade-wizard: エラー',
    'ui.error.head': 'ウィザードが停止しました',
    'ui.error.unknownProduct': '不明な製品 "{product}" です。"upgrade-wizard list" で製品を確認できます',
    'ui.quit.nothingChanged': 'ウィザードを終了しました。この実行では何も変更していません。',

    'ui.cmd.interactiveHelp': `使い方: upgrade-wizard [interactive] [--root DIR] [--media DIR] [--log-dir DIR]
                      [--product ID] [--set Q=V ...] [--answers FILE]

対話型ウィザード (端末が必要): 検出、質問、実行計画の確認、実行、結果。
  --root DIR      手順のすべてのパスを DIR の下で解決する (サンドボックス)
  --media DIR     新しいパッケージの場所 (マウントした CD)
  --log-dir DIR   ジャーナル・ログ・報告書の出力先
  --product ID    製品の選択を省略する
  --set Q=V       質問 Q に V と回答する (複数指定可。リストは V1,V2)
  --answers FILE  YAML または JSON ファイルから回答を読む
  --save-answers FILE  確認した計画の回答 (秘密を除く) を FILE (0600) に保存
`,
    'ui.cmd.demoHelp': `使い方: upgrade-wizard demo

新しい一時ディレクトリにサンプルの ShareTask 5.4 サーバーを作り、service や chkconfig
などのコマンドの代役を用意して、その上で対話型ウィザードを起動します。
そのディレクトリの外には何も変更を加えません。
`,
    'ui.cmd.unknownOption': '{command} のオプション "{option}" は不明です。upgrade-wizard {command} --help を参照してください',
    'ui.cmd.unknownQuestion': '{source}: "{question}" は {product} の質問ではありません。"upgrade-wizard list" で確認できます',
    'ui.cmd.badAnswer': '{source}: {question}: {problem}',
    'ui.cmd.noTty': '{command} コマンドには端末が必要です (標準入力と標準出力が TTY であること)。"plan" や "run --yes" を使うか、--help を参照してください',
    'ui.cmd.demoStart': 'デモ用サンドボックス (サンプルの ShareTask 5.4 サーバー): {dir}',
    'ui.cmd.demoEnd': 'デモ用サンドボックスは {dir} に残っています。確認するか、rm -rf {dir} で削除してください',
    'ui.cmd.brokenDefinition': '{file} は読み込めないため除外しました。理由は "upgrade-wizard validate {file}" で確認できます',
    'ui.notice.notRoot': 'root ではありません。質問への回答と計画の確認はできますが、このユーザーではバージョンアップを開始できません。root で (sudo などで) 実行するか、--root DIR のサンドボックスで予行演習してください。',
    'ui.notice.logDir': 'ログディレクトリ {dir} に書き込めません ({code})。ジャーナルを残せないため、バージョンアップを開始できません。root で実行するか、--log-dir DIR で別のディレクトリを指定してください。',
    'ui.blocker.logDir': 'ログディレクトリ {dir} に書き込めません ({code})。実行のジャーナルを残せません',
    'ui.blocker.logDirFix': 'root でウィザードを実行するか、--log-dir DIR (書き込めるディレクトリ) を指定して起動し直してください',

    // uifix: ロールバックの表示、再起動のための終了、製品が見つからないときのようこそ画面。
    'ui.run.titleRollback': '{product}: ロールバック中',
    'ui.run.titleRolledBack': '{product}: ロールバック完了',
    'ui.run.titleRollbackFailed': '{product}: ロールバック停止',
    'ui.run.rollingBack': '「{point}」へロールバック中: {total} 中 {done} 完了',
    'ui.run.rolledBack': '「{point}」へのロールバックが完了しました: 全 {total} ステップ完了',
    'ui.run.rollbackFailed': '「{point}」へのロールバックが停止しました: {total} 中 {done} 完了',
    'ui.failure.headRollback': 'ロールバックのステップ {number} が失敗しました: {title}',
    'ui.welcome.quitForReboot': '終了する: 先に再起動する',
    'ui.welcome.quitForRebootDone': '何も変更していません。再起動の後、もう一度ウィザードを起動してください。実行の再開を提案します:\n  {command}',
    'ui.welcome.productNotFound': '「{product}」の対象となるインストールは認識できませんでした。検出できたもの (オペレーティングシステムなど) は質問で提案します。残りはご自身で回答してください。',
    'ui.welcome.noProductFound': 'このマシンにインストールされている製品は認識できませんでした。検出できたもの (オペレーティングシステムなど) は質問で提案します。残りはご自身で回答してください。',
  },
};

register(uiMessages);
