// Messages of the step descriptions (describe() of the file-operation steps): what a person reads
// in plans, runbooks and logs beside the commands that do the same by hand.
import { register } from '../index.js';

export const describeMessages = {
  en: {
    'describe.setAside': '(an existing {path} is first set aside as {path}.bak-YYYYMMDDHHMMSS, never merged into)',
    'describe.setAsideMove': '(an existing {path} is first set aside as {path}.bak-YYYYMMDDHHMMSS, never merged into; an empty directory is replaced)',
    'describe.migrateDryRun': '(dry run: shows the diff, writes nothing)',
    'describe.migrateApply': '(once the diff is reviewed: writes the files at once, without asking, the originals kept as NAME.bak-YYYYMMDDHHMMSS)',
  },
  ja: {
    'describe.setAside': '(既存の {path} は、混ぜずに先に {path}.bak-YYYYMMDDHHMMSS として退避します)',
    'describe.setAsideMove': '(既存の {path} は、混ぜずに先に {path}.bak-YYYYMMDDHHMMSS として退避します。空のディレクトリは置き換えます)',
    'describe.migrateDryRun': '(ドライラン: 差分を表示するだけで、何も書き込みません)',
    'describe.migrateApply': '(差分を確認してから実行: 確認なしですぐに書き込みます。元のファイルは NAME.bak-YYYYMMDDHHMMSS として残ります)',
  },
};

register(describeMessages);
