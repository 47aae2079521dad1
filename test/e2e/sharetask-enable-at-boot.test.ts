// ShareTask 3.10 "check with chkconfig --list, enable only where needed", through the real binary
// on the sample server (--root sandbox, the recording chkconfig first on PATH): httpd already
// starts at boot (skipped, with the line that shows it), memcached's check fails (enabled as
// before), the others are off (enabled). The plan, its JSON and the dry run say the check.
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctrlC, startCli, until } from '../helpers/cli.js';
import { answerArgs, makeSandbox, placeArgs, readCalls, runIn, runSharetask, sandboxEnv, type Sandbox } from '../helpers/sandbox.js';

const ON = '\\b2:on\\s+3:on\\s+4:on\\s+5:on\\b';

describe('ShareTask 3.10 on the sample server: chkconfig on only where not already so', () => {
  let sb: Sandbox & { cleanup(): void };
  let result: Awaited<ReturnType<typeof runSharetask>>;
  beforeAll(async () => {
    sb = await makeSandbox();
    // httpd already starts at boot on this server.
    writeFileSync(join(sb.state, 'chkconfig-httpd'), '');
    // chkconfig cannot list memcached here: the check fails, and the step enables it as before.
    renameSync(join(sb.bin, 'chkconfig'), join(sb.bin, 'chkconfig.real'));
    writeFileSync(
      join(sb.bin, 'chkconfig'),
      `#!/bin/sh\nif [ "$1" = --list ] && [ "$2" = memcached ]; then echo "error reading information on service memcached: No such file or directory" >&2; exit 1; fi\nexec '${join(sb.bin, 'chkconfig.real')}' "$@"\n`,
    );
    chmodSync(join(sb.bin, 'chkconfig'), 0o755);
    result = await runSharetask(sb);
  }, 300_000);
  afterAll(() => sb.cleanup());

  it('finishes, saying the step it skipped', () => {
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/finished: 40 of 41 steps done, 1 skipped: step 35 \(enable-httpd\)/);
    expect(result.stdout).toContain('skipped: already so (runlevels 2-5 are all on): "httpd 0:off 1:off 2:on 3:on 4:on 5:on 6:off" (chkconfig --list httpd)');
    expect(result.stdout).toContain("not so yet (exit code 1, not 0): running the step's commands");
  });

  it('lists each service first and enables only those not already on', async () => {
    const calls = (await readCalls(sb.dir)).filter((c) => c.startsWith('chkconfig'));
    expect(calls).toEqual([
      'chkconfig --list httpd',
      'chkconfig --list postgresql',
      'chkconfig postgresql on',
      // The failing --list memcached never reached the recording stand-in.
      'chkconfig memcached on',
      'chkconfig --list sharetaskd',
      'chkconfig sharetaskd on',
      'chkconfig --list stlogd',
      'chkconfig stlogd on',
    ]);
    for (const s of ['httpd', 'postgresql', 'memcached', 'sharetaskd', 'stlogd']) expect(readdirSync(sb.state)).toContain(`chkconfig-${s}`);
  });

  it('the report gives the skip its evidence, and lists the checks among the commands', () => {
    const report = readFileSync(join(sb.logDir, readdirSync(sb.logDir).find((f) => /^run-.*\.md$/.test(f)) as string), 'utf8');
    expect(report).toMatch(/\| 35 \| Start httpd at boot \(enable-httpd\) \| skipped \| [^|]+ \| already so \(runlevels 2-5 are all on\): "httpd 0:off 1:off 2:on 3:on 4:on 5:on 6:off" \(chkconfig --list httpd\) \|/);
    expect(report).toMatch(/\| 36 \| Start postgresql at boot \(enable-postgresql\) \| done \|/);
    expect(report).toContain('| enable-memcached | `chkconfig --list memcached` | 1 |');
    expect(report).toContain('| enable-memcached | `chkconfig memcached on` | 0 |');
  });
});

