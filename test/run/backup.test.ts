// The backup step on real trees: the real directory behind a link is archived, GNU tar reads
// the result back, and a damaged archive is never taken for a good one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, verifyArchive } from '../../src/run/steps/backup.js';
import { walkTree } from '../../src/run/tree.js';
import { restore } from '../../src/run/steps/restore.js';
import { context, Recorder, step, tempDir } from './ctx.js';

function tree(): { base: string; real: string; link: string } {
  const base = tempDir('uw-backup-');
  const real = join(base, 'opt/sharetask');
  mkdirSync(join(real, 'conf'), { recursive: true });
  writeFileSync(join(real, 'conf/db.conf'), 'dbname = stask_mpi\n');
  writeFileSync(join(real, 'big.dat'), Buffer.alloc(300 * 1024, 1));
  // Names an old Japanese server may have: EUC-JP bytes, a space, a backslash.
  writeFileSync(Buffer.from(`${real}/\xa4\xa2\xa4\xa4.txt`, 'latin1'), 'euc name\n');
  writeFileSync(join(real, 'with space\\and backslash'), 'x');
  symlinkSync('conf', join(real, 'conf-link'));
  mkdirSync(join(base, 'home'));
  const link = join(base, 'home/sharetask');
  symlinkSync('../opt/sharetask', link);
  return { base, real, link };
}

const list = (archive: string): string[] => execFileSync('tar', ['tzf', archive], { env: { LC_ALL: 'C' } }).toString().split('\n').filter(Boolean);

