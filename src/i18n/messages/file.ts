// What is wrong with a file, in a few words, for messages that name a file and its problem
// (src/io/file-error.ts).
import { register } from '../index.js';

export const fileMessages = {
  en: {
    'file.problem.missing': 'not found',
    'file.problem.permission': 'permission denied',
    'file.problem.readOnly': 'the file system is mounted read-only',
    'file.problem.immutable': 'not even root may change it: is it immutable (lsattr; chattr -i)?',
    'file.problem.isDirectory': 'a directory, not a file',
    'file.problem.notDirectory': 'not a directory',
    'file.problem.notFile': 'not a regular file',
    'file.problem.ownerNotKept': 'its owner could not be kept',
    'file.problem.changedMeanwhile': 'it changed while the wizard was working on it',
  },
  ja: {
    'file.problem.missing': '見つかりません',
    'file.problem.permission': 'アクセス権がありません',
    'file.problem.readOnly': 'ファイルシステムが読み取り専用でマウントされています',
    'file.problem.immutable': 'root でも変更できません (変更不可属性? lsattr で確認し chattr -i で解除)',
    'file.problem.isDirectory': 'ファイルではなくディレクトリです',
    'file.problem.notDirectory': 'ディレクトリではありません',
    'file.problem.notFile': '通常のファイルではありません',
    'file.problem.ownerNotKept': '所有者を保てませんでした',
    'file.problem.changedMeanwhile': 'ウィザードの作業中に変更されました',
  },
};

register(fileMessages);
