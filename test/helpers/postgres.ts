// A throw-away PostgreSQL server for the tests: its own data directory, socket directory and
// TCP port on 127.0.0.1, scram-sha-256 passwords. As root (CI), the server runs as `postgres`
// through runuser, since initdb and postgres refuse to run as root.
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { execa } from 'execa';
import pg from 'pg';

export interface PgServer {
  port: number;
  socketDir: string;
  dbname: string;
  user: string;
  /** Special characters but no ':' (SHARETASK_DB cannot carry one). */
  password: string;
  stop(): Promise<void>;
}

/** The bin directory of the newest installed PostgreSQL, or undefined. */
export function findPgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(base, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgServer> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const asRoot = process.getuid?.() === 0;
  const runAs = (cmd: string, args: string[]) =>
    asRoot ? execa('runuser', ['-u', 'postgres', '--', cmd, ...args]) : execa(cmd, args);
  const base = mkdtempSync('/tmp/uw-pg-');
  chmodSync(base, 0o755);
  const data = join(base, 'data');
  const socketDir = join(base, 'sock');
  const pwfile = join(base, 'superuser.pw');
  const superPassword = 'super-Secret-1';
  mkdirSync(socketDir);
  writeFileSync(pwfile, `${superPassword}\n`);
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    for (const p of [base, socketDir, pwfile]) chownSync(p, uid, gid);
  }
  const port = await freePort();
  await runAs(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-instructions']);
  appendFileSync(
    join(data, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${socketDir}'\nfsync = off\n`,
  );
  await runAs(join(bin, 'pg_ctl'), ['-D', data, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = async (): Promise<void> => {
    await runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  };
  const server: PgServer = { port, socketDir, dbname: 'stask_mpi', user: 'stask_mpi', password: `Sh@re#T'sk"!$%&*=+\\x`, stop };
  try {
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE ROLE stask_mpi LOGIN PASSWORD ${admin.escapeLiteral(server.password)}`);
    await admin.query('CREATE DATABASE stask_mpi OWNER stask_mpi');
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return server;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await execa('id', ['-u', 'postgres']);
  const { stdout: gid } = await execa('id', ['-g', 'postgres']);
  return { uid: Number(uid), gid: Number(gid) };
}
