// Messages of definitions, plans and detection, and of the list/detect/plan/validate commands.
import { register } from '../index.js';

export const planMessages = {
  en: {
    'plan.answer.badItem': 'an empty or unprintable item in "{value}"',
    'plan.answer.notChoice': '"{value}" is not one of: {choices}',
    'plan.answer.pattern': '"{value}" does not have the expected form ({pattern})',
    'plan.answer.notList': 'expected one value, not a list',
    'plan.answer.control': 'the value contains control characters',
    'plan.answer.yesno': '"{value}" is not yes or no',
    'plan.answer.version': '"{value}" is not a version (e.g. 5.4.3, 5.5.1-2, R13.2, 2.1.3-1)',
    'plan.answer.path': '"{value}" is not an absolute path without ".." (e.g. /home/sharetask)',
    'plan.answer.empty': 'an answer is needed (the value is empty)',
    'plan.answer.emptyList': 'at least one item is needed (comma-separated)',
    'plan.answer.unknown': 'there is no question "{id}"; the questions are: {known}',
    'plan.answer.missing': 'answers are missing: {ids}',
    'plan.build.step': 'step {id} ("{title}")',
    'plan.build.restorePoint': 'restore point {id}',
    'plan.build.blocker': 'blocker rule {id}',
    'plan.build.next': 'what comes next (next[{index}])',
    'plan.build.template.unknown': '{where}: the placeholder {placeholder} is unknown',
    'plan.build.template.unanswered': '{where}: {placeholder} has no answer (the question does not apply to these answers)',
    'plan.build.template.list': '{where}: {placeholder} is a list and cannot be part of a path or a command',
    'plan.build.template.var-cycle': '{where}: the vars refer to each other without end at {placeholder}',
    'plan.build.archiveFormat': '{where}: cannot tell how to unpack "{archive}" (expected .tar.gz, .tgz, .tar or .zip)',
    'plan.check.duplicateId': 'the id "{id}" is used already at {first}',
    'plan.check.conditionUnknown': 'the condition refers to a question "{q}" that does not exist',
    'plan.check.conditionLater': 'the condition refers to the question "{q}", which comes later; a question may only depend on earlier ones',
    'plan.check.conditionChoice': '"{value}" is not a choice of the question "{q}" ({choices})',
    'plan.check.hasNotList': '"has" needs a multi or list question; "{q}" is not one',
    'plan.check.eqOnList': '"{q}" is a list: test it with "has", not "eq" or "in"',
    'plan.check.versionNotVersion': '"version" needs a question of type version; "{q}" is not one',
    'plan.check.badRange': '{detail}',
    'plan.check.choicesMissing': 'the question "{q}" needs choices',
    'plan.check.badPattern': 'the regular expression does not compile: {detail}',
    'plan.check.badDefault': 'the default is not a valid answer: {detail}',
    'plan.check.unknownDetector': 'there is no detector "{detect}"; known: {known}',
    'plan.check.unknownAnswer': '{placeholder} is not a question of this definition',
    'plan.check.unknownVar': '{placeholder} is not among the vars',
    'plan.check.candidateOnly': '{placeholder} is only filled in the validate argv of an ensure-lines step',
    'plan.check.badPlaceholder': '"{placeholder}" is not a placeholder: use {root}, {QUESTION}, {media:KEY}, {media:KEY:GROUP} or {var:NAME}, and {{ }} for literal braces',
    'plan.check.unknownMedia': '{placeholder}: no such key under media',
    'plan.check.unknownGroup': '{placeholder}: the media pattern has no such named group (it has: {groups})',
    'plan.check.unknownRestorePoint': 'there is no restore point "{id}"',
    'plan.load.badKind': 'unknown step kind "{kind}"; the kinds are: {kinds}',
    'plan.load.badCondition': 'not a condition: write {q: ID, eq|ne|in|version|has|set: ...} or all / any / not',
    'plan.load.unknownKeys': 'unknown key(s): {keys}',
    'plan.load.yaml': 'not valid YAML: {detail}',
    'plan.load.notMapping': 'a definition is a YAML mapping (id, title, questions, steps, ...)',
    'plan.load.unreadable': 'cannot read {file}: {detail}',
    'plan.load.duplicateProduct': 'the product id "{id}" is defined twice: also by {first}; move the file that is not the product\'s definition (a backup copy, for instance) out of the wizards folder',
    'plan.load.unknownProduct': 'there is no product "{id}"; the products are: {known}',
    'plan.warn.notRootSandbox': 'not running as root: allowed because {root} is a sandbox (--root)',
    'plan.warn.differsFromDetected': '"{question}" was answered {answer}, but this machine says {detected} ({evidence})',
    'plan.blocker.differsFromDetected': '"{question}" was answered {answer}, but this machine is {detected} ({evidence})',
    'plan.blocker.differsFromDetectedFix': 'run the wizard on the machine the answer is for, or answer {id}={detected} here (answers saved on another machine carry its own)',
    'plan.warn.willStop': 'running now: {services}; the plan stops them before the backup ({steps})',
    'plan.blocker.notRoot': 'the procedure must be run as root',
    'plan.blocker.notRootFix': 'run the wizard as root (e.g. with sudo), or use --root DIR to rehearse in a sandbox',
    'plan.blocker.mediaNone': '{title} is needed, and no media was given',
    'plan.blocker.mediaNoneFix': 'mount the CD and give its directory with --media DIR',
    'plan.blocker.mediaMissing': '{title} is not on the media {dir}',
    'plan.blocker.mediaMissingFix': 'put the file on the media or give the right directory with --media ({dir} needs {file})',
    'plan.blocker.mediaMatching': 'a file whose name matches {pattern}',
    'plan.blocker.diskSpace': 'not enough free space for the backup in {dir}: {free} MiB free, {needed} MiB to back up',
    'plan.blocker.diskSpaceFix': 'free at least {needed} MiB on the file system of {dir} before the upgrade',
    'plan.blocker.backupNotWritable': 'the backup cannot be written in {dir}: {checked} is not writable (a read-only file system, or no permission); the backup would fail after the services are stopped',
    'plan.blocker.backupNotWritableFix': 'make {checked} writable (mount its file system read-write, or give this user write permission), then look again',
    'plan.warn.journalsUnread': 'earlier runs in {dir} are not taken into account, because a journal there cannot be read (run, resume and rollback refuse until it is repaired or moved out): {problem}',
    'plan.blocker.servicesRunning': '{services} is running and the plan does not stop it before the backup ({step})',
    'plan.blocker.servicesRunningFix': 'stop {services} before running the plan: a backup of a running database may not restore',
    'plan.blocker.backupInside': 'step {step} ("{title}") would write its archive {archive} inside {source}, the tree it archives: the step would refuse it only after the steps before it (stops and the like) had run',
    'plan.blocker.backupInsideFix': 'put the archive of step {step} outside {source}',
    'plan.blocker.backupInsideFixAnswer': 'answer "{question}" ({id}, now {answer}) with a directory outside {source}',
    'detect.platform': 'this machine runs {platform}',
    'detect.systemRoot': 'the environment variable SystemRoot of this machine is {path}',
    'detect.st.server': '{path} exists (the ShareTask server environment)',
    'detect.st.agent': '{path} exists and so does the agent service {init}',
    'detect.st.cli': '{path} exists, without an agent service {init}',
    'detect.st.link': 'the symbolic link {link} points to {target}',
    'detect.st.media': 'found on the media: {file}',
    'detect.st.dir': '{path} is a directory',
    'detect.st.dirLink': '{path} is a symbolic link; its real path is {real}',
    'detect.st.daemons': 'init scripts in {dir}: {found}',
    'detect.st.noDaemons': 'no init script in {dir} for {names}',
    'detect.st.custom': '{path} exists',
    'detect.st.noCustom': '{path} does not exist',
    'detect.st.noLicense': 'no License_*.tar.gz on the media {dir}',
    'detect.st.confOwner': '{path} is owned by {user} (3.8.5 gives conf to the web user)',
    'plan.fmt.header': '{title} ({product}): plan   root {root}   media {media}',
    'plan.fmt.answers': 'Answers:',
    'plan.fmt.detected': 'detected: {evidence}',
    'plan.fmt.steps': 'Steps ({count}):',
    'plan.fmt.manual': '[MANUAL: you do it, then confirm]',
    'plan.fmt.cwd': 'in {cwd}',
    'plan.fmt.owner': 'owner {owner}',
    'plan.fmt.recursive': 'recursively',
    'plan.fmt.allowFailure': 'an error here may be ignored',
    // Said of service steps (a service not installed) and of copy and move steps (no such source).
    'plan.fmt.ifMissingSkip': 'skipped when its service, file or directory does not exist',
    'plan.fmt.restorePoint': 'restore point: {id}',
    'plan.fmt.restorePoints': 'Restore points:',
    'plan.fmt.next': 'When every step is done, next:',
    'plan.fmt.warnings': 'Warnings:',
    'plan.fmt.checked': 'Checked:',
    'plan.fmt.noBlockers': 'No blockers.',
    'plan.fmt.blockers': 'Blockers ({count}): the plan cannot run until they are resolved',
    'plan.fmt.fix': 'fix: {fix}',
    'plan.cmd.help': `Usage: upgrade-wizard plan --product ID [options]

Shows the plan for these answers: every step with its exact commands, the manual steps,
the restore points and the blockers. Nothing is changed. Exit 0 even with blockers.

Options:
  --product ID       the product (see "upgrade-wizard list")
  --set Q=V          an answer (repeatable); lists as a,b
  --answers FILE     answers from a YAML or JSON file; --set wins over it
  --save-answers FILE  write every answer (no secret) to FILE (0600) for --answers
  --root DIR         a sandbox: every absolute path of the procedure is under DIR
  --media DIR        where the new packages are (a mounted CD)
  --log-dir DIR      where earlier runs are journaled (order rules such as standby node first)
  --json             the plan as JSON
Answers not given are detected where possible, then taken from the defaults; any still
missing make the command fail with exit 2, listing them.
`,
    'plan.cmd.noProduct': '--product is needed; the products are: {known}',
    'plan.cmd.missing': `answers are missing for {product}; give them with --set ID=VALUE or --answers FILE:
{list}`,
    'plan.cmd.accepts': 'one of: {accepts}',
    'plan.cmd.formPlain': 'a {type} value',
    'plan.cmd.acceptsMulti': 'any of (comma-separated, may be empty): {accepts}',
    'plan.cmd.moreLater': 'depending on these answers, more may be asked: {ids}',
    'plan.list.help': `Usage: upgrade-wizard list [--json]

Lists the products, their questions, the choices and the defaults.
`,
    'plan.list.conditional': '[only for some answers]',
    'plan.list.default': 'default: {value}',
    'plan.list.broken': 'warning: the definition {file} does not load and is left out:',
    'plan.list.detected': 'detected when possible',
    'plan.detect.help': `Usage: upgrade-wizard detect [--root DIR] [--media DIR] [--product ID] [--json]

Shows what can be detected on this machine (or under the sandbox DIR), with the evidence.
Nothing is changed.
`,
    'plan.detect.header': 'Detected under {root} (media {media}):',
    'plan.detect.headerNoMedia': 'Detected under {root} (no media given; --media DIR for the packages):',
    'plan.detect.none': '(none)',
    'plan.detect.nothing': 'Nothing detected.',
    'plan.validate.help': `Usage: upgrade-wizard validate FILE...

Checks wizard definitions; each problem is shown as FILE:LINE: PATH: what is wrong.
Exit 0 when all are valid, 2 otherwise.
`,
    'plan.validate.noFile': 'validate needs the definition file(s) to check, e.g. upgrade-wizard validate wizards/sharetask.yaml',
    'plan.validate.failed': '{file}: {count} problem(s)',
    'plan.validate.ok': 'OK: {file} (product {id}, {questions} questions, {steps} steps)',
  },
  ja: {
    'plan.answer.badItem': '"{value}" に空または表示できない項目があります',
    'plan.answer.notChoice': '"{value}" は選択肢 ({choices}) のどれでもありません',
    'plan.answer.pattern': '"{value}" は期待される形式 ({pattern}) ではありません',
    'plan.answer.notList': '値は 1 つです。リストは指定できません',
    'plan.answer.control': '値に制御文字が含まれています',
    'plan.answer.yesno': '"{value}" は yes でも no でもありません',
    'plan.answer.version': '"{value}" はバージョンではありません (例 5.4.3, 5.5.1-2, R13.2, 2.1.3-1)',
    'plan.answer.path': '"{value}" は ".." を含まない絶対パスではありません (例 /home/sharetask)',
    'plan.answer.empty': '回答が必要です (値が空です)',
    'plan.answer.emptyList': '項目を 1 つ以上指定してください (カンマ区切り)',
    'plan.answer.unknown': '質問 "{id}" はありません。質問は {known} です',
    'plan.answer.missing': '回答がありません: {ids}',
    'plan.build.step': 'ステップ {id} (「{title}」)',
    'plan.build.restorePoint': '復元ポイント {id}',
    'plan.build.blocker': '中止条件 {id}',
    'plan.build.next': '次の作業 (next[{index}])',
    'plan.build.template.unknown': '{where}: プレースホルダー {placeholder} は不明です',
    'plan.build.template.unanswered': '{where}: {placeholder} の回答がありません (この回答ではその質問は対象外です)',
    'plan.build.template.list': '{where}: {placeholder} はリストなので、パスやコマンドの一部にできません',
    'plan.build.template.var-cycle': '{where}: vars が {placeholder} で循環しています',
    'plan.build.archiveFormat': '{where}: "{archive}" の展開方法がわかりません (.tar.gz, .tgz, .tar, .zip のいずれか)',
    'plan.check.duplicateId': 'ID "{id}" は {first} ですでに使われています',
    'plan.check.conditionUnknown': '条件が存在しない質問 "{q}" を参照しています',
    'plan.check.conditionLater': '条件が後にある質問 "{q}" を参照しています。質問はそれより前の質問にしか依存できません',
    'plan.check.conditionChoice': '"{value}" は質問 "{q}" の選択肢 ({choices}) にありません',
    'plan.check.hasNotList': '"has" は multi か list の質問に使います。"{q}" は違います',
    'plan.check.eqOnList': '"{q}" はリストです。"eq" や "in" ではなく "has" で調べてください',
    'plan.check.versionNotVersion': '"version" は version 型の質問に使います。"{q}" は違います',
    'plan.check.badRange': '{detail}',
    'plan.check.choicesMissing': '質問 "{q}" には choices が必要です',
    'plan.check.badPattern': '正規表現がコンパイルできません: {detail}',
    'plan.check.badDefault': '既定値が正しい回答ではありません: {detail}',
    'plan.check.unknownDetector': '検出器 "{detect}" はありません。既知の検出器: {known}',
    'plan.check.unknownAnswer': '{placeholder} はこの定義の質問ではありません',
    'plan.check.unknownVar': '{placeholder} は vars にありません',
    'plan.check.candidateOnly': '{placeholder} は ensure-lines ステップの validate の argv でのみ使えます',
    'plan.check.badPlaceholder': '"{placeholder}" はプレースホルダーではありません。{root}, {質問ID}, {media:KEY}, {media:KEY:GROUP}, {var:NAME} を使い、波かっこそのものは {{ }} と書いてください',
    'plan.check.unknownMedia': '{placeholder}: media にそのキーはありません',
    'plan.check.unknownGroup': '{placeholder}: media のパターンにその名前付きグループはありません (あるのは {groups})',
    'plan.check.unknownRestorePoint': '復元ポイント "{id}" はありません',
    'plan.load.badKind': '不明なステップ種別 "{kind}" です。種別は {kinds} です',
    'plan.load.badCondition': '条件ではありません: {q: ID, eq|ne|in|version|has|set: ...} または all / any / not と書いてください',
    'plan.load.unknownKeys': '不明なキー: {keys}',
    'plan.load.yaml': 'YAML として正しくありません: {detail}',
    'plan.load.notMapping': '定義は YAML のマッピング (id, title, questions, steps など) です',
    'plan.load.unreadable': '{file} を読めません: {detail}',
    'plan.load.duplicateProduct': '製品 ID "{id}" が 2 回定義されています (もう一方は {first})。製品の定義ではないほうのファイル (バックアップのコピーなど) を wizards フォルダーの外に移してください',
    'plan.load.unknownProduct': '製品 "{id}" はありません。製品は {known} です',
    'plan.warn.notRootSandbox': 'root 権限で実行していません。{root} はサンドボックス (--root) なので許可します',
    'plan.warn.differsFromDetected': '「{question}」の答えは {answer} ですが、このマシンでは {detected} です ({evidence})',
    'plan.blocker.differsFromDetected': '「{question}」の答えは {answer} ですが、このマシンは {detected} です ({evidence})',
    'plan.blocker.differsFromDetectedFix': '答えの対象のマシンでウィザードを実行するか、ここでは {id}={detected} と答えてください (他のマシンで保存した答えにはそのマシンの値が入っています)',
    'plan.warn.willStop': '現在稼働中: {services}。計画はバックアップ前にこれらを停止します ({steps})',
    'plan.blocker.notRoot': 'この手順は root 権限で実行する必要があります',
    'plan.blocker.notRootFix': 'root でウィザードを実行するか (sudo など)、--root DIR でサンドボックスで予行演習してください',
    'plan.blocker.mediaNone': '{title} が必要ですが、メディアが指定されていません',
    'plan.blocker.mediaNoneFix': 'CD をマウントし、そのディレクトリを --media DIR で指定してください',
    'plan.blocker.mediaMissing': '{title} がメディア {dir} にありません',
    'plan.blocker.mediaMissingFix': 'ファイルをメディアに置くか、正しいディレクトリを --media で指定してください ({dir} に必要なファイル: {file})',
    'plan.blocker.mediaMatching': '名前が {pattern} に合うファイル',
    'plan.blocker.diskSpace': '{dir} にバックアップのための空き容量が足りません: 空き {free} MiB、バックアップ対象 {needed} MiB',
    'plan.blocker.diskSpaceFix': 'バージョンアップの前に {dir} のファイルシステムに {needed} MiB 以上の空きを作ってください',
    'plan.blocker.backupNotWritable': '{dir} にバックアップを書き込めません: {checked} に書き込めません (読み取り専用のファイルシステム、または権限がありません)。このままではサービスを停止した後にバックアップが失敗します',
    'plan.blocker.backupNotWritableFix': '{checked} を書き込めるようにしてから (ファイルシステムを読み書き可能でマウントし直す、またはこのユーザーに書き込み権限を与える)、もう一度確認してください',
    'plan.warn.journalsUnread': '{dir} のジャーナルを読めないため、以前の実行は考慮していません (修復するか移動するまで、実行・再開・ロールバックは拒否されます): {problem}',
    'plan.blocker.servicesRunning': '{services} が稼働中で、計画はバックアップ ({step}) の前にこれを停止しません',
    'plan.blocker.servicesRunningFix': '計画を実行する前に {services} を停止してください。稼働中のデータベースのバックアップからは復元できない危険性があります',
    'plan.blocker.backupInside': 'ステップ {step} (「{title}」) はアーカイブ {archive} をバックアップ対象 {source} の中に書くことになります。このステップがそれを拒否するのは、それより前のステップ (停止など) が実行された後です',
    'plan.blocker.backupInsideFix': 'ステップ {step} のアーカイブを {source} の外に置いてください',
    'plan.blocker.backupInsideFixAnswer': '「{question}」({id}、現在 {answer}) には {source} の外のディレクトリを答えてください',
    'detect.platform': 'このマシンの OS は {platform} です',
    'detect.systemRoot': 'このマシンの環境変数 SystemRoot は {path} です',
    'detect.st.server': '{path} があります (ShareTask サーバーの実行環境)',
    'detect.st.agent': '{path} があり、エージェントのサービス {init} もあります',
    'detect.st.cli': '{path} があり、エージェントのサービス {init} はありません',
    'detect.st.link': 'シンボリックリンク {link} のリンク先は {target} です',
    'detect.st.media': 'メディアにあります: {file}',
    'detect.st.dir': '{path} はディレクトリです',
    'detect.st.dirLink': '{path} はシンボリックリンクで、実体は {real} です',
    'detect.st.daemons': '{dir} の init スクリプト: {found}',
    'detect.st.noDaemons': '{dir} に {names} の init スクリプトはありません',
    'detect.st.custom': '{path} があります',
    'detect.st.noCustom': '{path} はありません',
    'detect.st.noLicense': 'メディア {dir} に License_*.tar.gz はありません',
    'detect.st.confOwner': '{path} のオーナーは {user} です (3.8.5 で conf はウェブサーバーのユーザーの所有になります)',
    'plan.fmt.header': '{title} ({product}): 計画   ルート {root}   メディア {media}',
    'plan.fmt.answers': '回答:',
    'plan.fmt.detected': '検出: {evidence}',
    'plan.fmt.steps': 'ステップ ({count}):',
    'plan.fmt.manual': '[手動: 作業後に確認]',
    'plan.fmt.cwd': '作業ディレクトリ {cwd}',
    'plan.fmt.owner': 'オーナー {owner}',
    'plan.fmt.recursive': '配下も',
    'plan.fmt.allowFailure': 'ここでのエラーは無視できます',
    'plan.fmt.ifMissingSkip': '対象のサービス、ファイルまたはディレクトリがなければスキップ',
    'plan.fmt.restorePoint': '復元ポイント: {id}',
    'plan.fmt.restorePoints': '復元ポイント:',
    'plan.fmt.next': 'すべての手順が終わったら、次の作業:',
    'plan.fmt.warnings': '警告:',
    'plan.fmt.checked': '確認済み:',
    'plan.fmt.noBlockers': '中止条件はありません。',
    'plan.fmt.blockers': '中止条件 ({count}): 解消するまで計画は実行できません',
    'plan.fmt.fix': '対処: {fix}',
    'plan.cmd.help': `使い方: upgrade-wizard plan --product ID [オプション]

この回答での計画を表示します: 各ステップの正確なコマンド、手動ステップ、復元ポイント、
中止条件。何も変更しません。中止条件があっても終了コードは 0 です。

オプション:
  --product ID       製品 ("upgrade-wizard list" を参照)
  --set Q=V          回答 (繰り返し可)。リストは a,b
  --answers FILE     YAML または JSON ファイルの回答。--set が優先
  --save-answers FILE  すべての回答 (秘密を除く) を FILE (0600) に保存 (--answers で再利用)
  --root DIR         サンドボックス: 手順の絶対パスをすべて DIR の下とみなします
  --media DIR        新しいパッケージの場所 (マウントした CD)
  --log-dir DIR      以前の実行の記録の場所 (待機系を先に行うなどの順序の確認に使います)
  --json             計画を JSON で出力
指定のない回答は可能なら検出し、次に既定値を使います。それでも足りない回答があれば
一覧を表示して終了コード 2 で終了します。
`,
    'plan.cmd.noProduct': '--product が必要です。製品は {known} です',
    'plan.cmd.missing': `{product} の回答が足りません。--set ID=値 または --answers FILE で指定してください:
{list}`,
    'plan.cmd.accepts': '次のいずれか: {accepts}',
    'plan.cmd.formPlain': '{type} 型の値',
    'plan.cmd.acceptsMulti': '次のうち任意 (カンマ区切り、空も可): {accepts}',
    'plan.cmd.moreLater': 'これらの回答によっては、さらに次の質問があります: {ids}',
    'plan.list.help': `使い方: upgrade-wizard list [--json]

製品と、その質問・選択肢・既定値を一覧表示します。
`,
    'plan.list.conditional': '[回答によって質問]',
    'plan.list.default': '既定値: {value}',
    'plan.list.broken': '警告: 定義 {file} は読み込めないため除外します:',
    'plan.list.detected': '可能なら検出',
    'plan.detect.help': `使い方: upgrade-wizard detect [--root DIR] [--media DIR] [--product ID] [--json]

このマシン (またはサンドボックス DIR の下) で検出できる内容を根拠とともに表示します。
何も変更しません。
`,
    'plan.detect.header': '{root} の下で検出した内容 (メディア {media}):',
    'plan.detect.headerNoMedia': '{root} の下で検出した内容 (メディアの指定なし。パッケージは --media DIR で指定):',
    'plan.detect.none': '(なし)',
    'plan.detect.nothing': '何も検出されませんでした。',
    'plan.validate.help': `使い方: upgrade-wizard validate FILE...

ウィザード定義を検査します。問題は FILE:行: パス: 内容 の形で表示します。
すべて正しければ終了コード 0、問題があれば 2 です。
`,
    'plan.validate.noFile': '検査する定義ファイルを指定してください。例: upgrade-wizard validate wizards/sharetask.yaml',
    'plan.validate.failed': '{file}: 問題 {count} 件',
    'plan.validate.ok': 'OK: {file} (製品 {id}、質問 {questions}、ステップ {steps})',
  },
};

register(planMessages);
