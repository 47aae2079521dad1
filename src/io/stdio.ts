// Standard output and error for the commands that print a result and end (plan, list,
// migrate-config...). Node.js makes process.stdout on first use, and for a pipe that loads
// node:net and the stream machinery, as asking node:tty whether a descriptor is a terminal does:
// together a tenth of what `plan --json` costs over Node's own start. So text goes to the
// descriptor itself while nothing has made the stream (Node.js writes pipes and files
// synchronously on POSIX too: the order is the same), and node:tty is loaded only when a
// descriptor may be a terminal.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

type Name = 'stdout' | 'stderr';

const made: Record<Name, boolean> = { stdout: false, stderr: false };
let onError: (() => void) | undefined;
let atStart: number[] | undefined;
let isatty: ((fd: number) => boolean) | undefined;

/**
 * Hands every error of standard output and error to `lost` (once it is made, the stream's), so
 * that a reader gone away never ends the process with an unhandled error.
 */
export function guardStreams(lost: () => void): void {
  if (onError !== undefined) return;
  onError = lost;
  for (const name of ['stdout', 'stderr'] as const) {
    const property = Object.getOwnPropertyDescriptor(process, name);
    const get = property?.get;
    if (get === undefined || property?.configurable !== true) {
      made[name] = true;
      process[name].on('error', lost);
      continue;
    }
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: property.enumerable ?? true,
      get() {
        const stream = get.call(process) as NodeJS.WriteStream;
        if (!made[name]) {
          made[name] = true;
          stream.on('error', lost);
        }
        return stream;
      },
    });
  }
}

/** Whether fd may be a terminal: a character device other than /dev/null (stdin of a cron job, an Ansible task). */
function mayBeTerminal(fd: number, devNull: number | undefined): boolean {
  try {
    const s = fstatSync(fd);
    return s.isCharacterDevice() && s.rdev !== devNull;
  } catch {
    return false;
  }
}

/** Notes which of standard input, output and error are terminals; called once, at start-up. */
export function startTerminals(): void {
  let devNull: number | undefined;
  try {
    devNull = process.platform === 'win32' ? undefined : statSync('/dev/null').rdev;
  } catch {
    // a chroot without /dev: every character device is asked
  }
  const candidates = [0, 1, 2].filter((fd) => process.platform === 'win32' || mayBeTerminal(fd, devNull));
  // require, not import(): the standalone executable's script has no dynamic import.
  if (candidates.length > 0) isatty = (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty;
  atStart = candidates.filter((fd) => isatty?.(fd) === true);
}

/** Whether a terminal the wizard was started in has gone away (hung up: an SSH session dropped). */
export function terminalGone(): boolean {
  // node:tty is loaded whenever a descriptor was a terminal at the start.
  return (atStart ?? []).some((fd) => isatty?.(fd) !== true);
}

/** Whether fd was a terminal at the start (colour or not); the stream's own answer before start-up. */
export function startedAsTerminal(fd: 1 | 2): boolean {
  if (atStart === undefined) return (fd === 1 ? process.stdout : process.stderr).isTTY === true;
  return atStart.includes(fd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function write(fd: 1 | 2, name: Name, text: string): void {
  if (made[name] || process.platform === 'win32') {
    process[name].write(text);
    return;
  }
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      // A descriptor left non-blocking by whoever started the wizard: wait for the reader.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (onError === undefined) throw error;
      onError();
      return;
    }
  }
}

/** Prints text on standard output. */
export function writeOut(text: string): void {
  write(1, 'stdout', text);
}

/** Prints text on standard error. */
export function writeErr(text: string): void {
  write(2, 'stderr', text);
}
