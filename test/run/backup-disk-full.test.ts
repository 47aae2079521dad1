// The file system of the backup fills up while the archive is written (something else wrote to
// it after the free-space check): the step fails naming the archive and the full directory, and
// the part written is removed, so the disk is not left full for the steps that follow.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statfsSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup } from '../../src/run/steps/backup.js';
import { isRoot } from '../helpers/cli.js';
import { context, step, tempDir } from './ctx.js';

const base = tempDir('uw-backup-full-');
const small = join(base, 'small');
mkdirSync(small);
/** A 256 KiB tmpfs: root, and a kernel that lets this container mount one. */
const mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', small]).status === 0;
afterAll(() => {
  if (mounted) execFileSync('umount', [small]);
});

describe.runIf(mounted)('a backup whose file system fills up', () => {
  it('fails naming the archive and the full directory, and removes the part written', async () => {
    const source = join(base, 'opt/sharetask');
    mkdirSync(source, { recursive: true });
    // Random bytes: gzip cannot make them smaller than the 200 KiB the check asks for.
    writeFileSync(join(source, 'data.bin'), randomBytes(200 * 1024));
    // Leave 200 KiB free: the check passes, the archive (tar headers, padding) does not fit.
    const fs = statfsSync(small);
    writeFileSync(join(small, 'filler'), Buffer.alloc(fs.bavail * fs.bsize - 200 * 1024));
    const archive = join(small, 'bk/sharetask_bkup.tar.gz');
    const run = backup.run(step('backup', { source, archive }), context());
    await expect(run).rejects.toThrow(`writing the backup ${archive}.partial failed: the file system of ${join(small, 'bk')} became full`);
    expect(readdirSync(join(small, 'bk'))).toEqual([]);
  });
});
