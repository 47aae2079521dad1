// Running one argv for a step: never a shell, stdin closed (nothing may wait on a prompt),
// output streamed to the screen and the log as it comes, the exit code journaled.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { errorText, KilledByOperator, now, output, record, StepFailure, type StepContext } from './context.js';
import { materializeSecrets } from './secret-files.js';
import { bootId } from './boot-id.js';
import { groupRunning, procStat } from './proc-stat.js';
import { quoteArgv, shownArgv } from '../quote.js';
import { killedText } from './signals.js';
import { randomHex } from '../io/crypto.js';

export interface CommandResult {
  exitCode: number | null;
  signal?: string;
  /** Output as text (stdout and stderr interleaved), capped; for checks and messages. */
  output: string;
  /** Set when the program could not be started (not found, not executable). */
  spawnError?: string;
  /** What was missing when spawnError is ENOENT, where the wizard could tell. */
  missing?: { what: 'file' | 'interpreter'; path: string; interpreter?: string } | { what: 'cwd'; path: string };
}

const CAP = 1024 * 1024;
/** How often the capture file is read for new output: the latency of the screen and the log. */
const POLL_MS = 50;

export interface RunOptions {
  cwd?: string;
  /** Do not stream the output (probes whose output is only parsed). */
  quiet?: boolean;
  env?: Record<string, string>;
  /** Standard output is appended to this file (created beforehand) instead of being shown. */
  stdoutFile?: string;
}

/**
 * Where a command writes its output: a file the wizard reads as it grows, never a pipe. A pipe
 * would die with the wizard, and the command (detached, running on after a kill -9 of the
 * wizard) would get SIGPIPE at its next write: an rpm printing hash marks, mid-transaction.
 * The file is unlinked at once: the child and the reader keep it through their descriptors,
 * and the raw, unmasked output is never left on disk (nor after a kill -9). It is in the temp
 * dir, not the log dir: a full log dir must not fail the commands' writes.
 */
async function openCapture(): Promise<{ fd: number; reader: FileHandle; close(): Promise<void> }> {
  const file = join(tmpdir(), `upgrade-wizard-output-${process.pid}-${randomHex(8)}`);
  // O_EXCL: never a file or link someone put there. O_APPEND: stdout and stderr share the
  // file and each write lands at its end.
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND, 0o600);
  try {
    const reader = await open(file, 'r');
    return { fd, reader, close: () => reader.close() };
  } catch (error) {
    closeSync(fd);
    throw error;
  } finally {
    await rm(file, { force: true });
  }
}

