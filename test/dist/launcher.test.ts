// The launchers of the CD folder: they find Node.js, refuse a missing or too old one in the
// user's language, and refuse a damaged or incomplete copy of the wizard, naming the file,
// before any of it runs. The .cmd (no Windows here) is checked for its structure and encoding.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDist, copyDist, runDist } from './dist.js';

let built: { dir: string; cleanup(): void };
let cd: { dir: string; cleanup(): void };
let fakes: string;

beforeAll(async () => {
  built = await buildDist();
  fakes = mkdtempSync(join(tmpdir(), 'uw-fake-node-'));
  // An "old" Node.js: the real one, told to report 18.19.1 as its version before anything runs.
  writeFileSync(join(fakes, 'old.cjs'), "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '18.19.1' } });\n");
  const old = join(fakes, 'old');
  execFileSync('mkdir', ['-p', old]);
  writeFileSync(join(old, 'node'), `#!/bin/sh\nexec ${process.execPath} --require ${join(fakes, 'old.cjs')} "$@"\n`);
  chmodSync(join(old, 'node'), 0o755);
}, 120_000);
beforeEach(() => {
  cd?.cleanup();
  cd = copyDist(built.dir);
});
afterAll(() => {
  cd?.cleanup();
  built?.cleanup();
  rmSync(fakes, { recursive: true, force: true });
});

describe('the launcher refuses a damaged copy before any of it runs', () => {
  it('a changed file of the bundle is named, in English and in Japanese', async () => {
    appendFileSync(join(cd.dir, 'lib/app/cli.js'), '\nprocess.stdout.write("tampered");\n');
    const en = await runDist(cd.dir, ['list']);
    expect(en.exitCode).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('the file lib/app/cli.js of the wizard differs from its checksum in SHA256SUMS');
    const ja = await runDist(cd.dir, ['list'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('ウィザードのファイル lib/app/cli.js が SHA256SUMS のチェックサムと一致しません');
  });

  it('--version alone is answered by the launcher from lib/package.json, running none of the wizard, so a damaged copy still says its version', async () => {
    const { version } = JSON.parse(readFileSync(join(cd.dir, 'lib/package.json'), 'utf8')) as { version: string };
    appendFileSync(join(cd.dir, 'lib/app/cli.js'), '\nprocess.stdout.write("tampered");\n');
    for (const flag of ['--version', '-V']) {
      const r = await runDist(cd.dir, [flag]);
      expect(r).toEqual({ exitCode: 0, stdout: version, stderr: '' });
    }
    // With anything more, the CLI answers, so the check comes first.
    const more = await runDist(cd.dir, ['--version', '--lang', 'ja']);
    expect(more.exitCode).toBe(2);
    expect(more.stderr).toContain('lib/app/cli.js');
  });

  it('a changed definition is refused too (the data is part of the wizard)', async () => {
    appendFileSync(join(cd.dir, 'wizards/sharetask.yaml'), '\n# edited\n');
    const r = await runDist(cd.dir, ['list']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('wizards/sharetask.yaml');
  });

  it('a missing file and a missing SHA256SUMS are named', async () => {
    unlinkSync(join(cd.dir, 'lib/package.json'));
    // --version cannot be answered without it: the check says what is wrong.
    const missing = await runDist(cd.dir, ['--version']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('the file lib/package.json of the wizard is missing');
    unlinkSync(join(cd.dir, 'SHA256SUMS'));
    const noSums = await runDist(cd.dir, ['--version']);
    expect(noSums.exitCode).toBe(2);
    expect(noSums.stderr).toContain('SHA256SUMS is missing');
  });

  it('SHA256SUMS lists every other file of the folder, and sha256sum -c agrees with it', () => {
    const listed = readFileSync(join(cd.dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.slice(66)).sort();
    const all = execFileSync('find', ['.', '-type', 'f', '!', '-name', 'SHA256SUMS'], { cwd: cd.dir, encoding: 'utf8' })
      .trim().split('\n').map((f) => f.slice(2)).sort();
    expect(listed).toEqual(all);
    expect(listed).toEqual(expect.arrayContaining(['lib/launch.cjs', 'upgrade-wizard.sh', 'upgrade-wizard.cmd', 'README.txt', 'wizards/sharetask.yaml']));
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: cd.dir, encoding: 'utf8' })).toBe('');
  });
});

describe('the launcher needs Node.js 20 or newer', () => {
  it('says so when node is not on PATH, in the language of LANG', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'uw-no-node-'));
    try {
      const env = { PATH: empty };
      const sh = '/bin/sh';
      const run = (lang: string): string => {
        try {
          execFileSync(sh, [join(cd.dir, 'upgrade-wizard.sh'), '--version'], { env: { ...env, LANG: lang }, stdio: 'pipe' });
          return 'exit 0';
        } catch (error) {
          const e = error as { status: number; stderr: Buffer };
          return `exit ${e.status}: ${e.stderr.toString()}`;
        }
      };
      expect(run('C')).toMatch(/^exit 2: upgrade-wizard: Node.js was not found .*\nThe wizard needs Node.js 20 or newer/);
      expect(run('ja_JP.UTF-8')).toMatch(/^exit 2: upgrade-wizard: Node.js が見つかりません.*\nこのウィザードには Node.js 20 以上が必要です/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses an older Node.js, naming its version, before checking or running anything', async () => {
    const en = await runDist(cd.dir, ['--version'], { path: [join(fakes, 'old')] });
    expect(en.exitCode).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/Node.js 18\.19\.1 \(.*\) is too old: the wizard needs Node.js 20 or newer/);
    const ja = await runDist(cd.dir, ['--lang', 'ja', '--version'], { path: [join(fakes, 'old')] });
    expect(ja.stderr).toContain('Node.js 18.19.1');
    expect(ja.stderr).toContain('は古すぎます。このウィザードには Node.js 20 以上が必要です');
  });

  it('UPGRADE_WIZARD_NODE chooses the node, and a wrong one is named', async () => {
    const ok = await runDist(cd.dir, ['--version'], { env: { UPGRADE_WIZARD_NODE: process.execPath } });
    expect(ok.exitCode).toBe(0);
    const bad = await runDist(cd.dir, ['--version'], { env: { UPGRADE_WIZARD_NODE: '/nonexistent/node' } });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('UPGRADE_WIZARD_NODE=/nonexistent/node is not an executable file');
  });
});

