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

  it('lets the screens draw while it walks a large tree', async () => {
    const top = mkdtempSync(join(tmpdir(), 'uw-tree-'));
    dirs.push(top);
    for (let i = 0; i < 20; i++) {
      mkdirSync(join(top, `d${i}`));
      writeFileSync(join(top, `d${i}`, 'f'), Buffer.alloc(10));
    }
    // A slice of no time: the walk yields before every directory it lists. The screens' turn
    // comes each time it does (a timer would need a millisecond to pass, which 21 small listings
    // may not take).
    const events: string[] = [];
    let drawing = true;
    const draw = (): void => {
      events.push('drawn');
      if (drawing) setImmediate(draw);
    };
    const walked = treeBytes(top, { sliceMs: 0 }).then((bytes) => events.push(`walked ${bytes}`));
    setImmediate(draw);
    await walked;
    drawing = false;
    expect(events.at(-1)).toBe('walked 200');
    expect(events.filter((e) => e === 'drawn').length).toBeGreaterThanOrEqual(20);
  });

  it('is 0 for a path that is not there', async () => {
    expect(await treeBytes(join(tmpdir(), 'uw-no-such-tree-at-all'))).toBe(0);
  });
});
