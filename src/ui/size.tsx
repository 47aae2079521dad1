// The terminal size the screens lay out for. Tests pin it (80x24) through the context;
// a real terminal is followed through resize events.
import { createContext, useContext, useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TermSize {
  columns: number;
  rows: number;
}

export const SizeContext = createContext<TermSize | undefined>(undefined);

export function useTermSize(): TermSize {
  const pinned = useContext(SizeContext);
  const { stdout } = useStdout();
  const read = (): TermSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (pinned) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stdout does not change during a session
  }, [pinned, stdout]);
  return pinned ?? size;
}
