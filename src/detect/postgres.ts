// Can the migrated SHARETASK_DB parameters log in to PostgreSQL? Connects the way libpq would
// for the same fields: an empty host (or a directory) means a UNIX socket, sslmode is honoured.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientConfig } from 'pg';

export interface PgTarget {
  dbname: string;
  host: string;
  port: string;
  user: string;
  password: string;
  sslmode: 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
}

export interface PgCheckOptions {
  /** Socket directories to try when host is empty, in order. */
  socketDirs: string[];
  timeoutMs?: number;
}

export type PgCheck =
  | { ok: true; via: 'tcp' | 'socket'; where: string; serverVersion: string }
  | { ok: false; via: 'tcp' | 'socket'; where: string; error: string; code?: string };

export const DEFAULT_SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];

/** The socket directory holding .s.PGSQL.PORT, or the first candidate when none does. */
export function pickSocketDir(dirs: readonly string[], port: number): string {
  return dirs.find((d) => existsSync(join(d, `.s.PGSQL.${port}`))) ?? dirs[0] ?? '/var/run/postgresql';
}

type Ssl = ClientConfig['ssl'];

/** Attempts in libpq's order for the sslmode; a later one is tried only after a fitting refusal. */
function attempts(mode: PgTarget['sslmode'], socket: boolean): Ssl[] {
  // libpq never uses SSL over a UNIX socket.
  if (socket) return [false];
  const encrypted: Ssl = { rejectUnauthorized: false };
  switch (mode) {
    case 'disable':
      return [false];
    case 'allow':
      return [false, encrypted];
    case 'prefer':
      return [encrypted, false];
    case 'require':
      return [encrypted];
    case 'verify-ca':
      return [{ rejectUnauthorized: true, checkServerIdentity: () => undefined }];
    case 'verify-full':
      return [{ rejectUnauthorized: true }];
  }
}

function worthRetry(mode: PgTarget['sslmode'], error: { message?: string; code?: string }): boolean {
  if (mode === 'prefer') return /does not support SSL/i.test(error.message ?? '');
  if (mode === 'allow') return error.code === '28000';
  return false;
}

export async function checkPostgres(target: PgTarget, options: PgCheckOptions): Promise<PgCheck> {
  // pg is loaded only for --verify-db: it is the heaviest thing this command could import.
  const pg = (await import('pg')).default;
  const port = target.port === '' ? 5432 : Number(target.port);
  const socket = target.host === '' || target.host.startsWith('/');
  const host = target.host === '' ? pickSocketDir(options.socketDirs, port) : target.host;
  const via = socket ? 'socket' : 'tcp';
  const where = socket ? join(host, `.s.PGSQL.${port}`) : `${host}:${port}`;
  let last: { message: string; code?: string } = { message: '' };
  for (const ssl of attempts(target.sslmode, socket)) {
    const client = new pg.Client({
      host,
      port,
      database: target.dbname,
      user: target.user,
      password: target.password,
      ssl,
      connectionTimeoutMillis: options.timeoutMs ?? 5000,
      query_timeout: options.timeoutMs ?? 5000,
      application_name: 'upgrade-wizard',
    });
    // An 'error' event after connect would otherwise crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      const res = await client.query<{ server_version: string }>('SHOW server_version');
      return { ok: true, via, where, serverVersion: res.rows[0]?.server_version ?? '' };
    } catch (error) {
      const e = error as { message?: string; code?: string };
      last = { message: e.message ?? String(error), code: e.code };
      if (!worthRetry(target.sslmode, e)) break;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { ok: false, via, where, error: last.message, code: last.code };
}
