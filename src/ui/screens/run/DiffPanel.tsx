// The config migration's diff before anything is written: findings, then the unified
// diff in colour (+/- carry the meaning without colour), scrollable. a writes, s stops. A
// read-only comparison (old files against new ones) is only confirmed as read.
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { useKeys } from '../../keys.js';
import { t } from '../../i18n.js';
import type { DiffReview } from '../../../model/interaction.js';
import type { PlannedStep } from '../../../model/plan.js';
import { ScrollView, scrollPosition, useScroll } from '../../components/Scroll.js';
import { para, type Line } from '../../lines.js';
import { useOnce } from '../../hooks.js';

export function diffLines(diff: string, width: number, file?: string): Line[] {
  const lines: Line[] = [];
  for (const line of diff.replace(/\n$/, '').split('\n')) {
    // The heading names the file in full: its headers keep only its name (current, new), so a
    // long path does not take the rows of the changes on a small screen.
    const raw = file !== undefined && /^(---|\+\+\+) /.test(line) ? line.replace(file, basename(file)) : line;
    const color = raw.startsWith('+++') || raw.startsWith('---')
      ? undefined
      : raw.startsWith('+')
        ? 'green'
        : raw.startsWith('-')
          ? 'red'
          : raw.startsWith('@@')
            ? 'cyan'
            : undefined;
    const bold = raw.startsWith('+++') || raw.startsWith('---');
    // A long line goes on under its own sign, so its rest never reads as a context line; a
    // header's rest goes on under its file name, so it never reads as a changed line.
    const sign = bold ? '    ' : raw.charAt(0);
    lines.push(...para(raw, width - sign.length, { color, bold }).map((l, i) => (i === 0 ? l : [{ text: sign, color, bold }, ...l])));
  }
  return lines;
}

export function DiffPanel({
  step,
  review,
  width,
  height,
  onAccept,
  onStop,
}: {
  step: PlannedStep;
  review: DiffReview;
  width: number;
  height: number;
  onAccept: () => void;
  onStop: () => void;
}) {
  const head = para(t(review.readOnly ? 'ui.diff.headRead' : 'ui.diff.head', { title: step.title, file: review.file }), width, { bold: true, color: 'cyan' }, 0, { text: '▸ ', color: 'cyan' });
  const findings: Line[] = review.findings.flatMap((f) => para(f, width, { color: 'yellow' }, 0, { text: '! ', color: 'yellow' }));
  const findingRows = Math.max(0, Math.floor(height / 3));
  // Findings beyond their share of the screen are in the log and the report.
  const shownFindings =
    findings.length > findingRows
      ? [...findings.slice(0, findingRows - 1), ...para(t('ui.diff.moreFindings', { count: findings.length - findingRows + 1 }), width, { dim: true })]
      : findings;
  const lines = diffLines(review.diff, width, review.file);
  const room = Math.max(3, height - head.length - shownFindings.length - 2);
  const offset = useScroll(lines.length, room);
  const once = useOnce();
  useKeys((input) => {
    if (input === 'a' || input === 'y') once(onAccept);
    else if (input === 's' || input === 'n') once(onStop);
  });
  const position = scrollPosition(offset, room, lines.length);
  return (
    <Box flexDirection="column">
      <ScrollView lines={[...head, ...shownFindings]} height={head.length + shownFindings.length} offset={0} />
      <Box flexDirection="column" height={room}>
        {lines.length === 0 ? <Text dimColor>{t('ui.diff.noChanges')}</Text> : <ScrollView lines={lines} height={room} offset={offset} />}
      </Box>
      <Text wrap="truncate-end">
        <Text bold>{t(review.readOnly ? 'ui.diff.readOnly' : 'ui.diff.question')}</Text>
        <Text dimColor>{position ? `  (${position})` : ''}</Text>
      </Text>
    </Box>
  );
}
