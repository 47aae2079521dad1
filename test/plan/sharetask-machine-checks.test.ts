// The ShareTask server's answers held against the machine and the CD, as `plan` and `run` see
// them (preparePlan: real files under a temp dir, the real detectors and media scan).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePlan } from '../../src/commands/plan.js';
import type { Plan } from '../../src/model/plan.js';
import { makeSharetaskTree, type SharetaskTree } from '../helpers/sharetask-tree.js';

let tree: SharetaskTree | undefined;
afterEach(() => tree?.cleanup());

const BASE = { component: 'server', platform: 'linux', to: '5.5.1-2', install_dir: '/opt/sharetask', daemons: 'sharetaskd,stlogd', custom: 'no', license: 'no' };

async function planFor(t: SharetaskTree, answers: Record<string, string>): Promise<Plan> {
  const sets = Object.entries(answers).map(([k, v]) => `${k}=${v}`);
  const logDir = join(t.dir, 'log');
  return (await preparePlan({ product: 'sharetask', sets, root: t.root, media: t.media, logDir, readOnly: true })).plan;
}

const blocker = (p: Plan, id: string) => p.blockers.find((b) => b.id === id);
const argvOf = (p: Plan, id: string) => p.steps.find((s) => s.id === id)?.commands;

describe('the server version answered against the link /home/sharetask/sharetask_server (3.2)', () => {
  it('refuses a `from` the link contradicts, naming the link, its target and the answer', async () => {
    tree = makeSharetaskTree({ from: '5.4.3' });
    const p = await planFor(tree, { ...BASE, from: '5.4.2' });
    const b = blocker(p, 'differs-from-detected:from');
    expect(b?.message).toContain('5.4.2');
    expect(b?.message).toContain(`${tree.root}/home/sharetask/sharetask_server points to sharetask_server-5.4.3`);
    expect(b?.fix).toContain('from=5.4.3');
    // The answer the link confirms plans without a blocker.
    expect((await planFor(tree, { ...BASE, from: '5.4.3' })).blockers).toEqual([]);
  });

  it('refuses a server whose link already points to the new version', async () => {
    tree = makeSharetaskTree({ from: '5.5.1-2' });
    // Answered as an old server: the link says otherwise.
    expect(blocker(await planFor(tree, { ...BASE, from: '5.4.3' }), 'differs-from-detected:from')?.message).toContain('sharetask_server-5.5.1-2');
    // Left to the detection: the server is already at the new version.
    const detected = await planFor(tree, BASE);
    expect(detected.blockers.map((b) => b.id)).toEqual(['server-already-new']);
    expect(detected.blockers[0]?.fix).toContain('sharetask_server-5.5.1-2');
  });
});

describe('the install directory answered against the real path behind /home/sharetask (2.2, 2.3)', () => {
  it('refuses /home/sharetask when it is a link to /opt/sharetask: the backup and the rollback would act on the link', async () => {
    tree = makeSharetaskTree({ homeLink: 'relative' });
    const p = await planFor(tree, { ...BASE, from: '5.4.3', install_dir: '/home/sharetask' });
    const b = blocker(p, 'differs-from-detected:install_dir');
    expect(b?.message).toContain('/opt/sharetask');
    expect(b?.fix).toContain('install_dir=/opt/sharetask');
  });

  it('writes USER_PREFS_DIR = /home/sharetask/sharetask_users as 3.8.4 does, whatever the real path', async () => {
    tree = makeSharetaskTree({ homeLink: 'relative' });
    const p = await planFor(tree, { ...BASE, from: '5.4.3' });
    expect(p.blockers).toEqual([]);
    expect(p.steps.find((s) => s.id === 'migrate-config')?.params.options).toMatchObject({ user_prefs_dir: '/home/sharetask/sharetask_users' });
  });
});

describe('the packages of the CD tied to the answers', () => {
  it('unpacks the server package of `to`, not the newest one on the CD (3.1)', async () => {
    tree = makeSharetaskTree({}, { server: '5.5.1-2' });
    writeFileSync(join(tree.media, 'sharetask_server-5.5.2-1.tar.gz'), 'package\n');
    const p = await planFor(tree, { ...BASE, from: '5.4.3' });
    expect(argvOf(p, 'unpack-server')?.[0]).toContain(join(tree.media, 'sharetask_server-5.5.1-2.tar.gz'));
    expect(argvOf(p, 'check-unpacked')).toBeUndefined();
    // A `to` the CD has no package for: a blocker, not another version unpacked.
    const other = await planFor(tree, { ...BASE, from: '5.4.3', to: '5.5.3-1' });
    expect(other.blockers.map((b) => b.id)).toContain('media-missing:server');
    expect(other.steps.find((s) => s.id === 'unpack-server')?.commands?.[0]?.join(' ')).not.toContain('5.5.2-1');
  });

  it('unpacks the custom archive of custom_uid; another user id\'s archive is a blocker (3.3, 3.4, 3.8.2)', async () => {
    tree = makeSharetaskTree({ custom: true }, { custom: 'XYZ' });
    const wrong = await planFor(tree, { ...BASE, from: '5.4.3', custom: 'yes', custom_uid: 'NAB' });
    expect(wrong.blockers.map((b) => b.id)).toContain('media-missing:custom');
    expect(JSON.stringify(wrong.steps)).not.toContain('custom_XYZ');
    writeFileSync(join(tree.media, 'custom_NAB_20120401.tar.gz'), 'package\n');
    const right = await planFor(tree, { ...BASE, from: '5.4.3', custom: 'yes', custom_uid: 'NAB' });
    expect(right.blockers).toEqual([]);
    expect(argvOf(right, 'unpack-custom')?.[0]).toContain(join(tree.media, 'custom_NAB_20120401.tar.gz'));
    expect(argvOf(right, 'custom-symlink')).toEqual([['perl', 'custom_symlink.pl', 'make', 'NAB']]);
  });

  it('refuses custom=no when /home/sharetask/custom exists (3.8.2: without CUSTOM the custom part does not work)', async () => {
    tree = makeSharetaskTree({ custom: true }, { custom: 'NAB' });
    const p = await planFor(tree, { ...BASE, from: '5.4.3', custom: 'no' });
    const b = blocker(p, 'differs-from-detected:custom');
    expect(b?.message).toContain(`${tree.root}/home/sharetask/custom exists`);
    expect(b?.fix).toContain('custom=yes');
  });

  it('refuses custom=yes without /home/sharetask/custom (3.3 would copy a directory that is not there)', async () => {
    tree = makeSharetaskTree({ custom: false }, { custom: 'NAB' });
    rmSync(join(tree.root, 'opt/sharetask/custom'), { recursive: true, force: true });
    mkdirSync(join(tree.root, 'opt/sharetask'), { recursive: true });
    const p = await planFor(tree, { ...BASE, from: '5.4.3', custom: 'yes', custom_uid: 'NAB' });
    expect(blocker(p, 'differs-from-detected:custom')?.message).toContain('does not exist');
  });
});
