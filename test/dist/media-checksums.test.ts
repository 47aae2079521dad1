// Checksums of the media packages (src/detect/checksums.ts) on real files in a temp dir, and
// the blockers the plan makes of them (src/plan/media-checks.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMediaFiles, parseChecksumList, sha256File } from '../../src/detect/checksums.js';
import type { Definition } from '../../src/model/definition.js';
import type { Facts, MediaFile } from '../../src/model/facts.js';
import { mediaCheckBlockers } from '../../src/plan/media-checks.js';

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

let media: string;
beforeEach(() => {
  media = mkdtempSync(join(tmpdir(), 'uw-media-'));
});
afterEach(() => rmSync(media, { recursive: true, force: true }));

function put(rel: string, content: string | Buffer): MediaFile {
  const path = join(media, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return { path, name: rel.split('/').pop() as string, groups: {} };
}

describe('parseChecksumList', () => {
  it('reads sha256sum (text and binary mode), BSD lines, CRLF, a BOM and a bare hash', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    const text = `\uFEFF# made on the CD\r\n${a}  server.tar.gz\r\n${b} *sub/license.tar.gz\r\nSHA256 (custom.tar.gz) = ${a}\r\nMD5 (x) = 123\r\n\r\n`;
    expect([...parseChecksumList(text)]).toEqual([
      ['server.tar.gz', a],
      ['sub/license.tar.gz', b.toLowerCase()],
      ['custom.tar.gz', a],
    ]);
    expect(parseChecksumList(`${a}\n`).get('')).toBe(a);
    expect(parseChecksumList(`${a}  .\\win\\pkg.zip\n`).get('win/pkg.zip')).toBe(a);
  });
});

describe('checkMediaFiles', () => {
  it('streams large files to the same hash as hashing them whole', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'x');
    const f = put('big.tar.gz', big);
    expect(await sha256File(f.path)).toBe(sha(big));
  });

  it('ok, mismatch and unlisted against a SHA256SUMS at the media root, for packages in sub-folders too', async () => {
    const server = put('server/sharetask_server-5.5.1-2.tar.gz', 'server bytes');
    const custom = put('custom_NAB_20240401.tar.gz', 'custom bytes');
    const license = put('License_NAB_20271231_100.tar.gz', 'license bytes');
    writeFileSync(join(media, 'SHA256SUMS'), `${sha('server bytes')}  server/sharetask_server-5.5.1-2.tar.gz\n${sha('other bytes')}  custom_NAB_20240401.tar.gz\n`);
    const checks = await checkMediaFiles(media, { server, custom, license });
    const list = join(media, 'SHA256SUMS');
    expect(checks.server).toEqual({ status: 'ok', file: server.path, list, expected: sha('server bytes'), actual: sha('server bytes') });
    expect(checks.custom).toEqual({ status: 'mismatch', file: custom.path, list, expected: sha('other bytes'), actual: sha('custom bytes') });
    expect(checks.license).toEqual({ status: 'unlisted', file: license.path, list });
  });

  it('NAME.sha256 beside a package, and the nearest SHA256SUMS, win over a list higher up', async () => {
    const server = put('server/pkg.tar.gz', 'server bytes');
    writeFileSync(join(media, 'server/pkg.tar.gz.sha256'), `${sha('server bytes')}\n`);
    const rpm = put('rpm/clusterpro.rpm', 'rpm bytes');
    writeFileSync(join(media, 'rpm/sha256sums.txt'), `${sha('rpm bytes')}  clusterpro.rpm\n`);
    writeFileSync(join(media, 'SHA256SUMS'), `${'0'.repeat(64)}  server/pkg.tar.gz\n${'0'.repeat(64)}  rpm/clusterpro.rpm\n`);
    const checks = await checkMediaFiles(media, { server, rpm });
    expect(checks.server).toMatchObject({ status: 'ok', list: join(media, 'server/pkg.tar.gz.sha256') });
    expect(checks.rpm).toMatchObject({ status: 'ok', list: join(media, 'rpm/sha256sums.txt') });
  });

  it('without any checksum file every package is unverified; a package beside a .sha256 makes the others unlisted, by no list', async () => {
    const a = put('a.tar.gz', 'a');
    const b = put('b.tar.gz', 'b');
    expect(await checkMediaFiles(media, { a, b })).toEqual({ a: { status: 'unverified', file: a.path }, b: { status: 'unverified', file: b.path } });
    writeFileSync(`${a.path}.sha256`, `${sha('a')}  a.tar.gz\n`);
    const checks = await checkMediaFiles(media, { a, b });
    expect(checks.a?.status).toBe('ok');
    // a.tar.gz.sha256 speaks for a.tar.gz only: it is not the list b is missing from.
    expect(checks.b).toEqual({ status: 'unlisted', file: b.path });
    // A SHA256SUMS is: b is unlisted there.
    writeFileSync(join(media, 'SHA256SUMS'), `${sha('a')}  a.tar.gz\n`);
    expect((await checkMediaFiles(media, { a, b })).b).toEqual({ status: 'unlisted', file: b.path, list: join(media, 'SHA256SUMS') });
  });

  it('a package that cannot be read is reported with the reason', async () => {
    symlinkSync(join(media, 'nowhere.tar.gz'), join(media, 'broken.tar.gz'));
    writeFileSync(join(media, 'SHA256SUMS'), `${sha('x')}  broken.tar.gz\n`);
    const checks = await checkMediaFiles(media, { broken: { path: join(media, 'broken.tar.gz'), name: 'broken.tar.gz', groups: {} } });
    expect(checks.broken).toMatchObject({ status: 'unreadable', expected: sha('x') });
    expect(checks.broken?.detail).toContain('ENOENT');
  });
});

