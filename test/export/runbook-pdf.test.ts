// The HTML runbook prints: headless Chromium renders it to PDF and every step title of the plan
// is in the PDF's text (pdftotext). Skipped, and said so, where chromium or pdftotext is absent
// (.ci/run installs both).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPathSync } from '../helpers/which.js';
import { makeSandbox, placeArgs, runIn, type Sandbox } from '../helpers/sandbox.js';

const chromium = findOnPathSync('chromium') ?? findOnPathSync('chromium-browser');
const pdftotext = findOnPathSync('pdftotext');
const missing = [chromium ? '' : 'chromium', pdftotext ? '' : 'pdftotext (poppler-utils)'].filter(Boolean);
if (missing.length > 0) console.warn(`runbook-pdf: skipped, ${missing.join(' and ')} not installed (.ci/run installs them)`);
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.skipIf(missing.length > 0)('the ShareTask runbook printed to PDF by headless Chromium', () => {
  let sb: Sandbox & { cleanup(): void };
  let titles: string[];
  let text: string;
  beforeAll(async () => {
    sb = await makeSandbox();
    const plan = await runIn(sb, ['plan', '--product', 'sharetask', '--json', ...placeArgs(sb)]);
    titles = (JSON.parse(plan.stdout) as { steps: { title: string }[] }).steps.map((s) => s.title);
    const html = join(sb.dir, 'runbook.html');
    const exported = await runIn(sb, ['export', '--format', 'html', '--product', 'sharetask', '-o', html, ...placeArgs(sb)]);
    expect(exported.exitCode, exported.stderr).toBe(0);
    const pdf = join(sb.dir, 'runbook.pdf');
    const profile = join(sb.dir, 'chromium-profile');
    mkdirSync(profile);
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--no-pdf-header-footer'];
    const r = await execa(chromium as string, [...flags, `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, pathToFileURL(html).href], { reject: false, stdin: 'ignore', timeout: 120_000 });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    text = flat(String((await execa(pdftotext as string, ['-enc', 'UTF-8', pdf, '-'], { stdin: 'ignore' })).stdout));
  }, 300_000);
  afterAll(() => sb?.cleanup());

  it('holds every step title of the plan, numbered', () => {
    expect(titles.length).toBe(41);
    titles.forEach((title, i) => expect(text).toContain(flat(`${i + 1}. ${title}`)));
  });

  it('holds the rollback procedures and the sign-off', () => {
    expect(text).toContain('Rollback procedures');
    expect(text).toContain('Approved by');
  });
});
