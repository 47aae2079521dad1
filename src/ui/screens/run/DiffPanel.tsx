// The config migration's diff before anything is written: findings, then the unified
// diff in colour (+/- carry the meaning without colour), scrollable. a writes, once the end
// has been on screen; s stops. A read-only comparison (old files against new ones) is only
// confirmed as read.
import { basename } from 'node:path';
import { useLayoutEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../../keys.js';
import { t } from '../../i18n.js';
import type { DiffReview } from '../../../model/interaction.js';
import type { PlannedStep } from '../../../model/plan.js';
import { ScrollView, scrollPosition, useScroll } from '../../components/Scroll.js';
import { Lines, para, type Line, type Seg } from '../../lines.js';
import { displayWidth } from '../../text.js';
import { useOnce, useRefState } from '../../hooks.js';

/** What the sign column of a diff shows on the rows that continue a long line. */
export const CONTINUED = '↪';

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
    // The rest of a long line goes on behind a continuation mark in the sign's column: under
    // its own + or - it read as a line of its own (a sudoers alias cut in two looked like two
    // added lines), under a blank as a context line. A header's rest goes on under its file name.
    const mark: Seg = bold ? { text: '    ' } : { text: CONTINUED, color, dim: true };
    lines.push(...para(raw, width - displayWidth(mark.text), { color, bold }).map((l, i) => (i === 0 ? l : [mark, ...l])));
  }
  return lines;
}

/**
 * Numbered as the run's other steps are: the operator follows the procedure by its step numbers.
 * Where it does not fit one row, the file starts a row of its own rather than break at a slash.
 */
function heading(step: PlannedStep, number: number, review: DiffReview, width: number): Line[] {
  const key = review.readOnly ? 'ui.diff.headRead' : 'ui.diff.head';
  const prefix: Seg = { text: `▸ ${String(number).padStart(2)}. `, color: 'cyan', bold: true };
  const style = { bold: true, color: 'cyan' };
  const whole = para(t(key, { title: step.title, file: review.file }), width, style, 0, prefix);
  if (whole.length === 1) return whole;
  const [before = '', after = ''] = t(key, { title: step.title, file: '\u0000' }).split('\u0000');
  const indent = displayWidth(prefix.text);
  const head = before.trimEnd() === '' ? [] : para(before.trimEnd(), width, style, 0, prefix);
  const file = para(`${review.file}${after}`, width - indent, style, 0).map((l): Line => [{ text: ' '.repeat(indent) }, ...l]);
  return head.length === 0 ? [[prefix, ...(file[0] ?? []).slice(1)], ...file.slice(1)] : [...head, ...file];
}

function questions(review: DiffReview) {
  return { question: t(review.readOnly ? 'ui.diff.readOnly' : 'ui.diff.question'), readFirst: t(review.readOnly ? 'ui.diff.readFirstRead' : 'ui.diff.readFirst') };
}

/** The rows of the question, whichever of its two forms is shown. */
function questionRows(review: DiffReview, width: number): number {
  const { question, readFirst } = questions(review);
  return Math.max(para(question, width).length, para(readFirst, width).length);
}

/** The height at which the whole review is on screen: its findings, its diff and the question. */
export function diffPanelRows(step: PlannedStep, number: number, review: DiffReview, width: number): number {
  const findings = review.findings.reduce((n, f) => n + para(f, width, {}, 0, { text: '! ' }).length, 0);
  return heading(step, number, review, width).length + findings + Math.max(1, diffLines(review.diff, width, review.file).length) + questionRows(review, width);
}

export function DiffPanel({
  step,
  number,
  review,
  width,
  height,
  onAccept,
  onStop,
  onReadToEnd,
}: {
  step: PlannedStep;
  number: number;
  review: DiffReview;
  width: number;
  height: number;
  onAccept: () => void;
  onStop: () => void;
  /** Called once the end of the diff has been on screen: from then on a accepts. */
  onReadToEnd?: () => void;
}) {
  const head = heading(step, number, review, width);
  const findings: Line[] = review.findings.flatMap((f) => para(f, width, { color: 'yellow' }, 0, { text: '! ', color: 'yellow' }));
  const findingRows = Math.max(0, Math.floor(height / 3));
  // Findings beyond their share of the screen are in the log and the report.
  const shownFindings =
    findings.length > findingRows
      ? [...findings.slice(0, findingRows - 1), ...para(t('ui.diff.moreFindings', { count: findings.length - findingRows + 1 }), width, { dim: true })]
      : findings;
  const lines = diffLines(review.diff, width, review.file);
  const { question, readFirst } = questions(review);
  const fits = Math.max(3, height - head.length - shownFindings.length - questionRows(review, width));
  // A diff longer than its rows says where the screen is and how much is below, on a row of
  // its own (the end of a long question line was cut off, and that count with it).
  const sample = t('ui.diff.more', { position: t('ui.scroll.position', { from: lines.length, to: lines.length, total: lines.length }), count: lines.length });
  const positionRows = lines.length > fits ? para(sample, width).length : 0;
  const room = Math.max(3, fits - positionRows);
  const offset = useScroll(lines.length, room);
  const atEnd = offset + room >= lines.length;
  // Accepting is offered once the end has been on screen: what is below the fold of a sudoers
  // diff is what the operator must have read before it is written.
  const [readToEnd, setReadToEnd, readToEndRef] = useRefState(atEnd);
  const [nudge, setNudge] = useState(false);
  // In a layout effect: the screen's keys line follows in the same commit, not a frame later.
  useLayoutEffect(() => {
    if (!atEnd) return;
    if (!readToEndRef.current) {
      setReadToEnd(true);
      setNudge(false);
    }
    onReadToEnd?.();
  }, [atEnd, readToEndRef, setReadToEnd, onReadToEnd]);
  const once = useOnce();
  useKeys((input) => {
    if (input === 'a' || input === 'y') {
      if (readToEndRef.current || atEnd) once(onAccept);
      else setNudge(true);
    } else if (input === 's' || input === 'n') once(onStop);
  });
  const position = scrollPosition(offset, room, lines.length);
  const positionLines =
    positionRows === 0
      ? []
      : atEnd
        ? para(t('ui.diff.end', { position }), width, { dim: true })
        : para(t('ui.diff.more', { position, count: lines.length - offset - room }), width, { color: 'yellow', bold: true });
  const questionLines = readToEnd || atEnd ? para(question, width, { bold: true }) : para(readFirst, width, { bold: true, color: nudge ? 'red' : 'yellow' });
  return (
    <Box flexDirection="column">
      <ScrollView width={width} lines={[...head, ...shownFindings]} height={head.length + shownFindings.length} offset={0} />
      <Box flexDirection="column" height={room}>
        {lines.length === 0 ? <Text dimColor>{t('ui.diff.noChanges')}</Text> : <ScrollView width={width} lines={lines} height={room} offset={offset} />}
      </Box>
      <Lines width={width} lines={[...positionLines, ...questionLines]} />
    </Box>
  );
}
