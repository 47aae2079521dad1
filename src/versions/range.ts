// The small range syntax that definitions use in conditions. Pure: no I/O.
//
//   range        := alternative ('||' alternative)*       OR
//   alternative  := term (' ' term)*                      AND (whitespace separates terms)
//   term         := [op] operand | version '..' version   (span: both ends included)
//   op           := '<' | '<=' | '>' | '>=' | '='         (none means '=')
//   operand      := a version (5.5, 2.1.2-1, R12.8, 02-10), or a dotted/R version ending in
//                   wildcard parts x, X or * (R12.7.x) as the procedures write "R12.7.x以前".
//
// Examples: "<5.5", ">=R12.8", ">=2.0.2 <=2.1.1", "=2.0.0-1 || =2.0.1-1", "<=R12.7.x",
// "2.0.0-1..2.1.2-1" (the CLUSTERPRO notes write it "2.0.0-1~2.1.2-1").
// "=" compares like compareVersions: "=5.5" matches 5.5.0, "=2.1.2" does not match 2.1.2-1.
// Every operand of one range must be of one scheme; the version tested must be of that scheme too.
import { assertSameScheme, compareVersions, type VersionLike } from './compare.js';
import { formatVersion, parseVersion, toVersion, VersionError, type Scheme, type Version } from './parse.js';

export type Operator = '<' | '<=' | '>' | '>=' | '=';

export interface Comparator {
  readonly op: Operator;
  readonly version: Version;
}

export interface VersionRange {
  /** The text as written in the definition, for messages. */
  readonly text: string;
  readonly scheme: Scheme;
  /** OR of ANDs: satisfied when every comparator of at least one alternative holds. */
  readonly alternatives: readonly (readonly Comparator[])[];
}

/** A range in a definition that cannot be parsed; the message says which part and why. */
export class VersionRangeError extends VersionError {
  constructor(
    readonly range: string,
    readonly reason: string,
  ) {
    super(`invalid version range "${range}": ${reason}`);
    this.name = 'VersionRangeError';
  }
}

/** Parses a range; throws VersionRangeError. Definition loaders call it to validate at load time. */
export function parseRange(text: string): VersionRange {
  const fail = (reason: string): never => {
    throw new VersionRangeError(text, reason);
  };
  if (text.trim() === '') fail('it is empty');
  const alternatives = text.split('||').map((alt, i) => {
    // ">= 2.0.2" is accepted as ">=2.0.2": glue an operator to its operand before splitting on spaces.
    const glued = alt.trim().replace(/(<=|>=|<|>|=)\s+/g, '$1');
    const terms = glued === '' ? [] : glued.split(/\s+/);
    if (terms.length === 0) fail(`alternative ${i + 1} (around "||") is empty`);
    return terms.flatMap((term) => parseTerm(term, fail));
  });
  const schemes = new Set(alternatives.flat().map((c) => c.version.scheme));
  const [scheme] = schemes;
  if (scheme === undefined) return fail('it has no comparisons');
  if (schemes.size > 1) fail(`it mixes version forms (${[...schemes].join(', ')})`);
  return { text, scheme, alternatives };
}

/**
 * True when version lies in range. A string range is parsed first (VersionRangeError when bad).
 * A version of another scheme than the range's (R12.8 against "<5.5") throws a VersionError.
 */
export function satisfies(version: VersionLike, range: string | VersionRange): boolean {
  const v = toVersion(version);
  const r = typeof range === 'string' ? parseRange(range) : range;
  const first = r.alternatives[0]?.[0];
  if (first !== undefined) assertSameScheme(v, first.version);
  return r.alternatives.some((alt) => alt.every((c) => holds(compareVersions(v, c.version), c.op)));
}

function holds(order: -1 | 0 | 1, op: Operator): boolean {
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}

const TERM = /^(<=|>=|<|>|=)?(.+)$/;
const WILDCARD = /^(R?(?:0|[1-9][0-9]{0,8})(?:\.(?:0|[1-9][0-9]{0,8}))*)((?:\.(?:x|X|\*))+)$/;

function parseTerm(term: string, fail: (reason: string) => never): Comparator[] {
  const m = TERM.exec(term);
  const op = (m?.[1] ?? '=') as Operator;
  const operand = m?.[2] ?? '';
  if (/^[<>=]/.test(operand)) fail(`"${term}" has an unknown operator (use <, <=, >, >= or =)`);
  if (operand.includes('..')) {
    if (m?.[1] !== undefined) fail(`"${term}": a span a..b takes no operator`);
    const ends = operand.split('..');
    if (ends.length !== 2) fail(`"${term}" is not a span of two versions a..b`);
    const lo = exact(ends[0] ?? '', term, fail);
    const hi = exact(ends[1] ?? '', term, fail);
    if (lo.scheme !== hi.scheme) fail(`"${term}" mixes version forms`);
    if (compareVersions(lo, hi) > 0) fail(`"${term}" is empty: ${formatVersion(lo)} is newer than ${formatVersion(hi)}`);
    return [
      { op: '>=', version: lo },
      { op: '<=', version: hi },
    ];
  }
  const w = WILDCARD.exec(operand);
  if (w?.[1] !== undefined) return wildcard(op, w[1], term, fail);
  return [{ op, version: exact(operand, term, fail) }];
}

function exact(text: string, term: string, fail: (reason: string) => never): Version {
  const v = parseVersion(text);
  if (v === null) {
    return fail(`"${text}" in "${term}" is not a version (e.g. 5.5, 2.1.2-1, R12.8, 02-10; wildcards only at the end: R12.7.x)`);
  }
  return v;
}

// A wildcard operand stands for the half-open interval [low, high): R12.7.x is [R12.7, R12.8).
function wildcard(op: Operator, prefix: string, term: string, fail: (reason: string) => never): Comparator[] {
  const low = exact(prefix, term, fail);
  const parts = [...low.parts];
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + 1;
  const high: Version = { scheme: low.scheme, parts };
  switch (op) {
    case '=':
      return [
        { op: '>=', version: low },
        { op: '<', version: high },
      ];
    case '<':
      return [{ op: '<', version: low }];
    case '<=':
      return [{ op: '<', version: high }];
    case '>':
      return [{ op: '>=', version: high }];
    case '>=':
      return [{ op: '>=', version: low }];
  }
}
