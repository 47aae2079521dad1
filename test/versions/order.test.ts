// Ordering and generations. Each list is shuffled, sorted with compareVersions and compared with
// the order the vendor means; a sort catches inconsistencies a single pairwise check would miss.
import { describe, expect, it } from 'vitest';
import { compareVersions, inFamily, VersionError } from '../../src/versions/index.js';

function sorted(texts: string[]): string[] {
  return [...texts].reverse().sort(compareVersions);
}

describe('compareVersions', () => {
  it('orders ShareTask server and client versions', () => {
    const order = ['5.2.3', '5.2.3.1', '5.2.3.2', '5.2.10.1', '5.4', '5.4.3', '5.5', '5.5.1', '5.5.1-2', '5.5.1-10', '5.5.2'];
    expect(sorted(order)).toEqual(order);
  });

  // x-y: y is a vendor release number. As a semver pre-release 5.5.1-2 would sort BEFORE 5.5.1,
  // and "10" < "2" as text; both would pick the wrong branch of a procedure.
  it('sorts a release after the bare version and compares releases as numbers', () => {
    expect(compareVersions('5.5.1-2', '5.5.1')).toBe(1);
    expect(compareVersions('5.5.1-2', '5.5.1-10')).toBe(-1);
    expect(compareVersions('5.5.1-10', '5.5.2')).toBe(-1);
    expect(compareVersions('5.5.0-1', '5.5.0')).toBe(1);
    expect(compareVersions('2.1.3-1', '2.1.3-1')).toBe(0);
  });

  it('treats missing trailing parts as 0', () => {
    expect(compareVersions('5.5', '5.5.0')).toBe(0);
    expect(compareVersions('5.5', '5.5.0.0')).toBe(0);
    expect(compareVersions('5.5-1', '5.5.0-1')).toBe(0);
    expect(compareVersions('R12.4', 'R12.4.0')).toBe(0);
  });

  it('orders CLUSTERPRO releases, the updatable ones below the 2.1.3-1 target', () => {
    const order = ['1.0', '2.0.0', '2.0.0-1', '2.0.1-1', '2.0.2-1', '2.0.3-1', '2.1.0-1', '2.1.1-1', '2.1.2-1', '2.1.3-1'];
    expect(sorted(order)).toEqual(order);
  });

  // 002 splits at "R12.4以前 / R12.4.1以降", "R12.4.x以前 / R12.5以降", "R12.7.x以前 / R12.8以降".
  it('orders JobCenter R-versions part by part', () => {
    const order = ['R12.4', 'R12.4.1', 'R12.5', 'R12.7', 'R12.7.2', 'R12.8', 'R12.10', 'R13.1', 'R13.2', 'R13.2.1'];
    expect(sorted(order)).toEqual(order);
  });

  it('orders Groupmax VV-RR revisions', () => {
    const order = ['02-00', '02-10', '03-00', '05-00', '06-00'];
    expect(sorted(order)).toEqual(order);
    expect(compareVersions('02-10', '02-00')).toBe(1);
  });

  // Directory Server 4.13 -> 4.16: parts are numbers, not decimals (4.16 > 4.2 although 0.16 < 0.2).
  it('orders iPlanet and Directory Server versions', () => {
    expect(sorted(['5.0', '5.1', '5.2'])).toEqual(['5.0', '5.1', '5.2']);
    expect(sorted(['4.13', '4.16', '4.2', '5.1'])).toEqual(['4.2', '4.13', '4.16', '5.1']);
  });

  it('refuses to compare different forms or text that is no version', () => {
    expect(() => compareVersions('R12.8', '12.8')).toThrow(VersionError);
    expect(() => compareVersions('02-00', '2.0')).toThrow(/different version forms/);
    expect(() => compareVersions('5.x', '5.5')).toThrow(/"5\.x" is not a version/);
  });
});

describe('inFamily', () => {
  // "Version2.0の02-00からバージョンアップする場合" (001 l.84): 02-00 is one revision of Version 2.0,
  // so "2.0" (and "2") name every 02-xx revision, and the extra 02-00 branch is an exact match.
  it('maps Groupmax short names to their VV-RR revisions', () => {
    expect(inFamily('02-00', '2.0')).toBe(true);
    expect(inFamily('02-10', '2.0')).toBe(true);
    expect(inFamily('02-10', '2')).toBe(true);
    expect(inFamily('03-00', '2.0')).toBe(false);
    expect(inFamily('05-00', '5')).toBe(true);
    expect(inFamily('03-00', '3')).toBe(true);
    expect(inFamily('05-00', '3')).toBe(false);
  });

  it('refuses a Groupmax generation no procedure names rather than guessing', () => {
    expect(() => inFamily('02-10', '2.1')).toThrow(VersionError);
    expect(() => inFamily('02-10', 'R2')).toThrow(VersionError);
  });

  it('matches dotted and R versions by prefix, with the wildcards the seeds write', () => {
    expect(inFamily('5.5.1-2', '5.5')).toBe(true);
    expect(inFamily('5.5.1-2', '5.5.x')).toBe(true);
    expect(inFamily('5.4.3', '5.5')).toBe(false);
    expect(inFamily('5.2.3.1', '5.2.x.x')).toBe(true);
    expect(inFamily('5.5', '5.5.0')).toBe(true);
    expect(inFamily('R12.7.2', 'R12.7.x')).toBe(true);
    expect(inFamily('R12.8', 'R12.7.x')).toBe(false);
    expect(inFamily('2.1.3-1', '2.x')).toBe(true);
    expect(() => inFamily('R12.7', '12.7')).toThrow(/different version forms/);
  });

  it('refuses a family that is not one', () => {
    expect(() => inFamily('5.5', 'abc')).toThrow(/not a version family/);
    expect(() => inFamily('5.5', '5.5.x-y')).toThrow(/not a version family/);
  });
});
