// A failed --verify-db at a terminal (real binary in tmux): stdout and stderr are one screen, so
// the failure is printed once (in the report), not a second time on stderr.
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { snapshotTree } from '../helpers/tree.js';
import { makeConf, PLAIN_SYSTEM_CONF } from './conf-dir.js';

// Port 1 on the loopback: refused at once, with or without PostgreSQL on this machine.
const UNREACHABLE = 'dbhost = 127.0.0.1\ndbport = 1\ndbname = stask\ndbuser = stask\ndbpass = pw\n';
const FAILED = 'database check failed (127.0.0.1:1)';

const count = (text: string, part: string): number => text.split(part).length - 1;

describe.skipIf(!hasTmux)('--verify-db failure at a terminal', () => {
  afterAll(async () => {
    await Tmux.killAll();
  });

  test('is shown once, with "nothing was written" once; exit 1; nothing written', async () => {
    const { dir, conf } = makeConf(UNREACHABLE, PLAIN_SYSTEM_CONF);
    const before = snapshotTree(dir);
    const argv = [process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), 'migrate-config', '--conf', conf, '--verify-db', '--apply'];
    const t = await Tmux.start(argv, { cwd: repoRoot, width: 400, height: 60, env: { LANG: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    expect(await t.exitStatus()).toBe(1);
    const screen = await t.history();
    expect(count(screen, FAILED), screen).toBe(1);
    expect(count(screen, 'nothing was written'), screen).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('redirected, the report goes to stdout and the failure to stderr as well (for logs and scripts)', async () => {
    const { conf } = makeConf(UNREACHABLE, PLAIN_SYSTEM_CONF);
    const r = await runCli(['migrate-config', '--conf', conf, '--verify-db']);
    expect(r.exitCode).toBe(1);
    expect(count(r.stdout, FAILED)).toBe(1);
    expect(count(r.stderr, FAILED)).toBe(1);
  });
});
