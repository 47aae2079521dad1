// Which installations may take the update, exactly as the tables of chapter 2 (every cell of
// arch x installed version, in every update mode), the downgrade targets, the Builder, the
// excluded products, the mode and server rules; the rpm file name per arch found on real media;
// and the output checks (clpmdstat GREEN/RED, rpm -qi 2.1.3-1) against the seed's screens.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Plan } from '../../src/model/plan.js';
import { scanMedia } from '../../src/detect/media.js';
import { buildPlan } from '../../src/plan/build.js';
import { satisfies } from '../../src/versions/index.js';
import { withDefaults } from '../../src/plan/questions.js';
import { ARCH_FILE, def, facts, mdstatGreen, mdstatRed, plan, QI_X86_64, rpmQi } from '../helpers/clusterpro-sandbox.js';

const ids = (p: Plan): string[] => p.blockers.map((b) => b.id);
const ARCHES = ['i686', 'x86_64', 'ia64', 'ppc64', 'vmware'] as const;
const ALL = ['1.0.0-1', '2.0.0-1', '2.0.1-1', '2.0.2-1', '2.0.3-1', '2.1.0-1', '2.1.1-1', '2.1.2-1', '2.1.3-1', '2.0.4-1', '2.1.2-2'];

// 2.1.1 to 2.1.5: "このバージョンが以下の場合には本アップデートが必要です".
const TAKES_UPDATE: Record<(typeof ARCHES)[number], string[]> = {
  i686: ['2.0.0-1', '2.0.1-1', '2.0.2-1', '2.0.3-1', '2.1.0-1', '2.1.1-1', '2.1.2-1'],
  x86_64: ['2.0.0-1', '2.0.1-1', '2.0.2-1', '2.0.3-1', '2.1.0-1', '2.1.1-1', '2.1.2-1'],
  // No 2.1.1 on IA64 and PPC64: deliberate in the seed.
  ia64: ['2.0.0-1', '2.0.1-1', '2.0.2-1', '2.0.3-1', '2.1.0-1', '2.1.2-1'],
  ppc64: ['2.0.0-1', '2.0.1-1', '2.0.2-1', '2.0.3-1', '2.1.0-1', '2.1.2-1'],
  vmware: ['2.0.2-1', '2.1.0-1', '2.1.1-1'],
};
const TABLE_BLOCKER = { i686: 'from-ia32-x86_64', x86_64: 'from-ia32-x86_64', ia64: 'from-ia64-ppc64', ppc64: 'from-ia64-ppc64', vmware: 'from-vmware' };
const DOWNGRADE_BLOCKER = { i686: 'downgrade-ia32-x86_64', x86_64: 'downgrade-ia32-x86_64', ia64: 'downgrade-ia64-ppc64', ppc64: 'downgrade-ia64-ppc64', vmware: 'downgrade-vmware' };
const VERSION_BLOCKERS = ['already-updated', 'already-updated-cluster-steps', ...new Set(Object.values(TABLE_BLOCKER))];

const cells = ['update', 'rolling', 'nostop'].flatMap((mode) => ARCHES.flatMap((arch) => ALL.map((from) => [mode, arch, from] as const)));

