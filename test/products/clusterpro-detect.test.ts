// The CLUSTERPRO detection: `rpm -qi clusterpro` as the five examples of the procedure print it
// (two columns, spaces or tabs), the products the procedure excludes, clp.conf mirror disks, and
// this server's place in the cluster; then the real readers with stand-ins first on PATH.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { archFromSummary, mirrorResources, parseRpmQi, rpmFields } from '../../src/detect/clusterpro-rpm.js';
import { clearClusterproProbe, fromProbe, sameHost, serverRole, type ClusterproProbe } from '../../src/detect/clusterpro.js';
import { detectFor } from '../../src/detect/index.js';
import { loadDefinition } from '../../src/plan/load.js';
import { setLang } from '../../src/i18n/index.js';
import { QI_IA32, QI_IA64, QI_PPC64, QI_VMWARE, QI_X86_64, rpmQi } from '../helpers/clusterpro-sandbox.js';

describe('rpm -qi clusterpro, the examples of 2.1.1 to 2.1.5', () => {
  test.each([
    ['IA32 (tabs, 2.1.1)', QI_IA32, 'i686', '2.0.0', '1'],
    ['x86_64 (spaces, Description on the next line, 2.1.2)', QI_X86_64, 'x86_64', '2.0.0', '1'],
    ['IA64 (Signature line, 2.1.3)', QI_IA64, 'ia64', '2.0.0', '1'],
    ['PPC64 (2.1.4)', QI_PPC64, 'ppc64', '2.0.0', '1'],
    ['VMware ESX 3.5 "(i386/vmware)" (2.1.5)', QI_VMWARE, 'vmware', '2.0.2', '1'],
  ])('%s', (_name, text, arch, version, release) => {
    const r = parseRpmQi(text);
    expect(r).toMatchObject({ installed: true, name: 'clusterpro', version, release, versionRelease: `${version}-${release}`, arch, product: 'x2' });
    expect(r.productReason).toBeUndefined();
  });

  test('the right-hand column never leaks into a value', () => {
    const f = rpmFields(QI_IA32);
    expect(f.get('name')).toBe('clusterpro');
    expect(f.get('version')).toBe('2.0.0');
    expect(f.get('release')).toBe('1');
    expect(f.get('summary')).toBe('CLUSTERPRO X 2.0 for Linux(i686)');
  });

  test('newer rpm: one field per line, Architecture instead of an arch in the Summary', () => {
    const text = 'Name        : clusterpro\nVersion     : 2.1.2\nRelease     : 1\nArchitecture: x86_64\nSummary     : CLUSTERPRO X 2.1 for Linux\n';
    expect(parseRpmQi(text)).toMatchObject({ versionRelease: '2.1.2-1', arch: 'x86_64', product: 'x2' });
  });

  test('not installed', () => {
    expect(parseRpmQi('package clusterpro is not installed\n')).toEqual({ installed: false });
    expect(parseRpmQi('')).toEqual({ installed: false });
  });

  test.each([
    ['(i386/vmware)', 'vmware'],
    ['(i686)', 'i686'],
    ['(x86_64)', 'x86_64'],
    ['(ia64)', 'ia64'],
    ['(ppc64)', 'ppc64'],
    ['', undefined],
  ])('arch in the Summary %s', (paren, arch) => {
    expect(archFromSummary(`CLUSTERPRO X 2.1 for Linux${paren}`)).toBe(arch);
  });
});

describe('products the procedure excludes (1)', () => {
  test('CLUSTERPRO X 1.0', () => {
    const r = parseRpmQi(rpmQi({ version: '1.0.3', release: '1', summary: 'CLUSTERPRO X 1.0 for Linux(x86_64)' }));
    expect(r.product).toBe('x1');
    expect(r.productReason?.key).toBe('x1');
  });
  test('SingleServerSafe', () => {
    const r = parseRpmQi(rpmQi({ version: '2.1.0', release: '1', summary: 'CLUSTERPRO X SingleServerSafe 2.1 for Linux(x86_64)' }));
    expect(r.product).toBe('sss');
  });
  test.each(['UL4006-102', 'UL4254-001'])('a UL number %s anywhere in the output', (ul) => {
    const r = parseRpmQi(`${rpmQi({ version: '3.1.7', release: '1', summary: 'CLUSTERPRO for Linux(i686)' })}Description : ${ul}\n`);
    expect(r.product).toBe('legacy');
    expect(r.productReason).toEqual({ key: 'ul', params: { ul } });
  });
  test('CLUSTERPRO without the X: the older generation', () => {
    expect(parseRpmQi(rpmQi({ version: '3.3.6', release: '1', summary: 'CLUSTERPRO SE for Linux(i686)' })).product).toBe('legacy');
  });
  test('a package that is not CLUSTERPRO at all', () => {
    expect(parseRpmQi(rpmQi({ version: '1.2', release: '3', summary: 'Something else' })).product).toBe('other');
  });
});

