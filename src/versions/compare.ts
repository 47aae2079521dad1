// Ordering of versions and the "family" test. Pure: no I/O.
// Only the function used: the package's index loads all of semver, some 20 ms at every start.
import semverCompare from 'semver/functions/compare.js';
import { formatVersion, toVersion, VersionError, type Version } from './parse.js';

export type VersionLike = string | Version;

/**
 * -1, 0 or 1 as a is older than, the same as, or newer than b. Strings are parsed (auto-detected);
 * unparseable text or versions of different schemes (R12.8 vs 5.5) throw a VersionError, because
 * such a comparison in a definition is a mistake, not a question with an answer.
 *
 * Rules: parts compare as numbers (4.16 > 4.2, R12.10 > R12.9); missing trailing parts are 0
 * (5.5 == 5.5.0, R12.4 == R12.4.0 < R12.4.1); then the vendor release, where no release sorts
 * before any release (5.5.1 < 5.5.1-2 < 5.5.1-10 < 5.5.2).
 */
export function compareVersions(a: VersionLike, b: VersionLike): -1 | 0 | 1 {
  const va = toVersion(a);
  const vb = toVersion(b);
  assertSameScheme(va, vb);
  const length = Math.max(va.parts.length, vb.parts.length, 3);
  const pa = pad(va.parts, length);
  const pb = pad(vb.parts, length);
  // semver orders the first three parts (as major.minor.patch built from plain numbers, so none of
  // its pre-release rules can apply); a 4th part (client 5.2.3.1) and the release are compared here.
  const head = semverCompare(pa.slice(0, 3).join('.'), pb.slice(0, 3).join('.'));
  if (head !== 0) return head;
  for (let i = 3; i < length; i++) {
    const d = sign((pa[i] ?? 0) - (pb[i] ?? 0));
    if (d !== 0) return d;
  }
  return sign((va.release ?? -1) - (vb.release ?? -1));
}

/**
 * True when version belongs to the product generation family names; the release is ignored.
 *  - dotted and R versions: family is a prefix, optionally ending in wildcard parts as the
 *    procedures write them: inFamily('5.5.1-2', '5.5'), inFamily('R12.7.2', 'R12.7.x'),
 *    inFamily('2.1.3-1', '2.x'). Missing parts of the version count as 0 (5.5 is in 5.5.0).
 *  - VV-RR versions (Groupmax): family is the short name of the generation, "5" or "2.0"; it
 *    names every revision of that VV: 02-00 and 02-10 are both "Version 2.0" (the Groupmax
 *    procedure speaks of "Version2.0の02-00", one revision among several). "2.1" is refused with
 *    a VersionError: no procedure names such a generation and mapping it to revisions would be a guess.
 * A family that is not one of these forms throws a VersionError.
 */
export function inFamily(version: VersionLike, family: string): boolean {
  const v = toVersion(version);
  const f = parseFamily(family);
  if (v.scheme === 'vvrr') {
    if (f.scheme !== 'dotted' || f.prefix.length > 2 || (f.prefix[1] ?? 0) !== 0) {
      throw new VersionError(
        `"${family}" is not a Groupmax generation for ${formatVersion(v)}: write the major version, like "5" or "2.0"`,
      );
    }
    return v.parts[0] === f.prefix[0];
  }
  if (f.scheme !== v.scheme) {
    throw new VersionError(`cannot test ${formatVersion(v)} against family "${family}": different version forms`);
  }
  return f.prefix.every((n, i) => (v.parts[i] ?? 0) === n);
}

interface Family {
  scheme: 'dotted' | 'r';
  prefix: number[];
}

// "5.5", "5.5.x", "R12.7.x", "2.x": numeric parts, then optional wildcard parts (x, X or *).
const FAMILY = /^(R?)((?:0|[1-9][0-9]{0,8})(?:\.(?:0|[1-9][0-9]{0,8}))*)((?:\.(?:x|X|\*))*)$/;

function parseFamily(text: string): Family {
  const m = FAMILY.exec(text.trim());
  if (!m || m[2] === undefined) {
    throw new VersionError(`"${text}" is not a version family (e.g. 5.5, 5.5.x, R12.7.x, 2.0)`);
  }
  return { scheme: m[1] === 'R' ? 'r' : 'dotted', prefix: m[2].split('.').map(Number) };
}

export function assertSameScheme(a: Version, b: Version): void {
  if (a.scheme !== b.scheme) {
    throw new VersionError(
      `cannot compare ${formatVersion(a)} (${a.scheme}) with ${formatVersion(b)} (${b.scheme}): different version forms`,
    );
  }
}

function pad(parts: readonly number[], length: number): number[] {
  return Array.from({ length }, (_, i) => parts[i] ?? 0);
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
