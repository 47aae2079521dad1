// list, detect, plan and validate through the real built binary, on a sandbox tree.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeSharetaskTree, type SharetaskTree } from '../helpers/sharetask-tree.js';

let tree: SharetaskTree;
let scratch: string;
// PATH is chosen by each test: a stand-in `service` first on it, or no `service` at all.
let withService: string;
let withoutService: string;

beforeAll(() => {
  tree = makeSharetaskTree({ homeLink: 'absolute', daemons: ['stlogd'], custom: true }, { custom: 'NAB', license: 'License_U0001_20131231_100.tar.gz' });
  scratch = mkdtempSync(join(tmpdir(), 'uw-cli-'));
  withService = join(scratch, 'bin');
  withoutService = join(scratch, 'empty');
  mkdirSync(withService);
  mkdirSync(withoutService);
  writeFileSync(join(withService, 'service'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(withService, 'service'), 0o755);
});
afterAll(() => {
  tree.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const planArgs = (...extra: string[]): string[] => ['plan', '--product', 'sharetask', '--root', tree.root, '--media', tree.media, ...extra];

describe('list', () => {
  it('shows the products, their questions, choices and defaults', async () => {
    const r = await runCli(['list']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('sharetask: ShareTask upgrade (server 5.5, clients 5.2)');
    expect(r.stdout).toMatch(/- component \(choice\): Which ShareTask component/);
    expect(r.stdout).toMatch(/server\s+ShareTask server/);
    expect(r.stdout).toContain('default: /home/sharetask');
  });

  it('--json gives the same as data', async () => {
    const r = await runCli(['list', '--json']);
    expect(r.exitCode).toBe(0);
    const products = JSON.parse(r.stdout) as { id: string; questions: { id: string; choices?: { value: string }[]; default?: string }[] }[];
    const st = products.find((p) => p.id === 'sharetask');
    expect(st?.questions.find((q) => q.id === 'component')?.choices?.map((c) => c.value)).toEqual(['server', 'agent', 'cli']);
    expect(st?.questions.find((q) => q.id === 'web_user')?.default).toBe('apache');
  });
});

describe('detect', () => {
  it('prints each detection with its evidence', async () => {
    const r = await runCli(['detect', '--root', tree.root, '--media', tree.media]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('component = server');
    expect(r.stdout).toContain('from = 5.4.3');
    expect(r.stdout).toContain(`the symbolic link ${tree.root}/home/sharetask/sharetask_server points to sharetask_server-5.4.3`);
    expect(r.stdout).toContain('install_dir = /opt/sharetask');
    expect(r.stdout).toContain('daemons = stlogd');
    expect(r.stdout).toContain('custom_uid = NAB');
  });

  it('without --media says that none was given, and how to give it', async () => {
    const r = await runCli(['detect', '--root', tree.root]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Detected under ${tree.root} (no media given; --media DIR for the packages):`);
    expect(r.stdout).toContain('from = 5.4.3');
  });

  it('lists no product for an absence alone: a CD without a ShareTask licence is any other CD', async () => {
    const root = join(scratch, 'empty-root');
    const media = join(scratch, 'other-cd');
    mkdirSync(root, { recursive: true });
    mkdirSync(media, { recursive: true });
    writeFileSync(join(media, 'NECJcpt-13.2.1-1.x86_64.rpm'), 'rpm\n');
    const r = await runCli(['detect', '--root', root, '--media', media]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('sharetask:');
    expect(r.stdout).toContain('Nothing');
  });

  it('--json', async () => {
    const r = await runCli(['detect', '--root', tree.root, '--product', 'sharetask', '--json']);
    const rows = JSON.parse(r.stdout) as { product: string; question: string; value: unknown; evidence: string }[];
    expect(rows.find((d) => d.question === 'custom')).toMatchObject({ product: 'sharetask', value: 'yes' });
  });
});

describe('plan', () => {
  it('lists every missing answer with its choices and exits 2 when nothing can be detected', async () => {
    const empty = makeSharetaskTree({ server: false });
    try {
      const r = await runCli(['plan', '--product', 'sharetask', '--root', empty.root]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('component: Which ShareTask component do you upgrade?');
      expect(r.stderr).toContain('one of: server, agent, cli');
      expect(r.stderr).toMatch(/from: .*\n.*version/);
      // Below the pattern, the question's help with its examples.
      expect(r.stderr).toMatch(/from: Which version is installed now \(the old version\)\?\n +a version value .*\n +For a server it is in the target of the \/home\/sharetask\/sharetask_server link/);
      expect(r.stderr).toContain('to: ');
      const server = await runCli(['plan', '--product', 'sharetask', '--root', empty.root, '--set', 'component=server', '--set', 'platform=linux']);
      expect(server.exitCode).toBe(2);
      expect(server.stderr).toContain('daemons: ');
      expect(server.stderr).toContain('any of (comma-separated, may be empty): sharetaskd, stlogd');
      expect(server.stderr).toContain('custom: ');
      expect(server.stderr).toContain('one of: yes, no');
      expect(server.stdout).toBe('');
    } finally {
      empty.cleanup();
    }
  });

  it('fills answers from the sandbox and the media; --json has the steps with their argv', async () => {
    const r = await runCli(planArgs('--json'), { env: { PATH: withService } });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      product: string;
      answers: Record<string, unknown>;
      steps: { id: string; kind: string; title: string; commands?: string[][]; manual: boolean; restorePoint?: string }[];
      blockers: unknown[];
      detected: Record<string, { evidence: string }>;
    };
    expect(plan.product).toBe('sharetask');
    expect(plan.answers).toMatchObject({ component: 'server', from: '5.4.3', to: '5.5.1-2', install_dir: '/opt/sharetask', daemons: ['stlogd'], custom: 'yes', custom_uid: 'NAB', license: 'yes' });
    expect(plan.detected.install_dir?.evidence).toContain('/opt/sharetask');
    expect(plan.steps.slice(0, 5).map((s) => s.commands?.[0])).toEqual([
      ['service', 'stlogd', 'stop'],
      ['service', 'sharetaskd', 'stop'],
      ['service', 'httpd', 'stop'],
      ['service', 'memcached', 'stop'],
      ['service', 'postgresql', 'stop'],
    ]);
    const ids = plan.steps.map((s) => s.id);
    expect(ids).toContain('custom-symlink');
    expect(ids).not.toContain('start-sharetaskd');
    expect(plan.steps.find((s) => s.id === 'unpack-custom')?.commands).toEqual([['tar', 'xzf', join(tree.media, 'custom_NAB_20120401.tar.gz'), '-C', `${tree.root}/home/sharetask`]]);
    expect(plan.steps.find((s) => s.id === 'keep-backup-safe')).toMatchObject({ manual: true, restorePoint: 'backup-archive' });
    expect(plan.blockers).toEqual([]);
  });

  it('without `service` on PATH, the init scripts under --root', async () => {
    const r = await runCli(planArgs('--set', 'to=5.5.1-2', '--json'), { env: { PATH: withoutService } });
    const plan = JSON.parse(r.stdout) as { steps: { commands?: string[][] }[] };
    expect(plan.steps[0]?.commands).toEqual([[`${tree.root}/etc/init.d/stlogd`, 'stop']]);
  });

  it('prints numbered steps, commands, manual markers and blockers, and exits 0 even with blockers', async () => {
    const answers = join(scratch, 'answers.yaml');
    writeFileSync(answers, "to: '5.5.1-2'\nfrom: '5.5.0'\n");
    const r = await runCli(planArgs('--answers', answers, '--set', 'daemons='), { env: { PATH: withService } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ 1\. \[service\] 2\.1  Stop stlogd/m);
    expect(r.stdout).toContain('$ service postgresql stop');
    expect(r.stdout).toContain('[MANUAL: you do it, then confirm]');
    expect(r.stdout).toContain('(restore point: old-symlink)');
    expect(r.stdout).toContain('x server-already-new: The installed version 5.5.0 is already 5.5 or newer');
    // Not a terminal: no colour codes.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('speaks Japanese with --lang ja', async () => {
    const r = await runCli(['--lang', 'ja', ...planArgs('--set', 'to=5.5.1-2')], { env: { PATH: withService } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('postgresql (データベース) を停止する');
  });

  it('refuses a bad answer, naming the question (exit 2)', async () => {
    const r = await runCli(planArgs('--set', 'to=5.5.1-2', '--set', 'custom_uid=nab'));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('custom_uid: "nab" does not have the expected form');
    // With the question and its help, where the examples are, below the pattern.
    expect(r.stderr).toContain('\n  What is the user ID of the custom part? The UID part of the custom package custom_UID_DATE.tar.gz on the CD (3 or 4 upper-case letters).');
    // Refused at once, all of them, not after the missing answers have been given.
    const early = await runCli(['plan', '--product', 'sharetask', '--set', 'from=5,4', '--set', 'custom=maybe']);
    expect(early.exitCode).toBe(2);
    expect(early.stderr).toContain('from: "5,4" is not a version');
    expect(early.stderr).toContain('custom: "maybe" is not yes or no');
    expect(early.stderr).not.toContain('answers are missing');
    const unknown = await runCli(planArgs('--set', 'colour=red'));
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('there is no question "colour"');
  });

  it('refuses an unknown product, listing the known ones', async () => {
    const r = await runCli(['plan', '--product', 'nosuch']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/there is no product "nosuch"; the products are: .*sharetask/);
  });
});

describe('validate', () => {
  it('OK for the shipped definition', async () => {
    const r = await runCli(['validate', 'wizards/sharetask.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^OK: wizards\/sharetask\.yaml \(product sharetask, 10 questions, \d+ steps\)/);
  });

  it('exit 2 with file:line: path: problem for a broken one', async () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(
      file,
      [
        'id: broken',
        'title: { ja: 壊れた, en: Broken }',
        'source: test',
        'questions:',
        '  - { id: component, type: choice, text: { ja: a, en: a }, choices: [{ value: server, label: { ja: s, en: s } }] }',
        'steps:',
        '  - id: one',
        '    kind: command',
        '    title: { ja: 一, en: One }',
        "    when: { q: component, version: '>>5' }",
        '    commands: [[echo]]',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain(`${file}:10: steps[0].when: "version" needs a question of type version; "component" is not one`);
    expect(r.stdout).toContain(`${file}:10: steps[0].when: invalid version range ">>5"`);
    expect(r.stdout).toContain(`${file}: 2 problem(s)`);
  });

  it('exit 2 without a file', async () => {
    const r = await runCli(['validate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('validate needs the definition file');
  });
});
