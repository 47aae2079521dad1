// The range syntax of definition conditions, written the way the procedures state their branches.
import { describe, expect, it } from 'vitest';
import { parseRange, satisfies, VersionError, VersionRangeError } from '../../src/versions/index.js';

function matching(range: string, versions: string[]): string[] {
  return versions.filter((v) => satisfies(v, range));
}

describe('satisfies', () => {
  // 000: "バージョン 5.4以前の db.conf" vs "バージョン 5.5から": the db.conf migration applies from < 5.5.
  it('compares with one operator', () => {
    const installed = ['5.4', '5.4.3', '5.5', '5.5.0-1', '5.5.1-2'];
    expect(matching('<5.5', installed)).toEqual(['5.4', '5.4.3']);
    expect(matching('<=5.4.3', installed)).toEqual(['5.4', '5.4.3']);
    expect(matching('>5.5', installed)).toEqual(['5.5.0-1', '5.5.1-2']);
    expect(matching('>=5.5', installed)).toEqual(['5.5', '5.5.0-1', '5.5.1-2']);
  });

  // 002: the branches "R12.4以前 / R12.4.1以降", "R12.4.x以前 / R12.5以降", "R12.7.x以前 / R12.8以降".
  it('selects the JobCenter branches, wildcards included', () => {
    const installed = ['R12.4', 'R12.4.1', 'R12.4.3', 'R12.5', 'R12.7', 'R12.7.2', 'R12.8', 'R13.1'];
    expect(matching('<=R12.4', installed)).toEqual(['R12.4']);
    expect(matching('>=R12.4.1 <=R12.7.x', installed)).toEqual(['R12.4.1', 'R12.4.3', 'R12.5', 'R12.7', 'R12.7.2']);
    expect(matching('<=R12.4.x', installed)).toEqual(['R12.4', 'R12.4.1', 'R12.4.3']);
    expect(matching('>=R12.5', installed)).toEqual(['R12.5', 'R12.7', 'R12.7.2', 'R12.8', 'R13.1']);
    expect(matching('>=R12.8', installed)).toEqual(['R12.8', 'R13.1']);
    expect(matching('R12.7.x', installed)).toEqual(['R12.7', 'R12.7.2']);
    expect(matching('<R12.7.x', installed)).toEqual(['R12.4', 'R12.4.1', 'R12.4.3', 'R12.5']);
    expect(matching('>R12.7.x', installed)).toEqual(['R12.8', 'R13.1']);
  });

  // 003: IA64 and PPC64 may take the update from these releases only; 2.1.1-1 is deliberately absent.
  it('selects the CLUSTERPRO releases that may take the update (OR of exact versions)', () => {
    const ia64 = '=2.0.0-1 || =2.0.1-1 || =2.0.2-1 || =2.0.3-1 || =2.1.0-1 || =2.1.2-1';
    const installed = ['2.0.0-1', '2.0.3-1', '2.1.1-1', '2.1.2-1', '2.1.3-1', '2.0.0'];
    expect(matching(ia64, installed)).toEqual(['2.0.0-1', '2.0.3-1', '2.1.2-1']);
  });

  it('treats = like compareVersions: trailing zeros match, a release must be written', () => {
    expect(satisfies('5.5.0', '=5.5')).toBe(true);
    expect(satisfies('2.1.2-1', '=2.1.2')).toBe(false);
    expect(satisfies('2.1.2-1', '2.1.2-1')).toBe(true); // no operator means =
  });

  it('combines AND (space) and OR (||)', () => {
    const range = '>=2.0.2 <=2.1.1 || =2.1.3-1';
    const installed = ['2.0.1', '2.0.2', '2.1.1', '2.1.1-1', '2.1.2', '2.1.3-1'];
    expect(matching(range, installed)).toEqual(['2.0.2', '2.1.1', '2.1.3-1']);
    expect(matching('>= 2.0.2  <= 2.1.1', installed)).toEqual(['2.0.2', '2.1.1']); // spaces after operators
  });

  // 003 change list: "2.1.3-1 / 2.0.0-1~2.1.2-1" (fixed in / affected versions), written a..b here.
  it('accepts an inclusive span a..b', () => {
    const installed = ['2.0.0', '2.0.0-1', '2.1.0-1', '2.1.2-1', '2.1.3-1'];
    expect(matching('2.0.0-1..2.1.2-1', installed)).toEqual(['2.0.0-1', '2.1.0-1', '2.1.2-1']);
  });

  it('handles Groupmax VV-RR and Version objects', () => {
    expect(satisfies('02-00', '=02-00')).toBe(true);
    expect(satisfies('02-10', '=02-00')).toBe(false);
    expect(satisfies({ scheme: 'vvrr', parts: [2, 10] }, parseRange('>=02-00 <03-00'))).toBe(true);
  });

  it('refuses a version of another form than the range', () => {
    expect(() => satisfies('R12.8', '<5.5')).toThrow(VersionError);
    expect(() => satisfies('5.x', '<5.5')).toThrow(/"5\.x" is not a version/);
  });
});

describe('parseRange refuses what a definition must not contain', () => {
  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['<5.5 ||', /alternative 2/],
    ['|| <5.5', /alternative 1/],
    ['<5.x.1', /"5\.x\.1" in "<5\.x\.1" is not a version/],
    ['>=abc', /"abc" in ">=abc" is not a version/],
    ['=>5.5', /unknown operator/],
    ['<<5.5', /unknown operator/],
    ['>=R12.8 <5.5', /mixes version forms/],
    ['R12.4..5.5', /mixes version forms/],
    ['2.1.2-1..2.0.0-1', /is empty: 2\.1\.2-1 is newer than 2\.0\.0-1/],
    ['>=2.0.0..2.1.0', /takes no operator/],
    ['1..2..3', /not a span of two versions/],
    ['02-xx', /"02-xx" in "02-xx" is not a version/],
    ['5.5.x-y', /is not a version/],
    ['R', /"R" in "R" is not a version/],
  ])('%j', (range, message) => {
    expect(() => parseRange(range)).toThrow(VersionRangeError);
    expect(() => parseRange(range)).toThrow(message);
  });

  it('names the range and the reason on the error', () => {
    try {
      parseRange('<5.5 ||');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VersionRangeError);
      const e = error as VersionRangeError;
      expect(e.range).toBe('<5.5 ||');
      expect(e.message).toBe('invalid version range "<5.5 ||": alternative 2 (around "||") is empty');
    }
  });
});
