// Compares the migrated conf directory with the one the new version ships (conf.ORG):
// per file, what is new, what has another default, and what 5.5 no longer knows.

import { parseConf } from './conf-parse.js';
import { splitLines } from './lines.js';
import { maskValue } from './mask.js';

export interface ConfFile {
  name: string;
  /** Decoded text for display (values are shown, masked where secret). */
  text: string;
}

export interface KeyValue {
  key: string;
  value: string;
}

export type FileComparison =
  | { file: string; status: 'compared'; added: KeyValue[]; changed: { key: string; yours: string; shipped: string }[]; removed: KeyValue[] }
  | { file: string; status: 'retired' | 'onlyYours' | 'onlyShipped' | 'notKeyValue' };

/** Files whose lines are mostly not KEY = VALUE are not compared (httpd examples and such). */
function keyValues(text: string): Map<string, string> | undefined {
  if (text.includes('\0')) return undefined;
  const lines = splitLines(text).lines;
  const parsed = parseConf(lines);
  const bad = parsed.problems.filter((p) => p.kind !== 'duplicate').length;
  if (bad > parsed.entries.length) return undefined;
  return new Map(parsed.entries.map((e) => [e.key, e.value]));
}

/**
 * `handled` names, per file, the keys the migration itself sets: they are reported by the
 * migration, not as differences from the shipped defaults.
 */
export function compareShipped(
  yours: readonly ConfFile[],
  shipped: readonly ConfFile[],
  handled: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): FileComparison[] {
  const mine = new Map(yours.map((f) => [f.name, f]));
  const theirs = new Map(shipped.map((f) => [f.name, f]));
  const names = [...new Set([...mine.keys(), ...theirs.keys()])].sort();
  return names.map((file): FileComparison => {
    const a = mine.get(file);
    const b = theirs.get(file);
    if (!b) return { file, status: file === 'db.conf' ? 'retired' : 'onlyYours' };
    if (!a) return { file, status: 'onlyShipped' };
    const ka = keyValues(a.text);
    const kb = keyValues(b.text);
    if (!ka || !kb) return { file, status: 'notKeyValue' };
    const skip = handled.get(file) ?? new Set<string>();
    const show = (key: string, value: string): string => (value === '' ? '""' : maskValue(key, value));
    const added: KeyValue[] = [];
    const changed: { key: string; yours: string; shipped: string }[] = [];
    const removed: KeyValue[] = [];
    for (const [key, value] of kb) {
      if (skip.has(key)) continue;
      const old = ka.get(key);
      if (old === undefined) added.push({ key, value: show(key, value) });
      else if (old !== value) changed.push({ key, yours: show(key, old), shipped: show(key, value) });
    }
    for (const [key, value] of ka) if (!kb.has(key) && !skip.has(key)) removed.push({ key, value: show(key, value) });
    return { file, status: 'compared', added, changed, removed };
  });
}
