// Messages of a command step's probe (skipWhen): what the plan, the runbook and a dry run say it
// checks first, and what a run says when it found the step's work already done, or not yet.
import { register } from '../index.js';

export const probeMessages = {
  en: {
    'probe.check': 'check first: $ {command}',
    'probe.ifPasses': '  if {condition}: already so, skip what follows',
    'probe.otherwise': 'otherwise:',
    'probe.cond.output': 'the output matches /{pattern}/',
    'probe.cond.exit': 'it exits with {code}',
    'probe.cond.and': ' and ',
    'probe.cond.says': '{says} ({how})',
    'probe.already': 'already so: {evidence} ({command})',
    'probe.alreadySays': 'already so ({says}): {evidence} ({command})',
    'probe.exited': 'exit code {code}',
    'probe.notYet': 'not so yet ({reason}): running the step\'s commands',
    'probe.why.exit': 'exit code {code}, not {want}',
    'probe.why.noMatch': 'no line matches /{pattern}/',
    'probe.why.failed': 'the check could not run: {reason}',
    'probe.bad': 'step {step}: skipWhen is not a check the wizard can run ({detail})',
    'probe.ui.check': 'Checked first; if {condition}, already so and skipped:',
    'probe.ui.otherwise': 'Otherwise:',
  },
  ja: {
    'probe.check': 'まず確認: $ {command}',
    'probe.ifPasses': '  {condition}なら、既にその状態です: 以下は不要です',
    'probe.otherwise': 'そうでなければ:',
    'probe.cond.output': '出力が /{pattern}/ に一致',
    'probe.cond.exit': '終了コードが {code}',
    'probe.cond.and': '、',
    'probe.cond.says': '{says}（{how}）',
    'probe.already': '既にその状態です: {evidence} ({command})',
    'probe.alreadySays': '既にその状態です（{says}）: {evidence} ({command})',
    'probe.exited': '終了コード {code}',
    'probe.notYet': 'まだその状態ではありません（{reason}）: このステップのコマンドを実行します',
    'probe.why.exit': '終了コードが {want} でなく {code}',
    'probe.why.noMatch': '/{pattern}/ に一致する行がありません',
    'probe.why.failed': '確認を実行できません: {reason}',
    'probe.bad': 'ステップ {step}: skipWhen が実行できる確認になっていません ({detail})',
    'probe.ui.check': 'まず確認し、{condition}なら既にその状態なのでスキップします:',
    'probe.ui.otherwise': 'そうでなければ:',
  },
};

register(probeMessages);
