// A progress bar for measurable work and a spinner for the rest. Characters, not colour,
// carry the meaning, so both read the same with NO_COLOR.
import { useEffect, useState } from 'react';
import { Text } from 'ink';
import type { Progress } from '../../model/interaction.js';
import { t } from '../i18n.js';
import { formatBytes } from '../text.js';

const FRAMES = ['|', '/', '-', '\\'];

export function Spinner() {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 120);
    return () => clearInterval(timer);
  }, []);
  return <Text color="cyan">{FRAMES[frame]}</Text>;
}

function amount(n: number, unit: Progress['unit']): string {
  if (unit === 'bytes') return formatBytes(n);
  if (unit === 'seconds') return `${n}s`;
  return String(n);
}

export function progressText(p: Progress): string {
  if (p.total === undefined || p.total <= 0) return amount(p.done, p.unit);
  return `${amount(p.done, p.unit)} / ${amount(p.total, p.unit)}`;
}

export function ProgressBar({ progress, width = 30 }: { progress: Progress; width?: number }) {
  const total = progress.total ?? 0;
  const ratio = total > 0 ? Math.min(1, Math.max(0, progress.done / total)) : 0;
  const filled = Math.round(ratio * width);
  return (
    <Text>
      <Text color="green">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text>{` ${String(Math.floor(ratio * 100)).padStart(3)}%  ${progressText(progress)}`}</Text>
    </Text>
  );
}

/** A duration as the screens say it: "5s", "1m05s", "1h02m05s" (ja "5秒", "1分05秒", "1時間02分05秒"). */
export function elapsedText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return t('ui.elapsed.hms', { h, m: two(m), s: two(s) });
  if (m > 0) return t('ui.elapsed.ms', { m, s: two(s) });
  return t('ui.elapsed.s', { s });
}

/**
 * The time since `since`, redrawn once a second (no more: a long command's screen is otherwise
 * still, and each redraw of it goes down an SSH line). A command that only says "working…"
 * for minutes looked hung.
 */
export function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return <Text dimColor>{elapsedText(now - since)}</Text>;
}
