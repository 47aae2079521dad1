import { describe, expect, it } from 'vitest';
import { formatPlan } from '../../src/plan/format.js';
import { plan, SERVER } from './fixtures.js';

describe('formatPlan', () => {
  it('numbers the steps and shows blockers in red only when asked', () => {
    const p = plan({ ...SERVER, from: '5.5.0' });
    const plain = formatPlan(p, { color: false });
    expect(plain).toMatch(/^ 1\. \[service\] 2\.1  Stop stlogd/m);
    expect(plain).toContain('x server-already-new:');
    expect(plain).not.toContain('\u001b[');
    expect(formatPlan(p, { color: true })).toContain('\u001b[31m  x server-already-new:');
  });

  it('shows what file-API steps do, from their params', () => {
    const text = formatPlan(plan(SERVER), { color: false });
    expect(text).toContain('/sbx/home/sharetask/sharetask_server => sharetask_server-5.5.1-2');
    expect(text).toContain('/sbx/home/sharetask -> /sbx/tmp/sharetask_bkup.tar.gz');
    expect(text).toContain('No blockers.');
  });

  it('lists what was checked and found sound under its own heading, not as a warning', () => {
    const text = formatPlan({ ...plan(SERVER), checked: ['the packages match their SHA-256 checksums in /cd/SHA256SUMS: a.tgz'] }, { color: false });
    expect(text).toContain('\nChecked:\n  - the packages match their SHA-256 checksums in /cd/SHA256SUMS: a.tgz\n');
    expect(formatPlan(plan(SERVER), { color: false })).not.toContain('Checked:');
  });

  it('says where extra files of a backup go when the definition leaves it to the executor: beside the archive', () => {
    const base = plan(SERVER);
    const step = { id: 'save', kind: 'backup' as const, title: 'Save the result', manual: false, allowFailure: false, skippable: false, params: { source: '/srv/setup', archive: '/bk/after/setup.tar.gz', extraFiles: ['/srv/local.conf', '/srv/msg.conf'] } };
    const text = formatPlan({ ...base, steps: [step] }, { color: false });
    expect(text).toContain('+ /srv/local.conf, /srv/msg.conf -> /bk/after\n');
  });
});
