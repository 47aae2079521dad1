// The backup's space check sums the regular files of the tree it will archive, as tar stores
// them: links inside it are not followed, and a directory it cannot list adds nothing.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { treeBytes } from '../../src/detect/system.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('treeBytes', () => {
  it('sums the regular files of every level, and does not follow links', async () => {
    const top = mkdtempSync(join(tmpdir(), 'uw-tree-'));
    dirs.push(top);
    const outside = mkdtempSync(join(tmpdir(), 'uw-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'big'), Buffer.alloc(100_000));
    mkdirSync(join(top, 'a/b/c'), { recursive: true });
    writeFileSync(join(top, 'one'), Buffer.alloc(1000));
    writeFileSync(join(top, 'a/two'), Buffer.alloc(20));
    writeFileSync(join(top, 'a/b/c/three'), Buffer.alloc(300));
    symlinkSync(join(outside, 'big'), join(top, 'a/link-to-file'));
    symlinkSync(outside, join(top, 'a/link-to-dir'));
    expect(await treeBytes(top)).toBe(1320);
  });

  it('is 0 for a path that is not there', async () => {
    expect(await treeBytes(join(tmpdir(), 'uw-no-such-tree-at-all'))).toBe(0);
  });
});
