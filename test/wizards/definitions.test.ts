// Every definition shipped in wizards/ must load: schema, references, ranges, templates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinitionText, definitionsDir, formatProblem } from '../../src/plan/load.js';

const dir = definitionsDir();
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

describe('wizards/', () => {
  it('holds the ShareTask definition at least', () => {
    expect(files).toContain('sharetask.yaml');
  });

  it.each(files)('%s is a valid definition', (file) => {
    const { definition, problems } = checkDefinitionText(readFileSync(join(dir, file), 'utf8'), `wizards/${file}`);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(definition?.steps.length).toBeGreaterThan(0);
  });
});

describe('the ShareTask definition', () => {
  const { definition } = checkDefinitionText(readFileSync(join(dir, 'sharetask.yaml'), 'utf8'), 'sharetask.yaml');
  const def = definition!;
  const allSteps = [...def.steps, ...def.restorePoints.flatMap((r) => r.rollback)];

  it('has Japanese and English text for every question and step, and a section on every step', () => {
    for (const q of def.questions) expect(q.text.ja).not.toBe(q.text.en);
    for (const s of def.steps) {
      expect(s.section, s.id).toMatch(/^[2-7]\.[0-9]+(\.[0-9]+)?$/);
      expect(s.title.ja, s.id).not.toBe(s.title.en);
    }
  });

  it('never copies a typo of the source into a path or command', () => {
    // Texts for people are left out: "the error log" is English, not a path.
    const texts = new Set(['title', 'explain', 'instructions', 'checklist', 'check']);
    const machine = JSON.stringify({ allSteps, vars: def.vars }, (key, value: unknown) => (texts.has(key) ? undefined : value));
    const found = ['sharetask server-', 'sharetask bkup', 'error log', 'NAB'].filter((slip) => machine.includes(slip));
    expect(found).toEqual([]);
    expect(machine).toContain('/tmp/sharetask_bkup.tar.gz');
  });

  it('asks the questions the procedure branches on', () => {
    expect(def.questions.map((q) => q.id)).toEqual(['component', 'platform', 'from', 'to', 'install_dir', 'web_user', 'daemons', 'custom', 'custom_uid', 'license']);
  });
});
