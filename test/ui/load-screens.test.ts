// How the interactive mode loads Ink and its screens, in a process of its own (React, once
// loaded, stays in its build): the production build of React even where node_modules would give
// the development one, and the environment the run's commands get is the one it started with.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const script = `
const { loadScreens } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'build/commands/interactive.js')).href)});
const { createRequire } = await import('node:module');
await loadScreens();
// Node also lists modules it only scanned for their exports (both branches of React's index): the run ones are loaded.
const cache = createRequire(import.meta.url).cache;
const loaded = Object.keys(cache).filter((f) => cache[f].loaded);
process.stdout.write(JSON.stringify({
  NODE_ENV: process.env.NODE_ENV ?? null,
  CI: process.env.CI ?? null,
  fetch: typeof globalThis.fetch,
  reconciler: loaded.filter((f) => /react-reconciler[\\\\/]cjs[\\\\/]react-reconciler\\./.test(f)).map((f) => f.replace(/^.*[\\\\/]/, '')),
}));
`;

function load(env: Record<string, string>): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
  return JSON.parse(out.toString()) as Record<string, unknown>;
}

describe('loading the screens', () => {
  it('takes React\'s production build and leaves NODE_ENV, CI and fetch as they were', () => {
    expect(load({ CI: 'true' })).toEqual({ NODE_ENV: null, CI: 'true', fetch: 'function', reconciler: ['react-reconciler.production.js'] });
  });

  it('keeps a NODE_ENV that was set', () => {
    expect(load({ NODE_ENV: 'development' })).toMatchObject({ NODE_ENV: 'development', reconciler: ['react-reconciler.development.js'] });
  });
});
