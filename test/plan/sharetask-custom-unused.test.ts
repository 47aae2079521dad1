// A custom package on the CD while the answers say there is no custom part (custom=no, and no
// /home/sharetask/custom): the plan warns, naming the file, that it will not be installed; it
// does not refuse (the package may be for another server). The real binary's `plan`, text and
// --json, in both languages, on a sandbox tree and media directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeSharetaskTree, type SharetaskTree } from '../helpers/sharetask-tree.js';

let tree: SharetaskTree | undefined;
afterEach(() => tree?.cleanup());

const BASE = { component: 'server', platform: 'linux', from: '5.4.3', to: '5.5.1-2', install_dir: '/opt/sharetask', daemons: 'sharetaskd,stlogd', license: 'no' };
const FILE = 'custom_NAB_20120401.tar.gz';

async function plan(t: SharetaskTree, answers: Record<string, string>, options: { json?: boolean; lang?: string } = {}) {
  const sets = Object.entries(answers).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
  const args = ['--lang', options.lang ?? 'en', 'plan', '--product', 'sharetask', '--root', t.root, '--media', t.media, '--log-dir', join(t.dir, 'log'), ...sets];
  return runCli(options.json === true ? [...args, '--json'] : args);
}
type JsonPlan = { warnings: string[]; blockers: { id: string }[]; steps: { id: string }[] };
const json = (stdout: string): JsonPlan => JSON.parse(stdout) as JsonPlan;

describe('custom=no with a custom package on the media', () => {
  it('is a warning naming the file, that the answers say no custom part, and that it is not installed (text and --json)', async () => {
    tree = makeSharetaskTree({ custom: false }, { custom: 'NAB' });
    const text = await plan(tree, { ...BASE, custom: 'no' });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toContain(`the media has ${FILE} (the custom part package custom_UID_DATE.tar.gz), but the answers say there is no custom part (custom=no), so it will not be installed`);

    const j = await plan(tree, { ...BASE, custom: 'no' }, { json: true });
    expect(j.exitCode, j.stderr).toBe(0);
    const p = json(j.stdout);
    const warning = p.warnings.find((w) => w.includes(FILE));
    expect(warning).toContain('there is no custom part (custom=no), so it will not be installed');
    expect(warning).toContain('if it is for another server, nothing needs doing');
    // A warning only: no blocker, and no step touches the package.
    expect(p.blockers).toEqual([]);
    expect(JSON.stringify(p.steps)).not.toContain(FILE);
    expect(p.steps.map((s) => s.id)).not.toContain('unpack-custom');
  });

  it('is said in Japanese too', async () => {
    tree = makeSharetaskTree({ custom: false }, { custom: 'NAB' });
    const p = json((await plan(tree, { ...BASE, custom: 'no' }, { json: true, lang: 'ja' })).stdout);
    expect(p.warnings).toContain(
      `メディアに ${FILE} (カスタマイズ部のパッケージ custom_UID_DATE.tar.gz) がありますが、カスタマイズ部はないと回答されている (custom=no) ため、インストールしません。このサーバ用のものであれば回答を直して計画し直してください。別のサーバ用であれば対処は不要です`,
    );
  });

  it('names the package where it is on the CD (a sub-folder)', async () => {
    tree = makeSharetaskTree({ custom: false });
    mkdirSync(join(tree.media, 'custom'), { recursive: true });
    writeFileSync(join(tree.media, 'custom', 'custom_XYZ_20240501.tar.gz'), 'package\n');
    const p = json((await plan(tree, { ...BASE, custom: 'no' }, { json: true })).stdout);
    expect(p.warnings.filter((w) => w.includes('will not be installed'))).toEqual([expect.stringContaining('the media has custom/custom_XYZ_20240501.tar.gz (')]);
  });
});

describe('several packages of a kind on the media', () => {
  it('custom=no: one warning names every custom package, none installed', async () => {
    tree = makeSharetaskTree({ custom: false }, { custom: 'NAB' });
    writeFileSync(join(tree.media, 'custom_XYZ_20240501.tar.gz'), 'package\n');
    const p = json((await plan(tree, { ...BASE, custom: 'no' }, { json: true })).stdout);
    expect(p.warnings.filter((w) => w.includes('custom_'))).toEqual([
      `the media has ${FILE}, custom_XYZ_20240501.tar.gz (the custom part package custom_UID_DATE.tar.gz), but the answers say there is no custom part (custom=no), so none of them will be installed. If one is meant for this server, correct that answer and plan again; if they are for other servers, nothing needs doing`,
    ]);
    expect(p.blockers).toEqual([]);
  });

  it('custom=yes: the plan says which of two packages of custom_uid it unpacks, and which it leaves, in both languages', async () => {
    tree = makeSharetaskTree({ custom: true }, { custom: 'NAB' });
    const newer = 'custom_NAB_20240401.tar.gz';
    writeFileSync(join(tree.media, newer), 'package\n');
    const answers = { ...BASE, custom: 'yes', custom_uid: 'NAB' };
    const p = json((await plan(tree, answers, { json: true })).stdout);
    expect(p.warnings).toContain(
      `more than one file on the media is the custom part package custom_UID_DATE.tar.gz of the custom part's user ID (custom_uid): the plan uses ${newer}, not ${FILE}. If another is meant, move the others out of the media directory (or give --media a directory with only that one) and plan again`,
    );
    expect(JSON.stringify(p.steps)).toContain(newer);
    expect(JSON.stringify(p.steps)).not.toContain(FILE);
    const ja = json((await plan(tree, answers, { json: true, lang: 'ja' })).stdout);
    expect(ja.warnings.join('\n')).toContain(`計画では ${newer} を使い、${FILE} は使いません。`);
  });
});

describe('no warning', () => {
  it('with custom=yes (the package of custom_uid is installed)', async () => {
    tree = makeSharetaskTree({ custom: true }, { custom: 'NAB' });
    const r = await plan(tree, { ...BASE, custom: 'yes', custom_uid: 'NAB' }, { json: true });
    const p = json(r.stdout);
    expect(p.blockers).toEqual([]);
    expect(p.steps.map((s) => s.id)).toContain('unpack-custom');
    expect(p.warnings.join('\n')).not.toContain('will not be installed');
    expect((await plan(tree, { ...BASE, custom: 'yes', custom_uid: 'NAB' })).stdout).not.toContain('will not be installed');
  });

  it('with custom=no and no custom package on the media', async () => {
    tree = makeSharetaskTree({ custom: false });
    const text = await plan(tree, { ...BASE, custom: 'no' });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).not.toContain('will not be installed');
    expect(json((await plan(tree, { ...BASE, custom: 'no' }, { json: true })).stdout).warnings.join('\n')).not.toContain('custom');
  });
});
