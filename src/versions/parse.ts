// Vendor version strings <-> Version values. Pure: no I/O.
//
// The five vendor procedures write versions in three forms (see test/versions/seeds.test.ts
// for every string they contain):
//   'dotted'  ShareTask 5.4 / 5.5.1-2 / 5.2.3.1, CLUSTERPRO 2.1.3-1, iPlanet 5.2, Groupmax "Version 5".
//             Any number of numeric parts, optionally "-N": N is the vendor RELEASE (rpm Release:),
//             not a semver pre-release, so it sorts AFTER the bare version (2.1.3-1 > 2.1.3).
//   'r'       JobCenter R12.4 / R12.4.1 / R13.2.1.
//   'vvrr'    Groupmax 02-00 / 02-10 / 05-00 (Hitachi two-digit version and revision).

export type Scheme = 'dotted' | 'r' | 'vvrr';

export interface Version {
  readonly scheme: Scheme;
  /** Numeric parts as written (not padded): 5.5 -> [5, 5], R12.4.1 -> [12, 4, 1], 02-10 -> [2, 10]. */
  readonly parts: readonly number[];
  /** The vendor release after '-' ('dotted' only): 2.1.3-1 -> 1. Absent when not written. */
  readonly release?: number;
}

/** Thrown when a version cannot be used as asked (unparseable text, schemes that cannot be compared). */
export class VersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VersionError';
  }
}

// One numeric part: no leading zeros ("10.01" might mean 10.1 or something else: refuse to guess),
// at most 9 digits so every value stays a safe integer.
const NUM = '(?:0|[1-9][0-9]{0,8})';
const DOTTED = new RegExp(`^(${NUM}(?:\\.${NUM})*)(?:-(${NUM}))?$`);
const R_FORM = new RegExp(`^R(${NUM}(?:\\.${NUM})*)$`);
// Hitachi writes both fields with exactly two digits, leading zero included.
const VVRR = /^([0-9]{2})-([0-9]{2})$/;

/** The scheme a text is written in, or null when it fits none. "NN-NN" is VV-RR, not dotted-with-release. */
export function detectScheme(text: string): Scheme | null {
  const s = text.trim();
  if (R_FORM.test(s)) return 'r';
  if (VVRR.test(s)) return 'vvrr';
  // "5-1" has no dot: too ambiguous to guess a scheme for; pass scheme 'dotted' explicitly for it.
  if (DOTTED.test(s) && (s.includes('.') || !s.includes('-'))) return 'dotted';
  return null;
}

/**
 * Parses a vendor version string; null when it is not one (placeholders such as "5.5.x-y",
 * wildcards "5.x", "R", "", "abc", kernel releases such as "2.6.9-78.EL").
 * With a scheme the text must be written in that scheme's form ("12.8" is not an 'r' version).
 * Surrounding whitespace is ignored.
 */
export function parseVersion(text: string, scheme?: Scheme): Version | null {
  const s = text.trim();
  const chosen = scheme ?? detectScheme(s);
  if (chosen === null) return null;
  switch (chosen) {
    case 'dotted': {
      const m = DOTTED.exec(s);
      if (!m || m[1] === undefined) return null;
      const parts = splitNumbers(m[1]);
      return m[2] === undefined ? { scheme: 'dotted', parts } : { scheme: 'dotted', parts, release: Number(m[2]) };
    }
    case 'r': {
      const m = R_FORM.exec(s);
      if (!m || m[1] === undefined) return null;
      return { scheme: 'r', parts: splitNumbers(m[1]) };
    }
    case 'vvrr': {
      const m = VVRR.exec(s);
      if (!m) return null;
      return { scheme: 'vvrr', parts: [Number(m[1]), Number(m[2])] };
    }
  }
}

/** Like parseVersion, but throws a VersionError naming the text instead of returning null. */
export function toVersion(value: string | Version, scheme?: Scheme): Version {
  if (typeof value !== 'string') return value;
  const v = parseVersion(value, scheme);
  if (v === null) {
    const form = scheme === undefined ? 'any known form' : `the '${scheme}' form`;
    throw new VersionError(`"${value}" is not a version in ${form} (e.g. 5.5.1-2, R12.8, 02-10)`);
  }
  return v;
}

/** The canonical vendor text: "5.5.1-2", "R12.4.1", "02-10". parseVersion(formatVersion(v)) equals v. */
export function formatVersion(v: Version): string {
  switch (v.scheme) {
    case 'dotted':
      return v.parts.join('.') + (v.release === undefined ? '' : `-${v.release}`);
    case 'r':
      return `R${v.parts.join('.')}`;
    case 'vvrr':
      return v.parts.map((n) => String(n).padStart(2, '0')).join('-');
  }
}

function splitNumbers(text: string): number[] {
  return text.split('.').map(Number);
}
