// Keyboard input for the screens. Ink's useInput subscribes in a passive effect, which can
// run well after a new prompt is on screen: a key sent right then (tmux send-keys, a fast
// typist, a paste) would reach the previous prompt. Here one Ink subscription at the root
// dispatches to handlers registered in layout effects, which run as the screen commits.
// Keys that arrive together ("abc\r", "y\r" over a slow link) are split into keys again and
// handed out one at a time, each after the screen has caught up with the one before, so an
// Enter in the middle reaches the prompt it was meant for.
import { createContext, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

/** One key for a control character of a merged string, as Ink would have reported it alone. */
function controlKey(ch: string): [string, Key] {
  if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
  if (ch === '\u007F') return ['', { ...NO_KEY, delete: true }];
  if (ch === '\b') return ['', { ...NO_KEY, backspace: true }];
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\u001B') return ['', { ...NO_KEY, escape: true, meta: true }];
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return ['', NO_KEY];
}

type KeyEvent = [string, Key];

/**
 * Splits what Ink read at once into keys: "y\r" is y then Enter, "   " three spaces. Each
 * control key is a group of its own; a run of characters is one group of single keys.
 * Groups are handed out one per turn, so each control key meets the screen it was meant for.
 */
export function splitKeys(input: string, key: Key): KeyEvent[][] {
  if (input.length < 2) return [[[input, key]]];
  const groups: KeyEvent[][] = [];
  let run: KeyEvent[] = [];
  for (const ch of input) {
    if (!CONTROL.test(ch)) {
      run.push([ch, NO_KEY]);
      continue;
    }
    if (run.length > 0) groups.push(run);
    run = [];
    groups.push([controlKey(ch)]);
  }
  if (run.length > 0) groups.push(run);
  return groups;
}

/** How long to wait for the screen after keys that turned out to change nothing. */
const IDLE_MS = 40;

const routers = new Set<KeyRouter>();

/** Resolves once every key received so far has been handed out and its screen committed. */
export async function keysSettled(): Promise<void> {
  while ([...routers].some((r) => r.busy)) await new Promise((resolve) => setTimeout(resolve, 5));
}

class KeyRouter {
  private readonly handlers = new Set<{ current: KeyHandler }>();
  private readonly queue: KeyEvent[][] = [];
  private draining = false;
  private waiting: ReturnType<typeof setTimeout> | undefined;
  private sawCommit = false;
  get busy(): boolean {
    return this.draining;
  }
  add(entry: { current: KeyHandler }): () => void {
    this.handlers.add(entry);
    return () => this.handlers.delete(entry);
  }
  receive(input: string, key: Key): void {
    this.queue.push(...splitKeys(input, key));
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => this.drain());
  }
  /** Called by every screen that takes keys, each time it commits. */
  committed(): void {
    this.sawCommit = true;
    if (this.waiting === undefined) return;
    clearTimeout(this.waiting);
    this.waiting = undefined;
    setImmediate(() => this.drain());
  }
  /**
   * One group of keys, then a wait until the screen has committed what they changed (React
   * renders after the handler returns, and Ink may hand over the next read before that), or a
   * moment when they changed nothing. Only then the next group, or new keys, are handed out.
   */
  private drain(): void {
    const group = this.queue.shift();
    if (!group) {
      this.draining = false;
      return;
    }
    this.sawCommit = false;
    for (const [input, key] of group) this.dispatch(input, key);
    if (this.sawCommit) setImmediate(() => this.drain());
    else this.waiting = setTimeout(() => {
      this.waiting = undefined;
      this.drain();
    }, IDLE_MS);
  }
  private dispatch(input: string, key: Key): void {
    // A snapshot: handlers may unmount (and unregister) others while a key is handled.
    for (const entry of [...this.handlers]) entry.current(input, key);
  }
}

const KeyContext = createContext<KeyRouter | null>(null);

export function KeyProvider({ children }: { children: ReactNode }) {
  const router = useMemo(() => new KeyRouter(), []);
  useLayoutEffect(() => {
    routers.add(router);
    return () => void routers.delete(router);
  }, [router]);
  useInput((input, key) => router.receive(input, key));
  return <KeyContext.Provider value={router}>{children}</KeyContext.Provider>;
}

/** Like Ink's useInput, but active from the moment the component is on screen. */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const isActive = options.isActive ?? true;
  const router = useContext(KeyContext);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
    router?.committed();
  });
  useLayoutEffect(() => {
    if (!router || !isActive) return;
    return router.add({ current: (input, key) => latest.current(input, key) });
  }, [router, isActive]);
  // Outside a KeyProvider (a component rendered on its own) Ink's own hook does the work.
  useInput((input, key) => latest.current(input, key), { isActive: isActive && router === null });
}
