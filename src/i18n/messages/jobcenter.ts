// Messages of the general engine pieces added for the JobCenter procedure (issue 5): the
// delete-files step, the verify checks envUnset / expectEach / rejectEach, and order rules
// between runs (a blocker lifted by a finished earlier run, or named beside an earlier run that
// differs). The product's own texts are in wizards/jobcenter.yaml.
import { register, type Messages } from '../index.js';

export const jobcenterMessages: Messages = {
  en: {
    'plan.build.liftedByRun': 'Order checked: the run this one must follow ({what}) finished at {time} (its record: {journal}).',
    'plan.build.nearMissRun': 'A run that finished at {time} was found ({journal}), but with {theirs} (this run: {ours}); it does not count.',
    'plan.build.noSteps': 'No step of the procedure fits these answers ({answers}): the plan would do nothing.',
    'plan.build.noStepsFix': 'Check the answers (a version outside the bands the procedure names, a combination it does not describe); if they are right, the definition of {product} lacks this case: report it with these answers.',
    'plan.answer.windowsPath': '"{value}" is not an absolute Windows path without ".." (a drive letter or a UNC path, e.g. C:\\Windows or \\\\server\\share\\JobCenter)',
    'describe.setAsideWindows': '(an existing {path} is first set aside, renamed with the date and time of the run in place of YYYYMMDDHHMMSS; never merged into)',
    'run.stdoutSaved': 'output saved to {file}',
    'run.stdoutNoLogDir': 'the output file {file} is relative to the run log dir, and this run has none',
    'run.deleteFiles.noDir': 'cannot read the directory {dir}: {detail}',
    'run.deleteFiles.noLogDir': 'deleting needs the run log dir to keep a copy of what goes',
    'run.deleteFiles.none': 'nothing in {dir} matches; nothing to delete',
    'run.deleteFiles.tree': '(directory, with everything in it)',
    'run.deleteFiles.list': '{count} item(s) of {dir} to delete:',
    'run.deleteFiles.confirm': 'These {count} item(s) of {dir} will be deleted (a copy is kept in {keep}):',
    'run.deleteFiles.declined': 'deletion not confirmed; nothing was deleted',
    'run.deleteFiles.done': '{count} item(s) deleted; copies kept in {keep}',
    'run.deleteFiles.describeFiles': 'delete the files {patterns} in {dir} (listed and confirmed first)',
    'run.deleteFiles.describeDirs': 'delete the directories {patterns} in {dir} with their contents (listed and confirmed first)',
    'run.verify.envSet':
      'the environment variable {name} is set ({name}={value}) in the shell that started the wizard; Retry cannot change that. Stop here, run "unset {name}" in that shell ("unsetenv {name}" in csh), check that "echo ${name}" prints nothing, then run "upgrade-wizard resume" from the same shell',
    'run.verify.eachMissing': 'not in the output of {command}: {names}',
    'run.verify.eachFound': 'still in the output of {command}: {names}\n{lines}',
    'run.verify.moreLines': '… and {count} more line(s)',
    'run.verify.describeEnvUnset': 'the environment variable {name} must not be set',
    'run.verify.describeEach': 'the output must show each of: {names}',
    'run.verify.describeNone': 'the output must show none of: {names}',
  },
  ja: {
    'plan.build.liftedByRun': '順序を確認しました: 先に行う実行 ({what}) が {time} に完了しています (記録: {journal})。',
    'plan.build.nearMissRun': '{time} に完了した実行 ({journal}) はありますが、{theirs} での実行です (この実行: {ours})。そのため数えません。',
    'plan.build.noSteps': 'これらの答え ({answers}) に当てはまる手順のステップがありません。このままでは何も実行しない計画になります。',
    'plan.build.noStepsFix': '答えを確認してください (手順が扱う範囲の外のバージョン、手順に書かれていない組み合わせなど)。答えが正しい場合は {product} の定義にこの場合が欠けています。これらの答えを添えて報告してください。',
    'plan.answer.windowsPath': '"{value}" は ".." を含まない Windows の絶対パスではありません (ドライブ文字または UNC のパス。例 C:\\Windows、\\\\server\\share\\JobCenter)',
    'describe.setAsideWindows': '(既存の {path} は、混ぜずに先に退避します。YYYYMMDDHHMMSS の部分を実行した日時にした名前に変更します)',
    'run.stdoutSaved': '出力を {file} に保存しました',
    'run.stdoutNoLogDir': '出力ファイル {file} は実行ログのディレクトリからの相対パスですが、この実行にはログのディレクトリがありません',
    'run.deleteFiles.noDir': 'ディレクトリ {dir} を読めません: {detail}',
    'run.deleteFiles.noLogDir': '削除するものの控えを残すには実行ログのディレクトリが必要です',
    'run.deleteFiles.none': '{dir} に該当するものはありません。削除するものはありません',
    'run.deleteFiles.tree': '(ディレクトリ。中身ごと)',
    'run.deleteFiles.list': '{dir} の削除対象 {count} 件:',
    'run.deleteFiles.confirm': '{dir} の次の {count} 件を削除します(控えを {keep} に残します):',
    'run.deleteFiles.declined': '削除は確認されませんでした。何も削除していません',
    'run.deleteFiles.done': '{count} 件を削除しました。控えは {keep} にあります',
    'run.deleteFiles.describeFiles': '{dir} のファイル {patterns} を削除(一覧を表示し確認してから)',
    'run.deleteFiles.describeDirs': '{dir} のディレクトリ {patterns} を中身ごと削除(一覧を表示し確認してから)',
    'run.verify.envSet':
      'ウィザードを起動したシェルで環境変数 {name} が設定されています ({name}={value})。再試行しても変わりません。ここで停止し、そのシェルで「unset {name}」(csh 系では「unsetenv {name}」)を実行して「echo ${name}」で何も表示されないことを確認してから、同じシェルで「upgrade-wizard resume」を実行してください',
    'run.verify.eachMissing': '{command} の出力にまだありません: {names}',
    'run.verify.eachFound': '{command} の出力にまだあります: {names}\n{lines}',
    'run.verify.moreLines': '… ほか {count} 行',
    'run.verify.describeEnvUnset': '環境変数 {name} が設定されていないこと',
    'run.verify.describeEach': '出力に次のすべてがあること: {names}',
    'run.verify.describeNone': '出力に次のどれもないこと: {names}',
  },
};

register(jobcenterMessages);
