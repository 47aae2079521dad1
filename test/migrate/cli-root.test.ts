// --root DIR: absolute paths are taken inside the sandbox; relative ones stay relative to cwd.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { fixtureDir, tempDir } from './conf-dir.js';

const SERVER = '/home/sharetask/sharetask_server';

function sandbox(): string {
  const root = join(tempDir(), 'root');
  mkdirSync(join(root, SERVER), { recursive: true });
  mkdirSync(join(root, 'etc'));
  mkdirSync(join(root, 'media'));
  cpSync(join(fixtureDir, 'conf'), join(root, SERVER, 'conf'), { recursive: true });
  cpSync(join(fixtureDir, 'conf.ORG'), join(root, SERVER, 'conf.ORG'), { recursive: true });
  cpSync(join(fixtureDir, 'sudoers'), join(root, 'etc', 'sudoers'));
  writeFileSync(join(root, 'media', 'custom_NAB_20120401.tar.gz'), '');
  return root;
}

describe('--root', () => {
  test('every absolute path is resolved inside the sandbox; --user-prefs-dir is written as given', async () => {
    const root = sandbox();
    const realSudoers = readFileSync('/etc/sudoers', { encoding: 'latin1', flag: 'r' });
    const r = await runCli(
      [
        'migrate-config', '--root', root, '--conf', `${SERVER}/conf`, '--shipped', `${SERVER}/conf.ORG`,
        '--custom-archive', '/media/custom_NAB_20120401.tar.gz', '--user-prefs-dir', '/home/sharetask/sharetask_users',
        '--sudoers', '/etc/sudoers', '--apply',
      ],
      { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`written: ${join(root, SERVER, 'conf', 'system.conf')}`);
    expect(r.stdout).toContain(`written: ${join(root, 'etc', 'sudoers')}`);
    expect(r.stdout).toContain(`Compared with the shipped configuration (${join(root, SERVER, 'conf.ORG')})`);
    const system = readFileSync(join(root, SERVER, 'conf', 'system.conf'), 'latin1');
    expect(system).toContain('\nCUSTOM = NAB\nENABLE_USER_PREFS = 1\nUSER_PREFS_DIR = /home/sharetask/sharetask_users\n');
    expect(readFileSync(join(root, 'etc', 'sudoers'), 'latin1')).toContain('Cmnd_Alias SHARETASK');
    expect(readFileSync('/etc/sudoers', 'latin1')).toBe(realSudoers);
  });

  test('a relative --conf is relative to the working directory, not the root', async () => {
    const root = sandbox();
    const r = await runCli(['migrate-config', '--conf', `root${SERVER}/conf`], { cwd: join(root, '..') });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`migrate-config ${join(root, SERVER, 'conf')} (dry run`);
    const rooted = await runCli(['migrate-config', '--root', root, '--conf', `root${SERVER}/conf`], { cwd: join(root, '..') });
    expect(rooted.exitCode, rooted.stderr).toBe(0);
    expect(rooted.stdout).toContain(`migrate-config ${join(root, SERVER, 'conf')} (dry run`);
  });

  test('a path climbing out of the sandbox is refused', async () => {
    const root = sandbox();
    const before = snapshotTree(root);
    const r = await runCli(['migrate-config', '--root', root, '--conf', '/../../etc', '--apply']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('leads outside --root');
    expect(snapshotTree(root)).toEqual(before);
  });

  test('a missing root is refused', async () => {
    const r = await runCli(['migrate-config', '--root', '/nonexistent-sandbox', '--conf', '/conf']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('/nonexistent-sandbox: not found. Fix: check the path (the sandbox directory given with --root)');
  });
});
