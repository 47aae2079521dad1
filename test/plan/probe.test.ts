// A command step's probe (skipWhen) wherever a step is described before it runs: the plan of
// ShareTask 3.10 (text in both languages), the review screen, the runbook lines, the Ansible
// tasks; and a definition whose probe is wrong is refused with its file, line and path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { probeMessages } from '../../src/i18n/messages/probe.js';
import { formatPlan } from '../../src/plan/format.js';
import { checkDefinitionText, formatProblem } from '../../src/plan/load.js';
import { stepTasks } from '../../src/export/ansible-tasks.js';
import { handlers } from '../../src/run/steps/index.js';
import { planLines } from '../../src/ui/planLines.js';
import { runCli } from '../helpers/cli.js';
import { plan, SERVER, step } from './fixtures.js';

const ON = '\\b2:on\\s+3:on\\s+4:on\\s+5:on\\b';
const SERVICES = ['httpd', 'postgresql', 'memcached', 'sharetaskd', 'stlogd'];

describe('ShareTask 3.10: chkconfig --list first, `on` only where needed', () => {
  it('probes each of the five services with chkconfig --list, passing when runlevels 2-5 are all on', () => {
    const p = plan(SERVER);
    for (const s of SERVICES) {
      expect(step(p, `enable-${s}`)).toMatchObject({
        kind: 'command',
        section: '3.10',
        commands: [['chkconfig', s, 'on']],
        params: { skipWhen: { argv: ['chkconfig', '--list', s], expectOutput: ON, says: 'runlevels 2-5 are all on' } },
      });
    }
    const pattern = new RegExp(ON, 'm');
    // The seed's own lines: on in 2-5 passes; any of them off does not.
    expect(pattern.test('httpd           0:off   1:off   2:on    3:on    4:on    5:on    6:off')).toBe(true);
    expect(pattern.test('httpd\t0:off\t1:off\t2:on\t3:on\t4:off\t5:on\t6:off')).toBe(false);
    expect(pattern.test('httpd\t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off')).toBe(false);
  });

  it('the plan text says the check before the command, in English and Japanese', () => {
    const lines = (lang: 'en' | 'ja'): string[] => {
      setLang(lang);
      try {
        const text = formatPlan(plan(SERVER, {}, lang), { color: false });
        const at = text.indexOf(lang === 'en' ? 'Start httpd at boot' : 'httpd を OS 起動時に自動起動する設定にする');
        return text.slice(at).split('\n').slice(1, 5).map((l) => l.trim());
      } finally {
        setLang('en');
      }
    };
    expect(lines('en')).toEqual([
      'check first: $ chkconfig --list httpd',
      `if runlevels 2-5 are all on (the output matches /${ON}/): already so, skip what follows`,
      'otherwise:',
      '$ chkconfig httpd on',
    ]);
    expect(lines('ja')).toEqual([
      'まず確認: $ chkconfig --list httpd',
      `ランレベル2〜5がすべて on（出力が /${ON}/ に一致）なら、既にその状態です: 以下は不要です`,
      'そうでなければ:',
      '$ chkconfig httpd on',
    ]);
  });

  it('the review screen shows the check, then the command for otherwise', () => {
    const p = plan(SERVER);
    const rows = planLines(p, 200).map((line) => line.map((seg) => seg.text).join('').trim());
    const at = rows.findIndex((r) => r.endsWith('Start httpd at boot  3.10') || r.includes('Start httpd at boot'));
    expect(rows.slice(at + 1, at + 5)).toEqual([
      `Checked first; if runlevels 2-5 are all on (the output matches /${ON}/), already so and skipped:`,
      '$ chkconfig --list httpd',
      'Otherwise:',
      '$ chkconfig httpd on',
    ]);
  });

  it("the runbook's lines are the executor's own description", () => {
    const s = step(plan(SERVER), 'enable-memcached');
    expect(handlers.command.describe(s)).toEqual([
      'check first: $ chkconfig --list memcached',
      `  if runlevels 2-5 are all on (the output matches /${ON}/): already so, skip what follows`,
      'otherwise:',
      '$ chkconfig memcached on',
    ]);
  });

  it('Ansible registers the check (no change, also under --check) and runs the command only when it did not pass', () => {
    const s = step(plan(SERVER), 'enable-httpd');
    const [probe, command, ...rest] = stepTasks({ number: 35, root: '/sbx' }, s);
    expect(rest).toEqual([]);
    expect(probe).toEqual({
      name: '35. Start httpd at boot (check: chkconfig --list httpd)',
      'ansible.builtin.command': { argv: ['chkconfig', '--list', 'httpd'] },
      register: 'uw_enable_httpd_probe',
      changed_when: false,
      failed_when: false,
      check_mode: false,
    });
    expect(command).toMatchObject({ 'ansible.builtin.command': { argv: ['chkconfig', 'httpd', 'on'] }, changed_when: true });
    expect(command?.when).toEqual([
      `not (((uw_enable_httpd_probe.rc | default(-1)) == 0) and (((uw_enable_httpd_probe.stdout | default('')) + (uw_enable_httpd_probe.stderr | default(''))) is search(${JSON.stringify(ON)}, multiline=True)))`,
    ]);
  });
});

