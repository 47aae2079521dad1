// Two identical `run --yes` started at the same moment with one log dir (two SSH sessions, a
// script started twice): exactly one runs; the other is refused, naming the first. Before, one
// could read the other's lock while it was still empty, take it for a crashed one, and both ran
// the steps.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';

const bin = join(repoRoot, 'bin/upgrade-wizard.js');
const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);

describe('two runs started together', () => {
  it('one runs, the other is refused naming it; the steps run once', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const sb = groupmaxSandbox();
      const args = [bin, 'run', '--product', 'groupmax', '--yes', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...sets];
      const env = { ...sb.env, LANG: 'C' };
      const children = [0, 1].map(() => execa(process.execPath, args, { env, stdin: 'ignore', reject: false, cwd: repoRoot }));
      const [a, b] = await Promise.all(children);
      const results = [a!, b!];
      const ran = results.filter((r) => r.exitCode === 0);
      expect(ran, `trial ${trial}: ${results.map((r) => `${r.exitCode} ${String(r.stderr)}`).join(' | ')}`).toHaveLength(1);
      const refused = results.find((r) => r.exitCode !== 0)!;
      const runner = children[results.indexOf(ran[0]!)]!;
      const journals = readdirSync(sb.logs).filter((n) => n.endsWith('.jsonl'));
      expect(journals, `trial ${trial}`).toHaveLength(1);
      const runId = journals[0]!.replace(/^run-|\.jsonl$/g, '');
      expect(refused.exitCode, `trial ${trial}`).toBe(2);
      // Refused while the first held the lock (named by its process), or after it ended (its run named).
      const names = String(refused.stderr).includes(`another upgrade-wizard (process ${runner.pid}, since `) || String(refused.stderr).includes(`an unfinished run of groupmax for this root exists: ${runId}`);
      expect(names, `trial ${trial}: ${String(refused.stderr)}`).toBe(true);
      const starts = readFileSync(join(sb.logs, journals[0]!), 'utf8').split('\n').filter((l) => l.includes('"type":"step-start"'));
      expect(starts, `trial ${trial}`).toHaveLength(4);
      expect(readdirSync(sb.logs).filter((n) => n.startsWith('run.lock'))).toEqual([]);
    }
  }, 300_000);
});
