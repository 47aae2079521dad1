// Messages of `migrate-config` (ShareTask 5.4 -> 5.5 config migration, procedure 3.8).
// Finding codes of src/migrate are the keys after "migrate.".
import { register } from '../index.js';

export const migrateMessages = {
  en: {
    'migrate.help': `Usage: upgrade-wizard migrate-config --conf DIR [options]

Moves the ShareTask 5.4 settings into the 5.5 system.conf (procedure 3.8): SHARETASK_DB from
db.conf, SUID_METHOD = sudo, CUSTOM, ENABLE_USER_PREFS / USER_PREFS_DIR. Without --apply
nothing is written: it shows what it found and the diff of every file it would change.

Options:
  --conf DIR               the conf directory to migrate (reads DIR/db.conf, edits DIR/system.conf)
  --shipped DIR            the conf directory shipped with 5.5 (conf.ORG): compare parameters
  --custom-archive FILE    custom_{UID}_{DATE}.tar.gz: adds CUSTOM = UID
  --custom UID             the same with the UID itself (3 or 4 capital letters)
  --user-prefs-dir PATH    adds ENABLE_USER_PREFS = 1 and USER_PREFS_DIR = PATH
  --sudoers FILE           appends the SHARETASK block of 3.8.3, checked with visudo -cf first
  --install-dir PATH       ShareTask's directory in the sudoers commands
                           (default /home/sharetask/sharetask_server)
  --web-user NAME          the user httpd runs as, named in the sudoers block (default apache)
  --apply                  write the changes (atomically, keeping NAME.bak-YYYYMMDDHHMMSS)
  --force                  replace an existing, different SHARETASK_DB
  --verify-db              log in to PostgreSQL with the migrated parameters first
  --db-socket-dir DIR      socket directory when dbhost is empty (else $UPGRADE_WIZARD_PG_SOCKET_DIR,
                           else /var/run/postgresql, then /tmp)
  --json                   one JSON document on stdout instead of text
  --root DIR               take absolute paths inside DIR (a sandbox; links leading out are refused)
  --lang ja|en             language of the output

Exit codes: 0 done (or nothing to do); 1 a failed --verify-db (nothing written) or an
unexpected failure; 2 bad input, a conflict or a refusal (nothing written).
`,
    'migrate.opt.bad': 'invalid option: {detail}; see upgrade-wizard migrate-config --help',
    'migrate.opt.empty': '{option} needs a non-empty value',
    'migrate.opt.confMissing': '--conf DIR is required: the conf directory to migrate (see --help)',
    'migrate.opt.customBoth': 'give either --custom or --custom-archive, not both',
    'migrate.opt.customBad': '--custom {value}: the UID is 3 or 4 capital letters (A-Z), as in custom_{UID}_{DATE}.tar.gz',
    'migrate.opt.prefsBad': '--user-prefs-dir {value}: give an absolute path of printable ASCII without "#" or ":", e.g. /home/sharetask/sharetask_users',
    'migrate.opt.installDirBad': '--install-dir {value}: give an absolute path of letters, digits and "/._+-" only',
    'migrate.opt.webUserBad': '--web-user {value}: give a user name of letters, digits, "_" and "-" (the user httpd runs as)',
    'migrate.path.outsideRoot': '{path} leads outside --root {root}: give a path inside the sandbox',
    'migrate.path.linkLeavesRoot': '{path}: {link} is a symbolic link to {target}, which is outside --root {root}; links are not followed out of the sandbox, so nothing was read or written. Fix: give instead the path the link stands for, {meant} (with --root it is {inside}), or make the link in the copy point inside {root}',
    'migrate.path.linkLeavesRootRelative': '{path}: {link} is a symbolic link to {target}, which leads outside --root {root}; links are not followed out of the sandbox, so nothing was read or written. Fix: make the link in the copy point inside {root}, or give a path without it',

    'migrate.file.missing': '{path}: not found. Fix: check the path ({what})',
    'migrate.file.permission': '{path}: permission denied. Fix: run as root or as the owner of the file and its directory',
    'migrate.file.readOnly': '{path}: the file system is mounted read-only. Fix: remount it read-write, or work on a copy of the conf directory',
    'migrate.file.immutable': '{path}: not even root may change it. Fix: check its attributes and its directory\'s with lsattr; chattr -i removes the immutable flag',
    'migrate.file.isDirectory': '{path}: is a directory, a file was expected. Fix: {what} must be a regular file',
    'migrate.file.notDirectory': '{path}: not a directory. Fix: {what} must be a directory',
    'migrate.file.notFile': '{path}: not a regular file. Fix: {what} must be a regular file',
    'migrate.file.ownerNotKept': '{path}: owned by another user, whose ownership could not be kept. Fix: run as root or as the owner',
    'migrate.file.groupNotKept': '{path}: its group is {group}, and {user} is not in it: only root can give the new file that group, so its owner and group could not be kept; nothing was written. Fix: run as root, or, if the group does not matter, first give the file one of your groups (chgrp GROUP {path})',
    'migrate.file.changedMeanwhile': '{path}: changed while the migration was running; nothing was written. Fix: run the command again',
    'migrate.what.root': 'the sandbox directory given with --root',
    'migrate.what.conf': 'the conf directory given with --conf',
    'migrate.what.dbConf': 'db.conf of ShareTask 5.4 in the --conf directory, copied from the old conf with cp -a as in procedure 3.8',
    'migrate.what.systemConf': 'system.conf in the --conf directory',
    'migrate.what.shipped': 'the directory given with --shipped',
    'migrate.what.sudoers': 'the file given with --sudoers',
    'migrate.what.customArchive': 'the archive given with --custom-archive',

    'migrate.at.line': '{file} line {line}: {message}',
    'migrate.at.file': '{file}: {message}',
    'migrate.level.info': 'info',
    'migrate.level.warning': 'warning',
    'migrate.level.error': 'error',

    'migrate.duplicateKey': '"{key}" is set again (first on line {firstLine}). Fix: keep one of the two lines',
    'migrate.duplicateKeyIgnored': '"{key}" is set again (first on line {firstLine}); left as it is',
    'migrate.badKey': 'the text before "=" is not a parameter name. Fix: write NAME = VALUE',
    'migrate.noEquals': '"{key}" has no "=". Fix: write {key} = VALUE',
    'migrate.noEqualsUnnamed': 'the line has no "=" and is neither a comment (#) nor blank (its text is not shown: it may be a password). Fix: look at this line: if it is the rest of the value on the line above, join the two; else make it NAME = VALUE, comment it out or delete it',
    'migrate.unknownDbKey': 'unknown parameter "{key}" ignored (db.conf knows dbhost, dbport, dbname, dbuser, dbpass, sslmode)',
    'migrate.colonInValue': 'the value of {key} contains ":", which SHARETASK_DB cannot carry (":" separates its fields). Fix: change {key} so it has no ":" (for the password: change it in PostgreSQL too; for an IPv6 address: use a host name)',
    'migrate.missingKey': '{key} is missing. Fix: add "{key} = VALUE"',
    'migrate.emptyKey': '{key} is empty. Fix: give {key} a value',
    'migrate.badPort': 'dbport "{value}" is not a port number. Fix: give a number from 1 to 65535, or leave it empty for the default (5432)',
    'migrate.badSslmode': 'sslmode "{value}" is not valid. Fix: use one of {allowed}',
    'migrate.sslmodeAssumed': 'no sslmode given: assumed "prefer" (PostgreSQL\'s default)',
    'migrate.sharetaskDbBuilt': 'SHARETASK_DB = {value} ({via})',
    'migrate.via.socket': 'UNIX socket connection',
    'migrate.via.tcp': 'TCP connection to {host}',
    'migrate.dbConfKept': 'db.conf is retired in 5.5; it is left in place, untouched',
    'migrate.alreadySet': '{key} is already set to the migrated value',
    'migrate.conflict': '{key} is already set to another value. Now: {old}. From db.conf: {new}. Differs in: {fields}. Fix: correct db.conf or system.conf, or run again with --force to replace it',
    'migrate.replacedForced': '{key}: {old} -> {new} (replaced, --force; differs in: {fields})',
    'migrate.replaced': '{key}: {old} -> {new}',
    'migrate.added': 'new, near the top: {keys}',
    'migrate.alreadyMigrated': 'already migrated: nothing to change',
    'migrate.customArchiveBad': '{name}: not a custom archive name. Fix: give custom_{UID}_{DATE}.tar.gz with a UID of 3 or 4 capital letters, e.g. custom_NAB_20120401.tar.gz',
    'migrate.customFrom': 'CUSTOM = {uid} (from {name})',

    'migrate.sudoers.present': 'the SHARETASK block is already there: nothing to add',
    'migrate.sudoers.append': '{count} line(s) of the SHARETASK block to append (see the diff)',
    'migrate.sudoers.conflict': 'Cmnd_Alias SHARETASK already exists with other commands: {found}. Fix: correct or remove that line by hand (visudo), then run again',
    'migrate.sudoers.noVisudo': 'visudo was not found on PATH, so {path} is not touched (an unchecked sudoers file can lock out sudo). Fix: install sudo (visudo) and run again, or add these lines by hand with visudo:',
    'migrate.sudoers.visudoFailed': 'visudo rejects {path} with the SHARETASK block appended; nothing was written. visudo said: {output}',
    'migrate.sudoers.alreadyInvalid': '{path} already fails visudo -c as it is, before any change; nothing was written. Fix: correct it first (visudo -f {path}), then run again. visudo said: {output}',
    'migrate.sudoers.aliasIncluded': 'Cmnd_Alias SHARETASK is already defined in {files}, which {path} includes (@include / @includedir): appending the block would define it twice; nothing was written. Fix: if the block is complete there, run again without --sudoers; else complete it there by hand with visudo, or remove it there and run again',
    'migrate.sudoers.aliasIncludedSomewhere': 'Cmnd_Alias SHARETASK is already defined in a file that {path} includes (@include / @includedir): appending the block would define it twice; nothing was written. Fix: find it with visudo -c (it lists the included files); if the block is complete there, run again without --sudoers; else complete it there by hand with visudo, or remove it there and run again',
    'migrate.sudoers.validated': 'visudo -c accepts the result (checked again on the new file before it replaces the old one)',

    'migrate.shipped.heading': 'Compared with the shipped configuration ({dir}):',
    'migrate.shipped.added': 'new in 5.5, not in yours: {key} = {value}',
    'migrate.shipped.changed': 'shipped default differs: {key}: yours {yours}, shipped {shipped}',
    'migrate.shipped.removed': 'not known to 5.5 any more: {key} = {value}',
    'migrate.shipped.same': 'same parameters',
    'migrate.shipped.retired': 'retired in 5.5 (its content is now SHARETASK_DB in system.conf); left in place',
    'migrate.shipped.onlyYours': 'not shipped with 5.5: check whether it is still used',
    'migrate.shipped.onlyShipped': 'new file in 5.5: not in your conf directory; copy it from the shipped directory if you need it',
    'migrate.shipped.notKeyValue': 'not a NAME = VALUE file: not compared',

    'migrate.verify.ok': 'database check: logged in to {dbname} as {user} ({where}), PostgreSQL {version}',
    'migrate.verify.failed': 'database check failed ({where}): the server said: {error}',
    'migrate.verify.unreachable': 'database check failed ({where}): no database server could be reached there: {error}',
    'migrate.verify.nothingWritten': 'nothing was written. Fix: correct db.conf (or the server), or run again without --verify-db',

    'migrate.report.dryRun': 'migrate-config {conf} (dry run: nothing is written; add --apply to write)',
    'migrate.report.apply': 'migrate-config {conf} (--apply)',
    'migrate.report.findings': 'Findings:',
    'migrate.report.changes': 'Changes:',
    'migrate.report.diffOld': 'current',
    'migrate.report.diffNew': 'migrated',
    'migrate.report.written': 'written: {path} (original kept as {backup})',
    'migrate.report.wouldWrite': '{count} file(s) would change. Run again with --apply to write them.',
    'migrate.report.wrote': '{count} file(s) written.',
    'migrate.report.nothing': 'The configuration is already migrated: nothing to write.',
    'migrate.report.next': 'Next (procedure 3.8.5): chown -R {user}: {conf}',
  },
  ja: {
    'migrate.help': `使い方: upgrade-wizard migrate-config --conf DIR [オプション]

ShareTask 5.4 の設定を 5.5 の system.conf に移します (手順 3.8): db.conf からの SHARETASK_DB、
SUID_METHOD = sudo、CUSTOM、ENABLE_USER_PREFS / USER_PREFS_DIR。--apply を付けなければ何も
書き込まず、見つかった内容と、変更するファイルごとの差分を表示します。

オプション:
  --conf DIR               移行する conf ディレクトリ (DIR/db.conf を読み、DIR/system.conf を編集)
  --shipped DIR            5.5 に同梱の conf ディレクトリ (conf.ORG): パラメータを比較
  --custom-archive FILE    custom_{UID}_{DATE}.tar.gz: CUSTOM = UID を追加
  --custom UID             UID を直接指定 (大文字 3～4 文字)
  --user-prefs-dir PATH    ENABLE_USER_PREFS = 1 と USER_PREFS_DIR = PATH を追加
  --sudoers FILE           3.8.3 の SHARETASK ブロックを追記 (先に visudo -cf で検査)
  --install-dir PATH       sudoers のコマンドに書く ShareTask のディレクトリ
                           (既定 /home/sharetask/sharetask_server)
  --web-user NAME          sudoers ブロックに書く httpd の実行ユーザー (既定 apache)
  --apply                  変更を書き込む (アトミックに。元は NAME.bak-YYYYMMDDHHMMSS として残す)
  --force                  既存の異なる SHARETASK_DB を置き換える
  --verify-db              書き込む前に、移行後のパラメータで PostgreSQL に接続して確認
  --db-socket-dir DIR      dbhost が空のときのソケットディレクトリ (なければ
                           $UPGRADE_WIZARD_PG_SOCKET_DIR、次に /var/run/postgresql、/tmp)
  --json                   テキストの代わりに JSON 文書を 1 つ標準出力へ
  --root DIR               絶対パスを DIR の中 (サンドボックス) として扱う (外を指すリンクは拒否)
  --lang ja|en             表示言語

終了コード: 0 完了 (または変更なし)、1 --verify-db の失敗 (書き込みなし) または予期しない失敗、
2 入力誤り・衝突・拒否 (書き込みなし)。
`,
    'migrate.opt.bad': 'オプションが正しくありません: {detail}。upgrade-wizard migrate-config --help を参照してください',
    'migrate.opt.empty': '{option} には空でない値が必要です',
    'migrate.opt.confMissing': '--conf DIR (移行する conf ディレクトリ) が必要です (--help を参照)',
    'migrate.opt.customBoth': '--custom と --custom-archive はどちらか一方だけを指定してください',
    'migrate.opt.customBad': '--custom {value}: UID は custom_{UID}_{DATE}.tar.gz と同じく大文字 (A-Z) 3～4 文字です',
    'migrate.opt.prefsBad': '--user-prefs-dir {value}: "#" と ":" を含まない、印字可能な ASCII の絶対パスを指定してください (例: /home/sharetask/sharetask_users)',
    'migrate.opt.installDirBad': '--install-dir {value}: 英数字と "/._+-" だけからなる絶対パスを指定してください',
    'migrate.opt.webUserBad': '--web-user {value}: 英数字と "_"、"-" からなるユーザー名 (httpd の実行ユーザー) を指定してください',
    'migrate.path.outsideRoot': '{path} は --root {root} の外を指しています。サンドボックス内のパスを指定してください',
    'migrate.path.linkLeavesRoot': '{path}: {link} は {target} へのシンボリックリンクで、--root {root} の外を指しています。サンドボックスの外へはリンクをたどらないため、何も読み書きしていません。対処: 代わりにリンクが表すパス {meant} (--root では {inside}) を指定するか、コピー内のリンクを {root} の中を指すように直してください',
    'migrate.path.linkLeavesRootRelative': '{path}: {link} は {target} へのシンボリックリンクで、--root {root} の外に出ます。サンドボックスの外へはリンクをたどらないため、何も読み書きしていません。対処: コピー内のリンクを {root} の中を指すように直すか、そのリンクを通らないパスを指定してください',

    'migrate.file.missing': '{path}: 見つかりません。対処: パスを確認してください ({what})',
    'migrate.file.permission': '{path}: アクセスが拒否されました。対処: root またはファイルとディレクトリの所有者で実行してください',
    'migrate.file.readOnly': '{path}: ファイルシステムが読み取り専用でマウントされています。対処: 読み書き可能で再マウントするか、conf ディレクトリのコピーで作業してください',
    'migrate.file.immutable': '{path}: root でも変更できません。対処: ファイルとディレクトリの属性を lsattr で確認してください (chattr -i で変更不可属性を解除)',
    'migrate.file.isDirectory': '{path}: ディレクトリです (ファイルが必要)。対処: {what} は通常のファイルでなければなりません',
    'migrate.file.notDirectory': '{path}: ディレクトリではありません。対処: {what} はディレクトリでなければなりません',
    'migrate.file.notFile': '{path}: 通常のファイルではありません。対処: {what} は通常のファイルでなければなりません',
    'migrate.file.ownerNotKept': '{path}: 他のユーザーの所有で、所有者を保てません。対処: root または所有者で実行してください',
    'migrate.file.groupNotKept': '{path}: グループが {group} で、{user} はそのグループに属していません。新しいファイルをそのグループにできるのは root だけのため、所有者とグループを保てません。何も書き込んでいません。対処: root で実行するか、グループが重要でなければ先にファイルを自分のグループに変更してください (chgrp グループ {path})',
    'migrate.file.changedMeanwhile': '{path}: 移行中に変更されたため、何も書き込んでいません。対処: コマンドをもう一度実行してください',
    'migrate.what.root': '--root で指定したサンドボックスのディレクトリ',
    'migrate.what.conf': '--conf で指定した conf ディレクトリ',
    'migrate.what.dbConf': '--conf のディレクトリにある ShareTask 5.4 の db.conf (手順 3.8 のとおり cp -a で旧 conf からコピーしたもの)',
    'migrate.what.systemConf': '--conf のディレクトリにある system.conf',
    'migrate.what.shipped': '--shipped で指定したディレクトリ',
    'migrate.what.sudoers': '--sudoers で指定したファイル',
    'migrate.what.customArchive': '--custom-archive で指定したアーカイブ',

    'migrate.at.line': '{file} {line} 行目: {message}',
    'migrate.at.file': '{file}: {message}',
    'migrate.level.info': '情報',
    'migrate.level.warning': '警告',
    'migrate.level.error': 'エラー',

    'migrate.duplicateKey': '"{key}" が再び設定されています (最初は {firstLine} 行目)。対処: どちらか一方の行だけを残してください',
    'migrate.duplicateKeyIgnored': '"{key}" が再び設定されています (最初は {firstLine} 行目)。そのままにします',
    'migrate.badKey': '"=" の前がパラメータ名ではありません。対処: 名前 = 値 の形で書いてください',
    'migrate.noEquals': '"{key}" に "=" がありません。対処: {key} = 値 の形で書いてください',
    'migrate.noEqualsUnnamed': '"=" がなく、コメント (#) でも空行でもない行です (パスワードの可能性があるため内容は表示しません)。対処: この行を確認してください。前の行の値の続きなら 2 行をつなげ、そうでなければ 名前 = 値 の形にするか、コメントにするか、削除してください',
    'migrate.unknownDbKey': '不明なパラメータ "{key}" を無視しました (db.conf のパラメータは dbhost, dbport, dbname, dbuser, dbpass, sslmode)',
    'migrate.colonInValue': '{key} の値に ":" が含まれています。SHARETASK_DB では ":" が区切りのため使えません。対処: {key} を ":" を含まない値に変更してください (パスワードなら PostgreSQL 側も変更、IPv6 アドレスならホスト名を使用)',
    'migrate.missingKey': '{key} がありません。対処: "{key} = 値" を追加してください',
    'migrate.emptyKey': '{key} が空です。対処: {key} に値を設定してください',
    'migrate.badPort': 'dbport "{value}" はポート番号ではありません。対処: 1～65535 の数値にするか、既定値 (5432) なら空にしてください',
    'migrate.badSslmode': 'sslmode "{value}" は正しくありません。対処: {allowed} のいずれかにしてください',
    'migrate.sslmodeAssumed': 'sslmode の指定がないため "prefer" (PostgreSQL の既定値) とみなしました',
    'migrate.sharetaskDbBuilt': 'SHARETASK_DB = {value} ({via})',
    'migrate.via.socket': 'UNIX ドメインソケット接続',
    'migrate.via.tcp': '{host} への TCP 接続',
    'migrate.dbConfKept': 'db.conf は 5.5 で廃止されました。ファイルはそのまま残します',
    'migrate.alreadySet': '{key} はすでに移行後の値です',
    'migrate.conflict': '{key} はすでに別の値に設定されています。現在: {old}。db.conf から: {new}。異なる項目: {fields}。対処: db.conf か system.conf を修正するか、--force を付けて置き換えてください',
    'migrate.replacedForced': '{key}: {old} → {new} (--force による置き換え。異なる項目: {fields})',
    'migrate.replaced': '{key}: {old} → {new}',
    'migrate.added': '冒頭付近に追加: {keys}',
    'migrate.alreadyMigrated': '移行済みです: 変更はありません',
    'migrate.customArchiveBad': '{name}: カスタマイズ部のアーカイブ名ではありません。対処: UID が大文字 3～4 文字の custom_{UID}_{DATE}.tar.gz を指定してください (例: custom_NAB_20120401.tar.gz)',
    'migrate.customFrom': 'CUSTOM = {uid} ({name} から)',

    'migrate.sudoers.present': 'SHARETASK のブロックはすでにあります: 追記は不要です',
    'migrate.sudoers.append': 'SHARETASK ブロックの {count} 行を追記します (差分を参照)',
    'migrate.sudoers.conflict': 'Cmnd_Alias SHARETASK が別のコマンドで定義済みです: {found}。対処: その行を visudo で手作業で修正または削除してから、もう一度実行してください',
    'migrate.sudoers.noVisudo': 'PATH に visudo が見つからないため、{path} は変更しません (検査していない sudoers は sudo を使えなくするおそれがあります)。対処: sudo (visudo) をインストールしてもう一度実行するか、次の行を visudo で手作業で追加してください:',
    'migrate.sudoers.visudoFailed': 'SHARETASK ブロックを追記した {path} を visudo が拒否したため、何も書き込んでいません。visudo の出力: {output}',
    'migrate.sudoers.alreadyInvalid': '{path} は変更前の時点ですでに visudo -c の検査に通りません。何も書き込んでいません。対処: 先に visudo -f {path} で修正してから、もう一度実行してください。visudo の出力: {output}',
    'migrate.sudoers.aliasIncluded': 'Cmnd_Alias SHARETASK は {path} が読み込む {files} (@include / @includedir) ですでに定義されています。ブロックを追記すると二重定義になるため、何も書き込んでいません。対処: そのファイルのブロックが完全なら --sudoers を付けずにもう一度実行してください。そうでなければそのファイルのブロックを visudo で手作業で補うか、そちらを削除してからもう一度実行してください',
    'migrate.sudoers.aliasIncludedSomewhere': 'Cmnd_Alias SHARETASK は {path} が読み込むファイル (@include / @includedir) ですでに定義されています。ブロックを追記すると二重定義になるため、何も書き込んでいません。対処: visudo -c (読み込むファイルを一覧表示) で探してください。そのファイルのブロックが完全なら --sudoers を付けずにもう一度実行し、そうでなければそのファイルのブロックを visudo で手作業で補うか、そちらを削除してからもう一度実行してください',
    'migrate.sudoers.validated': 'visudo -c で結果を検査し、問題ありません (置き換える直前に新しいファイルでもう一度検査します)',

    'migrate.shipped.heading': '同梱の設定 ({dir}) との比較:',
    'migrate.shipped.added': '5.5 で新しく、現在の設定にないもの: {key} = {value}',
    'migrate.shipped.changed': '同梱の既定値が異なるもの: {key}: 現在 {yours}、同梱 {shipped}',
    'migrate.shipped.removed': '5.5 では使われないもの: {key} = {value}',
    'migrate.shipped.same': 'パラメータは同じです',
    'migrate.shipped.retired': '5.5 で廃止 (内容は system.conf の SHARETASK_DB へ)。ファイルはそのまま残します',
    'migrate.shipped.onlyYours': '5.5 には同梱されていません。まだ使われているか確認してください',
    'migrate.shipped.onlyShipped': '5.5 の新しいファイルで、現在の conf にはありません。必要なら同梱ディレクトリからコピーしてください',
    'migrate.shipped.notKeyValue': '名前 = 値 形式のファイルではないため比較していません',

    'migrate.verify.ok': 'データベース確認: {dbname} に {user} で接続できました ({where})、PostgreSQL {version}',
    'migrate.verify.failed': 'データベース確認に失敗しました ({where})。サーバーの応答: {error}',
    'migrate.verify.unreachable': 'データベース確認に失敗しました ({where})。そこにデータベースサーバーへ接続できません: {error}',
    'migrate.verify.nothingWritten': '何も書き込んでいません。対処: db.conf (またはサーバー) を修正するか、--verify-db を付けずに実行してください',

    'migrate.report.dryRun': 'migrate-config {conf} (確認のみ: 書き込みません。書き込むには --apply を付けてください)',
    'migrate.report.apply': 'migrate-config {conf} (--apply)',
    'migrate.report.findings': '確認結果:',
    'migrate.report.changes': '変更内容:',
    'migrate.report.diffOld': '現在',
    'migrate.report.diffNew': '移行後',
    'migrate.report.written': '書き込みました: {path} (元のファイルは {backup})',
    'migrate.report.wouldWrite': '{count} 個のファイルが変更されます。書き込むには --apply を付けてもう一度実行してください。',
    'migrate.report.wrote': '{count} 個のファイルを書き込みました。',
    'migrate.report.nothing': '設定は移行済みです: 書き込むものはありません。',
    'migrate.report.next': '次の作業 (手順 3.8.5): chown -R {user}: {conf} を実行してください。',
  },
};

register(migrateMessages);
