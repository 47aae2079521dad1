// Every version string of the five vendor procedures (/work/shared/seeds/*.txt) must parse into the
// scheme its product uses and print back unchanged; the placeholders and non-versions they contain
// must be refused. The lists were made by grepping each seed for version-looking strings; the
// comment on each entry says where it stands. Strings marked (brief) are the forms the wizard must
// also accept although the seed only shows a placeholder for them.
import { describe, expect, it } from 'vitest';
import { formatVersion, parseVersion, type Scheme } from '../../src/versions/index.js';

const seeds: Record<string, { scheme: Scheme; texts: string[] }> = {
  // 000 ShareTask 5.5 server; the agent/client packages are 5.2.x.y.
  '000 ShareTask': {
    scheme: 'dotted',
    texts: [
      '5.5', // "ShareTask 5.5へバージョンアップ" (l.3), "バージョン 5.5から" (l.349)
      '5.4', // "バージョン 5.4以前の db.confの記述形式" (l.355)
      '5.5.0', // a concrete sharetask_server-5.5.x-y (l.149), no release
      '5.4.3', // (brief) an installed server version
      '5.5.1-2', // (brief) 5.5.x-y: y is the vendor release
      '5.5.1-10', // (brief) a two-digit release
      '5.2.3.1', // (brief) sharetask-client-5.2.x.y.zip (l.592): four parts
    ],
  },
  // 001 Groupmax: "Version 5", "Version 3", "Version2.0" -> "Version 6"; these short forms are dotted.
  '001 Groupmax short forms': {
    scheme: 'dotted',
    texts: ['5', '3', '2.0', '6'], // (1) l.2, (2) l.32, (3) l.64, target l.3
  },
  '001 Groupmax VV-RR': {
    scheme: 'vvrr',
    texts: [
      '02-00', // "Version2.0の02-00からバージョンアップする場合" (l.84)
      '02-10', // (brief) a later revision of Version 2.0
      '03-00', // (brief) Version 3
      '05-00', // (brief) Version 5
    ],
  },
  // 002 JobCenter R13.2 in clusters: the branches split at R12.4 / R12.4.1, R12.4.x / R12.5, R12.7.x / R12.8.
  '002 JobCenter': {
    scheme: 'r',
    texts: [
      'R12.4', // "適用前のバージョンがR12.4以前の場合" (l.206)
      'R12.4.1', // "R12.4.1以降の場合" (l.316)
      'R12.5', // "R12.5以降の場合" (l.1148)
      'R12.7', // "Linux版JobCenter R12.7以降を前提" (l.1659)
      'R12.7.2', // (brief) one of "R12.7.x以前" (l.56)
      'R12.8', // "IA-32/x64版(R12.8以降)" (l.55)
      'R13.1', // "jcdbs(R13.1以降のみ)" (l.1789)
      'R13.2', // title (l.5)
      'R13.2.1', // "R13.2.1リリースに伴い版改訂" (l.46)
    ],
  },
  // 003 CLUSTERPRO X 2.x: rpm "Version: 2.0.0 / Release: 1" is written 2.0.0-1 (rpm file names, change lists).
  '003 CLUSTERPRO': {
    scheme: 'dotted',
    texts: [
      '2.0.0', // rpm -qi "Version : 2.0.0" (l.88)
      '2.0.2', // rpm -qi "Version : 2.0.2" on VMware ESX 3.5 (l.243)
      '2.0.0-1', // "Version 2.0.0 Release 1" (l.98), Builder "Version 2.0.0-1" (l.357)
      '2.0.1-1', // l.99, Builder l.358
      '2.0.2-1', // l.100, Builder l.359
      '2.0.3-1', // l.101
      '2.1.0-1', // l.102, Builder l.360, clusterpro-2.1.0-1.i686.rpm (l.274)
      '2.1.1-1', // l.103 (IA32/x86_64 only), Builder target "Version 2.1.1-1" (l.364)
      '2.1.2-1', // l.104
      '2.1.3-1', // the update's result "Version 2.1.3 Release 1" (l.108)
      '1.0', // "CLUSTERPRO X 1.0 for Linux" (l.34)
      '2.0', // "CLUSTERPRO X 2.0 for Linux" (l.21)
      '2.1', // "CLUSTERPRO X 2.1 for Linux" (l.13)
      '3.5', // "VMware ESX 3.5版" (l.74)
      '4.0', // "VMware ESX 4.0を含む" (l.74)
    ],
  },
  // 004 iPlanet Messaging Server 5.2 (UNIX) and the products around it.
  '004 iPlanet': {
    scheme: 'dotted',
    texts: [
      '5.0', // (brief) an older Messaging Server
      '5.1', // "iPlanet Messaging Server 5.1 など" (l.110)
      '5.2', // the target, throughout
      '4.13', // "Netscape Directory Server 4.13" (l.88)
      '4.16', // "Netscape Directory Server 4.16 が付属" (l.88)
      '6.0', // "iPlanet Web Server 6.0 Service Pack 2" (l.175)
      '1.2', // "Delegated Administrator ... 1.2" (l.177)
      '2.2', // "Sun Cluster 2.2" (l.199)
      '3.0', // "Sun Cluster 3.0" (l.245)
    ],
  },
};

describe('every version in the seeds', () => {
  for (const [where, { scheme, texts }] of Object.entries(seeds)) {
    it.each(texts)(`${where}: %s parses as ${scheme} and prints back unchanged`, (text) => {
      const v = parseVersion(text);
      expect(v?.scheme).toBe(scheme);
      expect(parseVersion(text, scheme)).toEqual(v);
      if (v === null) return;
      expect(formatVersion(v)).toBe(text);
    });
  }

  it('reads the parts the vendors mean', () => {
    expect(parseVersion('5.5.1-2')).toEqual({ scheme: 'dotted', parts: [5, 5, 1], release: 2 });
    expect(parseVersion('5.2.3.1')).toEqual({ scheme: 'dotted', parts: [5, 2, 3, 1] });
    expect(parseVersion('R12.4.1')).toEqual({ scheme: 'r', parts: [12, 4, 1] });
    expect(parseVersion('02-10')).toEqual({ scheme: 'vvrr', parts: [2, 10] });
  });
});

describe('placeholders and non-versions in the seeds are refused', () => {
  it.each([
    '5.5.x-y', // 000 l.149 sharetask_server-5.5.x-y.tar.gz: a placeholder, not a version
    '5.2.x.y', // 000 l.592 sharetask-client-5.2.x.y.zip
    'R12.7.x', // 002 l.56 "R12.7.x以前": a wildcard; ranges accept it, a version is not one
    'R12.4.x', // 002 l.1137
    'xx.x.x-1', // 002 l.1887 NECJcpt-xx.x.x-1.i386.rpm
    '2.x', // 003 l.3 "CLUSTERPRO X 2.x"
    '5.x', // 004 l.150 "5.x から 5.2"
    '2.6.9-67.0.20.EL', // 003 l.1033 a kernel release, not a product version
    '2.6.9-78.EL', // 003 l.1033
    'CPRO-XL050-06', // 003 l.7 an update id
    'UL4276-202', // 003 l.13 a product code
    'Version2.0', // 001 l.64: the caller strips the word "Version"
  ])('%s', (text) => {
    expect(parseVersion(text)).toBeNull();
  });
});
