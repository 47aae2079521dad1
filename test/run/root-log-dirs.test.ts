// Two administrators on one server with different --log-dir: each run, resume and rollback notes
// its log dir in the root's register (src/run/root-log-dirs.ts), and a new run refuses while the
// other log dir holds an unfinished run of the product or a process at work, as within one log dir.
// The real binary on the ShareTask sandbox, with the register where a server has it (under the root).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRunBlockers } from '../../src/commands/wizard-services.js';
import { registerFile } from '../../src/run/root-log-dirs.js';
import { startCli, until } from '../helpers/cli.js';
import { answerArgs, failHttpdStop, makeSandbox, runIn, sandboxEnv, type Sandbox } from '../helpers/sandbox.js';

// '' is not a register of its own: the one under the root, where a server keeps it.
const atRoot = { UPGRADE_WIZARD_STATE_DIR: '' };
const run = (sb: Sandbox, logDir: string, extra: string[] = []) =>
  runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', logDir, '--lang', 'en', ...extra], atRoot);
const journals = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : []);

describe('runs of one root in two log dirs', () => {
  let sb: Sandbox & { cleanup(): void };
  let first: string;
  let second: string;
  beforeAll(async () => {
    sb = await makeSandbox();
    first = sb.logDir;
    second = join(sb.dir, 'other-log');
    // The first administrator's run stops at "service httpd stop": unfinished, in the first log dir.
    failHttpdStop(sb);
    const r = await run(sb, first);
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
  }, 120_000);
  afterAll(() => sb.cleanup());

  it('the run noted its log dir in the root\'s register', () => {
    expect(readFileSync(join(sb.root, 'var/lib/upgrade-wizard/log-dirs'), 'utf8')).toBe(`${sb.root}\t${first}\n`);
    expect(registerFile(sb.root, atRoot)).toBe(join(sb.root, 'var/lib/upgrade-wizard/log-dirs'));
  });

  it('a new run with another --log-dir refuses to start over the unfinished one, and says how to continue it where it is', async () => {
    const r = await run(sb, second);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/an unfinished run of sharetask for this root exists: \S+, next step stop-httpd\. Continue it with:/);
    expect(r.stderr).toContain(`resume --yes --root ${sb.root} --log-dir ${first}`);
    expect(journals(second)).toEqual([]);
  });

  it('the wizard names it as a blocker of the new run, with the same way on', async () => {
    const blockers = await newRunBlockers({ root: sb.root, logDir: second }, 'sharetask');
    // The register is read where the run noted it.
    const saved = process.env.UPGRADE_WIZARD_STATE_DIR;
    expect(saved).toBeTruthy();
    expect(blockers).toEqual([]);
    process.env.UPGRADE_WIZARD_STATE_DIR = '';
    try {
      const seen = await newRunBlockers({ root: sb.root, logDir: second }, 'sharetask');
      expect(seen.map((b) => b.id)).toEqual(['other-log-dir-unfinished']);
      expect(seen[0]?.message).toMatch(new RegExp(`run \\S+ of sharetask on this server, with the log directory ${first}, is unfinished \\(next step stop-httpd\\)`));
      expect(seen[0]?.fix).toContain(`resume --root ${sb.root} --log-dir ${first}`);
    } finally {
      process.env.UPGRADE_WIZARD_STATE_DIR = saved;
    }
  });

  it('while a process works with the first log dir, a run with the second is refused, naming it', async () => {
    // resume goes on at stop-httpd, which now hangs until released.
    const [held, release] = [join(sb.dir, 'held'), join(sb.dir, 'release')];
    writeFileSync(join(sb.bin, 'service'), `#!/bin/sh\nif [ "$1 $2" = "httpd stop" ] && [ ! -e '${release}' ]; then : > '${held}'; while [ ! -e '${release}' ]; do sleep 0.1; done; fi\nexec '${join(sb.bin, 'service.real')}' "$@"\n`);
    const child = startCli(['resume', '--yes', '--root', sb.root, '--log-dir', first, '--lang', 'en'], { ...sandboxEnv(sb.dir), ...atRoot });
    try {
      await until(() => existsSync(held));
      const r = await run(sb, second, ['--new-run']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`another upgrade-wizard (process ${child.pid}`);
      expect(r.stderr).toContain(`with the log directory ${first}`);
      expect(journals(second)).toEqual([]);
    } finally {
      writeFileSync(release, '');
    }
    expect((await child).exitCode).toBe(0);
  }, 120_000);
});

describe('a register that cannot be written', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => sb.cleanup());

  it('refuses the run, naming the file and why, and does nothing', async () => {
    // Where the register's directory should be, a file.
    mkdirSync(join(sb.root, 'var/lib'), { recursive: true });
    writeFileSync(join(sb.root, 'var/lib/upgrade-wizard'), '');
    const r = await run(sb, sb.logDir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${join(sb.root, 'var/lib/upgrade-wizard/log-dirs')} cannot be written (`);
    expect(r.stderr).toContain('Nothing was done.');
    expect(journals(sb.logDir)).toEqual([]);
  });
});
