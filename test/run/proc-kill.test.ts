// The second Ctrl-C kills the running command's whole process tree: a script's own children
// (here a `sleep 60`) must not be left running, nor keep the wizard waiting on their output.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/model/journal.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { execute } from '../../src/run/executor.js';
import { readJournal } from '../../src/run/journal.js';
import { watchInterrupts } from '../../src/run/signals.js';
import { plan, Recorder, step, tempDir } from './ctx.js';

/** Running, and not a zombie waiting to be reaped (an ended process, whoever its parent is). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const dir = tempDir('uw-kill-');
const bin = join(dir, 'bin');
const savedPath = process.env.PATH;
const started: number[] = [];

beforeAll(() => {
  mkdirSync(bin);
  // Stand-ins on PATH, as the vendor's scripts would be: each starts a child, writes its pid
  // to the file named by $1, says "ready" once the child is sleep (not the shell forked to
  // start it, which a kill could catch before its redirections or its trap), and waits.
  const ready = 'echo $! > "$1"\nuntil [ "$(cat /proc/$!/comm)" = sleep ]; do :; done\necho ready\nwait\n';
  const scripts: Record<string, string> = {
    // The reported case: the child inherits the script's output pipe.
    'long-job': 'sleep 60 &',
    // The child lets go of the output: killing the script alone would leave it running.
    'quiet-job': 'sleep 60 >/dev/null 2>&1 &',
    // The child ignores SIGTERM: only the SIGKILL after the grace ends it.
    'stubborn-job': '(trap "" TERM; exec sleep 60) &',
  };
  for (const [name, start] of Object.entries(scripts)) writeFileSync(join(bin, name), `#!/bin/sh\n${start}\n${ready}`);
  // The child lets go of the output and takes half a second to end after SIGTERM (a service
  // shutting down cleanly): the script itself is gone long before it.
  writeFileSync(
    join(bin, 'slow-to-end-job'),
    '#!/bin/sh\n(trap "sleep 0.5; exit 0" TERM; : > "$1.up"; while :; do sleep 0.05; done) >/dev/null 2>&1 &\necho $! > "$1"\nuntil [ -e "$1.up" ]; do :; done\necho ready\nwait\n',
  );
  for (const name of [...Object.keys(scripts), 'slow-to-end-job']) chmodSync(join(bin, name), 0o755);
  process.env.PATH = `${bin}:${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
});
afterEach(() => {
  // A failing test must not leave its sleep behind.
  for (const pid of started.splice(0)) if (running(pid)) process.kill(pid, 'SIGKILL');
});

/** Runs one step of `name`; presses Ctrl-C twice (real SIGINTs to this process) once it is ready. */
async function runAndPressCtrlCTwice(name: string) {
  const pidFile = join(dir, `${name}.pid`);
  const logDir = join(dir, `log-${name}`);
  const job: PlannedStep = step('command', {}, { id: 'job', title: 'a long job', commands: [[name, pidFile]] });
  const said: string[] = [];
  const interrupts = watchInterrupts((text) => {
    said.push(text);
    // The second press once the first has been taken (two at once could merge into one signal).
    if (said.length === 1) process.kill(process.pid, 'SIGINT');
  });
  const ui = new Recorder();
  ui.onOutput = (_s, chunk) => {
    ui.output.push(chunk);
    if (chunk.includes('ready')) {
      started.push(Number(readFileSync(pidFile, 'utf8')));
      process.kill(process.pid, 'SIGINT');
    }
  };
  try {
    const result = await execute(plan([job, step('command', {}, { id: 'after', commands: [['true']] })]), ui, { logDir, root: '', signal: interrupts.signal, killSignal: interrupts.killSignal });
    return { result, said, child: Number(readFileSync(pidFile, 'utf8')) };
  } finally {
    interrupts.dispose();
  }
}