const base = `id: demo
title: { ja: デモ, en: Demo }
source: test
questions:
  - id: component
    text: { ja: どれ, en: Which }
    type: choice
    choices:
      - { value: server, label: { ja: サーバー, en: Server } }
steps:
  - id: enable
    kind: command
    title: { ja: 一, en: One }
    commands: [[chkconfig, httpd, 'on']]
    skipWhen:
      argv: [chkconfig, --list, httpd]
      expectOutput: '${ON}'
`;
const problems = (text: string): string[] => checkDefinitionText(text, 'wizards/x.yaml').problems.map(formatProblem);

describe('a bad probe is refused with its file and line', () => {
  it('accepts a sound one', () => {
    expect(problems(base)).toEqual([]);
  });

  it('a pattern that does not compile', () => {
    expect(problems(base.replace(`'${ON}'`, "'2:on(3:on'"))).toEqual([expect.stringMatching(/^wizards\/x\.yaml:17: steps\[0\]\.skipWhen\.expectOutput: the regular expression does not compile/)]);
  });

  it('a key it does not know, a command that is not an argv, a probe on a step of another kind', () => {
    expect(problems(base.replace('      expectOutput:', '      expectOuptut:'))).toEqual(['wizards/x.yaml:17: steps[0].skipWhen.expectOuptut: unknown key(s): expectOuptut']);
    expect(problems(base.replace('      argv: [chkconfig, --list, httpd]', '      argv: chkconfig --list httpd'))).toEqual([expect.stringMatching(/^wizards\/x\.yaml:16: steps\[0\]\.skipWhen\.argv: .*array/)]);
    const verify = base.replace('    kind: command\n', '    kind: verify\n    verify: { argv: [ps, -ef] }\n').replace("    commands: [[chkconfig, httpd, 'on']]\n", '');
    expect(problems(verify)).toEqual(['wizards/x.yaml:16: steps[0].skipWhen: unknown key(s): skipWhen']);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'uw-probe-validate-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('`validate` exits 2 naming file, line and path', async () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(file, base.replace(`'${ON}'`, "'[2-5:on'"));
    const r = await runCli(['validate', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:17: steps\\[0\\]\\.skipWhen\\.expectOutput: the regular expression does not compile`));
  });
});

describe('the probe messages', () => {
  it('exist in both languages with the same {slots}', () => {
    expect(Object.keys(probeMessages.ja).sort()).toEqual(Object.keys(probeMessages.en).sort());
    const slots = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
    for (const [key, en] of Object.entries(probeMessages.en)) expect(slots(probeMessages.ja[key as keyof typeof probeMessages.ja]), key).toEqual(slots(en));
  });
});
