// The launchers of the CD folder: they find Node.js, refuse a missing or too old one in the
// user's language, and refuse a damaged or incomplete copy of the wizard, naming the file,
// before any of it runs. The .cmd (no Windows here) is checked for its structure and encoding.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { basePath, buildDist, copyDist, runDist } from './dist.js';

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

  it('a file SHA256SUMS does not list in wizards/, lib/ or templates/ is refused by name (a stray copy of a definition would be loaded); the admin\'s own files at the top are not', async () => {
    // A stray copy of a definition would be a second groupmax (and a listed, plannable product).
    copyFileSync(join(cd.dir, 'wizards/groupmax.yaml'), join(cd.dir, 'wizards/groupmax.orig.yaml'));
    writeFileSync(join(cd.dir, 'lib/app/extra.js'), 'process.stdout.write("unchecked");\n');
    writeFileSync(join(cd.dir, 'answers.yaml'), 'from: 5.4.3\n');
    const en = await runDist(cd.dir, ['plan', '--product', 'groupmax']);
    expect(en.exitCode).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain(`files that are not part of the wizard (SHA256SUMS does not list them) are in ${cd.dir}: lib/app/extra.js, wizards/groupmax.orig.yaml`);
    expect(en.stderr).not.toContain('answers.yaml');
    const ja = await runDist(cd.dir, ['list', '--lang', 'ja']);
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('ウィザードのものではない (SHA256SUMS にない) ファイルがあります: lib/app/extra.js, wizards/groupmax.orig.yaml');
    unlinkSync(join(cd.dir, 'wizards/groupmax.orig.yaml'));
    unlinkSync(join(cd.dir, 'lib/app/extra.js'));
    const ok = await runDist(cd.dir, ['list']);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout.match(/^groupmax: /gm)).toHaveLength(1);
  });

  it('says what to do when run from the CD itself, where copying it again from the CD would go round in circles', async () => {
    appendFileSync(join(cd.dir, 'wizards/sharetask.yaml'), '\n# edited\n');
    const en = await runDist(cd.dir, ['list']);
    expect(en.stderr).toContain('Copy the whole upgrade-wizard folder again from the CD (if this is the CD itself, the CD is damaged: ask for a new one).');
    const ja = await runDist(cd.dir, ['list'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(ja.stderr).toContain('(これが CD そのものなら、CD が壊れています。新しい CD を入手してください)');
  });

  it('a missing lib/launch.cjs is one line of what to do, not a Node.js stack trace', async () => {
    unlinkSync(join(cd.dir, 'lib/launch.cjs'));
    const r = await runDist(cd.dir, ['list']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`upgrade-wizard: ${cd.dir}/lib/launch.cjs is missing: the folder is incomplete, nothing was run.\nCopy the whole upgrade-wizard folder again from the CD (if this is the CD itself, the CD is damaged: ask for a new one).`);
    const ja = await runDist(cd.dir, ['--lang', 'ja', 'list']);
    expect(ja.stderr).toContain(`${cd.dir}/lib/launch.cjs がありません`);
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
      const run = (lang: string, args = ['--version']): string => {
        try {
          execFileSync(sh, [join(cd.dir, 'upgrade-wizard.sh'), ...args], { env: { ...env, LANG: lang }, stdio: 'pipe' });
          return 'exit 0';
        } catch (error) {
          const e = error as { status: number; stderr: Buffer };
          return `exit ${e.status}: ${e.stderr.toString()}`;
        }
      };
      expect(run('C')).toMatch(/^exit 2: upgrade-wizard: Node.js was not found .*\nThe wizard needs Node.js 20 or newer/);
      expect(run('ja_JP.UTF-8')).toMatch(/^exit 2: upgrade-wizard: Node.js が見つかりません.*\nこのウィザードには Node.js 20 以上が必要です/);
      // --lang, in both the documented form (--lang ja) and --lang=ja, wins over LANG.
      expect(run('C', ['--lang', 'ja', 'list'])).toMatch(/^exit 2: upgrade-wizard: Node.js が見つかりません/);
      expect(run('C', ['list', '--lang=ja'])).toMatch(/^exit 2: upgrade-wizard: Node.js が見つかりません/);
      expect(run('ja_JP.UTF-8', ['--lang', 'en'])).toMatch(/^exit 2: upgrade-wizard: Node.js was not found/);
      // "ja" as the value of another option is not a language.
      expect(run('C', ['plan', '--product', 'ja'])).toMatch(/^exit 2: upgrade-wizard: Node.js was not found/);
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
    // A directory passes test -x: it is named too, not "exec: Permission denied" (exit 126).
    const dir = await runDist(cd.dir, ['--version'], { env: { UPGRADE_WIZARD_NODE: dirname(process.execPath) } });
    expect(dir).toEqual({ exitCode: 2, stdout: '', stderr: `upgrade-wizard: UPGRADE_WIZARD_NODE=${dirname(process.execPath)} is not an executable file: set it to the full path of node.` });
  });
});

