import { describe, expect, it } from 'vitest';
import { displayWidth, expandTabs, maskSecrets, scrub, truncate, truncatePart, truncateStart, wrap } from '../../src/ui/text.js';

/** Wraps each text at each width: nothing is lost, and the lines pass the check. */
function everyWrap(texts: string[], widths: number[], check: (lines: string[]) => void): void {
  for (const text of texts) {
    for (const width of widths) {
      const lines = wrap(text, width);
      expect(lines.join('')).toBe(text);
      check(lines);
    }
  }
}

describe('display helpers', () => {
  it('counts Japanese characters as two columns and wraps between them', () => {
    expect(displayWidth('サービス')).toBe(8);
    const lines = wrap('サービスを停止します。バックアップをとります。', 20);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.join('')).toBe('サービスを停止します。バックアップをとります。');
  });

  it('keeps 。 and closing brackets off the start of a line, and 「 off its end', () => {
    // At 14 columns 。 would stand alone at the start of the second line.
    expect(wrap('残してください。', 14)).toEqual(['残してくださ', 'い。']);
    expect(wrap('ファイル「設定」を', 10)).toEqual(['ファイル', '「設定」を']);
    expect(wrap('あいうえ「かき', 10)).toEqual(['あいうえ', '「かき']);
    everyWrap(['残してください。', 'ファイル「設定」を', 'バックアップ、ログ。'], [4, 6, 8, 10, 12], (lines) => {
      for (const l of lines.slice(1)) expect('、。」').not.toContain(l[0]);
    });
  });

  it('keeps half-width ) and , off the start of a line, and ( off its end, in Japanese text', () => {
    // The plan's next: ")。" stood at the start of a line, under "…バージョンは同じ".
    expect(wrap('(種別は同じ)。運用系', 12)).toEqual(['(種別は同', 'じ)。運用系']);
    expect(wrap('あいうえ(かき)', 10)).toEqual(['あいうえ', '(かき)']);
    expect(wrap('停止しました,次へ', 12)).toEqual(['停止しまし', 'た,次へ']);
    everyWrap(['(種別は同じ)。運用系', 'あいうえ(かき)', '停止しました,次へ'], [6, 8, 10, 12, 14], (lines) => {
      for (const l of lines.slice(1)) expect('),。').not.toContain(l[0]);
      for (const l of lines.slice(0, -1)) expect(l.endsWith('(')).toBe(false);
    });
    // Latin text still breaks at its spaces, the bracket with its word.
    expect(wrap('see the guide (chapter 3)', 14)).toEqual(['see the guide', '(chapter 3)']);
  });

  it('breaks before a Latin word that follows Japanese instead of cutting it', () => {
    expect(wrap('実行環境ShareTask', 12)).toEqual(['実行環境', 'ShareTask']);
    expect(wrap('設定はShareTask。', 16)).toEqual(['設定は', 'ShareTask。']);
  });

  it('keeps the end of a typed value in its field, counting wide characters as two columns', () => {
    expect(truncateStart('/opt/sharetask', 20)).toBe('/opt/sharetask');
    expect(truncateStart('/opt/sharetask/server', 10)).toBe('…sk/server');
    expect(truncateStart('/データ/共有タスク', 10)).toBe('…有タスク');
    expect(displayWidth(truncateStart('/データ/共有タスク', 10))).toBeLessThanOrEqual(10);
  });

  it('shortens the named part of a title, so its last words stay', () => {
    const title = 'Groupmax master management server upgrade to Version 6: the plan';
    const product = 'Groupmax master management server upgrade to Version 6';
    expect(truncatePart(title, product, 40)).toBe('Groupmax master management se…: the plan');
    expect(displayWidth(truncatePart(title, product, 40))).toBe(40);
    expect(truncatePart(title, product, 80)).toBe(title);
    expect(truncatePart('グループ管理サーバの更新: 実行計画', 'グループ管理サーバの更新', 34)).toBe('グループ管理サーバの更新: 実行計画');
    // A wide character never straddles the cut: one column stays empty instead.
    expect(truncatePart('グループ管理サーバの更新: 実行計画', 'グループ管理サーバの更新', 30)).toBe('グループ管理サーバ…: 実行計画');
    // Too little room for the part to carry the cut: the end goes.
    expect(truncatePart(title, product, 12)).toBe('Groupmax ma…');
  });

  it('wraps English at spaces and truncates with an ellipsis', () => {
    expect(wrap('stop the services before the backup', 16)).toEqual(['stop the', 'services before', 'the backup']);
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });

  it('expands tabs to the next multiple of 8 columns before measuring', () => {
    expect(expandTabs('a\tb')).toBe('a       b');
    expect(expandTabs('サービス\tx')).toBe('サービス        x');
    expect(truncate('KEY\t= value', 8)).toBe('KEY    …');
    expect(wrap('--- /etc/a.conf\tcurrent', 16)).toEqual(['--- /etc/a.conf', 'current']);
  });

  it('scrubs colour and cursor codes from child output and masks secrets', () => {
    expect(scrub('\u001B[31mred\u001B[0m \u001B[2Kdone\u0007')).toBe('red done');
    expect(maskSecrets('PGPASSWORD=s3cret psql', ['s3cret'])).toBe('PGPASSWORD=**** psql');
  });
});
