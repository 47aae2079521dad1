// What the report and the summary say of stops the operator chose, of a failed step, of a reboot
// not done yet and of a failed optional step; and what a read-only log dir is called.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { Plan } from '../../src/model/plan.js';
import { ensureLogDir, runFiles } from '../../src/run/journal.js';
import { renderReport } from '../../src/run/report.js';
import { summarize } from '../../src/run/summary.js';
import { t } from '../../src/i18n/index.js';
import '../../src/i18n/messages/run.js';
import { isRoot } from '../helpers/cli.js';
import { plan, step, tempDir } from './ctx.js';

const time = '2026-11-22T10:00:00.000Z';
const steps = [
  step('manual', {}, { id: 'check', title: 'Check the connections', manual: true }),
  step('command', { argv: ['regsvr32', '-u', 'x.dll'] }, { id: 'unreg', title: 'Unregister the DLLs' }),
  step('reboot', {}, { id: 'restart', title: 'Restart the machine' }),
  step('command', { argv: ['nqsstop'] }, { id: 'nqsstop', title: 'Stop the local JobCenter service', skippable: true }),
];

/** The status cell of a step in the report's step table. */
function statusOf(report: string, id: string): string | undefined {
  const row = report.split('\n').find((l) => l.includes(`(${id}) |`));
  return row?.split(' | ')[2];
}

function report(p: Plan, events: JournalEvent[]): string {
  const runId = 'r1';
  return renderReport({ runId, file: '/logs/run-r1.jsonl', plan: p, events: [{ type: 'run-start', time, runId, plan: p }, ...events] }, runFiles('/logs', runId));
}

describe('the report of stops the operator chose', () => {
  it('a checkpoint not confirmed reads "not confirmed", a command killed by the second Ctrl-C "stopped", a real failure "failed"; in Japanese too', () => {
    const events: JournalEvent[] = [
      { type: 'step-start', time, step: 'check' },
      { type: 'step-end', time, step: 'check', status: 'failed', durationMs: 1, detail: 'not confirmed by the operator' },
      { type: 'interrupted', time, step: 'check', reason: 'the operator did not confirm the step', declined: true },
      { type: 'run-end', time, status: 'stopped' },
      { type: 'resume', time, runId: 'r1', from: 'check' },
      { type: 'step-start', time, step: 'check' },
      { type: 'step-end', time, step: 'check', status: 'done', durationMs: 1 },
      { type: 'step-start', time, step: 'unreg' },
      { type: 'step-end', time, step: 'unreg', status: 'failed', durationMs: 1, detail: 'regsvr32 was killed after the second Ctrl-C' },
      { type: 'interrupted', time, step: 'unreg', reason: 'Ctrl-C pressed twice: the running command was killed' },
      { type: 'run-end', time, status: 'stopped' },
    ];
    const en = report(plan(steps), events);
    expect(statusOf(en, 'unreg')).toBe('stopped');
    expect(en).not.toContain('## Failed attempts of steps');
    const declinedOnly = report(plan(steps), events.slice(0, 4));
    expect(statusOf(declinedOnly, 'check')).toBe('not confirmed');
    expect(statusOf(report(plan(steps, { lang: 'ja' }), events.slice(0, 4)), 'check')).toBe('未確認');
    expect(statusOf(report(plan(steps, { lang: 'ja' }), events), 'unreg')).toBe('停止');
    // A failure the operator then chose to stop at is a failure.
    const failed = report(plan(steps), [
      { type: 'step-start', time, step: 'unreg' },
      { type: 'step-end', time, step: 'unreg', status: 'failed', durationMs: 1, detail: 'regsvr32: exit code 3' },
      { type: 'run-end', time, status: 'failed' },
    ]);
    expect(statusOf(failed, 'unreg')).toBe('failed');
  });

  it('a reboot step the run stopped for reads "waiting for the reboot" until a later process goes on', () => {
    const stopped: JournalEvent[] = [
      { type: 'step-start', time, step: 'restart' },
      { type: 'step-end', time, step: 'restart', status: 'done', durationMs: 1, detail: 'reboot requested (boot_id=b1)' },
      { type: 'interrupted', time, step: 'restart', reason: 'stopped for the reboot' },
      { type: 'run-end', time, status: 'stopped' },
    ];
    expect(statusOf(report(plan(steps), stopped), 'restart')).toBe('waiting for the reboot');
    expect(statusOf(report(plan(steps, { lang: 'ja' }), stopped), 'restart')).toBe('再起動待ち');
    const resumed: JournalEvent[] = [...stopped, { type: 'resume', time, runId: 'r1', from: 'nqsstop', boot: 'b2' }];
    expect(statusOf(report(plan(steps), resumed), 'restart')).toBe('done');
  });
});

describe('the summary of a failed step', () => {
  const place = { root: '/srv/sbx', logDir: '/var/log/upgrade-wizard' };
  it('does not claim the server is as the last finished step left it: commands of the step may have run', () => {
    const text = summarize(plan(steps), { runId: 'r1', status: 'failed', reason: 'failure', step: 'unreg', error: 'cluster /unregext: exit code 1' }, place).lines.join('\n');
    expect(text).not.toContain('state of the last finished step');
    expect(text).toContain('This one did not complete, and some of its commands may have run before the failure: the log and the Commands table of the report say which ran');
    const ja = t('run.sum.failed', { step: 'x', error: 'e' }, 'ja');
    expect(ja).not.toContain('最後に完了したステップの状態');
    expect(ja).toContain('一部のコマンドが実行された可能性があります');
  });

  it('an optional step that failed gets the --skip-step command its explanation leads to; a required one does not', () => {
    const optional = summarize(plan(steps), { runId: 'r1', status: 'failed', reason: 'failure', step: 'nqsstop', error: 'NQS daemon is not running' }, place).lines.join('\n');
    expect(optional).toContain('go on without it (recorded as skipped, not as done):\n  upgrade-wizard resume --yes --root /srv/sbx --skip-step nqsstop');
    const required = summarize(plan(steps), { runId: 'r1', status: 'failed', reason: 'failure', step: 'unreg', error: 'x' }, place).lines.join('\n');
    expect(required).not.toContain('--skip-step');
  });
});

const base = tempDir('uw-rofs-');
const ro = join(base, 'ro');
mkdirSync(ro);
const mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', ro]).status === 0;
afterAll(() => {
  if (mounted) execFileSync('umount', [ro]);
});

describe.runIf(mounted)('a log dir on a read-only file system', () => {
  it('is called read-only, for the directory and for one to be made under it, with the advice that fits', () => {
    for (const dir of [ro, join(ro, 'sub/logs')]) {
      let message = '';
      try {
        ensureLogDir(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(`the log directory ${dir} cannot be written: the file system of ${ro} is mounted read-only (EROFS)`);
      expect(message).toContain('Give a directory on a writable file system with --log-dir DIR');
      expect(message).not.toContain('Run as root');
      expect(message).not.toContain('ENOENT');
    }
  });
});
