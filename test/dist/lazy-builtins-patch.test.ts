// Two libraries of Ink's load a Node.js module at their top for a call the screens never make;
// the bundle requires it where it is called (signalExitLazyAssert and terminalSizeLazyExec of
// scripts/dist/bundle.mjs). Bundled with those patches, each must still do what it did.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

let dir: string;
let script: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uw-lazy-'));
  const { signalExitLazyAssert, terminalSizeLazyExec } = (await import(pathToFileURL(join(repoRoot, 'scripts/dist/bundle.mjs')).href)) as Record<string, never>;
  script = join(dir, 'probe.cjs');
  // What each call loaded, and what it gave or threw.
  const contents = `
    import terminalSize from 'terminal-size';
    import onExit from ${JSON.stringify(join(repoRoot, 'node_modules/ink/node_modules/signal-exit/index.js'))};
    const loaded = (name) => process.moduleLoadList.includes('NativeModule ' + name);
    const out = { before: { child_process: loaded('child_process'), assert: loaded('assert') } };
    out.size = terminalSize();
    out.childProcessAfter = loaded('child_process');
    try { onExit('not a function'); } catch (error) { out.thrown = { name: error.name, message: error.message }; }
    out.assertAfter = loaded('assert');
    process.stdout.write(JSON.stringify(out));
  `;
  await build({ stdin: { contents, resolveDir: repoRoot }, bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent', plugins: [signalExitLazyAssert, terminalSizeLazyExec] });
  // tput, as terminal-size asks it when no terminal says its size.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/tput'), '#!/bin/sh\ncase "$1" in cols) echo 132 ;; lines) echo 43 ;; esac\n');
  chmodSync(join(dir, 'bin/tput'), 0o755);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Node.js modules loaded where they are used', () => {
  it('terminal-size still asks tput when no terminal says the size, and loads node:child_process only then', () => {
    // A session of its own: no /dev/tty to ask; no COLUMNS or LINES.
    const env = { PATH: `${join(dir, 'bin')}:/usr/bin:/bin` };
    const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8', detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.size).toEqual({ columns: 132, rows: 43 });
    expect(out.before).toEqual({ child_process: false, assert: false });
    expect(out.childProcessAfter).toBe(true);
  });

  it("signal-exit still refuses a handler that is not a function, with assert's own error", () => {
    const r = spawnSync(process.execPath, [script], { env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin` }, encoding: 'utf8', detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.thrown).toEqual({ name: 'AssertionError', message: 'a callback must be provided for exit handler' });
    expect(out.assertAfter).toBe(true);
  });
});
