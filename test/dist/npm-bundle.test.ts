// The npm package's bundle (scripts/dist/npm-bundle.mjs, written by prepack): an installed
// package (no src/ beside bin/) runs lib/app/ and needs neither build/ nor node_modules; a source
// checkout runs build/ even when a lib/ was left behind, so the tests never run a stale bundle.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/plan/load.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { sampleAnswers, setArgs } from './answers.js';

let base: string;
let pkgDir: string;

/** `node PKG/bin/upgrade-wizard.js ARGS` with LANG=C and no NODE_PATH. */
async function runPackage(args: string[]) {
  const r = await execa(process.execPath, [join(pkgDir, 'bin/upgrade-wizard.js'), ...args], {
    cwd: base,
    env: { LANG: 'C', PATH: process.env.PATH ?? '' },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uw-npm-bundle-'));
  // What the tarball holds, minus build/: a run that fell back to it would fail.
  pkgDir = join(base, 'package');
  mkdirSync(pkgDir);
  for (const part of ['bin', 'wizards', 'package.json']) cpSync(join(repoRoot, part), join(pkgDir, part), { recursive: true });
  const { writeNpmBundle } = (await import(pathToFileURL(join(repoRoot, 'scripts/dist/npm-bundle.mjs')).href)) as { writeNpmBundle(lib: string): Promise<void> };
  await writeNpmBundle(join(pkgDir, 'lib'));
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the bundle of the npm package', () => {
  it('prints the version and plans ShareTask as the built CLI does, without build/', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await runPackage(['--version'])).toEqual({ exitCode: 0, stdout: pkg.version, stderr: '' });
    const def = loadDefinition(join(repoRoot, 'wizards/sharetask.yaml'));
    const root = join(base, 'root');
    mkdirSync(root);
    const args = ['plan', '--product', 'sharetask', ...setArgs(sampleAnswers(def)), '--root', root, '--log-dir', join(root, 'log'), '--json'];
    const [bundled, reference] = [await runPackage(args), await runCli(args)];
    expect(reference.exitCode).toBe(0);
    expect(bundled).toEqual(reference);
  }, 60_000);

  it('is not used in a source checkout: with src/ beside bin/ the launcher runs build/', async () => {
    mkdirSync(join(pkgDir, 'src'));
    try {
      const r = await runPackage(['list']);
      // build/ is not in this copy: the launcher went for it, not for lib/.
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toContain('build/cli.js');
    } finally {
      rmSync(join(pkgDir, 'src'), { recursive: true });
    }
  });
});

