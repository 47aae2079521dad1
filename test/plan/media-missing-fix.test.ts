// What a missing-media blocker tells the operator to put on the media: the file name itself where
// the definition's pattern spells one name once its {answer} / {var:...} placeholders are filled
// in (as the media lookup fills them), the expanded pattern where it is a real pattern.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import { buildPlan } from '../../src/plan/build.js';
import { plainMediaName } from '../../src/plan/blockers.js';
import { withDefaults } from '../../src/plan/questions.js';
import { buildClusterproSandbox, def, facts, plan } from '../helpers/clusterpro-sandbox.js';
import { runCli } from '../helpers/cli.js';
import { plan as sharetaskPlan, SERVER } from './fixtures.js';

const EMPTY = { mediaFiles: {}, media: '/empty' };
const fix = (p: { blockers: { id: string; fix: string }[] }, key: string): string | undefined => p.blockers.find((b) => b.id === `media-missing:${key}`)?.fix;

describe('plainMediaName', () => {
  it('gives the name an anchored pattern of literal characters spells, unescaped', () => {
    expect(plainMediaName('^clusterpro-2\\.1\\.3-1\\.vmware\\.i386\\.rpm$')).toBe('clusterpro-2.1.3-1.vmware.i386.rpm');
    expect(plainMediaName('^a\\(b\\)\\+c$')).toBe('a(b)+c');
    // ShareTask's client package of `to`, once filled in: the named group holds a literal.
    expect(plainMediaName('^sharetask-client-(?<version>5\\.2\\.3\\.1)\\.zip$')).toBe('sharetask-client-5.2.3.1.zip');
  });
  it('gives nothing for a real pattern or an unanchored one', () => {
    for (const p of ['^a.rpm$', '^x[0-9]\\.rpm$', '^(?<v>[0-9]+)\\.rpm$', 'a\\.rpm', '^a\\.rpm', '^a{2}$', '^a|b$']) expect(plainMediaName(p), p).toBeUndefined();
  });
});

describe('clusterpro: the rpm to put on the media, by name', () => {
  const cases: [string, Answers, string, string][] = [
    ['update, x86_64', { mode: 'update' }, 'update_rpm', 'clusterpro-2.1.3-1.x86_64.rpm'],
    ['new installation, VMware ESX 3.5', { mode: 'install', arch: 'vmware' }, 'update_rpm', 'clusterpro-2.1.3-1.vmware.i386.rpm'],
    ['downgrade to 2.1.0-1, PPC64', { mode: 'downgrade', arch: 'ppc64', from: '2.1.3-1', downgrade_to: '2.1.0-1' }, 'downgrade_rpm', 'clusterpro-2.1.0-1.ppc64.rpm'],
  ];
  it.each(cases)('%s', (_name, answers, key, file) => {
    const en = fix(plan(answers, facts(EMPTY)), key);
    expect(en).toBe(`put the file on the media or give the right directory with --media (/empty needs ${file})`);
    const ja = fix(plan(answers, facts(EMPTY), 'ja'), key);
    expect(ja).toBe(`ファイルをメディアに置くか、正しいディレクトリを --media で指定してください (/empty に必要なファイル: ${file})`);
  });

  it('the Builder rpm, a pattern without placeholders, is named too', () => {
    const p = buildPlan(def, withDefaults(def, { component: 'builder', builder_mode: 'install', builder_os: 'linux' }), facts(EMPTY), 'en');
    expect(fix(p, 'builder_rpm')).toContain('(/empty needs clusterprobuilder-2.1.1-1.linux.i686.rpm)');
  });
});

describe('sharetask: real patterns stay patterns', () => {
  it('the custom part and licence packages are described by their pattern; the server package, tied to the version answered, by its name', () => {
    const p = sharetaskPlan({ ...SERVER, custom: 'yes', custom_uid: 'NAB' }, { mediaFiles: {} });
    expect(fix(p, 'server')).toContain(`(/cd needs sharetask_server-${SERVER.to}.tar.gz)`);
    expect(fix(p, 'custom')).toContain('a file whose name matches ^custom_');
    expect(fix(p, 'license')).toContain('a file whose name matches ^License_');
  });
});

describe('plan --media with an empty directory, the real binary', () => {
  it('clusterpro names the rpm in both languages; nothing in braces is left', async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', arch: 'vmware', hostname: 'node1' });
    const empty = mkdtempSync(join(tmpdir(), 'clp-empty-'));
    const base = ['plan', '--product', 'clusterpro', '--root', s.root, '--media', empty, '--log-dir', s.logs, '--set', 'servers=node1,node2', '--set', 'webmanager=no'];
    for (const [lang, text] of [
      ['en', `(${empty} needs clusterpro-2.1.3-1.vmware.i386.rpm)`],
      ['ja', `(${empty} に必要なファイル: clusterpro-2.1.3-1.vmware.i386.rpm)`],
    ] as const) {
      const r = await runCli(['--lang', lang, ...base, '--set', 'mode=update'], { env: s.env });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain(text);
      expect(r.stdout).not.toContain('{var:');
    }
    const down = await runCli([...base, '--set', 'mode=downgrade', '--set', 'downgrade_to=2.1.0-1'], { env: s.env });
    expect(down.stdout).toContain(`(${empty} needs clusterpro-2.1.0-1.vmware.i386.rpm)`);
    expect(down.stdout).not.toContain('{downgrade_to}');
    // Which procedure to follow is proposed from rpm on the screens, never taken unseen here:
    // an update shuts the running cluster down.
    const unsaid = await runCli(base, { env: s.env });
    expect(unsaid.exitCode).toBe(2);
    expect(unsaid.stderr).toMatch(/answers are missing for clusterpro.*\n(.*\n)*.*mode/);
  }, 30_000);
});
