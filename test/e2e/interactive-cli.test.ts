// The interactive modes refuse clearly where they cannot work, before anything is built or
// touched: no terminal, unknown options, answers that are not questions or not valid.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('interactive and demo without a terminal, or with bad options', () => {
  it('demo needs a terminal: exit 2, and no sandbox is left behind', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'uw-cli-'));
    dirs.push(tmp);
    const r = await runCli(['demo'], { env: { TMPDIR: tmp } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('the demo command needs a terminal');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('interactive needs a terminal, in Japanese too', async () => {
    const en = await runCli(['interactive', '--root', '/nonexistent']);
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain('needs a terminal');
    const ja = await runCli(['interactive', '--lang', 'ja']);
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain('端末が必要です');
  });

  it('names a --set that is not a question of the product, or a bad value', async () => {
    const unknown = await runCli(['interactive', '--product', 'sharetask', '--set', 'colour=blue']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('--set: there is no question "colour"\n  the questions of sharetask are: component, platform');
    const bad = await runCli(['interactive', '--product', 'sharetask', '--set', 'from=not a version']);
    expect(bad.exitCode).toBe(2);
    // The question named once: "--set: from: from: ..." read as a stutter.
    expect(bad.stderr).toContain('--set: from: "not a version" is not a version (e.g.');
    // A pattern is followed by the question and its help, where the examples are.
    const form = await runCli(['interactive', '--product', 'sharetask', '--set', 'custom_uid=nab']);
    expect(form.exitCode).toBe(2);
    expect(form.stderr).toContain('--set: custom_uid: "nab" does not have the expected form ([A-Z]{3,4})\n  What is the user ID of the custom part? The UID part');
    const product = await runCli(['interactive', '--product', 'nosuch']);
    expect(product.exitCode).toBe(2);
    expect(product.stderr).toContain('nosuch');
  });

  it('names the file and line of each mistake in --answers, all at once, as plan does', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'uw-cli-'));
    dirs.push(tmp);
    const file = join(tmp, 'a.yml');
    writeFileSync(file, 'component: servr\nfrom: "5.4.3"\ncolour: blue\n');
    const r = await runCli(['interactive', '--product', 'sharetask', '--answers', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${file}:3: there is no question "colour"`);
    expect(r.stderr).toContain(`${file}:1: component: "servr" is not one of: server, agent, cli`);
  });

  it('rejects unknown options and prints its help', async () => {
    const r = await runCli(['interactive', '--frobnicate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--frobnicate');
    const help = await runCli(['interactive', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--answers FILE');
    const demoHelp = await runCli(['demo', '--help']);
    expect(demoHelp.exitCode).toBe(0);
    expect(demoHelp.stdout).toContain('sample ShareTask 5.4 server');
  });

  it('no mode loads Ink, React or the screens before it runs: only a dynamic import inside run()', () => {
    // The static import graph of the built CLI and of every mode, followed file by file.
    const build = join(process.cwd(), 'build');
    const staticImports = (file: string): string[] =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"];|^import\s+['"]([^'"]+)['"];/gm)].map((m) => (m[1] ?? m[2]) as string);
    const reached = new Set<string>();
    const bare = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith('.')) walk(resolve(dirname(file), spec));
        else bare.add(spec.split('/')[0] as string);
      }
    };
    walk(join(build, 'cli.js'));
    for (const mode of readdirSync(join(build, 'commands'))) walk(join(build, 'commands', mode));
    expect(reached.has(join(build, 'commands/interactive.js'))).toBe(true);
    // ui/services.js is the screens' interface, no React: interactive.ts starts the first look with it.
    expect([...reached].filter((f) => f.startsWith(join(build, 'ui')))).toEqual([join(build, 'ui/services.js')]);
    expect(staticImports(join(build, 'ui/services.js')).filter((s) => !s.startsWith('.'))).toEqual([]);
    expect(bare.has('ink')).toBe(false);
    expect(bare.has('react')).toBe(false);
    expect(readFileSync(join(build, 'commands/interactive.js'), 'utf8')).toContain("await import('ink')");
  });
});
