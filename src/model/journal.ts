// Journal events: one JSON object per line in the run's journal file. The journal is
// the source of truth for resume (which steps finished) and for the report.
import type { Plan } from './plan.js';

export type JournalEvent =
  /** envPrefix: what the commands shown to continue or go back need before them (the demo's stand-ins on PATH). */
  /** boot: the kernel's boot id when the process started (src/run/boot-id.ts); absent in older journals. */
  | { type: 'run-start'; time: string; runId: string; plan: Plan; envPrefix?: string; boot?: string }
  /**
   * A later process continues the same run (after a stop, a crash or a reboot). withoutReboot:
   * the run had stopped for that reboot step and the machine had not restarted since; it went on anyway.
   */
  | { type: 'resume'; time: string; runId: string; from?: string; boot?: string; withoutReboot?: { step: string; number: number; by: 'operator' | '--yes' } }
  | { type: 'step-start'; time: string; step: string }
  /**
   * A command was started, in its own process group (pgid, its pid): written before it ends, so
   * that after a kill -9 of the wizard a later process can tell whether the command still runs
   * (src/run/live-command.ts). started: its start time in clock ticks since boot (field 22 of
   * /proc/PID/stat), boot: the boot id then; both tell a reused number apart. Absent in older journals.
   */
  | { type: 'command-start'; time: string; step: string; argv: string[]; pgid: number; started?: string; boot?: string }
  /**
   * A command ended. signal: what ended it, when a signal did. spawnError: it never started
   * (ENOENT, EACCES); missing: what ENOENT was missing, where the wizard could tell (the program
   * on PATH when absent). Both absent in older journals.
   */
  | { type: 'command'; time: string; step: string; argv: string[]; exitCode: number | null; durationMs: number; signal?: string; spawnError?: string; missing?: 'file' | 'interpreter' | 'cwd' }
  | { type: 'confirm'; time: string; step: string; by: 'operator' | '--yes'; item?: string; reason?: string }
  | { type: 'step-end'; time: string; step: string; status: 'done' | 'skipped' | 'failed'; durationMs: number; detail?: string }
  | { type: 'written'; time: string; step: string; file: string; backup?: string }
  | { type: 'rollback'; time: string; point: string; status: 'start' | 'done' | 'failed' }
  /**
   * declined: the operator did not accept the step (a checkpoint, a diff): nothing of it ran.
   * between: the run stopped (Ctrl-C) before step started; the one before it had ended.
   */
  | { type: 'interrupted'; time: string; step?: string; reason: string; declined?: true; between?: true }
  | { type: 'run-end'; time: string; status: 'done' | 'stopped' | 'failed' | 'rolled-back'; report?: string };
