// Temp directories with conf files for the migrate-config tests; removed after each test file.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const fixtureDir = fileURLToPath(new URL('../fixtures/sharetask-conf/', import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory that other users (nobody, postgres) may traverse. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'uw-migrate-'));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

/** A copy of the fixture: DIR/conf (5.4), DIR/conf.ORG (shipped 5.5), DIR/sudoers (0440). */
export function copyFixture(): { dir: string; conf: string; shipped: string; sudoers: string } {
  const dir = tempDir();
  cpSync(fixtureDir, dir, { recursive: true });
  chmodSync(join(dir, 'sudoers'), 0o440);
  return { dir, conf: join(dir, 'conf'), shipped: join(dir, 'conf.ORG'), sudoers: join(dir, 'sudoers') };
}

export const SEED_DB_CONF = 'dbhost = localhost\ndbport = 5432\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass =\nsslmode = disable\n';
export const PLAIN_SYSTEM_CONF = '# system.conf\n\nSITE_NAME = ShareTask\nLOG_LEVEL = 2\n';

/** DIR/conf with the given db.conf and system.conf (strings are written as latin1 bytes). */
export function makeConf(db: string | Buffer | null = SEED_DB_CONF, system: string | Buffer | null = PLAIN_SYSTEM_CONF): { dir: string; conf: string } {
  const dir = tempDir();
  const conf = join(dir, 'conf');
  mkdirSync(conf);
  const bytes = (v: string | Buffer): Buffer => (typeof v === 'string' ? Buffer.from(v, 'latin1') : v);
  if (db !== null) writeFileSync(join(conf, 'db.conf'), bytes(db));
  if (system !== null) writeFileSync(join(conf, 'system.conf'), bytes(system));
  return { dir, conf };
}
