// tar.gz archives through GNU tar. Writing: `tar cf -` produces the stream and it is gzipped
// here in 1 MiB members on the thread pool, in parallel: a multi-member gzip file is standard
// (RFC 1952) and `tar xzf` / `gzip -d` read it as one. That makes the backup faster than a
// plain `tar czf`, which pays for the read-back verification that follows it.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { t } from '../i18n/index.js';
import '../i18n/messages/backup.js';
import '../i18n/messages/run.js';
import { KilledByOperator, StepFailure } from './context.js';
import { killedText } from './signals.js';
import { killGroupOnAbort } from './proc.js';

const gzipAsync = promisify(gzip);
const MEMBER = 1024 * 1024;
/** tar in the C locale: stable messages and byte-escaped names in listings. */
const C_ENV = { LC_ALL: 'C' };

export interface CreateOptions {
  /** Called with the uncompressed bytes read so far. */
  onBytes?: (bytes: number) => void;
  kill?: AbortSignal;
  /** Member names (e.g. "sharetask/var/store") left out with everything under them. */
  exclude?: string[];
}

export interface CreateResult {
  compressedBytes: number;
  /** tar's warnings (e.g. "socket ignored"), for the log. */
  warnings: string;
}

/** Archives `parent/name` into `file` (created, mode 0600: backups hold data and passwords). */
export async function createTarGz(parent: string, name: string, file: string, opts: CreateOptions = {}): Promise<CreateResult> {
  // Literal, anchored names: a file called "*" must exclude only itself.
  const excludes = (opts.exclude ?? []).length > 0 ? ['--anchored', '--no-wildcards', ...(opts.exclude ?? []).map((e) => `--exclude=${e}`)] : [];
  // Opened before tar starts: with buffer:false, output tar writes before the loop below reads
  // it is lost (an await between the spawn and the loop gave empty archives of small trees).
  const fh = await open(file, 'wx', 0o600);
  // Imported when used (see proc.ts); before the spawn, so no await comes between it and the loop.
  const { execa } = await import('execa');
  const tar = execa('tar', ['cf', '-', '-C', parent, ...excludes, '--', name], {
    env: C_ENV,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    detached: true,
    cancelSignal: opts.kill,
    forceKillAfterDelay: 3000,
  });
  let warnings = '';
  tar.stderr?.on('data', (chunk: Buffer) => {
    if (warnings.length < 65536) warnings += chunk.toString('utf8');
  });
  const width = Math.max(2, Math.min(4, availableParallelism()));
  const pending: Promise<Buffer>[] = [];
  let compressedBytes = 0;
  let read = 0;
  const writeOut = async (keep: number): Promise<void> => {
    while (pending.length > keep) {
      const member = await (pending.shift() as Promise<Buffer>);
      // A write may take only part of the buffer (a file system filling up): the rest is written
      // again, which then fails with ENOSPC, instead of an archive silently missing bytes.
      for (let at = 0; at < member.length; ) at += (await fh.write(member, at)).bytesWritten;
      compressedBytes += member.length;
    }
  };
  try {
    let parts: Buffer[] = [];
    let size = 0;
    // Iterating pauses the pipe while members are compressed: memory stays bounded.
    for await (const chunk of tar.stdout as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      read += chunk.length;
      if (size >= MEMBER) {
        pending.push(gzipAsync(Buffer.concat(parts, size)));
        parts = [];
        size = 0;
        await writeOut(width);
        opts.onBytes?.(read);
      }
    }
    if (size > 0 || read === 0) pending.push(gzipAsync(Buffer.concat(parts, size)));
    await writeOut(0);
    opts.onBytes?.(read);
    await fh.sync();
  } finally {
    await fh.close();
  }
  const result = await tar;
  if (result.isCanceled) throw new KilledByOperator(killedText(opts.kill, `tar cf - ${name}`));
  if (result.exitCode !== 0) {
    throw new StepFailure(t('run.backup.tarFailed', { code: result.exitCode ?? result.signal ?? '?', output: warnings.trim() }));
  }
  return { compressedBytes, warnings: warnings.trim() };
}

/** The names an archive lists (`tar tzf`, C locale quoting); throws if GNU tar cannot read it. */
export async function listTarGz(file: string, kill?: AbortSignal): Promise<string[]> {
  const { execa } = await import('execa');
  // `tar -z` runs gzip as its own child: the second Ctrl-C ends the group, not tar alone.
  const child = execa('tar', ['tzf', file], { env: C_ENV, stdin: 'ignore', reject: false, detached: true, maxBuffer: 512 * 1024 * 1024 });
  const killer = killGroupOnAbort(child.pid, kill);
  const r = await child.finally(() => killer.done());
  if (killer.killed()) throw new KilledByOperator(killedText(kill, `tar tzf ${file}`));
  if (r.exitCode !== 0) {
    throw new StepFailure(t('run.archive.unreadable', { file, output: String(r.stderr).trim().split('\n').slice(-3).join('\n') }));
  }
  return String(r.stdout).split('\n').filter((l) => l !== '');
}
