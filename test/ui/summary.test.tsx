import { describe, expect, it, vi } from 'vitest';
import { Summary, summaryText } from '../../src/ui/screens/Summary.js';
import { KEY, press, renderAt80x24, waitForFrame } from './helpers.js';

const again = 'upgrade-wizard --root /tmp/groupmax/root --log-dir /tmp/groupmax/log';

describe('summary', () => {
  it('gives the report, the backups and the way back after a finished run', async () => {
    const onExit = vi.fn();
    const r = renderAt80x24(
      <Summary
        outcome={{
          status: 'done',
          exitCode: 0,
          report: '/tmp/sbx/log/run-1.md',
          backups: ['/tmp/sbx/tmp/sharetask_bkup.tar.gz'],
          lines: ['Roll back with: upgrade-wizard rollback --to backup --root /tmp/sbx --yes'],
        }}
        againCommand={again}
        onExit={onExit}
      />,
    );
    const frame = await waitForFrame(r, '✓ The upgrade finished.');
    expect(frame).toContain('Report: /tmp/sbx/log/run-1.md');
    expect(frame).toContain('/tmp/sbx/tmp/sharetask_bkup.tar.gz');
    expect(frame).toContain('upgrade-wizard rollback --to backup --root /tmp/sbx --yes');
    expect(frame).not.toContain('To continue in the wizard');
    await press(r, KEY.enter);
    expect(onExit).toHaveBeenCalled();
  });

  it("says only this server's part is finished when the procedure goes on on another node", async () => {
    const outcome = { status: 'done' as const, exitCode: 0, backups: [], partDone: true, lines: ['Next: on the active node, run this wizard with role=active.'] };
    const r = renderAt80x24(<Summary outcome={outcome} againCommand={again} onExit={() => undefined} />);
    const frame = await waitForFrame(r, "✓ This server's part of the procedure is finished");
    expect(frame).not.toContain('The upgrade finished');
    expect(frame).toContain('Next: on the active node, run this wizard with role=active.');
  });

  it('calls a stop for the reboot a pause, not a run cut short', async () => {
    const outcome = { status: 'stopped' as const, exitCode: 1, backups: [], forReboot: true, lines: ['The run stopped for a reboot.'] };
    const frame = await waitForFrame(renderAt80x24(<Summary outcome={outcome} againCommand={again} onExit={() => undefined} />), 'paused for the reboot');
    expect(frame).toContain('■ The run paused for the reboot the procedure asks for.');
    expect(frame).not.toContain('stopped before the end');
  });

  it('says how to resume a stopped run, on screen and in the text printed after exit', async () => {
    const outcome = { status: 'stopped' as const, exitCode: 1, backups: [], lines: ['Stopped before step symlink.', 'Resume: upgrade-wizard resume --yes --log-dir /l'] };
    const r = renderAt80x24(<Summary outcome={outcome} againCommand={again} onExit={() => undefined} />);
    const frame = await waitForFrame(r, 'The run stopped before the end.');
    expect(frame).toContain('Resume: upgrade-wizard resume --yes --log-dir /l');
    // The command on a line of its own, whole: it was cut at 80 columns after the sentence.
    expect(frame).toContain('To continue in the wizard (it offers to resume):');
    expect(frame.split('\n').map((l) => l.trim())).toContain(again);
    expect(summaryText(outcome, again)).toContain(`To continue in the wizard (it offers to resume):\n  ${again}`);
  });
});
