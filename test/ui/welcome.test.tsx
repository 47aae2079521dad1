import { describe, expect, it, vi } from 'vitest';
import { Welcome } from '../../src/ui/screens/Welcome.js';
import { KEY, press, renderAt80x24, waitForFrame } from './helpers.js';

describe('welcome screen', () => {
  it('shows what was detected with its evidence, and Enter continues', async () => {
    const onContinue = vi.fn();
    const r = renderAt80x24(
      <Welcome
        root="/tmp/sbx"
        logDir="/tmp/sbx/var/log/upgrade-wizard"
        found={[{ title: 'ShareTask 5.5', items: [{ label: 'Installed version', value: '5.4.2-1', evidence: '/home/sharetask/sharetask_server -> sharetask_server-5.4.2-1' }] }]}
        onContinue={onContinue}
        onResume={() => undefined}
      />,
    );
    const frame = await waitForFrame(r, 'Installed version: 5.4.2-1');
    // Which product these answers belong to, even when it is the only one found.
    expect(frame).toMatch(/Found on this machine:\n +ShareTask 5\.5\n +• Installed version: 5\.4\.2-1/);
    expect(frame).toContain('evidence: /home/sharetask/sharetask_server -> sharetask_server-5.4.2-1');
    expect(frame).toContain('Target: the sandbox /tmp/sbx');
    expect(frame).toContain('not given (--media DIR)');
    await press(r, KEY.enter);
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it('offers to resume an interrupted run', async () => {
    const onResume = vi.fn();
    const onContinue = vi.fn();
    const r = renderAt80x24(
      <Welcome
        root=""
        logDir="/var/log/upgrade-wizard"
        found={[]}
        resume={{ product: 'ShareTask 5.5', doneCount: 7, total: 20, next: 'Switch the symlink' }}
        onContinue={onContinue}
        onResume={onResume}
      />,
    );
    const frame = await waitForFrame(r, 'An interrupted run of ShareTask 5.5 was found: 7 of 20');
    expect(frame).toContain('Next step: Switch the symlink');
    expect(frame).toContain('Nothing could be detected');
    expect(frame).toContain('› Resume the interrupted run');
    await press(r, KEY.enter);
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(onContinue).not.toHaveBeenCalled();
  });

  it('wraps a long offer to resume instead of cutting off its counts, and keeps the screen in 24 rows', async () => {
    const found = [{ title: 'ShareTask 5.5', items: Array.from({ length: 12 }, (_, i) => ({ label: `Item ${i + 1}`, value: 'v', evidence: 'e' })) }];
    const r = renderAt80x24(
      <Welcome
        root=""
        logDir="/var/log/upgrade-wizard"
        found={found}
        resume={{ product: 'JobCenter R13.2 in clusters — version-up and patch', doneCount: 7, total: 20, next: 'Register the resource DLL on the standby node', startedAt: '2026-11-22 08:00' }}
        onContinue={() => undefined}
        onResume={() => undefined}
      />,
    );
    const frame = await waitForFrame(r, '› Resume the interrupted run');
    const flat = frame.replace(/\s+/g, ' ');
    expect(flat).toContain('version-up and patch was found: 7 of 20 steps finished.');
    expect(flat).toContain('The run started 2026-11-22 08:00. Next step: Register the resource DLL on the standby node');
    expect(frame).not.toContain('…');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
