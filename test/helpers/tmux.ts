// The real binary in a real terminal: a detached tmux session of a given size on a private
// tmux server, keys sent with send-keys, the screen read with capture-pane. Waiting is a
// bounded poll for a text, never a fixed sleep. Commands are argv (tmux runs them with execvp).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

// The exit status is written by a small sh wrapper, not read from tmux: tmux 3.3 can mark a
// pane dead (its pty closed) without ever filling in #{pane_dead_status}, which read as 0.
// The trap keeps sh waiting if a SIGINT reaches the process group; the program itself gets
// the default disposition back at exec, so it sees signals exactly as it would alone.
const WRAPPER = 'trap : INT; "$@"; echo "$?" > "$0"';
// For hangUp(): sh outlives the closed terminal too, to write the program's exit status.
const WRAPPER_HUP = 'trap : INT HUP; "$@"; echo "$?" > "$0"';

/** Whether tmux is installed, for `describe.skipIf(!hasTmux)`. */
export const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export interface TmuxOptions {
  width?: number;
  height?: number;
  cwd?: string;
  /** A clean environment: argv runs under `env -i` with only these variables, in this order. */
  env?: Record<string, string>;
  /** The default bound of waitFor (30 s unless told). */
  waitTimeoutMs?: number;
  /** The exit status is still written after hangUp(). */
  keepStatusOnHangup?: boolean;
}

let counter = 0;
const live = new Set<Tmux>();

export class Tmux {
  private constructor(
    readonly socket: string,
    readonly name: string,
    private readonly waitTimeoutMs: number,
    private readonly statusFile: string,
  ) {}

  /** Starts argv in a new session; the pane stays after the program ends, to read its last words. */
  static async start(argv: string[], options: TmuxOptions = {}): Promise<Tmux> {
    counter += 1;
    const id = `uw-${process.pid}-${Date.now().toString(36)}-${counter}`;
    const t = new Tmux(id, id, options.waitTimeoutMs ?? 30000, join(tmpdir(), `${id}.status`));
    const size = ['-x', String(options.width ?? 80), '-y', String(options.height ?? 24)];
    const command = options.env ? ['env', '-i', ...Object.entries(options.env).map(([k, v]) => `${k}=${v}`), ...argv] : argv;
    live.add(t);
    await t.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', t.name, ...size, ...(options.cwd ? ['-c', options.cwd] : []), 'sh', '-c', options.keepStatusOnHangup ? WRAPPER_HUP : WRAPPER, t.statusFile, ...command, ';', 'set-option', '-t', t.name, 'remain-on-exit', 'on']);
    return t;
  }

  private async tmux(args: string[]): Promise<string> {
    const r = await execa('tmux', ['-L', this.socket, ...args], { stdin: 'ignore' });
    return r.stdout;
  }

  /** Keys by tmux name (Enter, Space, Up, PageDown, C-c...), one send-keys per key. */
  async keys(...keys: string[]): Promise<void> {
    for (const k of keys) await this.tmux(['send-keys', '-t', this.name, k]);
  }

  /** Literal text, typed as is. */
  async type(text: string): Promise<void> {
    await this.tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /** The visible screen as plain text. */
  screen(): Promise<string> {
    return this.tmux(['capture-pane', '-p', '-t', this.name]);
  }

  /** The visible screen with its escape sequences (colours, attributes). */
  screenWithEscapes(): Promise<string> {
    return this.tmux(['capture-pane', '-p', '-e', '-t', this.name]);
  }

  /** Everything the pane showed, history included, wrapped lines joined. */
  history(): Promise<string> {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.name]);
  }

  /**
   * Polls (bounded) until the screen matches; returns it, or throws with the last screen. The
   * screen returned is a settled one: a frame taller than the pty's buffer arrives in parts, and
   * a capture between them has the matched line but not the text below it.
   */
  async waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs = this.waitTimeoutMs): Promise<string> {
    const ok = typeof match === 'string' ? (s: string) => s.includes(match) : match instanceof RegExp ? (s: string) => match.test(s) : match;
    const until = Date.now() + timeoutMs;
    let matched: string | undefined;
    let settling = 0;
    for (;;) {
      const screen = await this.screen();
      // The same matching screen twice in a row; a spinner that never lets it settle gets a few tries.
      if (ok(screen)) {
        if (screen === matched || settling === 10) return screen;
        matched = screen;
        settling += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      matched = undefined;
      if (Date.now() > until) throw new Error(`tmux: the screen never showed ${String(match)}; it shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A wizard checkpoint: waits until it is the current step (`▸ N. [manual] title`), ticks its items (Space, Down each), confirms. */
  async checkpoint(title: string, items = 1): Promise<void> {
    await this.waitFor(new RegExp(`▸ +\\d+\\. \\[manual\\] ${title.replace(/[()]/g, '\\$&')}`));
    await this.keys(...Array.from({ length: items }, () => ['Space', 'Down']).flat(), 'Enter');
  }

  /** The exit status once the program has ended (bounded wait). */
  async exitStatus(timeoutMs = 30000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      let status = '';
      try {
        status = readFileSync(this.statusFile, 'utf8').trim();
      } catch {
        // not written yet: the program is still running
      }
      if (status !== '') return Number(status);
      if (Date.now() > until) throw new Error(`tmux: the program did not end; the screen shows:\n${await this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }


  /** Kills every session started and not killed yet (for afterEach/afterAll). */
  static async killAll(): Promise<void> {
    for (const t of [...live]) await t.kill();
  }

  /** The terminal goes away under the program, as when an SSH session drops (it gets no SIGHUP: it leads no session). */
  async hangUp(): Promise<void> {
    await this.kill();
  }

  async kill(): Promise<void> {
    live.delete(this);
    await execa('tmux', ['-L', this.socket, 'kill-server'], { stdin: 'ignore', reject: false });
  }
}
