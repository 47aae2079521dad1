// The CD folder copied to an empty directory and run offline (unshare -n) with nothing but
// Node.js: every mode a server without internet needs gives what the built CLI gives, the
// sample ShareTask server is upgraded by it, and a damaged package on the media is refused.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/plan/load.js';
import { repoRoot, runCli, type CliResult } from '../helpers/cli.js';
import { answerArgs, expectedUpgradedState, makeSandbox, readCalls, upgradedState, type Sandbox } from '../helpers/sandbox.js';
import { snapshotTree } from '../helpers/tree.js';
import { sampleAnswers, setArgs } from './answers.js';
import { buildDist, copyDist, runDist } from './dist.js';

const uid = process.getuid?.() ?? 0;
let built: { dir: string; cleanup(): void };
let cd: { dir: string; cleanup(): void };
let scratch: string;

beforeAll(async () => {
  built = await buildDist();
  cd = copyDist(built.dir);
  scratch = mkdtempSync(join(tmpdir(), 'uw-dist-scratch-'));
}, 120_000);
afterAll(() => {
  cd?.cleanup();
  built?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// The migrated file names the time of the migration: two runs of migrate-config differ only there.
const untimed = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'TIME') });

describe('the CD folder, offline, with nothing but Node.js', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await runDist(cd.dir, ['--version'])).toEqual({ exitCode: 0, stdout: pkg.version, stderr: '' });
  });

  it('lists the products as the built CLI does, from its own wizards/', async () => {
    const r = await runDist(cd.dir, ['list']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe((await runCli(['list'])).stdout);
    expect(r.stdout).toMatch(/^sharetask: /m);
  });

  it.each(loadDefinitions().map((d) => [d.id, d] as const))('plan --json for %s equals the built CLI', async (id, def) => {
    const root = mkdtempSync(join(scratch, 'root-'));
    const args = ['plan', '--product', id, ...setArgs(sampleAnswers(def)), '--root', root, '--log-dir', join(root, 'log'), '--json'];
    const [bundled, reference] = [await runDist(cd.dir, args), await runCli(args)];
    expect(reference.exitCode).toBe(0);
    expect(bundled).toEqual(reference);
    expect((JSON.parse(bundled.stdout) as { product: string; steps: unknown[] }).steps.length).toBeGreaterThan(0);
  });

  // Both read YAML through a lazy import of the CommonJS yaml package, which the bundle must
  // give its named exports (a prepared answers file is how a maintenance window is planned).
  it('reads back an answers file it saved, as the built CLI does', async () => {
    const def = loadDefinitions().find((d) => d.id === 'sharetask');
    const root = mkdtempSync(join(scratch, 'answers-'));
    const file = join(root, 'answers.yaml');
    const save = await runDist(cd.dir, ['plan', '--product', 'sharetask', ...setArgs(sampleAnswers(def!)), '--root', root, '--save-answers', file]);
    expect(save.exitCode, save.stderr).toBe(0);
    const args = ['plan', '--product', 'sharetask', '--answers', file, '--root', root, '--log-dir', join(root, 'log'), '--json'];
    const [bundled, reference] = [await runDist(cd.dir, args), await runCli(args)];
    expect(bundled.stderr).toBe('');
    expect(bundled).toEqual(reference);
  });

  it('exports the same Ansible playbook as the built CLI', async () => {
    const def = loadDefinitions().find((d) => d.id === 'sharetask');
    const root = mkdtempSync(join(scratch, 'ansible-'));
    const args = (out: string): string[] => ['export', '--format', 'ansible', '--product', 'sharetask', ...setArgs(sampleAnswers(def!)), '--root', root, '--lang', 'en', '-o', join(root, out)];
    const [bundled, reference] = [await runDist(cd.dir, args('cd')), await runCli(args('built'))];
    expect(reference.exitCode).toBe(0);
    expect(bundled.stderr).toBe(reference.stderr.replaceAll(join(root, 'built'), join(root, 'cd')));
    expect(bundled.exitCode).toBe(0);
    expect(snapshotTree(join(root, 'cd'))).toEqual(snapshotTree(join(root, 'built')));
    expect(readFileSync(join(root, 'cd', 'playbook.yml'), 'utf8')).toContain('hosts:');
  });

  it('migrate-config on the sample conf shows the same findings and diff as the built CLI, writing nothing', async () => {
    const conf = join(repoRoot, 'test/fixtures/sharetask-conf/conf');
    const before = snapshotTree(conf);
    const args = ['migrate-config', '--conf', conf, '--shipped', join(repoRoot, 'test/fixtures/sharetask-conf/conf.ORG')];
    const bundled = untimed(await runDist(cd.dir, args));
    expect(bundled.exitCode).toBe(0);
    expect(bundled.stdout).toContain('SHARETASK_DB = ');
    expect(bundled).toEqual(untimed(await runCli(args)));
    expect(snapshotTree(conf)).toEqual(before);
  });

  it('reads a Shift_JIS system.conf as the built CLI does: the bundle keeps the Japanese tables of iconv-lite', async () => {
    const conf = join(scratch, 'sjis-conf');
    cpSync(join(repoRoot, 'test/fixtures/sharetask-conf/conf'), conf, { recursive: true });
    const system = join(conf, 'system.conf');
    writeFileSync(system, iconv.encode(iconv.decode(readFileSync(system), 'euc-jp'), 'cp932'));
    const args = ['migrate-config', '--conf', conf, '--lang', 'en'];
    const bundled = untimed(await runDist(cd.dir, args));
    expect(bundled.exitCode).toBe(0);
    expect(bundled.stdout).toContain(' # システム設定ファイル: 変更後は httpd を再起動してください。');
    expect(bundled).toEqual(untimed(await runCli(args)));
  });
});