describe('clusterpro: the update tables of 2.1.1 to 2.1.5, every cell', () => {
  test.each(cells)('%s on %s from %s', (mode, arch, from) => {
    const found = ids(plan({ mode, arch, from, server: mode === 'rolling' ? 'server2' : 'server1' })).filter((id) => VERSION_BLOCKERS.includes(id));
    if (TAKES_UPDATE[arch].includes(from)) expect(found).toEqual([]);
    // Server 1 of an update or no-stop update also had the cluster-wide steps to do: said so.
    else if (from === '2.1.3-1') expect(found).toEqual([mode === 'rolling' ? 'already-updated' : 'already-updated-cluster-steps']);
    else expect(found).toEqual([TABLE_BLOCKER[arch]]);
  });

  test('the blocker says which versions may take it', () => {
    const b = plan({ mode: 'update', arch: 'ia64', from: '2.1.1-1' }).blockers.find((x) => x.id === 'from-ia64-ppc64');
    expect(b?.message).toContain('2.1.1-1');
    expect(b?.fix).toContain('2.0.0-1, 2.0.1-1, 2.0.2-1, 2.0.3-1, 2.1.0-1, 2.1.2-1');
    const ja = plan({ mode: 'update', arch: 'vmware', from: '2.0.0-1' }, facts(), 'ja').blockers.find((x) => x.id === 'from-vmware');
    expect(ja?.fix).toContain('2.0.2-1, 2.1.0-1, 2.1.1-1 です');
  });

  test('a new installation has no installed version to check: a stale one is not asked, not held against it', () => {
    const p = plan({ mode: 'install', from: '1.0.0-1', product: 'x1' });
    expect(p.blockers).toEqual([]);
    expect(p.answers.from).toBeUndefined();
  });
});

describe('clusterpro: the downgrade target exists for the arch (2.1.6 to 2.1.10)', () => {
  test.each(ARCHES.flatMap((arch) => ALL.map((to) => [arch, to] as const)))('%s to %s', (arch, to) => {
    const found = ids(plan({ mode: 'downgrade', arch, from: '2.1.3-1', downgrade_to: to })).filter((id) => id.startsWith('downgrade-'));
    expect(found).toEqual(TAKES_UPDATE[arch].includes(to) ? [] : [DOWNGRADE_BLOCKER[arch]]);
  });
});

describe('clusterpro: the downgrade goes to an earlier version than the installed one (6)', () => {
  const TARGETS = TAKES_UPDATE.x86_64;
  test.each(ALL.flatMap((from) => TARGETS.map((to) => [from, to] as const)))('from %s to %s', (from, to) => {
    const found = ids(plan({ mode: 'downgrade', from, downgrade_to: to })).filter((id) => id.startsWith('downgrade-'));
    const earlier = satisfies(to, `<${from}`);
    expect(found).toEqual(earlier ? [] : ['downgrade-not-earlier']);
  });

  test('the blocker names both versions, in both languages', () => {
    const en = plan({ mode: 'downgrade', from: '2.0.0-1', downgrade_to: '2.1.2-1' }).blockers.find((b) => b.id === 'downgrade-not-earlier');
    expect(en?.message).toBe('2.1.2-1 is not earlier than the installed version 2.0.0-1.');
    expect(en?.fix).toContain('earlier than 2.0.0-1');
    const ja = plan({ mode: 'downgrade', from: '2.1.2-1', downgrade_to: '2.1.2-1' }, facts(), 'ja').blockers.find((b) => b.id === 'downgrade-not-earlier');
    expect(ja?.message).toBe('戻す先 2.1.2-1 は現在のバージョン 2.1.2-1 より前のバージョンではありません。');
  });
});

describe('clusterpro: the mode fits whether CLUSTERPRO is installed (3.1.1 vs 3.1.2-3.1.4, 6)', () => {
  test('a new installation on a server where CLUSTERPRO is installed is refused, whatever the kernel answer', () => {
    for (const kernel_update of ['yes', 'no']) {
      const p = plan({ mode: 'install', installed: 'yes', kernel_update });
      expect(ids(p)).toEqual(['install-but-installed']);
    }
    const en = plan({ mode: 'install', installed: 'yes' }).blockers[0];
    expect(en?.fix).toMatch(/mode=update \(3\.1\.2\), rolling \(3\.1\.3\) or nostop \(3\.1\.4\)/);
    const ja = plan({ mode: 'install', installed: 'yes' }, facts(), 'ja').blockers[0];
    expect(ja?.message).toContain('既にインストールされています');
    expect(plan({ mode: 'install', installed: 'no' }).blockers).toEqual([]);
  });

  test.each(['update', 'rolling', 'nostop', 'downgrade'])('%s on a server without CLUSTERPRO is refused', (mode) => {
    const answers = { mode, installed: 'no', downgrade_to: '2.1.0-1', server: mode === 'rolling' ? 'server2' : 'server1' };
    expect(ids(plan(answers))).toEqual(['not-installed']);
    expect(plan(answers, facts(), 'ja').blockers[0]?.fix).toContain('mode=install');
    expect(ids(plan({ ...answers, installed: 'yes' }))).toEqual([]);
  });
});

