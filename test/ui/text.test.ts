import { describe, expect, it } from 'vitest';
import { displayWidth, maskSecrets, scrub, truncate, wrap } from '../../src/ui/text.js';

describe('display helpers', () => {
  it('counts Japanese characters as two columns and wraps between them', () => {
    expect(displayWidth('サービス')).toBe(8);
    const lines = wrap('サービスを停止します。バックアップをとります。', 20);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.join('')).toBe('サービスを停止します。バックアップをとります。');
  });

  it('wraps English at spaces and truncates with an ellipsis', () => {
    expect(wrap('stop the services before the backup', 16)).toEqual(['stop the', 'services before', 'the backup']);
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });

  it('scrubs colour and cursor codes from child output and masks secrets', () => {
    expect(scrub('\u001B[31mred\u001B[0m \u001B[2Kdone\u0007')).toBe('red done');
    expect(maskSecrets('PGPASSWORD=s3cret psql', ['s3cret'])).toBe('PGPASSWORD=**** psql');
  });
});
