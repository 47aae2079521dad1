import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Detection } from '../../src/model/facts.js';
import { detectFor, gatherFacts } from '../../src/detect/index.js';
import { definitionsDir, loadDefinition } from '../../src/plan/load.js';
import { makeSharetaskTree, type SharetaskTree } from '../helpers/sharetask-tree.js';

const def = loadDefinition(join(definitionsDir(), 'sharetask.yaml'));
let tree: SharetaskTree | undefined;
afterEach(() => tree?.cleanup());

const byQuestion = (ds: Detection[]): Record<string, Detection> => Object.fromEntries(ds.map((d) => [d.question, d]));

describe('ShareTask server detection on a real tree', () => {
  it('finds the server, its version, the real install dir, daemons and the custom part, with evidence', async () => {
    tree = makeSharetaskTree({ homeLink: 'relative', daemons: ['sharetaskd', 'stlogd'], custom: true });
    const d = byQuestion(await detectFor(def, { root: tree.root }));
    expect(d.component).toMatchObject({ value: 'server', evidence: expect.stringContaining(`${tree.root}/home/sharetask`) });
    expect(d.from).toMatchObject({ value: '5.4.3', evidence: expect.stringContaining('sharetask_server-5.4.3') });
    expect(d.install_dir).toMatchObject({ value: '/opt/sharetask', evidence: expect.stringContaining('symbolic link') });
    expect(d.daemons?.value).toEqual(['sharetaskd', 'stlogd']);
    expect(d.daemons?.evidence).toContain(`${tree.root}/etc/init.d`);
    expect(d.custom).toMatchObject({ value: 'yes', evidence: expect.stringContaining('/home/sharetask/custom') });
    // Nothing about the media without --media.
    expect(d.to).toBeUndefined();
    expect(d.license).toBeUndefined();
  });

  it('reads an absolute link under the root, as a chroot would', async () => {
    tree = makeSharetaskTree({ homeLink: 'absolute', daemons: ['stlogd'] });
    const d = byQuestion(await detectFor(def, { root: tree.root }));
    expect(d.install_dir?.value).toBe('/opt/sharetask');
    expect(d.from?.value).toBe('5.4.3');
    expect(d.daemons?.value).toEqual(['stlogd']);
    expect(d.custom?.value).toBe('no');
  });

  it('a plain /home/sharetask directory is its own real path; no daemons is an empty list', async () => {
    tree = makeSharetaskTree({ homeLink: 'none', daemons: [], from: '5.4.10' });
    const d = byQuestion(await detectFor(def, { root: tree.root }));
    expect(d.install_dir?.value).toBe('/home/sharetask');
    expect(d.daemons?.value).toEqual([]);
    expect(d.from?.value).toBe('5.4.10');
  });

  it('takes the new version, the custom user id and the license from the media', async () => {
    tree = makeSharetaskTree({ custom: true }, { server: '5.5.2-1', custom: 'XYZ', license: 'License_U0001_20131231_100.tar.gz' });
    const d = byQuestion(await detectFor(def, { root: tree.root, media: tree.media }));
    expect(d.to).toMatchObject({ value: '5.5.2-1', evidence: expect.stringContaining('sharetask_server-5.5.2-1.tar.gz') });
    expect(d.custom_uid?.value).toBe('XYZ');
    expect(d.license).toMatchObject({ value: 'yes', evidence: expect.stringContaining('License_U0001_20131231_100.tar.gz') });
  });

  it('proposes nothing for a question a client is never asked (the server\'s license)', async () => {
    tree = makeSharetaskTree({ server: false, client: 'agent' }, {});
    const d = byQuestion(await detectFor(def, { root: tree.root, media: tree.media }));
    expect(d.component?.value).toBe('agent');
    expect(d.license).toBeUndefined();
  });

  it('says "no" for the license when the media has none', async () => {
    tree = makeSharetaskTree({}, {});
    const d = byQuestion(await detectFor(def, { root: tree.root, media: tree.media }));
    expect(d.license?.value).toBe('no');
    expect(d.license?.evidence).toContain(tree.media);
  });
});

describe('ShareTask client detection', () => {
  it('an agent: /usr/local/sharetask -> sharetask-5.2.x.y and the agent service', async () => {
    tree = makeSharetaskTree({ server: false, client: 'agent', clientFrom: '5.2.1.0' }, { server: false, client: '5.2.3.1' });
    const d = byQuestion(await detectFor(def, { root: tree.root, media: tree.media }));
    expect(d.component?.value).toBe('agent');
    expect(d.from).toMatchObject({ value: '5.2.1.0', evidence: expect.stringContaining('sharetask-5.2.1.0') });
    expect(d.to?.value).toBe('5.2.3.1');
    expect(d.daemons).toBeUndefined();
  });

  it('the command line: no agent service', async () => {
    tree = makeSharetaskTree({ server: false, client: 'cli' });
    const d = byQuestion(await detectFor(def, { root: tree.root }));
    expect(d.component?.value).toBe('cli');
  });

  it('an empty machine: nothing but the OS', async () => {
    tree = makeSharetaskTree({ server: false });
    const d = await detectFor(def, { root: tree.root });
    expect(d.map((x) => x.question)).toEqual(['platform']);
  });
});

describe('gatherFacts', () => {
  it('collects media, detections, space for the backup and running services', async () => {
    tree = makeSharetaskTree({ processes: ['postgres', 'bash', 'httpd'] }, { license: 'License_U0001_20131231_100.tar.gz' });
    const facts = await gatherFacts(def, { root: tree.root, media: tree.media, answers: { component: 'server' } });
    expect(facts.root).toBe(tree.root);
    // server_any proposes `to`; server is the package of the answered `to` (5.5.1-2 here).
    expect(Object.keys(facts.mediaFiles).sort()).toEqual(['license', 'server', 'server_any']);
    expect(facts.mediaFiles.server?.groups.version).toBe('5.5.1-2');
    expect(facts.detected.from?.value).toBe('5.4.3');
    // The tree under /opt/sharetask (through the link) is what the backup holds: at least its 4 KiB data file.
    expect(facts.backupSpace?.neededBytes).toBeGreaterThanOrEqual(4096);
    expect(facts.backupSpace?.destination).toBe(`${tree.root}/tmp`);
    expect(facts.backupSpace?.freeBytes).toBeGreaterThan(0);
    // postgresql runs as "postgres": found by its process name, in the vendor's stop order.
    expect(facts.runningServices).toEqual(['httpd', 'postgresql']);
  });

  it('given answers win over detection when sizing the backup', async () => {
    tree = makeSharetaskTree({ homeLink: 'none' });
    const facts = await gatherFacts(def, { root: tree.root, answers: { component: 'server', install_dir: '/nowhere' } });
    expect(facts.backupSpace).toBeUndefined();
  });
});