describe('clusterpro: the Builder, 2.0.0-1 .. 2.1.0-1 to 2.1.1-1 (2.2.1)', () => {
  const builder = (from: string): string[] =>
    ids(buildPlan(def, withDefaults(def, { component: 'builder', builder_mode: 'update', builder_os: 'linux', from }), facts(), 'en'));
  test.each(['2.0.0-1', '2.0.1-1', '2.0.2-1', '2.1.0-1'])('%s may take it', (from) => expect(builder(from)).toEqual([]));
  test.each(['1.0.0-1', '2.0.3-1', '2.1.2-1', '2.1.3-1'])('%s may not', (from) => expect(builder(from)).toEqual(['builder-from']));
  test('2.1.1-1 is already the result', () => expect(builder('2.1.1-1')).toEqual(['builder-already-updated']));
});

describe('clusterpro: products, modes and servers', () => {
  test.each([
    ['x1', 'product-x1'],
    ['sss', 'product-sss'],
    ['legacy', 'product-legacy'],
    ['other', 'product-other'],
  ])('product %s is refused with its reason', (product, id) => {
    for (const mode of ['update', 'rolling', 'nostop', 'downgrade']) {
      expect(ids(plan({ mode, product, downgrade_to: '2.1.2-1', server: mode === 'rolling' ? 'server2' : 'server1' }))).toContain(id);
    }
  });

  test('no-stop with Replicator is a blocker; without it none', () => {
    expect(ids(plan({ mode: 'nostop', replicator: 'yes' }))).toEqual(['nostop-replicator']);
    expect(ids(plan({ mode: 'nostop', replicator: 'no' }))).toEqual([]);
  });

  test('rolling with Replicator is a warning recommending 3.1.2, not a blocker', () => {
    const p = plan({ mode: 'rolling', server: 'server2', replicator: 'yes', mirrors: ['md1'] });
    expect(p.blockers).toEqual([]);
    expect(p.warnings.join('\n')).toMatch(/not recommended.*3\.1\.2/s);
    expect(plan({ mode: 'rolling', server: 'server2', replicator: 'no' }).warnings).toEqual([]);
    expect(plan({ mode: 'update', replicator: 'yes' }).warnings).toEqual([]);
  });

  test('a cluster has two servers or more; a rolling update is written for two (a warning), this one server 1 or 2', () => {
    expect(ids(plan({ mode: 'update', servers: ['node1'] }))).toEqual(['cluster-servers']);
    const three = plan({ mode: 'rolling', server: 'server2', servers: ['a', 'b', 'c'] });
    expect(ids(three)).toEqual([]);
    expect(three.warnings.join('\n')).toContain('The vendor text of the rolling update (3.1.3) is written for two servers (server 1, server 2): a, b, c.');
    expect(ids(plan({ mode: 'rolling', server: 'other', servers: ['a', 'b'] }))).toEqual(expect.arrayContaining(['rolling-other-server', 'server-not-in-list']));
    expect(ids(plan({ mode: 'update', server: 'other', servers: ['a', 'b'] }))).toEqual(['server-not-in-list']);
    expect(ids(plan({ mode: 'update', server: 'other', servers: ['a', 'b', 'c'] }))).toEqual([]);
  });

  test('a host name that could be an option or a path is refused before anything is planned', () => {
    expect(() => plan({ mode: 'update', servers: ['-rf', 'node2'] })).toThrow(/servers/);
    expect(() => plan({ mode: 'rolling', server: 'server2', replicator: 'yes', mirrors: ['../md1'] })).toThrow(/mirrors/);
  });
});