describe('the launcher through a link', () => {
  it('a link to upgrade-wizard.sh on PATH (ln -s .../upgrade-wizard.sh ~/bin/upgrade-wizard) runs the wizard of the folder linked to', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'uw-linkbin-'));
    try {
      // A relative link to a link: each is followed from where it is.
      symlinkSync(join(cd.dir, 'upgrade-wizard.sh'), join(bin, 'uw-real'));
      symlinkSync('uw-real', join(bin, 'upgrade-wizard'));
      const env = { PATH: basePath([bin]), HOME: bin, LANG: 'C' };
      const list = await execa('upgrade-wizard', ['list'], { cwd: bin, env, extendEnv: false, reject: false, stdin: 'ignore' });
      expect(list.stderr).toBe('');
      expect(list.exitCode).toBe(0);
      expect(list.stdout).toMatch(/^sharetask: /m);
      const version = await execa('sh', [join(bin, 'upgrade-wizard'), '--version'], { cwd: '/', env, extendEnv: false, reject: false, stdin: 'ignore' });
      expect(version.stdout).toBe(JSON.parse(readFileSync(join(cd.dir, 'lib/package.json'), 'utf8')).version);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
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
    // Telling the wizard how it was started, for the resume and rollback commands it shows.
    expect(lines.slice(lines.indexOf('"%UW_NODE%" "%~dp0lib\\launch.cjs" %*') - 1)[0]).toBe('set "UPGRADE_WIZARD_SELF=%~f0"');
    expect(readFileSync(join(cd.dir, 'upgrade-wizard.sh'), 'utf8')).toMatch(/UPGRADE_WIZARD_SELF=\$self\nexport UPGRADE_WIZARD_SELF\n/);
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
    expect(t).toContain(':onpath\r\nfor %%N in (node.exe) do set "UW_NODE=%%~$PATH:N"\r\nif not defined UW_NODE goto nonode\r\n');
    expect(t).toMatch(/:nonode\r\ncall :language %\*\r\nif defined UW_JA goto nonode_ja\r\necho upgrade-wizard: Node.js was not found[^]*exit \/b 2\r\n\r\n:nonode_ja\r\necho upgrade-wizard: Node.js が見つかりません[^]*exit \/b 2\r\n/);
    // Every label jumped to or called exists.
    for (const [, label] of t.matchAll(/(?:goto|call) :?(\w+)/g)) expect(t).toContain(`\r\n:${label}\r\n`);
  });

  it('a wrong UPGRADE_WIZARD_NODE (missing, a folder, only quotes) is named as the .sh names it, with the quotes cmd.exe keeps taken off', () => {
    const t = text();
    // Checked only when set: the :"= replacement of an undefined variable is not empty in a .cmd.
    expect(t).toMatch(/if not defined UPGRADE_WIZARD_NODE goto onpath\r\n(rem [^\r]*\r\n)*set "UW_NODE=%UPGRADE_WIZARD_NODE:"=%"\r\nif not defined UW_NODE goto badnode\r\nif exist "%UW_NODE%\\\*" goto badnode\r\nif not exist "%UW_NODE%" goto badnode\r\ngoto found\r\n/);
    expect(t).toMatch(/:badnode\r\ncall :language %\*\r\nif defined UW_JA goto badnode_ja\r\necho upgrade-wizard: UPGRADE_WIZARD_NODE="%UW_NODE%" is not an executable file: set it to the full path of node\.exe\. 1>&2\r\nexit \/b 2\r\n/);
    expect(t).toMatch(/:badnode_ja\r\necho upgrade-wizard: UPGRADE_WIZARD_NODE="%UW_NODE%" は実行できるファイルではありません。node\.exe のフルパスを設定してください。 1>&2\r\nexit \/b 2\r\n/);
    // The same sentences as the .sh.
    const sh = readFileSync(join(cd.dir, 'upgrade-wizard.sh'), 'utf8');
    expect(sh).toContain('is not an executable file: set it to the full path of node.');
    expect(sh).toContain('は実行できるファイルではありません。node のフルパスを設定してください。');
    // lib\launch.cjs missing: one line of what to do.
    expect(t).toMatch(/:found\r\nif not exist "%~dp0lib\\launch\.cjs" goto nolaunch\r\n/);
    // Paths echoed in quotes: an & in one would end the echo and run the rest as a command.
    for (const line of t.split('\r\n').filter((l) => l.startsWith('echo ') && l.includes('%'))) expect(line).toMatch(/^echo [^%"]*"%[^"]*"[^%"]*$/);
    expect(t).toContain('echo Copy the whole upgrade-wizard folder again from the CD (if this is the CD itself, the CD is damaged: ask for a new one). 1>&2');
  });

  it('chooses Japanese with Windows\'s own find.exe, quietly, and honours --lang ja|en and --lang=ja|en (which "for" splits alike)', () => {
    const t = text();
    expect(t).toMatch(/:language\r\nset "UW_JA="\r\nchcp 2>nul \| "%SystemRoot%\\System32\\find\.exe" ": 932" >nul 2>nul && set "UW_JA=1"\r\n/);
    expect(t).not.toMatch(/\| find /);
    expect(t).toContain('for %%A in (%*) do (\r\n  if defined UW_LANG_NEXT if /i "%%~A"=="ja" set "UW_JA=1"\r\n  if defined UW_LANG_NEXT if /i "%%~A"=="en" set "UW_JA="\r\n  set "UW_LANG_NEXT="\r\n  if /i "%%~A"=="--lang" set "UW_LANG_NEXT=1"\r\n)\r\nexit /b 0\r\n');
  });
});
