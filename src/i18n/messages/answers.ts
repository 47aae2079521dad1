// Messages of the answers given with --answers FILE and --set checked against the definition
// (src/run/answers.ts): each names where the answer was given (FILE:LINE or --set).
import { register } from '../index.js';

export const answersMessages = {
  en: {
    'run.args.unknownAnswer': '{where}: there is no question "{id}"',
    'run.args.knownQuestions': 'the questions of {product} are: {known}',
    'run.args.savedFor': '{file} was saved for {saved} (its first line says so), not for {product}: give --product {saved}, or the answers file of {product}',
    'run.args.ignoredAnswer': '{where}: the answer to {id} is ignored: that question is not asked with these answers ({because})',
    'run.args.secretReadable':
      '{where}: {id} is a secret, and {file} can be read by others than its owner (mode {mode}); nothing was done. Run {chmod}, or remove the line and give it in the environment variable {env}',
    'run.args.secretOnCommandLine': '{id} is a secret: never give it with --set (every user sees command lines). Give it in the environment variable {env}, or in an --answers file only its owner can read (chmod 600)',
    'run.args.secretEnv': 'a secret: give it in the environment variable {name} (or in an --answers file only its owner can read, chmod 600; never with --set)',
    'run.args.formExample': 'a {type} value (e.g. {examples})',
    'run.args.formPlain': 'a {type} value',
    'run.args.or': ' or ',
  },
  ja: {
    'run.args.unknownAnswer': '{where}: 質問「{id}」はありません',
    'run.args.knownQuestions': '{product} の質問は次のとおりです: {known}',
    'run.args.savedFor': '{file} は {product} ではなく {saved} の回答として保存されたファイルです (先頭行に記載)。--product {saved} を指定するか、{product} の回答ファイルを指定してください',
    'run.args.ignoredAnswer': '{where}: {id} の回答は無視します。この回答では、その質問はしません ({because})',
    'run.args.secretReadable':
      '{where}: {id} は秘密の回答ですが、{file} は所有者以外も読めます (モード {mode})。何も実行していません。{chmod} を実行するか、その行を削除して環境変数 {env} で指定してください',
    'run.args.secretOnCommandLine': '{id} は秘密の回答です。--set では指定しないでください (コマンドラインは全ユーザーに見えます)。環境変数 {env}、または所有者だけが読める --answers のファイル (chmod 600) で指定してください',
    'run.args.secretEnv': '秘密の値: 環境変数 {name} で指定してください (または所有者だけが読める --answers のファイル (chmod 600) に書きます。--set では指定しません)',
    'run.args.formExample': '{type} 型の値 (例: {examples})',
    'run.args.formPlain': '{type} 型の値',
    'run.args.or': ' または ',
  },
};

register(answersMessages);
