// Everything the executor writes (screen, log, journal, report) passes through here, so a
// secret never leaves the process: known secret values are replaced wherever they appear, and
// lines shaped like "dbpass = x" or "SHARETASK_DB = ..." are masked by the migrator's rules.
import { maskLine } from '../migrate/mask.js';
import { MASK } from '../migrate/sharetask-db.js';
import { SECRET_KEY } from '../secret-key.js';

/** key=value pairs inside command lines or output (PGPASSWORD=x, --password=x). */
const INLINE = new RegExp(`\\b([A-Za-z_-]*(?:${SECRET_KEY.source})[A-Za-z_-]*)=([^\\s:]+)`, 'gi');

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Adds a value that must never be shown (e.g. the database password read from db.conf). */
  addSecret(value: string | undefined): void {
    // Very short values would mask unrelated text; they are still caught by the line rules.
    if (value && value.length >= 3) this.secrets.add(value);
  }

  text(input: string): string {
    let out = input;
    for (const s of this.secrets) out = out.split(s).join(MASK);
    out = out.replace(INLINE, (_whole, key: string) => `${key}=${MASK}`);
    return out
      .split('\n')
      .map((line) => maskLine(line))
      .join('\n');
  }

  /** A deep copy with every string redacted, and values under secret-looking keys masked. */
  value<T>(input: T): T {
    return this.walk(input, undefined) as T;
  }

  private walk(input: unknown, key: string | undefined): unknown {
    if (typeof input === 'string') {
      if (key !== undefined && SECRET_KEY.test(key) && input !== '') return MASK;
      return this.text(input);
    }
    if (Array.isArray(input)) return input.map((v) => this.walk(v, key));
    if (input !== null && typeof input === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(input)) out[k] = this.walk(v, k);
      return out;
    }
    return input;
  }
}
