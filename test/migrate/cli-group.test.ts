// The owner runs --apply but the file's group is one the owner is not in: the new file could not
// be given that group (only root can), so the message says that, not "run as the owner".
import { chmodSync, chownSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { isRoot, repoRoot, runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { makeConf } from './conf-dir.js';

// nobody must be able to read the checkout (a clone under /root would not be).
const nobodyCanRun =
  isRoot &&
  (await execa('runuser', ['-u', 'nobody', '--', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'build', 'cli.js'))})`], { reject: false })).exitCode === 0;

describe.skipIf(!nobodyCanRun)('a group the owner is not in (runs as nobody via runuser; needs root)', () => {
  test('conf dir and system.conf owned by nobody, group root: names the group and the way out; nothing written', async () => {
    const { dir, conf } = makeConf();
    const sys = join(conf, 'system.conf');
    chownSync(conf, 65534, 0);
    chownSync(sys, 65534, 0);
    chmodSync(sys, 0o640);
    chmodSync(join(conf, 'db.conf'), 0o644);
    const before = snapshotTree(dir);
    const r = await runCli(['migrate-config', '--conf', conf, '--apply'], { user: 'nobody' });
    expect(r.exitCode, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(`error: ${sys}: its group is root, and nobody is not in it: only root can give the new file that group`);
    expect(r.stderr).toContain(`Fix: run as root, or, if the group does not matter, first give the file one of your groups (chgrp GROUP ${sys})`);
    expect(r.stderr).not.toContain('run as root or as the owner');
    expect(snapshotTree(dir)).toEqual(before);
    const ja = await runCli(['migrate-config', '--conf', conf, '--apply', '--lang', 'ja'], { user: 'nobody' });
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain(`${sys}: グループが root で、nobody はそのグループに属していません。`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('in a set-group-ID directory of that group the new file gets the group anyway: migrated, group kept', async () => {
    const { conf } = makeConf();
    const sys = join(conf, 'system.conf');
    chownSync(conf, 65534, 0);
    chmodSync(conf, 0o2775);
    chownSync(sys, 65534, 0);
    chmodSync(sys, 0o640);
    const r = await runCli(['migrate-config', '--conf', conf, '--apply'], { user: 'nobody' });
    expect(r.exitCode, r.stderr).toBe(0);
    const st = statSync(sys);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([65534, 0, 0o640]);
  });

  test('with a group of its own the owner can migrate, keeping owner, group and mode', async () => {
    const { conf } = makeConf();
    const sys = join(conf, 'system.conf');
    chownSync(conf, 65534, 65534);
    chownSync(sys, 65534, 65534);
    chmodSync(sys, 0o640);
    const r = await runCli(['migrate-config', '--conf', conf, '--apply'], { user: 'nobody' });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`written: ${sys}`);
  });
});
