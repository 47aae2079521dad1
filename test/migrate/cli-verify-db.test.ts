// --verify-db against a real PostgreSQL server that these tests start (and stop).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPgBin, startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { makeConf, PLAIN_SYSTEM_CONF } from './conf-dir.js';

// CI installs PostgreSQL; elsewhere these are skipped when it is missing.
describe.skipIf(!findPgBin() && !process.env.CI)('--verify-db (a PostgreSQL server started for the tests)', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });

  const dbConf = (o: { host: string; password?: string; sslmode?: string }) =>
    `# test\ndbhost = ${o.host}\ndbport = ${pg.port}\ndbname = ${pg.dbname}\ndbuser = ${pg.user}\ndbpass = ${o.password ?? pg.password}\n${o.sslmode ? `sslmode = ${o.sslmode}\n` : ''}`;

  test('succeeds over TCP (host and port), sslmode prefer falling back to no SSL as libpq does', async () => {
    const { conf } = makeConf(dbConf({ host: '127.0.0.1' }), PLAIN_SYSTEM_CONF);
    const r = await runCli(['migrate-config', '--conf', conf, '--verify-db']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`database check: logged in to stask_mpi as stask_mpi \\(127\\.0\\.0\\.1:${pg.port}\\), PostgreSQL \\d+`));
    expect(r.stdout).toContain(`SHARETASK_DB = stask_mpi:127.0.0.1:${pg.port}:stask_mpi:****:prefer`);
    expect(r.stdout + r.stderr).not.toContain(pg.password);
  });

  test('succeeds over the UNIX socket (empty host) with --db-socket-dir or $UPGRADE_WIZARD_PG_SOCKET_DIR', async () => {
    const { conf } = makeConf(dbConf({ host: '', sslmode: 'disable' }), PLAIN_SYSTEM_CONF);
    const flag = await runCli(['migrate-config', '--conf', conf, '--verify-db', '--db-socket-dir', pg.socketDir]);
    expect(flag.exitCode, flag.stderr).toBe(0);
    expect(flag.stdout).toContain(`(${pg.socketDir}/.s.PGSQL.${pg.port})`);
    expect(flag.stdout).toContain('UNIX socket connection');
    const env = await runCli(['migrate-config', '--conf', conf, '--verify-db', '--json'], { env: { UPGRADE_WIZARD_PG_SOCKET_DIR: pg.socketDir } });
    expect(env.exitCode, env.stderr).toBe(0);
    expect(JSON.parse(env.stdout).verifyDb).toMatchObject({ ok: true, via: 'socket', where: `${pg.socketDir}/.s.PGSQL.${pg.port}` });
    expect(env.stdout).not.toContain(pg.password);
  });

  test('a wrong password: the server\'s own error, exit 1, password masked, nothing written', async () => {
    const wrong = 'Wr0ng-Passw0rd';
    const { dir, conf } = makeConf(dbConf({ host: '127.0.0.1', password: wrong }), PLAIN_SYSTEM_CONF);
    const before = snapshotTree(dir);
    const r = await runCli(['migrate-config', '--conf', conf, '--verify-db', '--apply']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`database check failed (127.0.0.1:${pg.port}): the server said: password authentication failed for user "stask_mpi"`);
    expect(r.stderr).toContain('password authentication failed for user "stask_mpi"');
    expect(r.stderr).toContain('nothing was written');
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expect(r.stdout).toContain(`stask_mpi:127.0.0.1:${pg.port}:stask_mpi:****:`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('sslmode require against a server without SSL fails with the reason', async () => {
    const { conf } = makeConf(dbConf({ host: '127.0.0.1', sslmode: 'require' }), PLAIN_SYSTEM_CONF);
    const r = await runCli(['migrate-config', '--conf', conf, '--verify-db', '--json']);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 1, verifyDb: { ok: false, error: expect.stringMatching(/SSL/) } });
  });

  test('a database that does not exist: the server says so', async () => {
    const { conf } = makeConf(dbConf({ host: '127.0.0.1' }).replace(`dbname = ${'stask_mpi'}`, 'dbname = no_such_db'), PLAIN_SYSTEM_CONF);
    const r = await runCli(['migrate-config', '--conf', conf, '--verify-db', '--lang', 'ja']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('データベース確認に失敗しました');
    expect(r.stdout).toContain('database "no_such_db" does not exist');
  });
});

describe('--verify-db where no server answers', () => {
  test('says no server could be reached, not that the server said something; nothing written', async () => {
    // Port 1 on the loopback: refused at once, with or without PostgreSQL on this machine.
    const { dir, conf } = makeConf('dbhost = 127.0.0.1\ndbport = 1\ndbname = stask\ndbuser = stask\ndbpass = pw\n', PLAIN_SYSTEM_CONF);
    const before = snapshotTree(dir);
    const r = await runCli(['migrate-config', '--conf', conf, '--verify-db', '--apply', '--lang', 'en']);
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('database check failed (127.0.0.1:1): no database server could be reached there: ');
    expect(r.stdout + r.stderr).toContain('ECONNREFUSED');
    expect(r.stdout + r.stderr).not.toContain('the server said');
    expect(snapshotTree(dir)).toEqual(before);
  });
});
