// The small general engine pieces the CLUSTERPRO definition needed, on their own: vars chosen by
// the answers, media patterns naming answers and vars, the `count` condition, warning rules,
// and the load-time checks that catch a typo in any of them.
import { describe, expect, test } from 'vitest';
import { DefinitionSchema } from '../../src/model/definition.js';
import { evalCondition } from '../../src/plan/condition.js';
import { crossCheck } from '../../src/plan/crosscheck.js';
import { expandMediaPattern, patternHasPlaceholders, selectVars } from '../../src/plan/vars.js';
import { buildPlan } from '../../src/plan/build.js';
import { facts } from '../helpers/clusterpro-sandbox.js';

const vars = {
  rpm_arch: [{ when: { q: 'arch', eq: 'vmware' }, value: 'vmware.i386' }, { value: '{arch}' }],
  plain: 'x',
  none: [{ when: { q: 'arch', eq: 'never' }, value: 'y' }],
};

describe('vars chosen by the answers', () => {
  test('the first case that holds; a case without when always holds; no case: no var', () => {
    expect(selectVars(vars, { arch: 'vmware' })).toEqual({ rpm_arch: 'vmware.i386', plain: 'x' });
    expect(selectVars(vars, { arch: 'ia64' })).toEqual({ rpm_arch: '{arch}', plain: 'x' });
  });
});

describe('media patterns naming answers and vars', () => {
  test('values are matched literally; regex braces stay regex', () => {
    const ctx = { answers: { arch: 'vmware', v: '2.1.2-1' }, vars: selectVars(vars, { arch: 'vmware' }) };
    const p = expandMediaPattern('^clusterpro-{v}\\.{var:rpm_arch}\\.rpm$', ctx) as string;
    expect(p).toBe('^clusterpro-2\\.1\\.2-1\\.vmware\\.i386\\.rpm$');
    expect(new RegExp(p).test('clusterpro-2.1.2-1.vmware.i386.rpm')).toBe(true);
    // An unescaped "." would let this one in.
    expect(new RegExp(p).test('clusterpro-2x1x2-1.vmware.i386.rpm')).toBe(false);
    expect(expandMediaPattern('^custom_[A-Z]{3,4}_[0-9]{8}\\.tar\\.gz$', ctx)).toBe('^custom_[A-Z]{3,4}_[0-9]{8}\\.tar\\.gz$');
    expect(patternHasPlaceholders('^custom_[A-Z]{3,4}_[0-9]{8}$')).toBe(false);
    expect(patternHasPlaceholders('^a-{v}$')).toBe(true);
  });

  test('a placeholder not answered yet: the pattern cannot be matched yet', () => {
    expect(expandMediaPattern('^clusterpro-{v}\\.rpm$', { answers: {}, vars: {} })).toBeNull();
    expect(expandMediaPattern('^clusterpro-{var:missing}\\.rpm$', { answers: {}, vars: {} })).toBeNull();
  });
});

describe('count: how many items a list answer has', () => {
  test.each([
    [['a', 'b'], '2', true],
    [['a', 'b', 'c'], '2', false],
    [['a'], '<2', true],
    ['a,b,c', '>2', true],
    [['a', 'b'], '<2 || >2', false],
  ])('%o count %s -> %s', (value, count, holds) => {
    expect(evalCondition({ q: 'servers', count }, { servers: value })).toBe(holds);
  });
  test('an absent answer fails every count', () => {
    expect(evalCondition({ q: 'servers', count: '<2' }, {})).toBe(false);
  });
});

describe('load-time checks', () => {
  const base = {
    id: 'p',
    title: { ja: 'p', en: 'p' },
    source: 's',
    questions: [
      { id: 'arch', type: 'choice', text: { ja: 'a', en: 'a' }, choices: [{ value: 'x', label: { ja: 'x', en: 'x' } }] },
      { id: 'servers', type: 'list', text: { ja: 's', en: 's' } },
    ],
    steps: [{ id: 's1', kind: 'manual', title: { ja: 't', en: 't' }, instructions: { ja: 'i', en: 'i' } }],
  };
  const issues = (over: object): string[] => crossCheck(DefinitionSchema.parse({ ...base, ...over })).map((i) => i.path.join('.'));

  test('an unknown answer or var in a media pattern, a bad count range, an unknown answer in a var case', () => {
    expect(issues({ media: { m: { pattern: '^a-{nope}-{var:gone}$', title: { ja: 'm', en: 'm' } } } })).toEqual(['media.m.pattern', 'media.m.pattern']);
    expect(issues({ blockers: [{ id: 'b', when: { q: 'servers', count: 'two' }, message: { ja: 'm', en: 'm' }, fix: { ja: 'f', en: 'f' } }] })).toEqual(['blockers.0.when']);
    expect(issues({ vars: { v: [{ when: { q: 'nope', eq: 'x' }, value: '{nope}' }] } })).toEqual(['vars.v.0.value', 'vars.v.0.when']);
    expect(issues({ vars: { v: [{ when: { q: 'arch', eq: 'x' }, value: '{arch}' }] }, media: { m: { pattern: '^{var:v}{arch}[0-9]{2}$', title: { ja: 'm', en: 'm' } } } })).toEqual([]);
  });

  test('a warning rule is shown with the plan and does not block it', () => {
    const def = DefinitionSchema.parse({
      ...base,
      blockers: [
        { id: 'w', severity: 'warning', when: { q: 'arch', eq: 'x' }, message: { ja: '注意', en: 'Careful.' }, fix: { ja: '推奨', en: 'Prefer y.' } },
        { id: 'b', when: { q: 'servers', count: '<1' }, message: { ja: 'm', en: 'm' }, fix: { ja: 'f', en: 'f' } },
      ],
    });
    const p = buildPlan(def, { arch: 'x', servers: ['a'] }, facts({ mediaFiles: {} }), 'en');
    expect(p.blockers).toEqual([]);
    expect(p.warnings).toContain('Careful. Prefer y.');
  });
});
