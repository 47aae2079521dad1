// Stand-in commands for the tests: sh scripts first on PATH in place of vendor tools, the calls
// they record, and the process groups of those a test leaves running.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** An executable sh script at path (its directory made). */
export function script(path: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/**
 * A product sandbox's places in a new temp dir: bin (the stand-ins), root, media and state made,
 * logs only named (a test may check that a refusal does not create it), and an empty calls log.
 */
export function sandboxDirs(prefix: string): { dir: string; bin: string; root: string; media: string; logs: string; state: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const places = { dir, bin: join(dir, 'bin'), root: join(dir, 'root'), media: join(dir, 'media'), logs: join(dir, 'logs'), state: join(dir, 'state'), log: join(dir, 'calls.log') };
  for (const d of [places.bin, places.root, places.media, places.state]) mkdirSync(d, { recursive: true });
  writeFileSync(places.log, '');
  return places;
}

/** sh that appends "NAME arg1 arg2 ..." to log: NAME as given, or the script's own file name. */
export function recordCall(log: string, name?: string): string {
  const shown = name === undefined ? '"$(basename "$0")"' : `'${name}'`;
  return `printf '%s' ${shown} >> '${log}'; for a in "$@"; do printf ' %s' "$a" >> '${log}'; done; echo >> '${log}'`;
}

/** The calls recorded in log so far, in order. */
export function callLines(log: string): string[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

/** For this test file: the scripts (name -> body after #!/bin/sh) in bin, first on PATH. */
export function standInsOnPath(bin: string, scripts: Record<string, string>): void {
  const savedPath = process.env.PATH;
  beforeAll(() => {
    for (const [name, body] of Object.entries(scripts)) script(join(bin, name), body);
    process.env.PATH = `${bin}:${savedPath ?? ''}`;
  });
  afterAll(() => {
    process.env.PATH = savedPath;
  });
}

/** Process groups a test leaves running (detached stand-ins): killed after each test, a failing one's too. */
export function killedAfterEach(): number[] {
  const groups: number[] = [];
  afterEach(() => {
    for (const g of groups.splice(0)) {
      try {
        process.kill(-g, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  return groups;
}