describe('backup', () => {
  it('archives the content of the real directory behind a symlinked source, and GNU tar extracts it', async () => {
    const { base, link } = tree();
    const archive = join(base, 'tmp/sharetask_bkup.tar.gz');
    const ui = new Recorder();
    const out = await backup.run(step('backup', { source: link, archive, extraFiles: [join(base, 'opt/sharetask/conf/db.conf')], extraTo: join(base, 'tmp') }), context(ui));
    expect(out.status).toBe('done');
    const names = list(archive);
    expect(names).toContain('sharetask/conf/db.conf');
    expect(names).toContain('sharetask/big.dat');
    expect(names).toContain('sharetask/conf-link');
    expect(names).not.toContain('sharetask');
    expect(ui.text()).toContain('is a symbolic link: archiving the real directory');
    // Progress in bytes up to the whole tree.
    expect(ui.progress.at(-1)).toMatchObject({ unit: 'bytes' });
    expect(ui.progress.at(-1)?.done).toBe(ui.progress.at(-1)?.total);
    const out2 = join(base, 'x');
    mkdirSync(out2);
    execFileSync('tar', ['xzf', archive, '-C', out2]);
    expect(readFileSync(join(out2, 'sharetask/big.dat')).length).toBe(300 * 1024);
    expect(existsSync(Buffer.from(`${out2}/sharetask/\xa4\xa2\xa4\xa4.txt`, 'latin1'))).toBe(true);
    expect(readFileSync(join(base, 'tmp/db.conf'), 'utf8')).toBe('dbname = stask_mpi\n');
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(existsSync(`${archive}.partial`)).toBe(false);
  });

  it('keeps an earlier archive of the same name instead of overwriting it', async () => {
    const { base, real } = tree();
    const archive = join(base, 'b.tar.gz');
    writeFileSync(archive, 'last year');
    await backup.run(step('backup', { source: real, archive }), context());
    const kept = execFileSync('ls', [base]).toString().split('\n').find((n) => n.startsWith('b.tar.gz.bak-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(base, kept as string), 'utf8')).toBe('last year');
  });

  it('leaves out excluded paths, and skips an empty tree when asked', async () => {
    const { base, real } = tree();
    const archive = join(base, 'e.tar.gz');
    await backup.run(step('backup', { source: real, archive, exclude: [join(real, 'conf')] }), context());
    expect(list(archive).some((n) => n.startsWith('sharetask/conf/'))).toBe(false);
    mkdirSync(join(base, 'empty/sub'), { recursive: true });
    const out = await backup.run(step('backup', { source: join(base, 'empty'), archive: join(base, 'n.tar.gz'), skipIfEmpty: true }), context());
    expect(out.status).toBe('skipped');
    expect(existsSync(join(base, 'n.tar.gz'))).toBe(false);
  });

  it('refuses an archive inside the tree it archives, and a missing source', async () => {
    const { base, real } = tree();
    await expect(backup.run(step('backup', { source: real, archive: join(real, 'x.tar.gz') }), context())).rejects.toThrow(/inside/);
    await expect(backup.run(step('backup', { source: join(base, 'nope'), archive: join(base, 'y.tar.gz') }), context())).rejects.toThrow(/does not exist/);
  });

  it('verification refuses a truncated archive and one that lacks an entry', async () => {
    const { base, real } = tree();
    const archive = join(base, 'v.tar.gz');
    await backup.run(step('backup', { source: real, archive }), context());
    const expected = (await walkTree(join(base, 'opt'), 'sharetask')).names;
    expect((await verifyArchive(archive, expected)).length).toBe(expected.length);
    await expect(verifyArchive(archive, [...expected, 'sharetask/lost.txt'])).rejects.toThrow(/does not match the tree.*missing: sharetask\/lost.txt/s);
    truncateSync(archive, Math.floor(statSync(archive).size / 2));
    await expect(verifyArchive(archive, expected)).rejects.toThrow(/cannot be read by tar/);
  });

  it('takes a truncated archive for an unfinished backup, and restore refuses it leaving the target untouched', async () => {
    const { base, real } = tree();
    const archive = join(base, 't.tar.gz');
    const s = step('backup', { source: real, archive });
    const ctx = context();
    await backup.run(s, ctx);
    expect(await backup.isDone?.(s, ctx)).toBe(true);
    truncateSync(archive, Math.floor(statSync(archive).size / 2));
    expect(await backup.isDone?.(s, ctx)).toBe(false);
    await expect(restore.run(step('restore', { archive, target: real }), ctx)).rejects.toThrow(/cannot be read by tar/);
    expect(readFileSync(join(real, 'conf/db.conf'), 'utf8')).toBe('dbname = stask_mpi\n');
    expect(existsSync(`${real}.broken`)).toBe(false);
  });

  it('restores the tree where the link points, keeping the current one as .broken', async () => {
    const { base, real, link } = tree();
    const archive = join(base, 'r.tar.gz');
    await backup.run(step('backup', { source: link, archive }), context());
    writeFileSync(join(real, 'conf/db.conf'), 'broken by the upgrade\n');
    const out = await restore.run(step('restore', { archive, target: link }), context());
    expect(out.status).toBe('done');
    expect(readFileSync(join(real, 'conf/db.conf'), 'utf8')).toBe('dbname = stask_mpi\n');
    expect(readFileSync(join(`${real}.broken`, 'conf/db.conf'), 'utf8')).toBe('broken by the upgrade\n');
    expect(readFileSync(join(link, 'conf/db.conf'), 'utf8')).toBe('dbname = stask_mpi\n');
    expect(out.detail).toMatch(/the previous tree is kept as .*sharetask\.broken/);
  });

  it('restores where nothing is, and says so instead of naming a tree kept', async () => {
    const { base, real } = tree();
    const archive = join(base, 'r.tar.gz');
    await backup.run(step('backup', { source: real, archive }), context());
    rmSync(real, { recursive: true });
    const out = await restore.run(step('restore', { archive, target: real }), context());
    expect(readFileSync(join(real, 'conf/db.conf'), 'utf8')).toBe('dbname = stask_mpi\n');
    expect(out.detail).toBe(`restored ${real} from ${archive} (nothing was there before)`);
  });
});
