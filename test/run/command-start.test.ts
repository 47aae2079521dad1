// What a command step says when its program cannot be started, and when the step ends: at the
// command's own exit, with its output where the procedure says (a stdout file, the screen).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { command } from '../../src/run/steps/command.js';
import { context, Recorder, step, tempDir } from './ctx.js';

afterEach(() => setLang('en'));

const dir = tempDir('uw-start-');
const failure = async (argv: string[], cwd?: string): Promise<string> => {
  const s = step('command', {}, { commands: [argv] });
  if (cwd !== undefined) s.params.cwd = cwd;
  try {
    await command.run(s, context());
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the step did not fail');
};

describe('a program that cannot be started', () => {
  it('given as an absolute path that is not there: says the file does not exist, and where (not "not on PATH")', async () => {
    // The reported case: /usr/lib/nqs/nqsstop moved away.
    const missing = join(dir, 'usr/lib/nqs/nqsstop');
    expect(await failure([missing])).toBe(`${missing}: the file ${missing} does not exist; check the path in the procedure, or install the software that provides it there`);
    setLang('ja');
    expect(await failure([missing])).toBe(`${missing}: ファイル ${missing} が存在しません。手順のパスを確認するか、それを含むソフトウェアをその場所にインストールしてください`);
  });

  it('given as a relative path: names where it was looked for, in the step\'s cwd', async () => {
    const cwd = join(dir, 'opt');
    mkdirSync(cwd);
    expect(await failure(['./bin/setup.sh', '-q'], cwd)).toBe(`./bin/setup.sh: the file ${join(cwd, 'bin/setup.sh')} does not exist; check the path in the procedure, or install the software that provides it there`);
  });

  it('a script that is there but whose #! interpreter is not: names the interpreter, not the script', async () => {
    const script = join(dir, 'database_upgrade.pl');
    writeFileSync(script, '#!/opt/no-such-perl/bin/perl -w\nprint "hi\\n";\n');
    chmodSync(script, 0o755);
    expect(await failure([script])).toBe(`${script}: ${script} exists but could not be started: the program its first line (#!) names, /opt/no-such-perl/bin/perl, does not exist; install it, or correct that line`);
    setLang('ja');
    expect(await failure([script])).toBe(`${script}: ${script} はありますが起動できませんでした: 1 行目 (#!) で指定されたプログラム /opt/no-such-perl/bin/perl が存在しません。それをインストールするか、その行を修正してください`);
  });

  it('a cwd that does not exist: says so, not that the program is missing', async () => {
    const cwd = join(dir, 'no-such-dir');
    expect(await failure(['true'], cwd)).toBe(`true: the directory to run it in, ${cwd}, does not exist; check the step's cwd, or create the directory`);
    setLang('ja');
    expect(await failure(['true'], cwd)).toBe(`true: 実行するディレクトリ ${cwd} が存在しません。ステップの cwd を確認するか、ディレクトリを作成してください`);
  });

  it('a temp dir where its output file cannot be made: says where and what to do, and nothing is started', async () => {
    const marker = join(dir, 'ran');
    const ctx = context();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, 'no-such-tmp');
    try {
      await expect(command.run(step('command', {}, { commands: [['touch', marker]] }), ctx)).rejects.toThrow(
        `touch ${marker} was not started: the file that takes its output cannot be created in ${join(dir, 'no-such-tmp')} (ENOENT); make that directory writable with free space, or set TMPDIR to one that is`,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('a bare name still says it is not on PATH', async () => {
    expect(await failure(['no-such-program-uw'])).toBe('no-such-program-uw: command not found on PATH; install it or check PATH');
  });

  it('is logged as not started, with the reason, not as an exit code ("exit ENOENT")', async () => {
    const ctx = context();
    const missing = join(dir, 'usr/sbin/clpstat');
    await expect(command.run(step('command', {}, { commands: [[missing, '-s']] }), ctx)).rejects.toThrow();
    const log = readFileSync(ctx.journal!.files.log, 'utf8');
    expect(log).toContain(`[command-step] not started: ${missing}: the file ${missing} does not exist;`);
    expect(log).not.toMatch(/exit ENOENT|exit \?/);
    // A command that ran still logs its exit.
    await expect(command.run(step('command', {}, { commands: [['sh', '-c', 'exit 3']] }), ctx)).rejects.toThrow();
    expect(readFileSync(ctx.journal!.files.log, 'utf8')).toMatch(/\] exit 3 \(\d+\.\d s\)/);
  });
});

describe('the end of a command', () => {
  it('is its own exit: a daemon it started that keeps the output open does not hold the step', async () => {
    // An init script that starts its daemon without redirecting its output (the daemon here a
    // sleep that writes its pid): before, the step waited for the daemon to end.
    const pidFile = join(dir, 'daemon.pid');
    const s = step('command', {}, { commands: [['sh', '-c', `sleep 60 & echo $! > ${pidFile}; echo started`]] });
    const ui = new Recorder();
    try {
      expect(await command.run(s, context(ui))).toEqual({ status: 'done' });
      expect(ui.text()).toContain('started');
      // Returned while the daemon still runs.
      expect(() => process.kill(Number(readFileSync(pidFile, 'utf8')), 0)).not.toThrow();
    } finally {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    }
  });

  it('keeps stdout in the stdout file and off the screen and log; stderr is shown, in whole lines', async () => {
    const ctx = context(new Recorder());
    const s = step('command', { stdout: 'dump.txt' }, { commands: [['sh', '-c', 'echo "dump line 1"; printf "warn" >&2; sleep 0.1; echo "ing: half a line" >&2; echo "dump line 2"']] });
    await command.run(s, ctx);
    expect(readFileSync(join(ctx.logDir, 'dump.txt'), 'utf8')).toBe('dump line 1\ndump line 2\n');
    const ui = ctx.interaction as Recorder;
    expect(ui.output.filter((o) => !o.startsWith('$ '))).toEqual(['warning: half a line']);
    const log = readFileSync(ctx.journal!.files.log, 'utf8');
    expect(log).toContain('| warning: half a line\n');
    expect(log).not.toContain('| dump line');
  });
});
