// Who confirmed a manual step, in the reader's language: a Japanese report said "確認者: operator".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { execute } from '../../src/run/executor.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

afterEach(() => setLang('en'));

describe('who confirmed', () => {
  it('is オペレーター in a Japanese report and step detail, "the operator" in English', async () => {
    setLang('ja');
    const check = step('manual', {}, { id: 'look', title: '確認する', manual: true, instructions: '見る', checklist: ['項目'] });
    const ui = new Recorder();
    const ja = await execute(plan([check], { lang: 'ja' }), ui, { logDir: join(tempDir('uw-who-'), 'log'), root: '' });
    const report = readFileSync(ja.files!.report, 'utf8');
    expect(report).toContain('(確認者: オペレーター)');
    expect(report).not.toContain('operator');
    expect(ui.ends[0]?.detail).toMatch(/確認済み \(確認者: オペレーター\)$/);
    setLang('en');
    const en = await execute(plan([check]), new Recorder(), { logDir: join(tempDir('uw-who-'), 'log'), root: '' });
    expect(readFileSync(en.files!.report, 'utf8')).toContain('(by the operator)');
  });
});
