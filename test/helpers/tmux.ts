// The real binary in a real terminal: a detached tmux session of a given size on a private
// tmux server, keys sent with send-keys, the screen read with capture-pane. Waiting is a
// bounded poll for a text, never a fixed sleep. Commands are argv (tmux runs them with execvp).
import { execa } from 'execa';

export interface TmuxOptions {
  width?: number;
  height?: number;
  cwd?: string;
}

let counter = 0;

export class Tmux {
  private constructor(
    readonly socket: string,
    readonly name: string,
  ) {}

  /** Starts argv in a new session; the pane stays after the program ends, to read its last words. */
  static async start(argv: string[], options: TmuxOptions = {}): Promise<Tmux> {
    counter += 1;
    const id = `uw-${process.pid}-${Date.now().toString(36)}-${counter}`;
    const t = new Tmux(id, id);
    const size = ['-x', String(options.width ?? 80), '-y', String(options.height ?? 24)];
    await t.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', t.name, ...size, ...(options.cwd ? ['-c', options.cwd] : []), ...argv, ';', 'set-option', '-t', t.name, 'remain-on-exit', 'on']);
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

  /** Polls (bounded) until the screen matches; returns it, or throws with the last screen. */
  async waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs = 30000): Promise<string> {
    const ok = typeof match === 'string' ? (s: string) => s.includes(match) : match instanceof RegExp ? (s: string) => match.test(s) : match;
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (ok(screen)) return screen;
      if (Date.now() > until) throw new Error(`tmux: the screen never showed ${String(match)}; it shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The exit status once the program has ended (bounded wait). */
  async exitStatus(timeoutMs = 30000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [dead, status] = (await this.tmux(['display-message', '-p', '-t', this.name, '#{pane_dead} #{pane_dead_status}'])).split(' ');
      if (dead === '1') return Number(status);
      if (Date.now() > until) throw new Error(`tmux: the program did not end; the screen shows:\n${await this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async kill(): Promise<void> {
    await execa('tmux', ['-L', this.socket, 'kill-server'], { stdin: 'ignore', reject: false });
  }
}
