// Handlers that run processes: service (service or init.d, missing daemons), command, verify.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../src/run/steps/command.js';
import { service } from '../../src/run/steps/service.js';
import { verify } from '../../src/run/steps/verify.js';
import { makeSandbox, readCalls, sandboxEnv, type Sandbox } from '../helpers/sandbox.js';
import { context, Recorder, step, tempDir } from './ctx.js';

const originalPath = process.env.PATH;
let sb: Sandbox & { cleanup(): void };
beforeAll(async () => {
  sb = await makeSandbox({ daemons: ['sharetaskd'] });
});
afterAll(() => sb.cleanup());
afterEach(() => {
  process.env.PATH = originalPath;
});

const svc = (name: string, action: string, ifMissing = 'fail'): ReturnType<typeof step> => step('service', { service: name, action, ifMissing });

describe('service', () => {
  it('uses `service NAME ACTION` when service is on PATH', async () => {
    process.env.PATH = sandboxEnv(sb.dir).PATH;
    const before = (await readCalls(sb.dir)).length;
    await service.run(svc('httpd', 'stop'), context(new Recorder(), sb.root));
    expect((await readCalls(sb.dir)).slice(before)).toEqual(['service httpd stop', 'init.d/httpd stop']);
  });

  it('falls back to ROOT/etc/init.d/NAME when there is no service command', async () => {
    process.env.PATH = '/nonexistent-uw';
    const before = (await readCalls(sb.dir)).length;
    await service.run(svc('memcached', 'start'), context(new Recorder(), sb.root));
    expect((await readCalls(sb.dir)).slice(before)).toEqual(['init.d/memcached start']);
  });

  it('reports a daemon that is not installed and skips it when the procedure allows, with or without service', async () => {
    for (const path of [sandboxEnv(sb.dir).PATH, '/nonexistent-uw']) {
      process.env.PATH = path;
      const ui = new Recorder();
      const out = await service.run(svc('stlogd', 'stop', 'skip'), context(ui, sb.root));
      expect(out).toMatchObject({ status: 'skipped', detail: 'stlogd not installed, skipped' });
      expect(ui.text()).toContain('stlogd is not installed here');
    }
    process.env.PATH = '/nonexistent-uw';
    await expect(service.run(svc('stlogd', 'stop'), context(new Recorder(), sb.root))).rejects.toThrow(/not installed/);
  });

  it('refuses a service name that is not a plain name', async () => {
    await expect(service.run(svc('../../bin/sh', 'stop'), context(new Recorder(), sb.root))).rejects.toThrow(/not a plain name/);
  });
});

describe('command', () => {
  it('runs in the cwd, streams output, and stops at a failure naming the command and its exit code', async () => {
    const dir = tempDir('uw-cmd-');
    const ui = new Recorder();
    const s = step('command', {}, { commands: [['perl', '-e', 'use Cwd; print getcwd(), "\\n"'], ['perl', '-e', 'print STDERR "boom\\n"; exit 3'], ['perl', '-e', 'print "never\\n"']] });
    s.params.cwd = dir;
    await expect(command.run(s, context(ui))).rejects.toThrow(/exit code 3\nboom/);
    expect(ui.text()).toContain(dir);
    expect(ui.text()).not.toContain('never');
  });

  it('goes on after a failure the procedure allows, and says so', async () => {
    const ui = new Recorder();
    const s = step('command', {}, { allowFailure: true, commands: [['perl', '-e', 'exit 1'], ['perl', '-e', 'print "second\\n"']] });
    const out = await command.run(s, context(ui));
    expect(out.detail).toContain('error ignored');
    expect(ui.text()).toContain('second');
  });

  it('names a program that is not on PATH', async () => {
    await expect(command.run(step('command', {}, { commands: [['no-such-program-uw']] }), context())).rejects.toThrow(/no-such-program-uw: command not found on PATH/);
  });
});

describe('verify', () => {
  it('checks exit code and output, and files present or absent', async () => {
    const dir = tempDir('uw-verify-');
    const ok = step('verify', { verify: { argv: ['perl', '-e', 'print "postgres 8.4\\n"'], expectOutput: 'postgres [0-9.]+', fileAbsent: join(dir, 'x') } });
    expect((await verify.run(ok, context())).status).toBe('done');
    await expect(verify.run(step('verify', { verify: { argv: ['perl', '-e', 'print "ERROR\\n"'], rejectOutput: 'ERROR' } }), context())).rejects.toThrow(/means a problem/);
    await expect(verify.run(step('verify', { verify: { fileExists: join(dir, 'y') } }), context())).rejects.toThrow(/does not exist/);
  });

  it('polls until the check passes, with progress in seconds', async () => {
    const dir = tempDir('uw-poll-');
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    // Passes on the third call: no timing involved, only the number of attempts.
    const script = `open(my $f, '<', $ARGV[0]); my $n = <$f>; close($f); open($f, '>', $ARGV[0]); print $f $n + 1; close($f); print($n >= 2 ? "Mirror Color GREEN\\n" : "Mirror Color RED\\n")`;
    const ui = new Recorder();
    const s = step('verify', { verify: { argv: ['perl', '-e', script, counter], expectOutput: 'GREEN', waitSeconds: 30, intervalSeconds: 1 } });
    expect((await verify.run(s, context(ui))).status).toBe('done');
    expect(ui.progress.every((p) => p.unit === 'seconds' && p.total === 30)).toBe(true);
    expect(ui.progress.length).toBe(2);
  });

  it('fails at once, without waiting, when the command itself fails (only its output can say "not yet")', async () => {
    const dir = tempDir('uw-poll-');
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    // A mistyped mirror name: clpmdstat says so and exits 1 at every call, for the 12 hours of the wait.
    const script = `open(my $f, '<', $ARGV[0]); my $n = <$f>; close($f); open($f, '>', $ARGV[0]); print $f $n + 1; close($f); print "Invalid mirror disk resource name.\\n"; exit 1`;
    const ui = new Recorder();
    const s = step('verify', { verify: { argv: ['perl', '-e', script, counter], expectOutput: 'GREEN', waitSeconds: 43200, intervalSeconds: 1 } });
    await expect(verify.run(s, context(ui))).rejects.toThrow(/Invalid mirror disk resource name/);
    expect(readFileSync(counter, 'utf8')).toBe('1');
    expect(ui.progress).toEqual([]);
  });
});
