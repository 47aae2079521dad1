// `run --product sharetask --yes` of the real binary on the sample server of src/demo: the end
// state, the exact order of the service calls, and the refusals that leave everything untouched.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree } from '../helpers/tree.js';
import { answerArgs, expectedUpgradedState, makeSandbox, placeArgs, readCalls, runIn, runSharetask, upgradedState, type Sandbox } from '../helpers/sandbox.js';

const uid = process.getuid?.() ?? 0;
const STOP_ORDER = ['stlogd', 'sharetaskd', 'httpd', 'memcached', 'postgresql'].map((s) => `service ${s} stop`);

describe('run --product sharetask --yes on the sample server', () => {
  let sb: Sandbox & { cleanup(): void };
  let result: Awaited<ReturnType<typeof runSharetask>>;
  beforeAll(async () => {
    sb = await makeSandbox({ checksums: true });
    result = await runSharetask(sb);
  }, 300_000);
  afterAll(() => sb.cleanup());

  it('finishes every step and says where the report is', () => {
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/finished: all 41 steps done/);
    expect(result.stdout).toMatch(/^Report: .*\.md$/m);
    // Before the first step, what was checked: the packages matched the CD's list.
    const first = result.stdout.indexOf('[1/41]');
    expect(result.stdout.indexOf(`  checked: the packages match their SHA-256 checksums in ${join(sb.media, 'SHA256SUMS')}`)).toBeGreaterThan(-1);
    expect(result.stdout.indexOf('  checked: the packages match')).toBeLessThan(first);
  });

  it('leaves the server upgraded', async () => {
    expect(await upgradedState(sb)).toEqual(expectedUpgradedState(sb, uid));
    expect(execFileSync('visudo', ['-c', '-f', join(sb.root, 'etc/sudoers')]).toString()).toMatch(/parsed OK/);
  });

  it('called the services, tools and chkconfig in the order of the procedure', async () => {
    const calls = (await readCalls(sb.dir)).filter((c) => !c.startsWith('init.d/'));
    expect(calls).toEqual([
      ...STOP_ORDER,
      'custom_symlink.pl make NAB',
      'check_compile_error.pl ../../cgi-common/',
      'check_compile_error.pl ../../public_html/',
      'service postgresql start',
      'database_upgrade.pl --start',
      'service memcached start',
      'service httpd start',
      'service sharetaskd start',
      'service stlogd start',
      // 3.10: each checked with --list first; none starts at boot on the sample server yet.
      ...['httpd', 'postgresql', 'memcached', 'sharetaskd', 'stlogd'].flatMap((s) => [`chkconfig --list ${s}`, `chkconfig ${s} on`]),
      `install_license.pl --install ${join(sb.media, 'License_NAB_20271231_100.tar.gz')}`,
    ]);
  });

  it('writes journal, log and report without the database password', () => {
    const files = readdirSync(sb.logDir);
    expect(files.filter((f) => /^run-.*\.(jsonl|log|md)$/.test(f)).length).toBe(3);
    for (const f of files) expect(readFileSync(join(sb.logDir, f), 'utf8')).not.toContain(sb.dbpass);
    expect(result.stdout).not.toContain(sb.dbpass);
    const report = readFileSync(join(sb.logDir, files.find((f) => f.endsWith('.md')) as string), 'utf8');
    expect(report).toContain(join(sb.root, 'tmp/sharetask_bkup.tar.gz'));
    expect(report).toContain(`upgrade-wizard rollback --to backup-archive --root ${sb.root} --log-dir ${sb.logDir}\n`);
    expect(report).toMatch(/Keep the backup files in a safe place: .*sharetask_bkup\.tar\.gz \(by --yes\)/);
    // The change record holds the evidence that the CD's packages were the vendor's.
    expect(report).toContain(
      `- the packages match their SHA-256 checksums in ${join(sb.media, 'SHA256SUMS')}: sharetask_server-5.5.1-2.tar.gz, custom_NAB_20240401.tar.gz, License_NAB_20271231_100.tar.gz\n`,
    );
    expect(report).not.toContain('not verified');
  });
});

describe('refusals and the dry run change nothing', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => sb.cleanup());

  it('refuses without --yes (exit 2), naming it', async () => {
    const before = snapshotTree(sb.dir);
    const r = await runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), ...placeArgs(sb)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/needs --yes/);
    // And how to be guided instead: the wizard on the same answers and places, to paste.
    expect(r.stderr).toContain(`start the wizard at a terminal:\n  upgrade-wizard --product sharetask ${[...answerArgs(sb), ...placeArgs(sb)].join(' ')}`);
    expect(snapshotTree(sb.dir)).toEqual(before);
  });

  it('lists the missing answers with their choices (exit 2)', async () => {
    const empty = join(sb.dir, 'empty-root');
    mkdirSync(empty);
    const r = await runIn(sb, ['run', '--product', 'sharetask', '--yes', '--root', empty, '--log-dir', join(empty, 'log')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/component/);
    expect(r.stderr).toMatch(/server, agent, cli/);
    expect(existsSync(join(empty, 'log'))).toBe(false);
  });

  it('shows every step with --dry-run and executes nothing', async () => {
    const before = snapshotTree(sb.dir);
    const r = await runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), '--dry-run', ...placeArgs(sb)]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\[41\/41\] check-error-log/);
    expect(r.stdout).toContain(`tar xzf ${join(sb.media, 'sharetask_server-5.5.1-2.tar.gz')} -C ${join(sb.root, 'home/sharetask')}`);
    expect(r.stdout).toMatch(/nothing was executed/);
    expect(snapshotTree(sb.dir)).toEqual(before);
    expect(existsSync(sb.logDir)).toBe(false);
  });

  it('refuses when the log dir cannot be written', async () => {
    const before = snapshotTree(sb.dir);
    const r = await runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', join(sb.root, 'etc/sudoers', 'log')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/log directory .* cannot be made: \S+\/etc\/sudoers is not a directory \(ENOTDIR\); nothing was done/);
    expect(snapshotTree(sb.dir)).toEqual(before);
  });

  it('refuses while a blocker is open, listing it with its fix (exit 2)', async () => {
    const before = snapshotTree(sb.dir);
    const r = await runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), '--set', 'platform=windows', '--yes', ...placeArgs(sb)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/cannot start while these problems are open/);
    expect(r.stderr).toMatch(/fix: /);
    expect(snapshotTree(sb.dir)).toEqual(before);
  });
});
