// Broken definitions: each problem must say where it is (line and path) and what is wrong.
import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { checkDefinitionText, formatProblem } from '../../src/plan/load.js';

const base = `id: demo
title: { ja: デモ, en: Demo }
source: test
questions:
  - id: component
    text: { ja: どれ, en: Which }
    type: choice
    choices:
      - { value: server, label: { ja: サーバー, en: Server } }
  - id: from
    text: { ja: 旧, en: Old }
    type: version
steps:
  - id: first
    kind: command
    title: { ja: 一, en: One }
    commands:
      - [echo, '{from}']
`;

const problems = (text: string): string[] => checkDefinitionText(text, 'wizards/x.yaml').problems.map(formatProblem);

describe('checkDefinitionText', () => {
  it('accepts the base definition', () => {
    expect(problems(base)).toEqual([]);
  });

  it('an unknown step kind, at the line of the kind', () => {
    const text = base.replace('kind: command', 'kind: comand');
    expect(problems(text)).toEqual([expect.stringMatching(/^wizards\/x\.yaml:15: steps\[0\]\.kind: unknown step kind "comand"; the kinds are: command, service/)]);
  });

  it('a machine to run on that the wizard has no words for, listing those it has', () => {
    const text = base.replace('    kind: command\n', '    kind: command\n    runsOn: standy\n');
    expect(problems(text)).toEqual([expect.stringMatching(/^wizards\/x\.yaml:16: steps\[0\]\.runsOn: .*"all"\|"one"\|"cluster"\|"standby"\|"active"\|"server1"\|"server2"/)]);
  });

  it('a command that is not an argv array', () => {
    const text = base.replace("      - [echo, '{from}']", '      - echo hello');
    expect(problems(text)).toEqual([expect.stringMatching(/^wizards\/x\.yaml:18: steps\[0\]\.commands\[0\]: .*array/)]);
  });

  it("in Japanese, zod's own words too", () => {
    const text = base.replace("      - [echo, '{from}']", '      - echo hello');
    setLang('ja');
    try {
      expect(problems(text)).toEqual([expect.stringMatching(/^wizards\/x\.yaml:18: steps\[0\]\.commands\[0\]: 無効な入力: 配列が期待されました/)]);
    } finally {
      setLang('en');
    }
  });

  it('a condition on a question that does not exist', () => {
    const text = base.replace('    kind: command\n', '    kind: command\n    when: { q: platfrom, eq: linux }\n');
    expect(problems(text)).toEqual(['wizards/x.yaml:16: steps[0].when: the condition refers to a question "platfrom" that does not exist']);
  });

  it("the condition that puts the steps on Windows is checked like a step's", () => {
    expect(problems(base.replace('steps:\n', 'windows: { q: component, eq: server }\nsteps:\n'))).toEqual([]);
    expect(problems(base.replace('steps:\n', 'windows: { q: platfrom, eq: windows }\nsteps:\n'))).toEqual(['wizards/x.yaml:13: windows: the condition refers to a question "platfrom" that does not exist']);
  });

  it('a choice that the question does not offer', () => {
    const text = base.replace('    kind: command\n', '    kind: command\n    when: { q: component, eq: agent }\n');
    expect(problems(text)).toEqual(['wizards/x.yaml:16: steps[0].when: "agent" is not a choice of the question "component" (server)']);
  });

  it('a version range naming an answer that does not exist, or one that is not a version', () => {
    const missing = base.replace('    kind: command\n', "    kind: command\n    when: { q: from, version: '>={too}' }\n");
    expect(problems(missing)).toEqual(['wizards/x.yaml:16: steps[0].when: the condition refers to a question "too" that does not exist']);
    const choice = base.replace('    kind: command\n', "    kind: command\n    when: { q: from, version: '>={component} <9' }\n");
    expect(problems(choice)).toEqual([expect.stringMatching(/^wizards\/x\.yaml:16: steps\[0\]\.when: .*"component"/)]);
    expect(problems(base.replace('    kind: command\n', "    kind: command\n    when: { q: from, version: '>={from}' }\n"))).toEqual([]);
  });

  it('a bad version range', () => {
    const text = base.replace('    kind: command\n', "    kind: command\n    when: { q: from, version: '<5.x.5' }\n");
    const [p] = problems(text);
    expect(p).toMatch(/^wizards\/x\.yaml:16: steps\[0\]\.when: invalid version range "<5\.x\.5"/);
  });

  it('a duplicate step id, naming the first', () => {
    const text = `${base}  - id: first\n    kind: manual\n    title: { ja: 二, en: Two }\n    instructions: { ja: 手, en: Do }\n`;
    expect(problems(text)).toEqual(['wizards/x.yaml:19: steps[1].id: the id "first" is used already at steps[0]']);
  });

  it('a placeholder that names no question, var or media', () => {
    const text = base.replace("[echo, '{from}']", "[echo, '{form}', '{media:cd}', '{var:home}']");
    expect(problems(text)).toEqual([
      'wizards/x.yaml:18: steps[0].commands[0][1]: {form} is not a question of this definition',
      'wizards/x.yaml:18: steps[0].commands[0][2]: {media:cd}: no such key under media',
      'wizards/x.yaml:18: steps[0].commands[0][3]: {var:home} is not among the vars',
    ]);
  });

  it("what comes next: its condition and its placeholders are checked like a step's", () => {
    const text = `${base}next:\n  - when: { q: component, eq: agent }\n    text: { ja: '次 {form}', en: 'next {form}' }\n`;
    expect(problems(text)).toEqual([
      'wizards/x.yaml:20: next[0].when: "agent" is not a choice of the question "component" (server)',
      'wizards/x.yaml:21: next[0].text.ja: {form} is not a question of this definition',
      'wizards/x.yaml:21: next[0].text.en: {form} is not a question of this definition',
    ]);
  });

  it('a restore point that does not exist, and a media pattern that does not compile', () => {
    const text = base.replace('    kind: command\n', '    kind: command\n    restorePoint: nowhere\n') + "media:\n  cd: { pattern: '(unclosed', title: { ja: CD, en: CD } }\n";
    expect(problems(text)).toEqual([
      expect.stringMatching(/^wizards\/x\.yaml:21: media\.cd\.pattern: the regular expression does not compile/),
      'wizards/x.yaml:16: steps[0].restorePoint: there is no restore point "nowhere"',
    ]);
  });

  it('invalid YAML, with its line', () => {
    expect(problems(`${base}  - id: [unclosed\n`)).toEqual([expect.stringMatching(/^wizards\/x\.yaml:2[0-9]: not valid YAML/)]);
  });
});
