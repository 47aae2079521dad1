// --answers FILE mistakes name the file and the line (or --set), a file saved for another product
// says so, an answer the plan does not use is warned about, a secret in a file others can read is
// refused with the chmod to run; the missing-answers list shows examples, not regular expressions.
// --save-answers: clear messages (once each), the option's own name, symbolic links written through,
// and accepted by export.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMessages } from '../../src/i18n/messages/export.js';
import { isRoot, runCli } from '../helpers/cli.js';
import { makeSandbox, placeArgs, runIn, type Sandbox } from '../helpers/sandbox.js';

describe('--answers FILE checked against the definition', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uw-answers-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string, mode = 0o600): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    chmodSync(p, mode);
    return p;
  };

  it('names the file and line of each mistake, all at once', async () => {
    const a = file('a.yml', 'component: "servr"\ncompnent: "server"\nfrom: "banana"\nplatform: [linux]\n');
    const r = await runCli(['plan', '--product', 'sharetask', '--answers', a]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${a}:2: there is no question "compnent"`);
    expect(r.stderr).toContain(`${a}:1: component: "servr" is not one of: server, agent, cli`);
    expect(r.stderr).toContain(`${a}:3: from: "banana" is not a version`);
    expect(r.stderr).toContain(`${a}:4: platform: expected one value, not a list`);
    // --set wins, and says so.
    const s = await runCli(['plan', '--product', 'sharetask', '--answers', a, '--set', 'component=nope']);
    expect(s.stderr).toContain('--set: component: "nope" is not one of');
  });

  it('lists the unknown ids one by one and names the product a saved file is for', async () => {
    const a = file('st.yml', '# Answers for sharetask, saved by upgrade-wizard --save-answers. Replay with: --answers FILE (--set wins over it).\ncomponent: "server"\nplatform: "linux"\ninstall_dir: "/opt/sharetask"\n');
    const r = await runCli(['plan', '--product', 'jobcenter', '--answers', a]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${a}:2: there is no question "component"`);
    expect(r.stderr).toContain(`${a}:3: there is no question "platform"`);
    expect(r.stderr).toContain(`${a}:4: there is no question "install_dir"`);
    expect(r.stderr).not.toContain('"component, platform');
    expect(r.stderr).toContain(`${a} was saved for sharetask (its first line says so), not for jobcenter: give --product sharetask`);
  });

  it('reads the product from the header that --save-answers writes in Japanese too', async () => {
    const header = exportMessages.ja['export.answers.header1']?.replace('{product}', 'sharetask');
    const a = file('st-ja.yml', `# ${header}\ncomponent: "server"\n`);
    const r = await runCli(['plan', '--product', 'jobcenter', '--answers', a]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${a} was saved for sharetask (its first line says so), not for jobcenter: give --product sharetask`);
  });

  it('says that an answer the plan does not use is ignored', async () => {
    const sb = await makeSandbox();
    try {
      const a = file('custom.yml', 'custom: "no"\ncustom_uid: "NAB"\n');
      const r = await runIn(sb, ['plan', '--product', 'sharetask', '--answers', a, ...placeArgs(sb)]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${a}:2: the answer to custom_uid is ignored: that question is not asked with these answers (custom=no)`);
      const e = await runIn(sb, ['export', '--format', 'markdown', '--product', 'sharetask', '--answers', a, ...placeArgs(sb)]);
      expect(e.stderr).toContain(`warning: ${a}:2: the answer to custom_uid is ignored`);
    } finally {
      sb.cleanup();
    }
  }, 120_000);

  it('refuses a secret in a file others can read, naming the chmod; the advice is the same everywhere', async () => {
    const open = file('secret.yml', 'from: "5.1"\nbind_password: "Very-Secret-1"\n', 0o644);
    const r = await runCli(['plan', '--product', 'iplanet-messaging', '--answers', open]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${open}:2: bind_password is a secret, and ${open} can be read by others than its owner (mode 0644); nothing was done. Run chmod 600 ${open}`);
    expect(r.stderr).not.toContain('Very-Secret-1');
    chmodSync(open, 0o600);
    const ok = await runCli(['plan', '--product', 'iplanet-messaging', '--answers', open]);
    expect(ok.stderr).not.toContain('bind_password is a secret');
    const set = await runCli(['plan', '--product', 'iplanet-messaging', '--set', 'bind_password=Foo']);
    expect(set.stderr).toContain('Give it in the environment variable UPGRADE_WIZARD_SECRET_BIND_PASSWORD, or in an --answers file only its owner can read (chmod 600)');
  });

  it('lists a missing answer with example values, not its regular expression', async () => {
    const r = await runCli(['plan', '--product', 'sharetask', '--set', 'platform=linux', '--set', 'component=agent', '--set', 'from=5.2.1.0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/to: Which version do you install \(the new version\)\?\n +a version value \(e\.g\. 5\.5\.1-2 or 5\.2\.3\.1\)/);
    expect(r.stderr).not.toContain('(?!');
  });

  it('says in Japanese what to do about a YAML mistake, keeping the library\'s detail', async () => {
    const a = file('broken.yml', 'component: server\nfrom: [5.4.3\n');
    const r = await runCli(['--lang', 'ja', 'plan', '--product', 'sharetask', '--answers', a]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${a}:\\d+: 回答ファイルが YAML として正しくありません。この行を直してください .*YAML ライブラリの説明 \\(英語\\): \\S`));
  });
});

