// Commands on the screens are copied into a shell: they break only between arguments. And a
// Japanese line never ends on an opening bracket.
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/ui/screens/Summary.js';
import { planLines } from '../../src/ui/planLines.js';
import { oneLine, wrap, wrapCommand } from '../../src/ui/text.js';
import { renderAt80x24, samplePlan, step, waitForFrame } from './helpers.js';

const RESUME = 'upgrade-wizard resume --root /tmp/uw-groupmax-YYGzim/root --log-dir /tmp/uw-groupmax-YYGzim/logs';

describe('wrapCommand', () => {
  it('breaks only at spaces between arguments, never inside a path, nor between an option and its value', () => {
    const rows = wrapCommand(RESUME, 76);
    expect(rows).toEqual(['upgrade-wizard resume --root /tmp/uw-groupmax-YYGzim/root', '--log-dir /tmp/uw-groupmax-YYGzim/logs']);
  });

  it('keeps a quoted argument with spaces (POSIX and cmd quoting, an escaped quote) whole', () => {
    const command = `PATH='/tmp/a b':/usr/bin upgrade-wizard --set 'note=it'\\''s here' --root "C:\\Program Files\\x"`;
    const rows = wrapCommand(command, 30);
    expect(rows).toEqual([`PATH='/tmp/a b':/usr/bin`, 'upgrade-wizard', `--set 'note=it'\\''s here'`, '--root "C:\\Program Files\\x"']);
    expect(rows.join(' ')).toBe(command);
  });

  it('cuts an argument wider than the screen into full rows, as the terminal would', () => {
    const long = `/${'d'.repeat(45)}`;
    expect(wrapCommand(`ls ${long}`, 20)).toEqual(['ls', long.slice(0, 20), long.slice(20, 40), long.slice(40)]);
  });
});

describe('the summary at 80 columns', () => {
  it('shows a resume command in whole arguments, indented, so that a copy of it still works', async () => {
    const outcome = {
      status: 'stopped' as const,
      exitCode: 0,
      forReboot: true,
      backups: [],
      lines: [`The run stopped for the restart of step 4: afterwards continue with:\n  ${RESUME}`],
    };
    const r = renderAt80x24(<Summary outcome={outcome} againCommand="upgrade-wizard --root /tmp/uw-groupmax-YYGzim/root" onExit={() => undefined} />);
    const frame = await waitForFrame(r, 'afterwards continue with:');
    expect(frame).toContain('   upgrade-wizard resume --root /tmp/uw-groupmax-YYGzim/root \\\n   --log-dir /tmp/uw-groupmax-YYGzim/logs');
    expect(frame).not.toMatch(/\/tmp\/\n/);
  });

  it('the plan review shows a step command the same way', () => {
    const plan = samplePlan({ steps: [step('x', { commands: [['/opt/groupmax/bin/advup2_6', '--data-dir', '/var/opt/groupmax/master-management-server/data']] })] });
    const rows = planLines(plan, 78).map((line) => line.map((seg) => seg.text).join(''));
    const at = rows.findIndex((row) => row.includes('$ /opt/groupmax'));
    expect(rows.slice(at, at + 2)).toEqual(['     $ /opt/groupmax/bin/advup2_6 \\', '       --data-dir /var/opt/groupmax/master-management-server/data']);
  });
});

describe('Japanese line breaks', () => {
  it('never leaves 「 at the end of a line before a Latin word', () => {
    const text = 'IPF で 32bit エミュレーション環境から 64bit ネイティブ環境へ移行する場合は「IPF(32bit emulation)」を選んでください。';
    // At 78 columns "「" was the last character of the first line.
    expect(wrap(text, 78)).toEqual(['IPF で 32bit エミュレーション環境から 64bit ネイティブ環境へ移行する場合は', '「IPF(32bit emulation)」を選んでください。']);
    for (let width = 20; width <= 90; width++) for (const line of wrap(text, width)) expect(line.endsWith('「')).toBe(false);
  });
});

describe('oneLine', () => {
  it('joins the lines of an error detail for a row of its own', () => {
    expect(oneLine('advup2_6: exit code 3\nKAKD012-E: could not convert\n')).toBe('advup2_6: exit code 3 · KAKD012-E: could not convert');
  });
});
