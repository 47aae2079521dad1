// A progress bar for measurable work and a spinner for the rest. Characters, not colour,
// carry the meaning, so both read the same with NO_COLOR.
import { useEffect, useState } from 'react';
import { Text } from 'ink';
import type { Progress } from '../../model/interaction.js';
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
