// node:crypto on demand. Loading it loads Node's stream machinery with it (some 2.5 ms, an eighth
// of what `plan --json` may cost over Node's own start), and most commands need a random name or
// a hash only now and then: when they write a file, or when the media lists checksums.
import { createRequire } from 'node:module';
import type { Hash } from 'node:crypto';

let loaded: typeof import('node:crypto') | undefined;

function crypto(): typeof import('node:crypto') {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
}

/** `bytes` random bytes as hex: the unique part of a temporary file's or a run's name. */
export function randomHex(bytes: number): string {
  return crypto().randomBytes(bytes).toString('hex');
}

/** A SHA-256 hash to feed. */
export function sha256(): Hash {
  return crypto().createHash('sha256');
}
