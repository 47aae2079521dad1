// Messages of the command line itself: help, global options, top-level errors.
export const cliMessages = {
  en: {
    'cli.help': `upgrade-wizard {version}: guided upgrades of on-premises servers

Usage:
  upgrade-wizard                         the interactive wizard (needs a terminal)
  upgrade-wizard demo                    the interactive wizard on a built-in sample ShareTask 5.4 server
  upgrade-wizard list                    products, their questions and choices
  upgrade-wizard detect [--root DIR]     what can be detected here, with evidence
  upgrade-wizard plan --product ID [--set Q=V ...] [--answers FILE] [--save-answers FILE] [--json] [--root DIR] [--media DIR]
  upgrade-wizard run --product ID [--set Q=V ...] [--answers FILE] [--save-answers FILE] --yes [--dry-run]
                     [--root DIR] [--media DIR] [--log-dir DIR]
  upgrade-wizard resume [--yes] [--rerun-step ID | --skip-step ID] [--root DIR] [--log-dir DIR]
  upgrade-wizard rollback [--to POINT] [--yes] [--root DIR] [--log-dir DIR]
  upgrade-wizard report [--log-dir DIR] [--run ID]   write a run's report again from its journal
  upgrade-wizard validate FILE           check a wizard definition
  upgrade-wizard migrate-config --conf DIR [options]   ShareTask 5.4 -> 5.5 config migration only
  upgrade-wizard export --format ansible|markdown|html --product ID [--set Q=V ...] [--answers FILE] [-o PATH]
                         the plan as an Ansible playbook or a printable runbook

Global options:
  --lang ja|en    language of all output (default: from LC_ALL, LC_MESSAGES, LANG)
  --help          this text
  --version       the version

Exit codes: 0 success, 1 unexpected failure, 2 bad input or refused.
Run "upgrade-wizard COMMAND --help" for the options of a command.
`,
    'cli.langMissing': '--lang needs a value: ja or en',
    'cli.langBad': '--lang {lang} is not supported: use ja or en',
    'cli.noTty': 'the interactive wizard needs a terminal (stdin and stdout must be a TTY); use a command such as "plan" or "run --yes" instead, or see --help',
    'cli.noInteractiveYet': 'the interactive wizard is not available in this version; see --help',
    'cli.unknownCommand': 'unknown command "{command}"; see upgrade-wizard --help',
    'cli.errorPrefix': 'error',
    'cli.badArgs': '{command}: {detail}; see upgrade-wizard {command} --help',
  },
  ja: {
    'cli.help': `upgrade-wizard {version}: オンプレミスサーバーのバージョンアップを手順どおりに案内します

使い方:
  upgrade-wizard                         対話型ウィザード (端末が必要)
  upgrade-wizard demo                    組み込みのサンプル ShareTask 5.4 サーバーで対話型ウィザードを実行
  upgrade-wizard list                    製品と、その質問・選択肢の一覧
  upgrade-wizard detect [--root DIR]     このマシンで検出できる内容と根拠
  upgrade-wizard plan --product ID [--set Q=V ...] [--answers FILE] [--save-answers FILE] [--json] [--root DIR] [--media DIR]
  upgrade-wizard run --product ID [--set Q=V ...] [--answers FILE] [--save-answers FILE] --yes [--dry-run]
                     [--root DIR] [--media DIR] [--log-dir DIR]
  upgrade-wizard resume [--yes] [--rerun-step ID | --skip-step ID] [--root DIR] [--log-dir DIR]
  upgrade-wizard rollback [--to POINT] [--yes] [--root DIR] [--log-dir DIR]
  upgrade-wizard report [--log-dir DIR] [--run ID]   実行の報告書をジャーナルから書き直す
  upgrade-wizard validate FILE           ウィザード定義を検査
  upgrade-wizard migrate-config --conf DIR [オプション]   ShareTask 5.4 -> 5.5 の設定移行のみ
  upgrade-wizard export --format ansible|markdown|html --product ID [--set Q=V ...] [--answers FILE] [-o PATH]
                         計画を Ansible プレイブックまたは印刷用の作業手順書として出力

共通オプション:
  --lang ja|en    表示言語 (既定: LC_ALL, LC_MESSAGES, LANG から判定)
  --help          このヘルプ
  --version       バージョン

終了コード: 0 成功、1 予期しない失敗、2 入力誤りまたは拒否。
各コマンドのオプションは "upgrade-wizard COMMAND --help" で表示します。
`,
    'cli.langMissing': '--lang には値が必要です: ja または en',
    'cli.langBad': '--lang {lang} には対応していません: ja または en を指定してください',
    'cli.noTty': '対話型ウィザードには端末が必要です (標準入力と標準出力が TTY であること)。"plan" や "run --yes" などのコマンドを使うか、--help を参照してください',
    'cli.noInteractiveYet': 'このバージョンでは対話型ウィザードはまだ使えません。--help を参照してください',
    'cli.unknownCommand': '不明なコマンド "{command}" です。upgrade-wizard --help を参照してください',
    'cli.errorPrefix': 'エラー',
    'cli.badArgs': '{command}: {detail}。upgrade-wizard {command} --help を参照してください',
  },
};
