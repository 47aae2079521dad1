import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { backupPath, compactStamp, isBackupName } from '../../src/io/backup-name.js';
import { decodeForDisplay, detectEncoding } from '../../src/io/encoding.js';
import { FileAccessError } from '../../src/io/file-error.js';
import { OutsideRootError, resolveUnderRoot } from '../../src/io/paths.js';
import { readFileBytes } from '../../src/io/read-file.js';
import { findOnPath } from '../../src/io/which.js';
import { isRoot } from '../helpers/cli.js';
import { tempDir } from './conf-dir.js';

const NOW = new Date(2024, 4, 1, 10, 0, 0);

describe('atomic write', () => {
  test('replaces the content, keeps the original as NAME.bak-YYYYMMDDHHMMSS, leaves no temp file', async () => {
    const dir = tempDir();
    const file = join(dir, 'system.conf');
    writeFileSync(file, 'old\n');
    const result = await writeFileAtomic(file, Buffer.from('new\n'), { now: NOW });
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(result.backup).toBe(join(dir, 'system.conf.bak-20240501100000'));
    expect(readFileSync(result.backup, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['system.conf', 'system.conf.bak-20240501100000']);
  });

  test.skipIf(!isRoot)('keeps owner and mode (file owned by nobody, 0640)', async () => {
    const dir = tempDir();
    const file = join(dir, 'system.conf');
    writeFileSync(file, 'old\n');
    chownSync(file, 65534, 65534);
    chmodSync(file, 0o640);
    const { backup } = await writeFileAtomic(file, Buffer.from('new\n'), { now: NOW });
    for (const p of [file, backup]) {
      const st = statSync(p);
      expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
    }
  });

  test('never overwrites an earlier backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'f');
    writeFileSync(file, '1');
    await writeFileAtomic(file, Buffer.from('2'), { now: NOW });
    await writeFileAtomic(file, Buffer.from('3'), { now: NOW });
    expect(readFileSync(join(dir, 'f.bak-20240501100000'), 'utf8')).toBe('1');
    expect(readFileSync(join(dir, 'f.bak-20240501100000-2'), 'utf8')).toBe('2');
    expect(readFileSync(file, 'utf8')).toBe('3');
  });

  test('a failing validation leaves everything as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'sudoers');
    writeFileSync(file, 'old');
    const refusal = new Error('visudo says no');
    await expect(writeFileAtomic(file, Buffer.from('bad'), { validate: async () => Promise.reject(refusal) })).rejects.toBe(refusal);
    expect(readdirSync(dir)).toEqual(['sudoers']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  test('the validator sees the complete new content in the same directory', async () => {
    const dir = tempDir();
    const file = join(dir, 'x');
    writeFileSync(file, 'old');
    let seen = '';
    await writeFileAtomic(file, Buffer.from('new'), { validate: async (temp) => void (seen = `${temp.startsWith(dir)}:${readFileSync(temp, 'utf8')}`) });
    expect(seen).toBe('true:new');
  });

  test('refuses when the file changed since it was read', async () => {
    const dir = tempDir();
    const file = join(dir, 'x');
    writeFileSync(file, 'changed by someone');
    await expect(writeFileAtomic(file, Buffer.from('new'), { expected: Buffer.from('as read') })).rejects.toMatchObject({ problem: 'changedMeanwhile' });
    expect(readdirSync(dir)).toEqual(['x']);
  });

  test('a symlink is followed: the target is replaced, the link stays a link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'f'), 'old');
    symlinkSync(join(dir, 'real', 'f'), join(dir, 'link'));
    const r = await writeFileAtomic(join(dir, 'link'), Buffer.from('new'), { now: NOW });
    expect(r.path).toBe(join(dir, 'real', 'f'));
    expect(readFileSync(join(dir, 'link'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'real')).sort()).toEqual(['f', 'f.bak-20240501100000']);
  });
});

describe('backup names', () => {
  test('format and recognition', () => {
    expect(compactStamp(NOW)).toBe('20240501100000');
    expect(backupPath('/c/system.conf', NOW)).toBe('/c/system.conf.bak-20240501100000');
    expect(backupPath('/c/system.conf', NOW, 2)).toBe('/c/system.conf.bak-20240501100000-3');
    expect(isBackupName('system.conf.bak-20240501100000')).toBe(true);
    expect(isBackupName('system.conf.bak-20240501100000-2')).toBe(true);
    expect(isBackupName('system.conf')).toBe(false);
  });
});

describe('reading with encoding detection', () => {
  const ja = '# 設定ファイル: コメント\nA = 1\n';
  test.each([
    ['ascii', Buffer.from('A = 1\n')],
    ['utf-8', Buffer.from(ja, 'utf8')],
    ['euc-jp', iconv.encode(ja, 'euc-jp')],
    ['shift_jis', iconv.encode(ja, 'cp932')],
  ])('%s is detected and decoded for display', async (encoding, buf) => {
    expect(detectEncoding(buf)).toBe(encoding);
    expect(await decodeForDisplay(buf)).toBe(encoding === 'ascii' ? 'A = 1\n' : ja);
  });

  test('a UTF-8 BOM is not shown', async () => {
    expect(await decodeForDisplay(Buffer.from('\uFEFFA = 1\n', 'utf8'))).toBe('A = 1\n');
  });

  test('missing, directory and permission problems are named', async () => {
    const dir = tempDir();
    await expect(readFileBytes(join(dir, 'nope'))).rejects.toMatchObject({ problem: 'missing' });
    await expect(readFileBytes(dir)).rejects.toBeInstanceOf(FileAccessError);
    await expect(readFileBytes(dir)).rejects.toMatchObject({ problem: 'isDirectory' });
  });
});

describe('--root resolution', () => {
  test('absolute paths go under the root, relative ones stay relative to cwd', () => {
    expect(resolveUnderRoot('/etc/sudoers', '/sandbox', '/work')).toBe('/sandbox/etc/sudoers');
    expect(resolveUnderRoot('conf', '/sandbox', '/work')).toBe('/work/conf');
    expect(resolveUnderRoot('/etc/sudoers', undefined, '/work')).toBe('/etc/sudoers');
    expect(resolveUnderRoot('/etc', 'box', '/work')).toBe('/work/box/etc');
  });
  test('a path cannot climb out of the root', () => {
    expect(() => resolveUnderRoot('/../etc/passwd', '/sandbox', '/')).toThrow(OutsideRootError);
  });
});

describe('PATH lookup', () => {
  test('finds executables only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, 'data'), 'x', { mode: 0o644 });
    expect(await findOnPath('tool', `/nonexistent:${dir}`)).toBe(join(dir, 'tool'));
    expect(await findOnPath('data', dir)).toBeUndefined();
    expect(await findOnPath('tool', '')).toBeUndefined();
  });
});
