// CLUSTERPRO answers held against the machine, with the real binary (`npx tsc -p .` first) on
// sandbox servers whose stand-ins say what rpm -qi and uname -m print: a new installation
// proposes the machine's architecture and warns about another one; a server already at
// 2.1.3-1 is refused whatever version was answered. Also the optional 3.1.3.6 can be skipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fromProbe, type ClusterproProbe } from '../../src/detect/clusterpro.js';
import { parseRpmQi } from '../../src/detect/clusterpro-rpm.js';
import { setLang, t } from '../../src/i18n/index.js';
import '../../src/i18n/messages/run.js';
import '../../src/i18n/messages/clusterpro.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { runCli } from '../helpers/cli.js';
import { buildClusterproSandbox, def, plan, type ClusterproSandbox } from '../helpers/clusterpro-sandbox.js';
import { Recorder, tempDir } from '../run/ctx.js';

const place = (s: ClusterproSandbox): string[] => ['--root', s.root, '--media', s.media, '--log-dir', s.logs];
const sets = (...v: string[]): string[] => v.flatMap((x) => ['--set', x]);
type JsonPlan = { blockers: { id: string; message: string; fix: string }[]; warnings: string[]; steps: { id: string; commands?: string[][] }[]; detected: Record<string, { value: string; evidence: string }> };
const planJson = async (s: ClusterproSandbox, ...args: string[]): Promise<JsonPlan> => {
  const r = await runCli(['plan', '--product', 'clusterpro', '--json', ...place(s), ...args], { env: s.env });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonPlan;
};

describe('a new installation: the architecture is the machine\'s', () => {
  test('nothing installed on an x86_64 server: x86_64 is proposed, with uname -m as the evidence, and rpm -i takes that rpm', async () => {
    const s = buildClusterproSandbox({ hostname: 'node1', machine: 'x86_64' });
    const p = await planJson(s, ...sets('component=server', 'mode=install'));
    expect(p.detected.arch).toMatchObject({ value: 'x86_64' });
    expect(p.detected.arch?.evidence).toMatch(/not installed.*uname -m: x86_64/);
    const install = p.steps.flatMap((x) => x.commands ?? []).find((c) => c[0] === 'rpm');
    expect(install).toEqual(['rpm', '-i', join(s.media, 'clusterpro-2.1.3-1.x86_64.rpm')]);
    expect(p.warnings.join('\n')).not.toContain('this machine says');
  }, 60_000);

  test('the sandbox says its own machine: an i686 server proposes the IA32 rpm', async () => {
    const s = buildClusterproSandbox({ hostname: 'node1', machine: 'i686' });
    expect((await planJson(s, ...sets('component=server', 'mode=install'))).detected.arch?.value).toBe('i686');
  }, 60_000);

  test('another architecture answered is warned about beside the evidence, in Japanese too', async () => {
    const s = buildClusterproSandbox({ hostname: 'node1', machine: 'x86_64' });
    const p = await planJson(s, ...sets('component=server', 'mode=install', 'arch=i686'));
    expect(p.warnings.join('\n')).toMatch(/"Which architecture\?" was answered IA32 \(i686\), but this machine says x86_64 \(incl\. VMware ESX 4\.0\) \(.*uname -m: x86_64\)/);
    const ja = await runCli(['--lang', 'ja', 'plan', '--product', 'clusterpro', ...place(s), ...sets('component=server', 'mode=install', 'arch=i686')], { env: s.env });
    expect(ja.stdout).toMatch(/「CLUSTERPRO のアーキテクチャは？」の答えは IA32版 \(i686\) ですが、このマシンでは x86_64版 \(VMware ESX 4\.0 を含む\) です/);
  }, 60_000);

  test('an installed package still decides (its Summary), and a machine the update has no rpm for proposes nothing', () => {
    const base: ClusterproProbe = { rpm: { installed: false }, rpmEvidence: 'rpm -qi clusterpro: not installed', notInstalled: true, hybridDisks: false, confPath: '/x', hostname: 'node1' };
    expect(fromProbe.arch({ ...base, machine: { name: 'aarch64', evidence: 'uname -m: aarch64' } })).toBeNull();
    expect(fromProbe.arch({ ...base, machine: { name: 'i586', evidence: 'uname -m: i586' } })?.value).toBe('i686');
    // rpm could not run: "not installed" is not known, so nothing is proposed from the machine.
    expect(fromProbe.arch({ ...base, notInstalled: false, machine: { name: 'x86_64', evidence: 'uname -m: x86_64' } })).toBeNull();
    const installed = { ...base, notInstalled: false, rpm: parseRpmQi('Name : clusterpro\nVersion : 2.1.2\nRelease : 1\nSummary : CLUSTERPRO X 2.1 for Linux(i686)\n') };
    expect(fromProbe.arch({ ...installed, machine: { name: 'x86_64', evidence: 'uname -m: x86_64' } })?.value).toBe('i686');
  });

  test('the help of the question no longer sends a new installation to an rpm that is not there', () => {
    const arch = def.questions.find((q) => q.id === 'arch');
    expect(arch?.help?.ja).toContain('新規インストールの場合はこのマシンのアーキテクチャ (uname -m)');
  });
});

