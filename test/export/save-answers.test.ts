// --save-answers: a YAML file that --answers replays into the same plan, 0600, no secrets.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersYaml } from '../../src/export/answers-yaml.js';
import { loadDefinition } from '../../src/plan/load.js';
import { readAnswersFile } from '../../src/run/answers.js';
import { makeSandbox, placeArgs, runIn, type Sandbox } from '../helpers/sandbox.js';
import { repoRoot } from '../helpers/cli.js';

describe('answersYaml', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'uw-answers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps versions such as 5.10, yes/no and lists exactly through readAnswersFile', async () => {
    const def = await loadDefinition(join(repoRoot, 'wizards/sharetask.yaml'));
    const answers = { component: 'server', from: '5.10', to: '5.5.1-2', custom: 'no', daemons: ['sharetaskd', 'stlogd'], web_user: 'apache: "x" # y' };
    const file = join(tmp, 'a.yml');
    writeFileSync(file, answersYaml(def, answers, { detected: { v: { question: 'from', value: '5.10', evidence: 'a link\npoints to 5.10' } }, header: ['saved'] }));
    expect(await readAnswersFile(file)).toEqual(answers);
    expect(readFileSync(file, 'utf8')).toMatch(/^# detected: a link points to 5\.10\nfrom: "5\.10"$/m);
  });

  it('never writes a secret answer', async () => {
    const def = await loadDefinition(join(repoRoot, 'wizards/iplanet-messaging.yaml'));
    const secret = def.questions.find((q) => q.secret === true);
    expect(secret).toBeDefined();
    const text = answersYaml(def, { [secret?.id as string]: 'Very-Secret-1' });
    expect(text).not.toContain('Very-Secret-1');
    expect(text).not.toContain(secret?.id as string);
  });
});

describe('plan --save-answers, then --answers', () => {
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => sb.cleanup());

  const planJson = (stdout: string): unknown => {
    const { detected: _ignored, ...plan } = JSON.parse(stdout) as Record<string, unknown>;
    return plan;
  };

  it('replays into the same plan, from a 0600 file that records detections with evidence', async () => {
    const file = join(sb.dir, 'answers.yml');
    const first = await runIn(sb, ['plan', '--product', 'sharetask', '--json', '--set', 'license=no', '--save-answers', file, ...placeArgs(sb)]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^license: "no"$/m);
    expect(text).toMatch(/^# detected: .*sharetask_server-5\.4\.3\nfrom: "5\.4\.3"$/m);
    // Detections must not be needed any more: the same plan without them changing a thing.
    const again = await runIn(sb, ['plan', '--product', 'sharetask', '--json', '--answers', file, ...placeArgs(sb)]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(planJson(again.stdout)).toEqual(planJson(first.stdout));
    // Flags still win over the file.
    const override = await runIn(sb, ['plan', '--product', 'sharetask', '--json', '--answers', file, '--set', 'license=yes', ...placeArgs(sb)]);
    expect((JSON.parse(override.stdout) as { answers: Record<string, string> }).answers.license).toBe('yes');
  });

  it('run --dry-run saves the same answers as plan', async () => {
    const a = join(sb.dir, 'plan.yml');
    const b = join(sb.dir, 'run.yml');
    await runIn(sb, ['plan', '--product', 'sharetask', '--save-answers', a, ...placeArgs(sb)]);
    const r = await runIn(sb, ['run', '--product', 'sharetask', '--dry-run', '--save-answers', b, ...placeArgs(sb)]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('refuses a place it cannot write (exit 2), naming the file', async () => {
    const r = await runIn(sb, ['plan', '--product', 'sharetask', '--save-answers', join(sb.dir, 'no/such/dir/a.yml'), ...placeArgs(sb)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/cannot write the answers file .*no\/such\/dir\/a\.yml/);
  });
});
