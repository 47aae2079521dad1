// Messages of export (Ansible playbook, runbook) and of --save-answers.
import { register } from '../index.js';

export const exportMessages = {
  en: {
    'export.answers.header1': 'Answers for {product}, saved by upgrade-wizard --save-answers. Replay with: --answers FILE (--set wins over it).',
    'export.answers.header2': 'Secret answers are never saved: give them again through their environment variable. --root and --media are not answers: pass them again.',
    'export.answers.cannotWrite': 'cannot write the answers file {file}: {detail}',
    'export.warning': 'warning: {message}',
    'export.answers.otherError': '{detail}; choose a writable place (nothing was written)',
    'export.rb.title': '{product}: upgrade runbook',
    'export.rb.intro': 'The procedure upgrade-wizard decided for the answers below, step by step. Tick each box when it is done and checked. "upgrade-wizard run" with the same answers performs the same steps.',
    'export.rb.meta.item': 'Item',
    'export.rb.meta.product': 'Product',
    'export.rb.meta.root': 'Root',
    'export.rb.meta.media': 'Media',
    'export.rb.meta.steps': 'Steps',
    'export.rb.answers': 'Answers',
    'export.rb.question': 'Question',
    'export.rb.answer': 'Answer',
    'export.rb.blockers': 'Blockers',
    'export.rb.noBlockers': 'None: nothing prevents starting.',
    'export.rb.fix': 'To do: {fix}',
    'export.rb.warnings': 'Warnings',
    'export.rb.checked': 'Checked',
    'export.rb.steps': 'Steps',
    'export.rb.done': 'Done',
    'export.rb.does': 'What it does',
    'export.rb.instructions': 'Instructions',
    'export.rb.check': 'Check afterwards: {check}',
    'export.rb.secretFile':
      '{placeholder} stands for a file that holds the answer to "{question}" and that only its owner can read. The wizard writes it for the command and deletes it after; by hand, create it just before (umask 077) and delete it after.',
    'export.rb.missingMedia': '{placeholder} stands for a package that was not on the media when this runbook was written: see Blockers.',
    'export.rb.restorePoint':
      'Restore point if this or a later step fails: {title} ({id}): the steps of {section} under Rollback procedures, by hand; only if this upgrade runs with "upgrade-wizard run" on this host does the wizard do them:',
    'export.rb.manual': 'manual',
    'export.rb.section': 'procedure {section}',
    'export.rb.runsOn': 'runs on: {where}',
    'export.rb.allowFailure': 'an error may be ignored',
    'export.rb.rollback': 'Rollback procedures',
    'export.rb.rollbackCommand':
      'After the steps were done by hand or by the Ansible playbook, do the steps below by hand: the wizard\'s rollback reads the journal of its own run and would find nothing to roll back. Only if this upgrade ran with "upgrade-wizard run" on this host: {command}',
    'export.rb.noRollback': 'This plan has no restore point.',
    'export.rb.next': 'When every step above is done, next:',
    'export.rb.signoff': 'Sign-off',
    'export.rb.prepared': 'Prepared by',
    'export.rb.approved': 'Approved by',
    'export.rb.performed': 'Performed by',
    'export.rb.name': 'Name',
    'export.rb.date': 'Date',
    'export.rb.signature': 'Signature',
    'export.args.format': '--format "{format}" is not known: use one of {formats}',
    'export.args.needOutput': '--format ansible needs -o DIR, the directory to write the playbook into',
    'export.written': 'written:\n  {files}',
    'export.cannotWrite': 'cannot write {file}: {detail}',
    'export.out.noDir': 'the directory {dir} does not exist; create it (mkdir -p) or give another path (nothing was written)',
    'export.out.notDir': '{path} is a file, not a directory; give a path under a directory (nothing was written)',
    'export.out.isDir': 'it is a directory; give a file name, e.g. {option} {example} (nothing was written)',
    'export.out.cannotCreate': 'the directory {dir} exists but does not take new files (a special file system such as /proc, or a read-only mount); choose another place (nothing was written)',
    'export.out.notDirForFiles': 'it is a file; --format ansible writes several files: give -o a new or existing directory (nothing was written)',
    'export.out.problem': '{path}: {problem}; choose a writable place (nothing was written)',
    'export.out.other': 'the system refused ({detail}); choose another place (nothing was written)',
    'export.ansible.windows':
      'the steps of this plan run on Windows ({answers}), and a playbook runs Linux commands and modules (command, lineinfile, become): none was written. Export the runbook with --format markdown or --format html and do the steps on the Windows server from it (or with upgrade-wizard run there)',
    'export.ansible.task.blockers': 'Blockers open when this playbook was exported',
    'export.ansible.task.gate': 'Someone at the terminal for the manual steps',
    'export.ansible.task.gateRefuse': 'Refuse to run the manual steps unseen',
    'export.ansible.task.secretCreate': 'Create the 0600 file of {id}',
    'export.ansible.task.secretWrite': 'Write {id} into its file',
    'export.ansible.task.secretRemove': 'Remove the file of {id}',
    'export.ansible.task.secretBlock': 'Upgrade, the secret files removed at the end',
    'export.ansible.reviewDiff':
      'Review the diff printed above: the configuration in {conf} is about to be changed (migrate-config --apply writes at once; the originals are kept as NAME.bak-YYYYMMDDHHMMSS). Press Enter to apply it, or stop here (Ctrl-C, then A) if it is not what you expect: nothing has been written yet.',
    'export.ansible.gatePrompt':
      'This play has {count} manual steps, each waiting for Enter at this terminal. Type yes and Enter to start; anything else stops before any change. (Without a terminal, -e {variable}=true lets the manual steps pass unseen, as run --yes.)',
    'export.ansible.gateRefused':
      'Stopped before any change: this play has {count} manual steps and nobody typed yes at a terminal. When its standard input is not a terminal (AWX, cron, a pipe) Ansible does not wait at a pause, so the manual steps would pass unseen. Run ansible-playbook from a terminal and type yes, or, if the manual steps are done and checked by other means, give -e {variable}=true (as run --yes).',
    'export.ansible.servicesConflict': 'nothing written to {file}: {entry} collides with a line already there (its port has another service name, or its name another port). {fix}',
    'export.ansible.blocker': 'warning: {node}: a blocker is open; the playbook refuses to run until it is exported again without it: {message}',
    'export.ansible.noSecrets': 'This procedure asks for no secret.',
    'export.ansible.pressEnter': 'Press Enter when done (Ctrl-C, then A, to abort)',
    'export.ansible.rebootByAnsible': 'In this playbook the next task restarts this host and waits for it to come back (up to 30 minutes): do not restart it yourself, and there is no "upgrade-wizard resume" to run.',
    'export.ansible.secret': '{prompt}. Asked when the play starts (vars_prompt, not shown), or given from Ansible Vault: `ansible-playbook ... -e @secrets.vault.yml --ask-vault-pass` (the wizard itself reads it from ${env}). It reaches the commands only as a 0600 temporary file, removed at the end of the play.',
    'export.help': `Usage: upgrade-wizard export --format ansible|markdown|html --product ID [options]

Writes the plan for these answers as an Ansible playbook directory (ansible) or as a runbook
to print and tick (markdown, html). Nothing on this machine is changed.

Options:
  --format F         ansible, markdown or html
  --product ID       the product (see "upgrade-wizard list")
  --set Q=V          an answer (repeatable); --answers FILE for a saved answers file (--save-answers)
  --root DIR         a sandbox: every path of the procedure is under DIR (kept in the export)
  --media DIR        where the new packages are on the hosts (a mounted CD)
  --log-dir DIR      where earlier runs are journaled
  -o, --output PATH  ansible: the directory to write; markdown/html: the file (default: stdout)
  --save-answers FILE  also write the answers of this export (0600) for --answers FILE
  --lang ja|en       the language of the runbook and the playbook's texts
For CLUSTERPRO and JobCenter the playbook has one play per node (server 2 then server 1 in a
rolling update; standby then active), built from the answers with that node's role.
Manual steps wait at the terminal; without one, ansible-playbook -e upgrade_confirm_unseen=true
lets them pass (as run --yes). Plans whose steps run on Windows: use markdown or html.
`,
  },
  ja: {
    'export.answers.header1': '{product} の回答 (upgrade-wizard --save-answers で保存)。再利用: --answers FILE (--set が優先されます)。',
    'export.answers.header2': '秘密の回答 (パスワード) は保存しません。環境変数で改めて渡してください。--root と --media は回答ではないため、改めて指定してください。',
    'export.answers.cannotWrite': '回答ファイル {file} を書き込めません: {detail}',
    'export.warning': '警告: {message}',
    'export.answers.otherError': '{detail}。書き込める場所を指定してください (何も書き込んでいません)',
    'export.rb.title': '{product}: バージョンアップ作業手順書',
    'export.rb.intro': 'upgrade-wizard が以下の回答に基づいて決定した手順です。各項目を実施・確認したらチェックを付けてください。同じ回答で "upgrade-wizard run" を実行すると同じステップが実行されます。',
    'export.rb.meta.item': '項目',
    'export.rb.meta.product': '製品',
    'export.rb.meta.root': 'ルート',
    'export.rb.meta.media': 'メディア',
    'export.rb.meta.steps': 'ステップ数',
    'export.rb.answers': '回答',
    'export.rb.question': '質問',
    'export.rb.answer': '回答',
    'export.rb.blockers': '開始を妨げる問題',
    'export.rb.noBlockers': 'なし: 開始を妨げる問題はありません。',
    'export.rb.fix': '対処: {fix}',
    'export.rb.warnings': '警告',
    'export.rb.checked': '確認済み',
    'export.rb.steps': '手順',
    'export.rb.done': '実施済み',
    'export.rb.does': '実行内容',
    'export.rb.instructions': '作業内容',
    'export.rb.check': '実施後の確認: {check}',
    'export.rb.secretFile':
      '{placeholder} は「{question}」の答えを書いた、所有者だけが読めるファイルを表します。ウィザードはコマンドの直前に作成し、直後に削除します。手作業では直前に (umask 077 で) 作成し、直後に削除してください。',
    'export.rb.missingMedia': '{placeholder} は、この手順書の作成時にメディア上に見つからなかったパッケージを表します。「開始を妨げる問題」を参照してください。',
    'export.rb.restorePoint':
      'このステップ以降で失敗した場合の復元ポイント: {title} ({id})。「切り戻し手順」の {section} を手作業で実施します。このホストで「upgrade-wizard run」により実施した場合に限り、ウィザードで実行できます:',
    'export.rb.manual': '手動',
    'export.rb.section': '手順書 {section}',
    'export.rb.runsOn': '実行するサーバー: {where}',
    'export.rb.allowFailure': 'エラーは無視してよい',
    'export.rb.rollback': '切り戻し手順',
    'export.rb.rollbackCommand':
      '手作業または Ansible プレイブックで実施した場合は、以下の手順を手作業で実施してください (ウィザードの切り戻しは自身の実行の記録 (ジャーナル) を読むため、切り戻すものが見つかりません)。このホストで「upgrade-wizard run」により実施した場合に限り: {command}',
    'export.rb.noRollback': 'この計画には復元ポイントがありません。',
    'export.rb.next': '上のすべての手順が終わったら、次の作業:',
    'export.rb.signoff': '承認',
    'export.rb.prepared': '作成',
    'export.rb.approved': '承認',
    'export.rb.performed': '作業',
    'export.rb.name': '氏名',
    'export.rb.date': '日付',
    'export.rb.signature': '署名',
    'export.args.format': '--format "{format}" は不明です: {formats} のいずれかを指定してください',
    'export.args.needOutput': '--format ansible には -o DIR (プレイブックを書き込むディレクトリ) が必要です',
    'export.written': '書き込みました:\n  {files}',
    'export.cannotWrite': '{file} を書き込めません: {detail}',
    'export.out.noDir': 'ディレクトリ {dir} がありません。作成する (mkdir -p) か、別のパスを指定してください (何も書き込んでいません)',
    'export.out.notDir': '{path} はディレクトリではなくファイルです。ディレクトリの下のパスを指定してください (何も書き込んでいません)',
    'export.out.isDir': 'ディレクトリです。ファイル名を指定してください。例: {option} {example} (何も書き込んでいません)',
    'export.out.cannotCreate': 'ディレクトリ {dir} はありますが、新しいファイルを作れません (/proc のような特殊なファイルシステム、または読み取り専用のマウント)。別の場所を指定してください (何も書き込んでいません)',
    'export.out.notDirForFiles': 'ファイルです。--format ansible は複数のファイルを書くため、-o には新しいディレクトリか既存のディレクトリを指定してください (何も書き込んでいません)',
    'export.out.problem': '{path}: {problem}。書き込める場所を指定してください (何も書き込んでいません)',
    'export.out.other': 'システムが拒否しました ({detail})。別の場所を指定してください (何も書き込んでいません)',
    'export.ansible.windows':
      'この計画の手順は Windows 上で実行します ({answers})。プレイブックは Linux のコマンドとモジュール (command、lineinfile、become) を実行するため、出力しませんでした。--format markdown または --format html で作業手順書を出力し、Windows サーバーでそれに従って作業してください (またはそのサーバーで upgrade-wizard run を実行してください)',
    'export.ansible.task.blockers': 'プレイブック出力時に残っていた開始を妨げる問題',
    'export.ansible.task.gate': '手動ステップのため端末に人がいることの確認',
    'export.ansible.task.gateRefuse': '誰も見ていない手動ステップの実行を拒否',
    'export.ansible.task.secretCreate': '{id} の 0600 ファイルを作成',
    'export.ansible.task.secretWrite': '{id} をそのファイルに書き込み',
    'export.ansible.task.secretRemove': '{id} のファイルを削除',
    'export.ansible.task.secretBlock': 'アップグレード (最後に秘密情報のファイルを削除)',
    'export.ansible.reviewDiff':
      '上に表示した差分を確認してください: {conf} の設定をこれから変更します (migrate-config --apply は確認なしですぐに書き込みます。元のファイルは NAME.bak-YYYYMMDDHHMMSS として残ります)。適用するには Enter を押してください。想定と違う場合はここで止めてください (Ctrl-C を押し、続けて A)。まだ何も書き込んでいません。',
    'export.ansible.gatePrompt':
      'このプレイには手動ステップが {count} 個あり、それぞれこの端末で Enter を待ちます。開始するには yes と入力して Enter を押してください。それ以外の入力では何も変更せずに止まります。(端末なしで実行する場合は -e {variable}=true で手動ステップを待たずに進めます。run --yes と同じです。)',
    'export.ansible.gateRefused':
      '何も変更せずに止まりました: このプレイには手動ステップが {count} 個ありますが、端末で yes が入力されませんでした。標準入力が端末でない場合 (AWX、cron、パイプ)、Ansible は pause で待たないため、手動ステップが確認されないまま進んでしまいます。端末から ansible-playbook を実行して yes と入力するか、手動ステップを別の方法で実施・確認する場合は -e {variable}=true を指定してください (run --yes と同じ)。',
    'export.ansible.servicesConflict': '{file} には何も書いていません: {entry} が既存の行と衝突します (そのポートに別のサービス名がある、またはその名前に別のポートがある)。{fix}',
    'export.ansible.blocker': '警告: {node}: 開始を妨げる問題があります。解消して出力し直すまでプレイブックは実行を拒否します: {message}',
    'export.ansible.noSecrets': 'この手順は秘密情報を使いません。',
    'export.ansible.pressEnter': '完了したら Enter を押してください (中止するには Ctrl-C を押し、続けて A)',
    'export.ansible.rebootByAnsible': 'このプレイブックでは、次のタスクがこのホストを再起動し、戻るまで待ちます (最大 30 分)。自分では再起動しないでください。「upgrade-wizard resume」の実行も不要です。',
    'export.ansible.secret': '{prompt}。プレイ開始時に入力を求めます (vars_prompt、表示されません)。Ansible Vault から渡すこともできます: `ansible-playbook ... -e @secrets.vault.yml --ask-vault-pass` (ウィザード自身は ${env} から読みます)。コマンドには 0600 の一時ファイルとしてだけ渡し、プレイの最後に削除します。',
    'export.help': `使い方: upgrade-wizard export --format ansible|markdown|html --product ID [オプション]

この回答での計画を、Ansible プレイブックのディレクトリ (ansible)、または印刷してチェックする作業手順書
(markdown、html) として書き出します。このマシンでは何も変更しません。

オプション:
  --format F         ansible、markdown、html
  --product ID       製品 ("upgrade-wizard list" を参照)
  --set Q=V          回答 (複数可)。保存した回答ファイル (--save-answers) は --answers FILE
  --root DIR         サンドボックス: 手順のパスはすべて DIR の下 (出力にも残ります)
  --media DIR        ホスト上の新しいパッケージの場所 (マウントした CD)
  --log-dir DIR      過去の実行のジャーナルの場所
  -o, --output PATH  ansible: 書き込むディレクトリ、markdown/html: ファイル (既定: 標準出力)
  --save-answers FILE  この出力の回答も書き込みます (0600、--answers FILE で再利用)
  --lang ja|en       作業手順書とプレイブックの言語
CLUSTERPRO と JobCenter ではノードごとにプレイを作ります (ローリングアップデートはサーバ2 の後に
サーバ1、待機系の後に運用系)。各ノードの役割を回答に加えて計画を作ります。
手動ステップは端末で待ちます。端末なしでは ansible-playbook -e upgrade_confirm_unseen=true で待たずに
進みます (run --yes と同じ)。手順を Windows で実行する計画は markdown か html で出力してください。
`,
  },
};

register(exportMessages);
