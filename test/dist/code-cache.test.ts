// The CD folder's chunks carry the code V8 compiled in the build's training run (lib/app/*.cache,
// scripts/dist/train-chunks.mjs), so that a start compiles little. A cache this Node.js made must
// be taken; one V8 will not take (another Node.js) must leave the wizard working as before.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { buildDist, copyDist, runDist } from './dist.js';

let built: { dir: string; cleanup(): void };

beforeAll(async () => {
  built = await buildDist();
}, 120_000);
afterAll(() => built?.cleanup());

const planArgs = ['plan', '--product', 'sharetask', '--lang', 'en', '--set', 'component=agent', '--set', 'platform=linux', '--set', 'from=5.2.1', '--set', 'to=5.5.1-2', '--json'];

describe('the code caches of the CD folder', () => {
  it('are there for the entry, the plan engine and the screens, and this Node.js takes every one', () => {
    const app = join(built.dir, 'lib/app');
    const { wrap } = createRequire(import.meta.url)(join(built.dir, 'lib/chunks.cjs')) as { wrap(body: string): string };
    const caches = readdirSync(app).filter((f) => f.endsWith('.js.cache'));
    expect(caches).toContain('cli.js.cache');
    // The training run went through `plan` and the first screen: far more than the entry.
    expect(caches.length).toBeGreaterThan(20);
    const rejected = caches.filter((f) => {
      const file = join(app, f.slice(0, -'.cache'.length));
      return new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(join(app, f)) }).cachedDataRejected;
    });
    expect(rejected).toEqual([]);
  });

  it('that V8 rejects (made by another Node.js) leave the plan as it was', async () => {
    const intact = await runDist(built.dir, planArgs);
    expect(intact.exitCode).toBe(0);
    const cd = copyDist(built.dir);
    try {
      const app = join(cd.dir, 'lib/app');
      for (const f of readdirSync(app).filter((n) => n.endsWith('.cache'))) writeFileSync(join(app, f), randomBytes(256));
      // Listed again, as a build by another Node.js would have listed its own caches.
      const { writeSha256Sums } = (await import(join(repoRoot, 'scripts/dist/folder.mjs'))) as { writeSha256Sums(dir: string): string[] };
      writeSha256Sums(cd.dir);
      const other = await runDist(cd.dir, planArgs);
      expect(other.stderr).toBe('');
      expect(other.exitCode).toBe(0);
      expect(other.stdout).toBe(intact.stdout);
    } finally {
      cd.cleanup();
    }
  });
});
