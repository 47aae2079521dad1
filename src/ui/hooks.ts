// Keys pasted or sent together arrive as several input events before React re-renders,
// so input handlers read their state from a ref that is updated at once, not from the
// (possibly stale) value captured by the last render.
import { useCallback, useRef, useState } from 'react';

export function useRefState<T>(initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}

/** A callback that runs at most once: a second Enter in the same burst must not submit twice. */
export function useOnce(): (fn: () => void) => void {
  const done = useRef(false);
  return useCallback((fn: () => void) => {
    if (done.current) return;
    done.current = true;
    fn();
  }, []);
}
