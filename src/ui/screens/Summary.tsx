// The end of a run: how it ended, the report, the backups, and how to go on (resume or roll
// back, in src/run's words). Enter or q leaves; the same text is printed after exit.
import { t } from '../i18n.js';
import { useKeys } from '../keys.js';
import { Frame, bodyColumns, bodyRows } from '../components/Frame.js';
import { ScrollView, scrollPosition, useScroll } from '../components/Scroll.js';
import { blank, commandPara, para, type Line } from '../lines.js';
import type { RunOutcome } from '../services.js';
import { useTermSize } from '../size.js';

const HEAD: Record<RunOutcome['status'], { key: string; color: string; mark: string }> = {
  done: { key: 'ui.summary.done', color: 'green', mark: '✓' },
  stopped: { key: 'ui.summary.stopped', color: 'yellow', mark: '■' },
  failed: { key: 'ui.summary.failed', color: 'red', mark: '✗' },
  'rolled-back': { key: 'ui.summary.rolledBack', color: 'yellow', mark: '↺' },
};

/** The summary as plain lines, also printed to the terminal after the screens close. */
export function summaryText(outcome: RunOutcome, againCommand: string): string[] {
  const head = HEAD[outcome.status];
  const key = outcome.partDone ? 'ui.summary.partDone' : outcome.forReboot ? 'ui.summary.reboot' : head.key;
  const out: string[] = [`${head.mark} ${t(key)}`];
  if (outcome.report) out.push(t('ui.summary.report', { path: outcome.report }));
  if (outcome.backups.length > 0) {
    out.push(t('ui.summary.backups'));
    for (const b of outcome.backups) out.push(`  ${b}`);
  }
  out.push(...outcome.lines);
  if (outcome.status === 'stopped' || outcome.status === 'failed') out.push(t('ui.summary.again', { command: againCommand }));
  return out;
}

export function Summary({ outcome, againCommand, onExit }: { outcome: RunOutcome; againCommand: string; onExit: () => void }) {
  const size = useTermSize();
  const width = bodyColumns(size);
  const head = HEAD[outcome.status];
  const [title = '', ...rest] = summaryText(outcome, againCommand);
  const lines: Line[] = [...para(title, width, { color: head.color, bold: true }), blank];
  // Entries may span lines; an indented line (a command, a backup's path) keeps its indent when
  // it wraps, and breaks only between arguments, so that it still works when copied.
  for (const line of rest.flatMap((text) => text.split('\n'))) {
    const indent = line.length - line.trimStart().length;
    lines.push(...(indent > 0 ? commandPara(line.trimStart(), width, {}, indent) : para(line, width)));
  }
  const height = bodyRows(size, t('ui.keys.exit'));
  const offset = useScroll(lines.length, height);
  useKeys((input, key) => {
    if (key.return || input === 'q') onExit();
  });
  return (
    <Frame title={t('ui.summary.title')} right={scrollPosition(offset, height, lines.length, true)} keys={t('ui.keys.exit')}>
      <ScrollView width={width} lines={lines} height={height} offset={offset} />
    </Frame>
  );
}