describe('mediaCheckBlockers', () => {
  const def = {
    media: {
      server: { pattern: 'x', required: true, title: { en: 'The server package', ja: 'サーバーパッケージ' } },
      custom: { pattern: 'y', required: false, when: { q: 'custom', eq: 'yes' }, title: { en: 'custom', ja: 'カスタム' } },
    },
  } as unknown as Definition; // only .media is read
  const facts = (mediaChecks: Facts['mediaChecks']): Facts =>
    ({ root: '', mediaFiles: {}, isRoot: true, hasServiceCommand: true, runningServices: [], detected: {}, mediaChecks }) as Facts;

  it('a mismatch and an unlisted package are blockers with stable ids naming the file; unverified is one warning', () => {
    const out = mediaCheckBlockers(def, { custom: 'yes' }, facts({
      server: { status: 'mismatch', file: '/cd/server.tgz', list: '/cd/SHA256SUMS', expected: 'e', actual: 'a' },
      custom: { status: 'unlisted', file: '/cd/custom.tgz', list: '/cd/SHA256SUMS' },
    }), 'en');
    expect(out.blockers.map((b) => b.id)).toEqual(['media-checksum:server', 'media-unlisted:custom']);
    expect(out.blockers[0]?.message).toContain('/cd/server.tgz does not match its checksum in /cd/SHA256SUMS');
    expect(out.blockers[0]?.fix).toContain('sha256sum -c SHA256SUMS" in /cd');
    const ja = mediaCheckBlockers(def, {}, facts({ server: { status: 'unverified', file: '/cd/server.tgz' } }), 'ja');
    expect(ja).toEqual({ blockers: [], warnings: [expect.stringContaining('/cd/server.tgz に対応する SHA256SUMS')], checked: [] });
  });

  it('a package without a checksum, when only other packages have a NAME.sha256, is said to have none (not to be missing from their file)', () => {
    const f = { ...facts({
      server: { status: 'ok', file: '/cd/sharetask_server-5.5.1-2.tar.gz', list: '/cd/sharetask_server-5.5.1-2.tar.gz.sha256' },
      custom: { status: 'unlisted', file: '/cd/custom_NAB_20240401.tar.gz' },
    }), media: '/cd' };
    const en = mediaCheckBlockers(def, { custom: 'yes' }, f, 'en');
    expect(en.blockers).toEqual([{
      id: 'media-unlisted:custom',
      message: 'there is no checksum for the package /cd/custom_NAB_20240401.tar.gz, so it cannot be verified (only sharetask_server-5.5.1-2.tar.gz has a NAME.sha256 beside it, and the media has no SHA256SUMS)',
      fix: expect.stringContaining('custom_NAB_20240401.tar.gz.sha256 beside it (in /cd)'),
    }]);
    expect(en.blockers[0]?.message).not.toContain('is not listed in');
    const ja = mediaCheckBlockers(def, { custom: 'yes' }, f, 'ja');
    expect(ja.blockers[0]?.message).toContain('パッケージ /cd/custom_NAB_20240401.tar.gz のチェックサムがないため、検証できません (同じ場所に NAME.sha256 があるのは sharetask_server-5.5.1-2.tar.gz だけ');
    expect(ja.blockers[0]?.fix).toContain('custom_NAB_20240401.tar.gz.sha256');
  });

  it('a package the answers do not use is not held against the plan', () => {
    const out = mediaCheckBlockers(def, { custom: 'no' }, facts({ custom: { status: 'mismatch', file: '/cd/custom.tgz', list: '/cd/SHA256SUMS' } }), 'en');
    expect(out).toEqual({ blockers: [], warnings: [], checked: [] });
  });

  it('verified packages are one line naming them on the media and the lists they match', () => {
    const f = { ...facts({
      server: { status: 'ok', file: '/cd/server/server.tgz', list: '/cd/SHA256SUMS' },
      custom: { status: 'ok', file: '/cd/custom.tgz', list: '/cd/custom.tgz.sha256' },
    }), media: '/cd' };
    expect(mediaCheckBlockers(def, { custom: 'yes' }, f, 'en')).toEqual({
      blockers: [],
      warnings: [],
      checked: ['the packages match their SHA-256 checksums in /cd/SHA256SUMS, /cd/custom.tgz.sha256: server/server.tgz, custom.tgz'],
    });
    // Unused packages are not claimed as checked; without a media dir the full paths are said.
    const ja = mediaCheckBlockers(def, { custom: 'no' }, facts(f.mediaChecks), 'ja');
    expect(ja.checked).toEqual(['パッケージは /cd/SHA256SUMS の SHA-256 チェックサムと一致しています: /cd/server/server.tgz']);
  });
});
