import { describe, expect, it } from 'vitest';
import { conditionState, evalCondition } from '../../src/plan/condition.js';

const answers = { component: 'server', from: '5.4.3', daemons: ['stlogd'], custom: 'no', empty: '' };

describe('evalCondition', () => {
  it('tests one answer with eq, ne, in and set', () => {
    expect(evalCondition({ q: 'component', eq: 'server' }, answers)).toBe(true);
    expect(evalCondition({ q: 'component', eq: 'agent' }, answers)).toBe(false);
    expect(evalCondition({ q: 'component', ne: 'agent' }, answers)).toBe(true);
    expect(evalCondition({ q: 'component', in: ['agent', 'cli'] }, answers)).toBe(false);
    expect(evalCondition({ q: 'empty', set: false }, answers)).toBe(true);
    expect(evalCondition({ q: 'from', set: true }, answers)).toBe(true);
  });

  it('reads versions as vendor versions, not as text', () => {
    expect(evalCondition({ q: 'from', version: '<5.5' }, answers)).toBe(true);
    expect(evalCondition({ q: 'from', version: '>=5.4 <5.5' }, answers)).toBe(true);
    expect(evalCondition({ q: 'from', version: '5.5.x' }, answers)).toBe(false);
    // "5.10" is newer than "5.9": a text comparison would say the opposite.
    expect(evalCondition({ q: 'v', version: '>5.9' }, { v: '5.10' })).toBe(true);
    // An answer of another form cannot lie in the range.
    expect(evalCondition({ q: 'v', version: '<5.5' }, { v: 'R12.8' })).toBe(false);
  });

  it('compares with another answer named in the range: a client "upgraded" to the version it has is no upgrade', () => {
    const notAnUpgrade = { q: 'from', version: '>={to}' };
    expect(evalCondition(notAnUpgrade, { from: '5.2.3.1', to: '5.2.3.1' })).toBe(true);
    expect(evalCondition(notAnUpgrade, { from: '5.2.10.0', to: '5.2.9.0' })).toBe(true);
    expect(evalCondition(notAnUpgrade, { from: '5.2.1.0', to: '5.2.3.1' })).toBe(false);
    expect(evalCondition({ q: 'to', version: '<{from} || ={from}' }, { from: '2.1.2-1', to: '2.1.2-1' })).toBe(true);
    // Unanswered, it holds nothing (a blocker waits for the answer); open, it is undecided.
    expect(evalCondition(notAnUpgrade, { from: '5.2.3.1' })).toBe(false);
    expect(conditionState(notAnUpgrade, { from: '5.2.3.1' }, new Set(['to']))).toBeUndefined();
  });

  it('tests list answers with has', () => {
    expect(evalCondition({ q: 'daemons', has: 'stlogd' }, answers)).toBe(true);
    expect(evalCondition({ q: 'daemons', has: 'sharetaskd' }, answers)).toBe(false);
    expect(evalCondition({ q: 'daemons', has: 'stlogd' }, { daemons: [] })).toBe(false);
  });

  it('combines with all, any and not', () => {
    const serverWithoutCustom = { all: [{ q: 'component', eq: 'server' }, { not: { q: 'custom', eq: 'yes' } }] };
    expect(evalCondition(serverWithoutCustom, answers)).toBe(true);
    expect(evalCondition(serverWithoutCustom, { ...answers, custom: 'yes' })).toBe(false);
    expect(evalCondition({ any: [{ q: 'component', eq: 'agent' }, { q: 'daemons', has: 'stlogd' }] }, answers)).toBe(true);
  });

  it('treats an absent answer as not matching', () => {
    expect(evalCondition({ q: 'license', eq: 'yes' }, answers)).toBe(false);
    expect(evalCondition({ q: 'license', eq: 'no' }, answers)).toBe(false);
    expect(evalCondition({ q: 'license', set: false }, answers)).toBe(true);
  });
});

describe('conditionState', () => {
  it('is undecided while a question it depends on is still open', () => {
    const cond = { not: { q: 'component', eq: 'server' } };
    expect(conditionState(cond, {}, new Set(['component']))).toBeUndefined();
    expect(conditionState(cond, { component: 'agent' }, new Set())).toBe(true);
    // A decisive part decides even when another part is open.
    expect(conditionState({ all: [{ q: 'a', eq: 'x' }, { q: 'b', eq: 'y' }] }, { a: 'z' }, new Set(['b']))).toBe(false);
    expect(conditionState({ any: [{ q: 'a', eq: 'x' }, { q: 'b', eq: 'y' }] }, { a: 'x' }, new Set(['b']))).toBe(true);
  });
});
