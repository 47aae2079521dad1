import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/plan/build.js';
import { CLIENT, plan, SERVER, sharetask } from './fixtures.js';

const blockerIds = (p: { blockers: { id: string }[] }): string[] => p.blockers.map((b) => b.id);

describe('blockers of the ShareTask definition', () => {
  it('refuses a server that is 5.5 already; warns of one older than 5.4, which the document does not exclude', () => {
    expect(blockerIds(plan({ ...SERVER, from: '5.5.0' }))).toEqual(['server-already-new']);
    const older = plan({ ...SERVER, from: '5.3.9' });
    expect(blockerIds(older)).toEqual([]);
    expect(older.warnings.join('\n')).toMatch(/5\.3\.9 is older than 5\.4\. The procedure was written for an upgrade from 5\.4 to 5\.5/);
    expect(plan({ ...SERVER, from: '5.3.9' }, {}, 'ja').warnings.join('\n')).toContain('手順書は 5.4 から 5.5 へのバージョンアップとして書かれています');
    expect(blockerIds(plan({ ...SERVER, from: '5.4.0' }))).toEqual([]);
    expect(plan({ ...SERVER, from: '5.4.0' }).warnings.join('\n')).not.toContain('older than 5.4');
  });

  it('warns of a client older than 5.2 (chapters 4-7 name no old version) and plans it', () => {
    const p = plan({ ...CLIENT, component: 'cli', from: '5.1.0.0' });
    expect(blockerIds(p)).toEqual([]);
    expect(p.warnings.join('\n')).toContain('5.1.0.0 is not a 5.2.x.y');
  });

  it('refuses a target that is not 5.5.x-y for a server, not 5.2.x.y for a client', () => {
    expect(blockerIds(plan({ ...SERVER, to: '5.6.0-1' }))).toContain('server-to-not-55');
    expect(blockerIds(plan({ ...CLIENT, component: 'cli', to: '5.3.0.0' }))).toContain('client-to-not-52');
  });

  it('refuses a server on Windows', () => {
    expect(blockerIds(plan({ ...SERVER, platform: 'windows' }))).toEqual(['server-on-windows']);
  });
});

describe('generic blockers', () => {
  it('media-missing for each required package absent from the media, with a fix', () => {
    const p = plan({ ...SERVER, custom: 'yes', custom_uid: 'NAB' }, { mediaFiles: {} });
    expect(blockerIds(p)).toEqual(['media-missing:server', 'media-missing:custom', 'media-missing:license']);
    expect(p.blockers[0]?.message).toContain('/cd');
    expect(p.blockers[0]?.fix).toContain('sharetask_server-');
    // Without a license file the license step is manual: nothing is missing.
    expect(blockerIds(plan({ ...SERVER, license: 'no' }, { mediaFiles: {} }))).toEqual(['media-missing:server']);
    // No --media at all: the fix says to give one.
    expect(plan(SERVER, { mediaFiles: {}, media: undefined }).blockers[0]?.fix).toContain('--media');
  });

  it('disk-space when the backup destination has less free space than the install tree', () => {
    const space = { freeBytes: 10 * 1024 * 1024, neededBytes: 300 * 1024 * 1024, destination: '/sbx/tmp', checked: '/sbx/tmp', writable: true };
    const p = plan(SERVER, { backupSpace: space });
    expect(p.blockers).toEqual([expect.objectContaining({ id: 'disk-space', step: 'backup-install-dir' })]);
    expect(p.blockers[0]?.message).toContain('/sbx/tmp');
    expect(p.blockers[0]?.message).toContain('300.0');
    expect(blockerIds(plan(SERVER, { backupSpace: { ...space, freeBytes: space.neededBytes * 2 } }))).toEqual([]);
    // A client plan makes no backup: no space needed.
    expect(blockerIds(plan({ ...CLIENT, component: 'cli' }, { backupSpace: space }))).toEqual([]);
  });

  it('services running: fine when the plan stops them before the backup, a blocker otherwise', () => {
    const p = plan(SERVER, { runningServices: ['httpd', 'postgresql'] });
    expect(blockerIds(p)).toEqual([]);
    expect(p.warnings.join('\n')).toContain('stop-postgresql');
    // The same facts with a definition that forgot to stop postgresql before its backup.
    const def = sharetask();
    const careless = { ...def, steps: def.steps.filter((s) => s.id !== 'stop-postgresql') };
    const q = plan(SERVER, { runningServices: ['httpd', 'postgresql'] }, 'en', careless);
    expect(q.blockers).toEqual([expect.objectContaining({ id: 'services-running', step: 'backup-install-dir' })]);
    expect(q.blockers[0]?.message).toContain('postgresql');
    expect(q.blockers[0]?.message).not.toContain('httpd');
  });

  it('not-root on a real server; waived with a warning in a sandbox', () => {
    const real = plan(SERVER, { isRoot: false, root: '' });
    expect(blockerIds(real)).toEqual(['not-root']);
    expect(real.blockers[0]?.fix).toContain('--root');
    const sandbox = plan(SERVER, { isRoot: false, root: '/sbx' });
    expect(blockerIds(sandbox)).toEqual([]);
    expect(sandbox.warnings.join('\n')).toContain('/sbx');
  });

  it('messages and fixes in Japanese for a Japanese plan', () => {
    const p = plan(SERVER, { isRoot: false, root: '' }, 'ja');
    expect(p.blockers[0]?.message).toBe('この手順は root 権限で実行する必要があります');
  });
});

describe('answers a plan cannot be built from', () => {
  it('names every missing answer', () => {
    expect(() => plan({ component: 'server', platform: 'linux' })).toThrow(/from, to, daemons, custom, license/);
  });

  it('names the question of a bad answer', () => {
    expect(() => plan({ ...SERVER, custom: 'yes', custom_uid: 'bad uid' })).toThrow(PlanError);
    expect(() => plan({ ...SERVER, custom: 'yes', custom_uid: 'bad uid' })).toThrow(/custom_uid/);
    expect(() => plan({ ...SERVER, colour: 'red' })).toThrow(/colour/);
  });

  it('ignores a stale answer to a question that does not apply', () => {
    const p = plan({ ...CLIENT, component: 'cli', custom_uid: 'bad uid', install_dir: 'relative' });
    expect(p.answers).not.toHaveProperty('custom_uid');
  });
});
