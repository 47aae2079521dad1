// parseVersion's edges: what it refuses, how an explicit scheme narrows it, and scheme detection.
// Refusing (null) is the safe answer: the wizard then asks instead of picking a branch on a guess.
import { describe, expect, it } from 'vitest';
import { detectScheme, formatVersion, parseVersion, toVersion, VersionError } from '../../src/versions/index.js';

describe('parseVersion', () => {
  it.each([
    '', ' ', 'abc', 'R', 'r12.8', 'V5', '5.x', '5.', '.5', '5..5', '5.5-', '5.5-x', '5.5-1-2', '-1',
    '1.01', // a leading zero: 1.01 might mean 1.1 or not; refuse to guess
    '2-00', '002-00', '02-0', '02-00-01', // VV-RR is exactly two digits each
    'R12.8-1', 'R 12.8', '1234567890', // no release on R-versions; at most 9 digits per part
    '5-1', // no dot: a dotted release or a misspelt VV-RR? (accepted only with scheme 'dotted')
  ])('refuses %j', (text) => {
    expect(parseVersion(text)).toBeNull();
  });

  it('ignores surrounding whitespace, as found in command output', () => {
    expect(parseVersion(' 2.1.3-1\n')).toEqual({ scheme: 'dotted', parts: [2, 1, 3], release: 1 });
  });

  it('keeps a written 0 release distinct from none', () => {
    const v = parseVersion('5.5.0-0');
    expect(v?.release).toBe(0);
    expect(v && formatVersion(v)).toBe('5.5.0-0');
  });

  it('with an explicit scheme, accepts only that form', () => {
    expect(parseVersion('12.8', 'r')).toBeNull();
    expect(parseVersion('R12.8', 'dotted')).toBeNull();
    expect(parseVersion('2.0', 'vvrr')).toBeNull(); // a Groupmax short name is a family: see inFamily
    expect(parseVersion('02-00', 'dotted')).toBeNull();
    expect(parseVersion('5-1', 'dotted')).toEqual({ scheme: 'dotted', parts: [5], release: 1 });
  });
});

describe('detectScheme', () => {
  it('tells the three forms apart', () => {
    expect(detectScheme('R13.2.1')).toBe('r');
    expect(detectScheme('02-10')).toBe('vvrr');
    expect(detectScheme('5.5.1-2')).toBe('dotted');
    expect(detectScheme('5')).toBe('dotted');
    expect(detectScheme('5.x')).toBeNull();
  });
});

describe('toVersion', () => {
  it('throws a VersionError naming the text', () => {
    expect(() => toVersion('5.x')).toThrow(VersionError);
    expect(() => toVersion('12.8', 'r')).toThrow(/"12\.8" is not a version in the 'r' form/);
  });
});