export async function runCommand(ctx: StepContext, step: PlannedStep, argv: string[], opts: RunOptions = {}): Promise<CommandResult> {
  const started = Date.now();
  const redirect = opts.stdoutFile ? ` > ${opts.stdoutFile}` : '';
  const shown = shownArgv(argv, step);
  // The log always gets the command line (with its cwd); the screen only when not quiet.
  if (opts.quiet || opts.cwd) ctx.journal?.log(`[${step.id}] $ ${shown}${redirect}${opts.cwd ? `   (cwd ${opts.cwd})` : ''}`);
  if (!opts.quiet) {
    ctx.interaction.onOutput?.(step, ctx.redact.text(`$ ${shown}${redirect}`));
    if (!opts.cwd) ctx.journal?.log(`[${step.id}] $ ${ctx.redact.text(shown)}${redirect}`);
  }
  // The journal and the log keep {secret-file:ID}; only the child sees the file's path.
  const secret = await materializeSecrets(ctx, argv);
  const [realFile, ...realArgs] = secret.argv as [string, ...string[]];
  let capture: Awaited<ReturnType<typeof openCapture>>;
  let stdoutFd: number | undefined;
  try {
    try {
      capture = await openCapture();
    } catch (error) {
      throw new StepFailure(t('run.cmd.noCapture', { command: shown, dir: tmpdir(), reason: (error as NodeJS.ErrnoException).code ?? errorText(error) }));
    }
    try {
      if (opts.stdoutFile) stdoutFd = openSync(opts.stdoutFile, 'a', 0o600);
    } catch (error) {
      closeSync(capture.fd);
      await capture.close();
      throw error;
    }
  } catch (error) {
    await secret.cleanup();
    throw error;
  }
  let child: ChildProcess;
  try {
    child = spawn(realFile, realArgs, {
      cwd: opts.cwd,
      // Added to the wizard's environment, not instead of it.
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
      stdio: ['ignore', stdoutFd ?? capture.fd, capture.fd],
      // Its own process group: the terminal's Ctrl-C reaches only the wizard, which lets the
      // running step finish; the second Ctrl-C kills the whole group (killGroupOnAbort).
      detached: true,
    });
  } catch (error) {
    await capture.close();
    await secret.cleanup();
    throw error;
  } finally {
    // The child has its own copies; the wizard only reads.
    closeSync(capture.fd);
    if (stdoutFd !== undefined) closeSync(stdoutFd);
  }
  // A program that cannot be started gives 'error' and no 'exit'.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>((done) => {
    child.on('error', (error) => done({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  // Before it can end: after a kill -9 of the wizard the journal still names the group that
  // runs on (detached), for resume and rollback to wait for (src/run/live-command.ts).
  if (child.pid !== undefined) {
    const started = procStat(child.pid)?.started;
    const boot = bootId();
    record(ctx, { type: 'command-start', time: now(), step: step.id, argv, pgid: child.pid, ...(started ? { started } : {}), ...(boot ? { boot } : {}) });
  }
  const killer = killGroupOnAbort(child.pid, ctx.kill);
  let captured = '';
  // Whole lines only, so the log never splits a line between two time stamps.
  const decoder = new TextDecoder();
  let pending = '';
  const take = (chunk: Uint8Array): void => {
    const text = decoder.decode(chunk, { stream: true });
    if (captured.length < CAP) captured += text;
    pending += text;
    const cut = pending.lastIndexOf('\n');
    if (cut === -1) return;
    if (!opts.quiet) output(ctx, step, pending.slice(0, cut));
    pending = pending.slice(cut + 1);
  };
  const buffer = Buffer.alloc(64 * 1024);
  let position = 0;
  const drain = async (): Promise<void> => {
    for (;;) {
      const { bytesRead } = await capture.reader.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      take(buffer.subarray(0, bytesRead));
    }
  };
  let ended = false;
  const end = exited.finally(() => {
    ended = true;
  });
  // The command's end is its own exit: a daemon it started that kept the output open (an init
  // script without redirections) no longer holds the step, as it held the pipe.
  const streaming = (async () => {
    while (!ended) {
      await drain();
      await Promise.race([sleep(POLL_MS), end]);
    }
  })();
  // A read error surfaces when the streaming is awaited below, not as an unhandled rejection.
  streaming.catch(() => undefined);
  let result: Awaited<typeof exited>;
  try {
    result = await end;
    await streaming;
    await drain();
  } finally {
    await capture.close();
    await killer.done();
    await secret.cleanup();
  }
  const rest = pending + decoder.decode();
  if (rest !== '' && !opts.quiet) output(ctx, step, rest);
  const durationMs = Date.now() - started;
  const exitCode = result.code;
  const signal = result.signal ?? undefined;
  const spawnError = result.error ? (result.error.code ?? result.error.message) : undefined;
  const missing = spawnError === 'ENOENT' ? whatIsMissing(realFile, opts.cwd) : undefined;
  // Why there is no exit code, for the report: not started (and what was missing), or a signal.
  const notStarted = spawnError === undefined ? {} : { spawnError, ...(missing ? { missing: missing.what } : {}) };
  record(ctx, { type: 'command', time: now(), step: step.id, argv, exitCode, durationMs, ...(signal ? { signal } : {}), ...notStarted });
  const r: CommandResult = { exitCode, signal, output: captured, spawnError, ...(missing ? { missing } : {}) };
  // A program that never ran has no exit to log ("exit ENOENT" read as the program's own code).
  const endLine = spawnError === undefined ? t('run.log.exit', { code: exitCode ?? signal ?? '?', seconds: (durationMs / 1000).toFixed(1) }) : t('run.log.notStarted', { reason: describeFailure(argv, r) });
  ctx.journal?.log(`[${step.id}] ${endLine}`);
  if (killer.killed()) throw new KilledByOperator(killedText(ctx.kill, shown));
  return r;
}

/**
 * ENOENT from a spawn is any of three things: the program, the directory to run it in, or the
 * interpreter its #! line names (the kernel says ENOENT though the script is there).
 */
function whatIsMissing(file: string, cwd: string | undefined): CommandResult['missing'] {
  if (cwd !== undefined && !existsSync(cwd)) return { what: 'cwd', path: resolve(cwd) };
  // A bare name was looked up on PATH: not found there is what the message says already.
  if (!file.includes('/')) return undefined;
  const path = resolve(cwd ?? process.cwd(), file);
  if (!existsSync(path)) return { what: 'file', path };
  const interpreter = /^#!\s*(\S+)/.exec(firstLine(path))?.[1];
  return interpreter ? { what: 'interpreter', path, interpreter } : undefined;
}

function firstLine(path: string): string {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(256);
      return head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8').split('\n')[0] ?? '';
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** After SIGTERM, how long a command's process group has to end before it gets SIGKILL. */
export const KILL_GRACE_MS = 3000;
/** After the SIGKILL, how long the wizard waits for the group to be gone before it goes on. */
const SETTLE_MS = 2000;

/** Signals a whole process group; false when none of it is left (ESRCH). */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * The second Ctrl-C for a child started with `detached: true` (its own process group, whose id
 * is its pid): SIGTERM to the whole group, SIGKILL after KILL_GRACE_MS to whatever is left.
 * Killing only the child is not enough: a script's own children (a `sleep`, a tool it waits
 * for) keep running, hold its output pipe open, and the wizard would wait for them.
 * Call done() once the command has ended, and await it: after a kill it settles only when
 * nothing of the group runs any more, so "killed" on the screen is true when it is shown.
 */
export function killGroupOnAbort(pid: number | undefined, signal: AbortSignal | undefined): { killed: () => boolean; done: () => Promise<void> } {
  let killed = false;
  let force: NodeJS.Timeout | undefined;
  const kill = (): void => {
    if (killed || pid === undefined) return;
    killed = true;
    signalGroup(pid, 'SIGTERM');
    // Not unref'd: a member that ignores SIGTERM must not outlive the wizard as an orphan.
    force = setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
  };
  if (signal?.aborted) kill();
  else signal?.addEventListener('abort', kill, { once: true });
  return {
    killed: () => killed,
    async done() {
      signal?.removeEventListener('abort', kill);
      if (!force) return;
      // The child's end is not its group's: a member that let go of the output (or ignored
      // SIGTERM) still runs, and a signalled process ends only when next scheduled. Bounded:
      // one stuck in the kernel (a hung NFS mount) ignores even SIGKILL.
      const stillRuns = () => signalGroup(pid as number, 0) && groupRunning(pid as number) !== false;
      const until = Date.now() + KILL_GRACE_MS + SETTLE_MS
      while (stillRuns() && Date.now() < until) await sleep(25);
      // Whatever is left still gets the SIGKILL.
      if (!stillRuns()) clearTimeout(force);
    },
  };
}

/** A one-line reason for a failed command, with the tail of its output. */
export function describeFailure(argv: string[], r: CommandResult): string {
  if (r.missing?.what === 'cwd') return t('run.cmd.noCwd', { command: quoteArgv(argv), cwd: r.missing.path });
  if (r.missing?.what === 'file') return t('run.cmd.noSuchFile', { command: argv[0] ?? '', path: r.missing.path });
  if (r.missing?.what === 'interpreter') return t('run.cmd.noInterpreter', { command: argv[0] ?? '', path: r.missing.path, interpreter: r.missing.interpreter ?? '' });
  if (r.spawnError === 'ENOENT') return t('run.cmd.notFound', { command: argv[0] ?? '' });
  if (r.spawnError) return t('run.cmd.spawn', { command: quoteArgv(argv), reason: r.spawnError });
  const tail = r.output.trimEnd().split('\n').slice(-5).join('\n');
  const how = r.signal ? t('run.cmd.signal', { signal: r.signal }) : t('run.cmd.exit', { code: r.exitCode ?? '?' });
  return `${quoteArgv(argv)}: ${how}${tail ? `\n${tail}` : ''}`;
}
