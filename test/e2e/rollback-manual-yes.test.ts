// rollback --yes over a rollback made of restores done by hand (Groupmax restore-old) printed
// "[x] Restored every file ... confirmed by --yes" and ended 0: restores nobody did, recorded as
// done. It is refused now, naming the rollback and the command to run at a terminal; nothing is
// journaled. The real binary in the Groupmax sandbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';

const sets = ['from=02-00', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((a) => ['--set', a]);

describe('rollback --yes of restores done by hand', () => {
  it('is refused with exit 2, in English and Japanese, and nothing is recorded', async () => {
    const sb = groupmaxSandbox();
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    expect((await runCli(['run', '--product', 'groupmax', '--yes', ...place, ...sb.platformArgs, ...sets], { env: sb.env })).exitCode).toBe(0);
    expect((await runCli(['resume', '--yes', ...place], { env: sb.env })).exitCode).toBe(0);
    const journal = join(sb.logs, readdirSync(sb.logs).find((n) => n.endsWith('.jsonl'))!);
    const before = readFileSync(journal, 'utf8');
    const runId = journal.replace(/^.*run-|\.jsonl$/g, '');

    const en = await runCli(['rollback', '--yes', ...place, '--lang', 'en'], { env: sb.env });
    expect(en.exitCode).toBe(2);
    expect(en.stdout).not.toContain('Restored every file');
    expect(en.stderr).toContain(`the rollback of run ${runId} to restore point restore-old ("Back to the old version") has steps done by hand (restores, checks), each confirmed by the operator once it is done`);
    expect(en.stderr).toContain('--yes would record as done what nobody did. Nothing was done.');
    // The command that works: at a terminal, without --yes.
    expect(en.stderr).toContain(`\n  upgrade-wizard rollback --to restore-old --root ${sb.root} --log-dir ${sb.logs}`);
    expect(en.stderr).not.toMatch(/upgrade-wizard rollback [^\n]*--yes/);

    const ja = await runCli(['rollback', '--to', 'restore-old', '--yes', ...place, '--lang', 'ja'], { env: sb.env });
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('へのロールバックには手作業の手順 (復元、確認) があり、作業者が行うたびに確認します。--yes を付けると、誰も行っていない作業を完了として記録することになります。何も実行していません。');

    // Nothing journaled: no rollback, no confirmation.
    expect(readFileSync(journal, 'utf8')).toBe(before);
  }, 60_000);
});
