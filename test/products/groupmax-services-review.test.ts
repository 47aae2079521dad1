// The services file is a system file: the operator sees the lines about to be added, as a diff
// of the file (its Shift_JIS comments readable), before it is written; a refusal writes nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { ensureServices } from '../../src/run/steps/ensure-services.js';
import { context, Recorder, tempDir } from '../run/ctx.js';

const step = (file: string): PlannedStep => ({
  id: 'services', kind: 'ensure-services', title: 'Add the ports to the services file', manual: false, allowFailure: false, skippable: false,
  params: { file, entries: [{ name: 'imap', port: 143, protocol: 'tcp' }, { name: 'adrshd', port: 20141, protocol: 'tcp' }] },
});
// "# メール" in Shift_JIS, CRLF line endings: as a Japanese Windows services file has them.
const before = Buffer.concat([Buffer.from('ftp 21/tcp\r\n# '), Buffer.from([0x83, 0x81, 0x81, 0x5b, 0x83, 0x8b]), Buffer.from('\r\nimap2 143/tcp imap\r\n')]);

describe('ensure-services shows the change before writing', () => {
  it('asks with the diff of the file and writes only once accepted', async () => {
    const file = join(tempDir('uw-services-review-'), 'services');
    writeFileSync(file, before);
    const ui = new Recorder({ diff: true });
    const ctx = context(ui);
    const out = await ensureServices.run(step(file), ctx);
    expect(out.status).toBe('done');
    expect(ui.diffs).toHaveLength(1);
    expect(ui.diffs[0]?.file).toBe(file);
    expect(ui.diffs[0]?.diff).toContain('+adrshd\t20141/tcp');
    expect(ui.diffs[0]?.diff).toContain(' # メール');
    expect(ui.diffs[0]?.diff).not.toContain('+imap');
    expect(readFileSync(file).subarray(0, before.length)).toEqual(before);
    expect(readFileSync(ctx.journal!.files.journal, 'utf8')).toContain(`the change to ${file} (entries added: 1)`);
  });

  it('a refused change leaves the file as it was, with no backup, and stops the run as declined', async () => {
    const dir = tempDir('uw-services-review-');
    const file = join(dir, 'services');
    writeFileSync(file, before);
    const out = await ensureServices.run(step(file), context(new Recorder({ diff: false })));
    expect(out).toMatchObject({ status: 'skipped', stopRun: 'declined' });
    expect(out.detail).toContain('the change was not accepted');
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['services']);
  });
});