describe('the second Ctrl-C', () => {
  it.each(['long-job', 'quiet-job', 'stubborn-job', 'slow-to-end-job'])('%s: ends the command and its child process, and the run stops there (journal and report say it was killed)', async (name) => {
    const { result, said, child } = await runAndPressCtrlCTwice(name);
    expect(said).toHaveLength(2);
    // The run has returned: nothing of the command's process tree is left.
    expect(running(child)).toBe(false);
    expect(result).toMatchObject({ status: 'stopped', reason: 'killed', step: 'job' });
    const events: JournalEvent[] = (await readJournal(result.files!.journal)).events;
    const command = events.find((e) => e.type === 'command');
    expect(command).toMatchObject({ step: 'job', exitCode: null });
    expect(command && 'signal' in command ? command.signal : undefined).toMatch(/^SIG(TERM|KILL)$/);
    expect(events.filter((e) => e.type === 'interrupted')).toMatchObject([{ step: 'job', reason: 'Ctrl-C pressed twice: the running command was killed' }]);
    expect(events.some((e) => e.type === 'step-start' && e.step === 'after')).toBe(false);
    const report = readFileSync(result.files!.report, 'utf8');
    expect(report).toContain('Ctrl-C pressed twice: the running command was killed');
    expect(report).toMatch(new RegExp(`\\| job \\| \`${name} .*\` \\| killed by SIG(TERM|KILL) \\|`));
  });
});

describe('the second Ctrl-C during a restore', () => {
  // `tar xzf` / `tar tzf` run gzip as tar's own child. A gzip that hangs (a damaged archive on a
  // slow NFS mount, here a stand-in) holds the output pipe: killing tar alone left it running
  // and the wizard waiting on it.
  it('ends tar and the gzip it started, and the run stops there', async () => {
    const gzipBin = join(dir, 'gzip-bin');
    mkdirSync(gzipBin);
    const pidFile = join(dir, 'gzip.pid');
    writeFileSync(join(gzipBin, 'gzip'), `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 60\n`);
    chmodSync(join(gzipBin, 'gzip'), 0o755);
    const tree = join(dir, 'restore-src');
    mkdirSync(join(tree, 'app'), { recursive: true });
    writeFileSync(join(tree, 'app', 'conf'), 'x\n');
    const archive = join(dir, 'app.tar.gz');
    execFileSync('tar', ['czf', archive, '-C', tree, 'app']);
    const target = join(dir, 'restore-target');
    mkdirSync(target);
    writeFileSync(join(target, 'current'), 'kept\n');
    const said: string[] = [];
    const interrupts = watchInterrupts((text) => {
      said.push(text);
      if (said.length === 1) process.kill(process.pid, 'SIGINT');
    });
    // Ctrl-C once the stand-in gzip is sleep, waiting.
    const press = (async () => {
      for (;;) {
        if (existsSync(pidFile)) {
          const pid = Number(readFileSync(pidFile, 'utf8'));
          if (pid > 0 && running(pid) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sleep') {
            started.push(pid);
            process.kill(process.pid, 'SIGINT');
            return pid;
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const saved = process.env.PATH;
    process.env.PATH = `${gzipBin}:${saved ?? ''}`;
    try {
      const back = step('restore', { archive, target }, { id: 'restore-app', title: 'restore app' });
      const result = await execute(plan([back]), new Recorder(), { logDir: join(dir, 'log-restore'), root: '', signal: interrupts.signal, killSignal: interrupts.killSignal });
      const gzip = await press;
      expect(said).toHaveLength(2);
      expect(running(gzip)).toBe(false);
      expect(result).toMatchObject({ status: 'stopped', reason: 'killed', step: 'restore-app' });
      // Killed before anything was moved: the current tree is where it was.
      expect(readFileSync(join(target, 'current'), 'utf8')).toBe('kept\n');
    } finally {
      process.env.PATH = saved;
      interrupts.dispose();
    }
  });
});
