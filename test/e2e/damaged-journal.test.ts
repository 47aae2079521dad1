// A ShareTask run stopped after the database upgrade, its journal's first line then damaged:
// run, resume and rollback all refuse, naming the journal and the line, and change nothing.
// Before, resume and rollback found "no run" and `run` did all 40 steps again over the
// half-upgraded server (a new backup of it, custom.OLD overwritten, database_upgrade.pl again).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { answerArgs, makeSandbox, placeArgs, readCalls, runIn, runSharetask, sandboxEnv, type Sandbox } from '../helpers/sandbox.js';

const sandboxes: (Sandbox & { cleanup(): void })[] = [];
afterEach(() => {
  for (const sb of sandboxes.splice(0)) sb.cleanup();
});

/** The run stopped by one Ctrl-C while database_upgrade.pl ran: it finishes that step and stops. */
async function stoppedAfterDatabaseUpgrade(sb: Sandbox): Promise<void> {
  const args = ['run', '--product', 'sharetask', ...answerArgs(sb), '--yes', ...placeArgs(sb)];
  const child = execa(process.execPath, [join(repoRoot, 'bin/upgrade-wizard.js'), ...args], {
    env: { ...sandboxEnv(sb.dir), LANG: 'C', SANDBOX_PAUSE_AT: 'database_upgrade.pl' },
    stdin: 'ignore',
    reject: false,
    detached: true,
  });
  let seen = '';
  const noticed = new Promise<void>((done) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('the running step will finish')) done();
    });
  });
  while (!existsSync(join(sb.state, 'paused-database_upgrade.pl'))) await sleep(50);
  process.kill(-(child.pid as number), 'SIGINT');
  await noticed;
  writeFileSync(join(sb.state, 'release-database_upgrade.pl'), '');
  expect((await child).exitCode).toBe(1);
}

describe('a damaged journal in the log dir', () => {
  it('run, resume and rollback refuse, naming it, and nothing is done', async () => {
    const sb = await makeSandbox();
    sandboxes.push(sb);
    await stoppedAfterDatabaseUpgrade(sb);
    const name = readdirSync(sb.logDir).find((f) => f.endsWith('.jsonl')) as string;
    const journal = join(sb.logDir, name);
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[0] = (lines[0] as string).replace('{"type":"run-start"', '{"type":"run-start"XX');
    writeFileSync(journal, lines.join('\n'));

    const tree = snapshotTree(sb.root);
    const calls = await readCalls(sb.dir);
    const files = readdirSync(sb.logDir).sort();
    const text = readFileSync(journal, 'utf8');
    const said = `${journal}, line 1: the journal of a run is damaged: it is not a JSON record`;
    for (const r of [
      await runIn(sb, ['resume', '--yes', '--root', sb.root, '--log-dir', sb.logDir]),
      await runIn(sb, ['rollback', '--yes', '--root', sb.root, '--log-dir', sb.logDir]),
      await runSharetask(sb),
    ]) {
      expect(r.exitCode, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain(said);
      expect(r.stderr).toContain(`move the file out of ${sb.logDir}`);
    }
    // plan and export only show: they go on without the earlier runs, and say why.
    for (const r of [
      await runIn(sb, ['plan', '--product', 'sharetask', ...answerArgs(sb), ...placeArgs(sb)]),
      await runIn(sb, ['export', '--format', 'markdown', '--product', 'sharetask', ...answerArgs(sb), ...placeArgs(sb)]),
    ]) {
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect((r.stdout + r.stderr).replace(/\s+/g, ' ')).toContain(`earlier runs in ${sb.logDir} are not taken into account, because a journal there cannot be read`);
    }
    expect(snapshotTree(sb.root)).toEqual(tree);
    expect(await readCalls(sb.dir)).toEqual(calls);
    expect(readdirSync(sb.logDir).sort()).toEqual(files);
    expect(readFileSync(journal, 'utf8')).toBe(text);
  }, 300_000);
});
