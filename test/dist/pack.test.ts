// The npm path: `npm pack` gives a tarball with the compiled CLI and the definitions, and
// `npm exec --package=./upgrade-wizard-X.Y.Z.tgz upgrade-wizard` (what npx does) runs it.
// Dependencies come from the npm registry, so this one needs it; the CD path needs nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; files: string[]; scripts: Record<string, string> };
const tarball = `upgrade-wizard-${pkg.version}.tgz`;

describe('npm pack and npm exec', () => {
  let dir: string;
  let packed: { files: { path: string }[] }[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'uw-pack-'));
    // --ignore-scripts: `prepare` would recompile build/ under the feet of the other test files;
    // the suite has just compiled it (npm test runs tsc first).
    const r = await execa('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, stdin: 'ignore' });
    packed = JSON.parse(r.stdout) as typeof packed;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs the launcher, the compiled CLI, the definitions, and nothing of the sources or tests', () => {
    const paths = (packed[0]?.files ?? []).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/upgrade-wizard.cjs', 'bin/upgrade-wizard.js', 'build/cli.js', 'build/plan/load.js', 'wizards/sharetask.yaml', 'package.json']));
    expect(paths.filter((p) => /^(src|test|scripts|dist|node_modules)\//.test(p))).toEqual([]);
    // npm install from git and npm pack compile build/ through prepare.
    expect(pkg.scripts.prepare).toMatch(/\btsc\b/);
  });

  it('runs from the tarball with npm exec, as npx does', async () => {
    const exec = (...args: string[]) =>
      execa('npm', ['exec', '--yes', `--package=./${tarball}`, '--', 'upgrade-wizard', ...args], {
        cwd: dir,
        stdin: 'ignore',
        reject: false,
        env: { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
      });
    const r = await exec('--version');
    expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'))).toEqual([]);
    expect([r.exitCode, r.stdout]).toEqual([0, pkg.version]);
    // --version is answered by the launcher alone: a command runs the installed bundle.
    const list = await exec('list');
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toContain('sharetask:');
  }, 180_000);
});