describe('already updated: judged from the machine, not only from the answer', () => {
  const answers = ['component=server', 'mode=update', 'webmanager=no', 'servers=node1,node2', 'server=server2', 'arch=x86_64', 'product=x2', 'kernel_update=no'];

  test('installed 2.1.3-1, answered 2.1.2-1: a blocker quoting rpm -qi, and run refuses before touching anything', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.3-1', hostname: 'node2' });
    const p = await planJson(s, ...sets(...answers, 'from=2.1.2-1'));
    const blocker = p.blockers.find((b) => b.id === 'differs-from-detected:from');
    expect(blocker?.message).toMatch(/answered 2\.1\.2-1, but this machine is 2\.1\.3-1 \(rpm -qi clusterpro: Version 2\.1\.3, Release 1/);
    expect(blocker?.fix).toContain('from=2.1.3-1');
    const run = await runCli(['run', '--product', 'clusterpro', '--yes', ...place(s), ...sets(...answers, 'from=2.1.2-1')], { env: s.env });
    expect(run.exitCode).toBe(2);
    expect(s.calls().filter((c) => !c.startsWith('rpm -qi'))).toEqual([]);
    expect(s.autostart()).toHaveLength(6);
  }, 60_000);

  test('answered as the machine says: the already-updated blocker itself', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.3-1', hostname: 'node2' });
    const p = await planJson(s, ...sets(...answers, 'from=2.1.3-1'));
    expect(p.blockers.map((b) => b.id)).toContain('already-updated');
    expect(p.blockers.map((b) => b.id)).not.toContain('differs-from-detected:from');
  }, 60_000);

  test('an answer that agrees with an older installed version is no blocker', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', hostname: 'node2' });
    const p = await planJson(s, ...sets(...answers, 'from=2.1.2-1'));
    expect(p.blockers).toEqual([]);
  }, 60_000);
});

describe('3.1.3.6 moving groups back to server 1 is optional', () => {
  test('skipped with k: journaled as skipped, and the report confirms no resources that were never moved', async () => {
    const full = plan({ mode: 'rolling', server: 'server1', servers: ['node1', 'node2'] });
    const back = full.steps.find((x) => x.id === 'r1-move-back');
    expect(back?.skippable).toBe(true);
    const dir = tempDir('uw-clp-skip-');
    const result = await execute({ ...full, root: '', steps: [back!], restorePoints: [] }, new Recorder({ manual: 'skip' }), { logDir: join(dir, 'log'), root: '' });
    expect(result.status).toBe('done');
    const events = (await readJournal(result.files!.journal)).events;
    expect(events.filter((e) => e.type === 'confirm')).toEqual([]);
    expect(events.find((e) => e.type === 'step-end')).toMatchObject({ status: 'skipped' });
    expect(readFileSync(result.files!.report, 'utf8')).not.toContain('resources of the groups moved');
  });
});

describe('Japanese words of these screens', () => {
  test('オペレーター throughout, and no question id in the sentences', () => {
    setLang('ja');
    try {
      expect(t('run.resume.withoutReboot', { step: 'x', number: 3, title: 'y' })).toContain('オペレーターが続行を選びました');
      expect(t('detect.clp.server', { host: 'node2', index: 2, servers: 'node1, node2' })).not.toMatch(/servers の/);
      expect(t('run.manual.confirmed', { by: 'operator', time: '2026-01-01 10:00' })).not.toMatch(/^operator が/);
    } finally {
      setLang('en');
    }
    const server = def.questions.find((q) => q.id === 'server');
    expect(server?.help?.ja).not.toContain('servers');
  });
});
