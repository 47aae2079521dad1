// The general pieces the iPlanet procedure needed: the compare step's tree comparison and its
// newest-match of backup.*, secret answers handed to a command as a 0600 file, and the
// definition checks of forEach and of secrets.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDefinitionText } from '../../src/plan/load.js';
import { compareTrees, newestMatch } from '../../src/run/compare-trees.js';
import { Redactor } from '../../src/run/redact.js';
import { materializeSecrets, secretEnvName } from '../../src/run/secret-files.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'uw-cmp-'));
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  return dir;
}

describe('compare: trees and newest match', () => {
  test('changed, only-old, only-new, binary; identical files are not listed', async () => {
    const old = tree({ 'imta/config/mappings': 'a\nb\n', 'imta/config/gone': 'x', 'config/msg.conf': 'same\n', 'html/logo.gif': 'GIF\0a' });
    const now = tree({ 'imta/config/mappings': 'a\nc\n', 'imta/config/new.dat': 'y', 'config/msg.conf': 'same\n', 'html/logo.gif': 'GIF\0b' });
    const diffs = await compareTrees(old, now, ['config/msg.conf', 'imta/config', 'html', 'absent']);
    expect(diffs.map((d) => `${d.kind} ${d.path}`)).toEqual([
      'only-old imta/config/gone',
      'changed imta/config/mappings',
      'only-new imta/config/new.dat',
      'binary html/logo.gif',
    ]);
    expect(diffs[1]?.diff).toContain('-b\n+c');
  });

  test('backup.* picks the newest directory; none gives undefined', async () => {
    const dir = tree({ 'backup.20020101/x': '', 'backup.20020301/x': '', 'other/x': '' });
    utimesSync(join(dir, 'backup.20020101'), new Date(2030, 1, 1), new Date(2030, 1, 1));
    expect(await newestMatch(join(dir, 'backup.*'))).toBe(join(dir, 'backup.20020101'));
    expect(await newestMatch(join(dir, 'nothing.*'))).toBeUndefined();
    expect(await newestMatch(join(dir, 'other'))).toBe(join(dir, 'other'));
  });
});

describe('secret files', () => {
  test('a 0600 file per command, removed afterwards, its value masked from then on', async () => {
    const redact = new Redactor();
    const m = await materializeSecrets({ secrets: { bind_password: 'p4ss-word' }, redact }, ['ldapsearch', '-j', '{secret-file:bind_password}', '-b', 'o=pab']);
    const file = m.argv[2] as string;
    expect(m.argv).toEqual(['ldapsearch', '-j', file, '-b', 'o=pab']);
    expect(readFileSync(file, 'utf8')).toBe('p4ss-word');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(redact.text('echo p4ss-word')).toBe('echo ****');
    await m.cleanup();
    expect(existsSync(file)).toBe(false);
  });

  test('from the environment when not given; missing is a clear failure', async () => {
    const name = secretEnvName('bind_password');
    expect(name).toBe('UPGRADE_WIZARD_SECRET_BIND_PASSWORD');
    process.env[name] = 'from-env-1';
    try {
      const m = await materializeSecrets({ redact: new Redactor() }, ['x', '{secret-file:bind_password}']);
      expect(readFileSync(m.argv[1] as string, 'utf8')).toBe('from-env-1');
      await m.cleanup();
    } finally {
      delete process.env[name];
    }
    await expect(materializeSecrets({ redact: new Redactor() }, ['x', '{secret-file:bind_password}'])).rejects.toThrow(/bind_password/);
  });
});

describe('definition checks of forEach and secrets', () => {
  const def = (extra: string): string => `id: p
title: { ja: ぴ, en: p }
source: s.txt
questions:
  - { id: list, type: list, text: { ja: り, en: l } }
  - { id: one, type: text, text: { ja: わ, en: o } }
  - { id: pw, type: text, secret: true, text: { ja: ぱ, en: p } }
steps:
${extra}`;
  const problems = (extra: string): string[] => checkDefinitionText(def(extra), 'p.yaml').problems.map((p) => `${p.path}: ${p.message}`);

  test('valid uses load', () => {
    expect(problems(`  - { id: a, kind: command, forEach: list, title: { ja: あ, en: a }, commands: [[tool, '{list}', -j, '{secret-file:pw}']] }`)).toEqual([]);
  });
  test('forEach on a single-value question', () => {
    expect(problems(`  - { id: a, kind: command, forEach: one, title: { ja: あ, en: a }, commands: [[tool]] }`)).toEqual([
      'steps[0].forEach: forEach must name a list or multi question ("one" is not one)',
    ]);
  });
  test('a secret written into an argv, or a secret-file of a question that is not secret', () => {
    expect(problems(`  - { id: a, kind: command, title: { ja: あ, en: a }, commands: [[tool, '{pw}']] }`)[0]).toContain('{pw} is a secret answer');
    expect(problems(`  - { id: a, kind: command, title: { ja: あ, en: a }, commands: [[tool, '{secret-file:one}']] }`)[0]).toContain('must name a question marked secret');
  });
});