describe('clusterpro: the rpm of each arch on media holding all of them (2.1.6 to 2.1.10)', () => {
  const media = mkdtempSync(join(tmpdir(), 'clp-media-'));
  for (const v of ['2.1.3-1', '2.1.2-1', '2.1.1-1', '2.0.2-1']) for (const a of Object.values(ARCH_FILE)) writeFileSync(join(media, `clusterpro-${v}.${a}.rpm`), '');
  writeFileSync(join(media, 'clusterpro-2.1.3-1.i686.rpm.bak'), '');

  test.each(Object.entries(ARCH_FILE))('arch=%s: clusterpro-2.1.3-1.%s.rpm, and nothing else', async (arch, suffix) => {
    const scan = await scanMedia(def, media, withDefaults(def, { component: 'server', mode: 'update', arch }));
    expect(scan.files.update_rpm?.name).toBe(`clusterpro-2.1.3-1.${suffix}.rpm`);
    expect(scan.files.update_rpm?.others).toBeUndefined();
  });

  test('PPC64 updates with the PPC64 file (the seed introduces it as "x86_64版")', async () => {
    const answers = withDefaults(def, { component: 'server', mode: 'update', arch: 'ppc64' });
    const scan = await scanMedia(def, media, answers);
    const p = buildPlan(def, { ...answers, installed: 'yes', product: 'x2', from: '2.1.2-1', replicator: 'no', webmanager: 'no', servers: ['a', 'b'], server: 'server1' }, facts({ mediaFiles: scan.files }), 'en');
    expect(p.steps.find((s) => s.id === 'u-rpm')?.commands).toEqual([['rpm', '-U', join(media, 'clusterpro-2.1.3-1.ppc64.rpm')]]);
  });

  test('the downgrade rpm is the chosen version for the arch', async () => {
    const scan = await scanMedia(def, media, withDefaults(def, { component: 'server', mode: 'downgrade', arch: 'vmware', downgrade_to: '2.1.1-1' }));
    expect(scan.files.downgrade_rpm?.name).toBe('clusterpro-2.1.1-1.vmware.i386.rpm');
    const none = await scanMedia(def, media, withDefaults(def, { component: 'server', mode: 'downgrade', arch: 'x86_64', downgrade_to: '2.1.0-1' }));
    expect(none.files.downgrade_rpm).toBeUndefined();
  });

  test('before the arch is known, the update rpm is not guessed', async () => {
    expect((await scanMedia(def, media)).files.update_rpm).toBeUndefined();
  });
});

describe('clusterpro: the output checks against the seed screens', () => {
  const step = (id: string, answers: Answers = {}) => plan({ mode: 'rolling', server: 'server2', replicator: 'yes', mirrors: ['md1'], ...answers }).steps.find((s) => s.id === id);
  const mirrorPattern = new RegExp((step('r2-mirror-wait')?.params.verify as { expectOutput: string }).expectOutput, 'm');
  const versionPattern = new RegExp((plan({ mode: 'update' }).steps.find((s) => s.id === 'verify-version')?.params.verify as { expectOutput: string }).expectOutput, 'm');

  test('GREEN on every server passes; RED on one does not', () => {
    expect(mirrorPattern.test(mdstatGreen('md1'))).toBe(true);
    expect(mirrorPattern.test(mdstatRed('md1'))).toBe(false);
    expect(mirrorPattern.test('Mirror Color  GREEN  GREEN  RED\n')).toBe(false);
    expect(mirrorPattern.test('Mirror Color  GREEN  GREEN  GREEN\n')).toBe(true);
  });

  test('rpm -qi shows Version 2.1.3 Release 1', () => {
    expect(versionPattern.test(rpmQi({ version: '2.1.3', release: '1', summary: 'CLUSTERPRO X 2.1 for Linux(x86_64)' }))).toBe(true);
    expect(versionPattern.test(rpmQi({ version: '2.1.3', release: '10', summary: 'x' }))).toBe(false);
    expect(versionPattern.test(QI_X86_64)).toBe(false);
  });
});
