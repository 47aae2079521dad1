import { describe, expect, it, vi } from 'vitest';
import { PlanReview } from '../../src/ui/screens/PlanReview.js';
import { keysSettled, splitKeys } from '../../src/ui/keys.js';
import { press, renderAt80x24, samplePlan, waitForFrame } from './helpers.js';

const none = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };

describe('keys that arrive together', () => {
  it('are split into the keys they were: text runs, Enter, Backspace', () => {
    const groups = splitKeys('ab\r\u007Fc', none);
    expect(groups.map((g) => g.map(([input, key]) => (key.return ? '<Enter>' : key.delete ? '<BS>' : input)))).toEqual([['a', 'b'], ['<Enter>'], ['<BS>'], ['c']]);
    expect(splitKeys('x', none)).toEqual([[['x', none]]]);
  });

  it('reach the prompt they were meant for, even when sent before the screen redrew', async () => {
    const onStart = vi.fn();
    const r = renderAt80x24(<PlanReview plan={samplePlan()} product="P" target="/tmp/sbx" onStart={onStart} />);
    await waitForFrame(r, 'Press Enter to start');
    await press(r);
    // As tmux or a slow link delivers "Enter y Enter": two reads in one go, no redraw between.
    r.stdin.write('\r');
    r.stdin.write('y\r');
    await new Promise((resolve) => setImmediate(resolve));
    await keysSettled();
    expect(onStart).toHaveBeenCalledTimes(1);
  });
});