describe('--save-answers FILE', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => sb.cleanup());
  const plan = (...extra: string[]) => runIn(sb, ['plan', '--product', 'sharetask', ...placeArgs(sb), ...extra]);

  it('a directory: names --save-answers in the example', async () => {
    const d = join(sb.dir, 'answers-dir');
    mkdirSync(d);
    const r = await plan('--save-answers', d);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`it is a directory; give a file name, e.g. --save-answers ${join(d, 'answers.yml')}`);
    expect(r.stderr).not.toContain(' -o ');
  });

  it('/proc: does not say that /proc does not exist', async () => {
    const r = await plan('--save-answers', '/proc/x.yml');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('the directory /proc exists but does not take new files');
    expect(r.stderr).not.toContain('does not exist');
  });

  it.skipIf(!isRoot)('a directory the user cannot write: says what to do once', async () => {
    const ro = join(sb.dir, 'ro');
    mkdirSync(ro, { mode: 0o755 });
    chmodSync(sb.dir, 0o755);
    const file = join(ro, 'a.yml');
    const r = await runCli(['plan', '--product', 'sharetask', '--set', 'platform=linux', '--set', 'component=cli', '--set', 'from=5.2.1.0', '--set', 'to=5.2.3.1', '--save-answers', file], { user: 'nobody', cwd: '/' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`cannot write the answers file ${file}: ${ro}: permission denied; choose a writable place (nothing was written)`);
    expect(r.stderr.split('choose a writable place').length).toBe(2);
  });

  it('a symbolic link: its target is written, the link stays', async () => {
    const target = join(sb.dir, 'ex.yml');
    const link = join(sb.dir, 'link.yml');
    writeFileSync(target, 'old: "x"\n');
    symlinkSync('ex.yml', link);
    const r = await plan('--save-answers', link);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readlinkSync(link)).toBe('ex.yml');
    expect(readFileSync(target, 'utf8')).toContain('# Answers for sharetask');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('export accepts it, and the file replays into the same runbook', async () => {
    const file = join(sb.dir, 'export.yml');
    const md = join(sb.dir, 'a.md');
    const r = await runIn(sb, ['export', '--format', 'markdown', '--product', 'sharetask', '--set', 'license=no', '--save-answers', file, '-o', md, ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^license: "no"$/m);
    const again = await runIn(sb, ['export', '--format', 'markdown', '--product', 'sharetask', '--answers', file, ...placeArgs(sb)]);
    expect(again.stdout).toBe(readFileSync(md, 'utf8').trimEnd());
    const pb = await runIn(sb, ['export', '--format', 'ansible', '--product', 'sharetask', '--save-answers', join(sb.dir, 'pb.yml'), '-o', join(sb.dir, 'pb'), ...placeArgs(sb)]);
    expect(pb.exitCode, pb.stderr).toBe(0);
    expect(readFileSync(join(sb.dir, 'pb.yml'), 'utf8')).toMatch(/^component: "server"$/m);
  });
});