describe('run --yes of ShareTask from the CD folder, offline, on the sample server', () => {
  let sb: Sandbox & { cleanup(): void };
  afterAll(() => sb?.cleanup());

  it('upgrades the server, with a warning that the packages are unverified', async () => {
    sb = await makeSandbox();
    const r = await runDist(cd.dir, ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir], { path: [sb.bin] });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/finished: all \d+ steps done/);
    expect(r.stdout).toContain('the packages on the media are not verified');
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
  }, 120_000);
});

describe('packages on the media are checked against SHA256SUMS before anything runs', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 60_000);
  afterAll(() => sb?.cleanup());

  const server = (): string => join(sb.media, `sharetask_server-${sb.newVersion}.tar.gz`);
  const sumsLine = (file: string, hash?: string): string =>
    `${hash ?? createHash('sha256').update(readFileSync(file)).digest('hex')}  ${basename(file)}\n`;
  const run = (): ReturnType<typeof runDist> =>
    runDist(cd.dir, ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir], { path: [sb.bin] });
  const plan = async (): Promise<{ blockers: { id: string; message: string }[]; warnings: string[] }> =>
    JSON.parse((await runDist(cd.dir, ['plan', '--product', 'sharetask', ...answerArgs(sb), '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir, '--json'])).stdout);

  it('a package that differs from the list is refused, naming the file, and nothing runs', async () => {
    const others = ['custom_NAB_20240401.tar.gz', 'License_NAB_20271231_100.tar.gz'].map((f) => sumsLine(join(sb.media, f)));
    writeFileSync(join(sb.media, 'SHA256SUMS'), [sumsLine(server(), 'f'.repeat(64)), ...others].join(''));
    const before = snapshotTree(sb.root);
    const r = await run();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`the package ${server()} does not match its checksum in ${join(sb.media, 'SHA256SUMS')}`);
    expect(await readCalls(sb.dir)).toEqual([]);
    expect(snapshotTree(sb.root)).toEqual(before);
    expect((await plan()).blockers.map((b) => b.id)).toEqual(['media-checksum:server']);
  });

  it('a package missing from the list is a blocker of its own', async () => {
    writeFileSync(join(sb.media, 'SHA256SUMS'), sumsLine(server()));
    const p = await plan();
    expect(p.blockers.map((b) => b.id)).toEqual(['media-unlisted:custom', 'media-unlisted:license']);
    expect(p.blockers[0]?.message).toContain(join(sb.media, 'custom_NAB_20240401.tar.gz'));
  });

  it('with every package listed and matching, the plan has no checksum blocker or warning', async () => {
    const files = [server(), ...['custom_NAB_20240401.tar.gz', 'License_NAB_20271231_100.tar.gz'].map((f) => join(sb.media, f))];
    writeFileSync(join(sb.media, 'SHA256SUMS'), files.map((f) => sumsLine(f)).join(''));
    const p = await plan();
    expect(p.blockers).toEqual([]);
    expect(p.warnings.join('\n')).not.toContain('not verified');
  });
});