describe('upgrade-wizard.cmd', () => {
  const bytes = (): Buffer => readFileSync(join(cd.dir, 'upgrade-wizard.cmd'));
  const text = (): string => iconv.decode(bytes(), 'cp932');

  it('has CRLF line ends and is Shift_JIS (CP932), as cmd.exe on a Japanese Windows reads it', () => {
    expect(bytes().toString('latin1')).toMatch(/\r\n/);
    expect(bytes().toString('latin1')).not.toMatch(/(^|[^\r])\n/);
    expect(text()).toContain('Node.js が見つかりません');
    expect(bytes().includes(Buffer.from('が見つかりません', 'utf8'))).toBe(false);
  });

  it('starts the same lib\\launch.cjs as the .sh, with every argument, and passes its exit code on', () => {
    const lines = text().split('\r\n');
    expect(lines).toContain('"%UW_NODE%" "%~dp0lib\\launch.cjs" %*');
    expect(lines).toContain('exit /b %ERRORLEVEL%');
    expect(readFileSync(join(cd.dir, 'upgrade-wizard.sh'), 'utf8')).toContain('exec "$node" "$here/lib/launch.cjs" "$@"');
    // The version check and the checksums are in launch.cjs, shared: the .cmd only finds node.exe.
    const launch = readFileSync(join(cd.dir, 'lib/launch.cjs'), 'utf8');
    expect(launch).toContain('var MIN_MAJOR = 20;');
    expect(launch).toContain("path.join(dir, 'SHA256SUMS')");
    expect(launch).toContain('var problem = verify(top);');
  });

  it('finds node.exe on PATH or in UPGRADE_WIZARD_NODE, and refuses with exit 2 in ja or en when there is none', () => {
    const t = text();
    expect(t).toContain('set "UW_NODE=%UPGRADE_WIZARD_NODE%"');
    expect(t).toContain('for %%N in (node.exe) do set "UW_NODE=%%~$PATH:N"');
    expect(t).toMatch(/if not defined UW_NODE goto nonode\r\n/);
    expect(t).toMatch(/:nonode\r\n[^]*chcp \| find ": 932"[^]*echo upgrade-wizard: Node.js was not found[^]*exit \/b 2\r\n\r\n:nonode_ja\r\n[^]*exit \/b 2\r\n$/);
    // Every label jumped to exists.
    for (const [, label] of t.matchAll(/goto (\w+)/g)) expect(t).toContain(`\r\n:${label}\r\n`);
  });
});
