// Running one argv for a step: never a shell, stdin closed (nothing may wait on a prompt),
// output streamed to the screen and the log as it comes, the exit code journaled.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { KilledByOperator, now, output, record, type StepContext } from './context.js';
import { materializeSecrets } from './secret-files.js';
import { bootId } from './boot-id.js';
import { groupRunning, procStat } from './proc-stat.js';
import { quoteArgv, shownArgv } from '../quote.js';

export interface CommandResult {
  exitCode: number | null;
  signal?: string;
  /** Output as text (stdout and stderr interleaved), capped; for checks and messages. */
  output: string;
  /** Set when the program could not be started (not found, not executable). */
  spawnError?: string;
}

const CAP = 1024 * 1024;

export interface RunOptions {
  cwd?: string;
  /** Do not stream the output (probes whose output is only parsed). */
  quiet?: boolean;
  env?: Record<string, string>;
  /** Standard output is appended to this file (created beforehand) instead of being shown. */
  stdoutFile?: string;
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
  // Imported when a command runs: execa and its dependencies cost the first screen ~10% of its time.
  const { execa } = await import('execa');
  const child = execa(realFile, realArgs, {
    cwd: opts.cwd,
    env: opts.env,
    stdin: 'ignore',
    ...(opts.stdoutFile ? { stdout: { file: opts.stdoutFile, append: true } } : {}),
    buffer: false,
    reject: false,
    // Its own process group: the terminal's Ctrl-C reaches only the wizard, which lets the
    // running step finish; the second Ctrl-C kills the whole group (killGroupOnAbort).
    detached: true,
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
  const streams = { out: { decoder: new TextDecoder(), pending: '' }, err: { decoder: new TextDecoder(), pending: '' } };
  const take = (which: 'out' | 'err') => (chunk: Buffer) => {
    const s = streams[which];
    const text = s.decoder.decode(chunk, { stream: true });
    if (captured.length < CAP) captured += text;
    s.pending += text;
    const cut = s.pending.lastIndexOf('\n');
    if (cut === -1) return;
    if (!opts.quiet) output(ctx, step, s.pending.slice(0, cut));
    s.pending = s.pending.slice(cut + 1);
  };
  // execa still offers a stream of output it writes to a file: reading it would show the dump.
  if (!opts.stdoutFile) child.stdout?.on('data', take('out'));
  child.stderr?.on('data', take('err'));
  const result = await child.finally(async () => {
    await killer.done();
    await secret.cleanup();
  });
  for (const s of Object.values(streams)) {
    const rest = s.pending + s.decoder.decode();
    if (rest !== '' && !opts.quiet) output(ctx, step, rest);
  }
  const durationMs = Date.now() - started;
  const exitCode = result.exitCode ?? null;
  const signal = result.signal ?? undefined;
  record(ctx, { type: 'command', time: now(), step: step.id, argv, exitCode, durationMs, ...(signal ? { signal } : {}) });
  ctx.journal?.log(`[${step.id}] ${t('run.log.exit', { code: exitCode ?? signal ?? '?', seconds: (durationMs / 1000).toFixed(1) })}`);
  if (killer.killed()) throw new KilledByOperator(t('run.killed', { command: shown }));
  const cause = (result as { cause?: { code?: string } }).cause;
  const spawnError = exitCode === null && !signal ? (cause?.code ?? result.shortMessage ?? 'spawn failed') : undefined;
  return { exitCode, signal, output: captured, spawnError };
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
  if (r.spawnError === 'ENOENT') return t('run.cmd.notFound', { command: argv[0] ?? '' });
  if (r.spawnError) return t('run.cmd.spawn', { command: quoteArgv(argv), reason: r.spawnError });
  const tail = r.output.trimEnd().split('\n').slice(-5).join('\n');
  const how = r.signal ? t('run.cmd.signal', { signal: r.signal }) : t('run.cmd.exit', { code: r.exitCode ?? '?' });
  return `${quoteArgv(argv)}: ${how}${tail ? `\n${tail}` : ''}`;
}
