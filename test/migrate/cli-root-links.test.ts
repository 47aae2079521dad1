// --root DIR and symbolic links in the copy: a link that leads out of the sandbox (an rsync copy
// keeps /home/sharetask -> /opt/sharetask as an absolute link, which then names the host) is
// refused, so nothing outside the sandbox is read or written through it.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { requireRealUnderRoot } from '../../src/io/paths.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { fixtureDir, tempDir } from './conf-dir.js';

const CONF = '/home/sharetask/sharetask_server/conf';

/** DIR/root (the sandbox, /home/sharetask a link) and DIR/hostside/sharetask (what the link names, outside the sandbox). */
function copyWithLink(link: (dir: string) => string): { dir: string; root: string; hostConf: string } {
  const dir = tempDir();
  const root = join(dir, 'root');
  const hostConf = join(dir, 'hostside', 'sharetask', 'sharetask_server', 'conf');
  mkdirSync(join(root, 'home'), { recursive: true });
  cpSync(join(fixtureDir, 'conf'), hostConf, { recursive: true });
  // The same tree inside the sandbox too, where the link means it on the server.
  cpSync(join(dir, 'hostside', 'sharetask'), join(root, 'opt', 'sharetask'), { recursive: true });
  symlinkSync(link(dir), join(root, 'home', 'sharetask'));
  return { dir, root, hostConf };
}

describe('--root with symbolic links', () => {
  test('an absolute link leading out of the sandbox is refused: exit 2, which link, where it points, nothing written anywhere', async () => {
    const { dir, root } = copyWithLink((d) => join(d, 'hostside', 'sharetask'));
    const before = snapshotTree(dir);
    const r = await runCli(['migrate-config', '--root', root, '--conf', CONF, '--apply']);
    expect(r.exitCode, r.stdout).toBe(2);
    expect(r.stderr).toContain(
      `error: ${join(root, CONF)}: ${join(root, 'home', 'sharetask')} is a symbolic link to ${join(dir, 'hostside', 'sharetask')}, which is outside --root ${root}`,
    );
    // What to do: the path the link stands for, as it is inside the sandbox.
    expect(r.stderr).toContain(`Fix: give instead the path the link stands for, ${join(dir, 'hostside', 'sharetask', 'sharetask_server', 'conf')}`);
    expect(snapshotTree(dir)).toEqual(before);
    const ja = await runCli(['migrate-config', '--root', root, '--conf', CONF, '--apply', '--lang', 'ja']);
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain(`${join(root, 'home', 'sharetask')} は ${join(dir, 'hostside', 'sharetask')} へのシンボリックリンクで`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('the dry run refuses too, and so does a relative link climbing out', async () => {
    const { dir, root } = copyWithLink(() => '../../hostside/sharetask');
    const before = snapshotTree(dir);
    const r = await runCli(['migrate-config', '--root', root, '--conf', CONF]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${join(root, 'home', 'sharetask')} is a symbolic link to ../../hostside/sharetask, which leads outside --root ${root}`);
    expect(r.stdout).toBe('');
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('a system.conf or sudoers that is itself a link out of the sandbox is refused', async () => {
    const { dir, root, hostConf } = copyWithLink(() => '../opt/sharetask');
    const sandboxConf = join(root, 'opt', 'sharetask', 'sharetask_server', 'conf');
    mkdirSync(join(root, 'etc'));
    symlinkSync(join(fixtureDir, 'sudoers'), join(root, 'etc', 'sudoers'));
    const before = snapshotTree(dir);
    const sudoers = await runCli(['migrate-config', '--root', root, '--conf', CONF, '--sudoers', '/etc/sudoers', '--apply']);
    expect(sudoers.exitCode).toBe(2);
    expect(sudoers.stderr).toContain(`${join(root, 'etc', 'sudoers')} is a symbolic link to ${join(fixtureDir, 'sudoers')}, which is outside --root`);
    expect(snapshotTree(dir)).toEqual(before);

    rmSync(join(sandboxConf, 'system.conf'));
    symlinkSync(join(hostConf, 'system.conf'), join(sandboxConf, 'system.conf'));
    const hostBefore = readFileSync(join(hostConf, 'system.conf'));
    const sys = await runCli(['migrate-config', '--root', root, '--conf', CONF, '--apply']);
    expect(sys.exitCode).toBe(2);
    expect(sys.stderr).toContain(`${join(root, CONF, 'system.conf')}: ${join(root, CONF, 'system.conf')} is a symbolic link to ${join(hostConf, 'system.conf')}`);
    expect(readFileSync(join(hostConf, 'system.conf'))).toEqual(hostBefore);
  });

  test('links that stay inside the sandbox are followed: the sandbox copy is migrated', async () => {
    const { dir, root, hostConf } = copyWithLink(() => '../opt/sharetask');
    const hostBefore = snapshotTree(join(dir, 'hostside'));
    const r = await runCli(['migrate-config', '--root', root, '--conf', CONF, '--apply']);
    expect(r.exitCode, r.stderr).toBe(0);
    const written = join(root, 'opt', 'sharetask', 'sharetask_server', 'conf', 'system.conf');
    expect(r.stdout).toContain(`written: ${written}`);
    expect(readFileSync(written, 'latin1')).toContain('\nSUID_METHOD = sudo\n');
    expect(snapshotTree(join(dir, 'hostside'))).toEqual(hostBefore);
    expect(readFileSync(join(hostConf, 'system.conf'), 'latin1')).not.toContain('SUID_METHOD');
  });

  test('requireRealUnderRoot: a dangling link out is refused; missing paths are left to the caller', async () => {
    const dir = tempDir();
    symlinkSync('/nonexistent-host-dir', join(dir, 'gone'));
    await expect(requireRealUnderRoot(join(dir, 'gone', 'x'), dir)).rejects.toMatchObject({ link: join(dir, 'gone'), target: '/nonexistent-host-dir' });
    await expect(requireRealUnderRoot(join(dir, 'missing', 'x'), dir)).resolves.toBeUndefined();
  });
});