describe('clp.conf and the servers answer', () => {
  test('mirror disk resources in file order, once each; unsafe names are left out', () => {
    const conf = '<root><resource><md name="md1"><parameters/></md><md name="md2"></md><md name="md1"></md><md name="bad name"></md><fip name="fip1"/></resource></root>';
    expect(mirrorResources(conf)).toEqual(['md1', 'md2']);
    expect(mirrorResources('<root/>')).toEqual([]);
  });

  test('host names: short and full names, any case', () => {
    expect(sameHost('Node1', 'node1.example.com')).toBe(true);
    expect(sameHost('node1', 'node2')).toBe(false);
    expect(serverRole('node1', ['node1', 'node2'])).toBe('server1');
    expect(serverRole('NODE2.example.com', ['node1', 'node2'])).toBe('server2');
    expect(serverRole('node3', ['node1', 'node2', 'node3'])).toBe('other');
    expect(serverRole('node9', ['node1', 'node2'])).toBeUndefined();
  });

  test('the evidence names the reason of a refusal, in both languages', () => {
    const probe: ClusterproProbe = {
      rpm: parseRpmQi(rpmQi({ version: '1.0.3', release: '1', summary: 'CLUSTERPRO X 1.0 for Linux(x86_64)' })),
      rpmEvidence: 'rpm -qi clusterpro: ...',
      hybridDisks: false,
      confPath: '/opt/nec/clusterpro/etc/clp.conf',
      hostname: 'node1',
    };
    setLang('en');
    expect(fromProbe.product(probe)?.evidence).toContain('must not take this update');
    setLang('ja');
    expect(fromProbe.product(probe)?.evidence).toContain('本アップデートは適用できません');
    setLang('en');
  });
});

describe('the readers, with stand-ins for rpm and hostname first on PATH', () => {
  const def = loadDefinition(new URL('../../wizards/clusterpro.yaml', import.meta.url).pathname);
  let dir: string;
  let savedPath: string | undefined;

  function standIn(name: string, body: string): void {
    writeFileSync(join(dir, 'bin', name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clp-detect-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'root/opt/nec/clusterpro/etc'), { recursive: true });
    savedPath = process.env.PATH;
    process.env.PATH = `${join(dir, 'bin')}:${savedPath ?? ''}`;
    clearClusterproProbe();
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    clearClusterproProbe();
  });

  test('an installed x86_64 2.1.2-1 with two mirror disks, on the second host', async () => {
    writeFileSync(join(dir, 'qi.txt'), rpmQi({ version: '2.1.2', release: '1', summary: 'CLUSTERPRO X 2.1 for Linux(x86_64)' }));
    standIn('rpm', `cat '${join(dir, 'qi.txt')}'`);
    standIn('hostname', 'echo node2');
    writeFileSync(join(dir, 'root/opt/nec/clusterpro/etc/clp.conf'), '<root><resource><md name="md1"/><md name="md2"/></resource></root>');
    const found = await detectFor(def, { root: join(dir, 'root'), answers: { component: 'server', mode: 'rolling', servers: ['node1', 'node2'] } });
    const by = Object.fromEntries(found.map((d) => [d.question, d.value]));
    expect(by).toMatchObject({ arch: 'x86_64', product: 'x2', from: '2.1.2-1', replicator: 'yes', mirrors: ['md1', 'md2'], server: 'server2' });
    expect(found.find((d) => d.question === 'from')?.evidence).toContain('Version 2.1.2, Release 1');
  });

  test('not installed: nothing about the package is proposed, only the machine\'s architecture; no clp.conf: nothing about mirrors', async () => {
    standIn('rpm', 'echo "package clusterpro is not installed"; exit 1');
    standIn('hostname', 'echo lonely');
    standIn('uname', 'echo x86_64');
    const found = await detectFor(def, { root: join(dir, 'root'), answers: { component: 'server', mode: 'install' } });
    expect(found.map((d) => d.question).filter((q) => ['arch', 'from', 'product', 'replicator', 'mirrors', 'server'].includes(q))).toEqual(['arch']);
    expect(found.find((d) => d.question === 'arch')).toMatchObject({ value: 'x86_64', evidence: expect.stringContaining('uname -m: x86_64') });
  });

  test('installed or not, and the mode that fits it: an update when installed, a new installation when not', async () => {
    writeFileSync(join(dir, 'qi.txt'), rpmQi({ version: '2.1.2', release: '1', summary: 'CLUSTERPRO X 2.1 for Linux(x86_64)' }));
    standIn('rpm', `cat '${join(dir, 'qi.txt')}'`);
    standIn('hostname', 'echo node1');
    const on = await detectFor(def, { root: join(dir, 'root'), answers: { component: 'server' } });
    const by = Object.fromEntries(on.map((d) => [d.question, d]));
    expect([by.installed?.value, by.mode?.value]).toEqual(['yes', 'update']);
    expect(by.mode?.evidence).toContain('Version 2.1.2, Release 1');

    clearClusterproProbe();
    standIn('rpm', 'echo "package clusterpro is not installed"; exit 1');
    const off = Object.fromEntries((await detectFor(def, { root: join(dir, 'root'), answers: { component: 'server' } })).map((d) => [d.question, d.value]));
    expect([off.installed, off.mode]).toEqual(['no', 'install']);
  });

  test('an rpm that cannot say (a broken database) proposes neither installed nor a mode', async () => {
    standIn('rpm', 'echo "error: cannot open Packages index" >&2; exit 1');
    standIn('hostname', 'echo node1');
    const found = await detectFor(def, { root: join(dir, 'root'), answers: { component: 'server' } });
    expect(found.map((d) => d.question).filter((q) => q === 'installed' || q === 'mode')).toEqual([]);
  });

  test('the Builder is not the server package: its version is not taken from rpm -qi clusterpro', async () => {
    writeFileSync(join(dir, 'qi.txt'), rpmQi({ version: '2.1.2', release: '1', summary: 'CLUSTERPRO X 2.1 for Linux(x86_64)' }));
    standIn('rpm', `cat '${join(dir, 'qi.txt')}'`);
    standIn('hostname', 'echo node1');
    const found = await detectFor(def, { root: join(dir, 'root'), answers: { component: 'builder', builder_mode: 'update' } });
    expect(found.find((d) => d.question === 'from')).toBeUndefined();
  });
});