describe('plan, plan --json and the dry run say the check', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => sb.cleanup());

  it('plan --json carries the probe as it runs, beside the command', async () => {
    const r = await runIn(sb, ['plan', '--product', 'sharetask', ...answerArgs(sb), '--json', ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { steps: { id: string; commands?: string[][]; params: Record<string, unknown> }[] };
    const step = plan.steps.find((s) => s.id === 'enable-stlogd');
    expect(step?.commands).toEqual([['chkconfig', 'stlogd', 'on']]);
    expect(step?.params.skipWhen).toEqual({ argv: ['chkconfig', '--list', 'stlogd'], expectOutput: ON, says: 'runlevels 2-5 are all on' });
  });

  it('plan text in Japanese', async () => {
    const r = await runIn(sb, ['plan', '--lang', 'ja', '--product', 'sharetask', ...answerArgs(sb), ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/まず確認: \$ chkconfig --list postgresql\n\s+ランレベル2〜5がすべて on（出力が .* に一致）なら、既にその状態です: 以下は不要です\n\s+そうでなければ:\n\s+\$ chkconfig postgresql on\n/);
  });

  it('the dry run says what it would check and runs nothing', async () => {
    const r = await runIn(sb, ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', '--dry-run', ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/enable-httpd: Start httpd at boot .*\n\s+\| check first: \$ chkconfig --list httpd\n\s+\|\s+if runlevels 2-5 are all on .*: already so, skip what follows\n\s+\| otherwise:\n\s+\| \$ chkconfig httpd on\n/);
    expect(await readCalls(sb.dir)).toEqual([]);
  });

  it('the runbook says the check before the command', async () => {
    const out = join(sb.dir, 'runbook.md');
    const r = await runIn(sb, ['export', '--format', 'markdown', '--product', 'sharetask', ...answerArgs(sb), ...placeArgs(sb), '-o', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(
      ['```', 'check first: $ chkconfig --list sharetaskd', `  if runlevels 2-5 are all on (the output matches /${ON}/): already so, skip what follows`, 'otherwise:', '$ chkconfig sharetaskd on', '```'].join('\n'),
    );
  });
});

describe('stopped while it checks (chkconfig --list), before its own command ran', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => sb.cleanup());

  it('the summary and resume go on by themselves: the step is run again, check first, without asking --rerun-step or --skip-step', async () => {
    // chkconfig --list httpd holds until released; everything else goes to the stand-in.
    const [listing, release] = [join(sb.dir, 'listing'), join(sb.dir, 'release')];
    renameSync(join(sb.bin, 'chkconfig'), join(sb.bin, 'chkconfig.real'));
    writeFileSync(
      join(sb.bin, 'chkconfig'),
      `#!/bin/sh\nif [ "$1" = --list ] && [ "$2" = httpd ] && [ ! -e '${release}' ]; then : > '${listing}'; while [ ! -e '${release}' ]; do sleep 0.1; done; fi\nexec '${join(sb.bin, 'chkconfig.real')}' "$@"\n`,
    );
    chmodSync(join(sb.bin, 'chkconfig'), 0o755);
    const child = startCli(['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', ...placeArgs(sb), '--lang', 'en'], sandboxEnv(sb.dir));
    await until(() => existsSync(listing));
    // Two Ctrl-C: the second kills the check itself.
    await ctrlC(child, 2);
    const stopped = await child;
    writeFileSync(release, '');
    expect(stopped.exitCode).toBe(1);
    const out = String(stopped.stdout);
    expect(out).toContain('(enable-httpd)');
    expect(out).not.toContain('may have partly run');
    expect(out).not.toContain('--rerun-step');
    expect(out).toContain('the interrupted step is checked and run again');

    const resumed = await runIn(sb, ['resume', '--yes', ...placeArgs(sb, false), '--lang', 'en']);
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).not.toContain('may have partly run');
    const calls = (await readCalls(sb.dir)).filter((c) => c.startsWith('chkconfig'));
    // The killed check never reached the recording stand-in; the one after resume did.
    expect(calls.slice(0, 2)).toEqual(['chkconfig --list httpd', 'chkconfig httpd on']);
    const log = readFileSync(join(sb.logDir, readdirSync(sb.logDir).find((f) => /^run-.*\.log$/.test(f)) as string), 'utf8');
    expect(log).toContain('[enable-httpd] interrupted earlier; re-checked on resume: retry');
  }, 300_000);
});
