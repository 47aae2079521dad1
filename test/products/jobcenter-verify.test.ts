// The JobCenter checks as the operator reads them when they fail: the process checks name the
// processes (not their regular expressions) and show the ps -ef lines still there, PIDs included;
// the NQS_SITE check shows the value and says that Retry cannot help, and what to do instead.
// The real verify handler on the definition's own checks; a node script stands in for ps -ef.
import { afterEach, describe, expect, test } from 'vitest';
import type { PlannedStep } from '../../src/model/plan.js';
import { patternLabel, verify } from '../../src/run/steps/verify.js';
import { context, Recorder } from '../run/ctx.js';
import { psRunning, PS_STOPPED } from '../helpers/jobcenter-sandbox.js';
import { plan } from './jobcenter-paths.js';

// local_site=no: where the local site is used, the cluster site's start is checked by hand (s323-check-started-by-hand).
const active = plan({ cluster: 'unix', operation: 'patch', role: 'active', from: 'R13.1', to: 'R13.2.1', local_site: 'no' });
const planned = (id: string): PlannedStep => {
  const s = active.steps.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no step ${id}`);
  return s;
};
/** The step with `ps -ef` replaced by a script printing this process table. */
function withPs(id: string, ps: string, extra: Record<string, unknown> = {}): PlannedStep {
  const s = planned(id);
  const v = s.params.verify as Record<string, unknown>;
  return { ...s, params: { ...s.params, verify: { ...v, argv: [process.execPath, '-e', `process.stdout.write(${JSON.stringify(ps)})`], ...extra } } };
}
const failure = async (s: PlannedStep, rec = new Recorder()): Promise<string> => {
  try {
    await verify.run(s, context(rec));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the check passed');
};

const saved = process.env.NQS_SITE;
afterEach(() => {
  if (saved === undefined) delete process.env.NQS_SITE;
  else process.env.NQS_SITE = saved;
});

describe('process checks', () => {
  test('processes still running: their names and their ps -ef lines with the PIDs, no regular expression', async () => {
    const ps = psRunning(true, ['jnwcaster', 'jnwengine', 'sclaunchd', 'comagent', 'jcdbs']);
    const message = await failure(withPs('s323-check-stopped-r131', ps));
    expect(message).toMatch(/^still in the output of .*: cjcpw, nqsdaemon\n/);
    expect(message).toContain('root      2000     1  0 10:05 ?        00:00:00 /usr/lib/nqs/cjcpw -s jcsite');
    expect(message).toContain('root      2001     1  0 10:05 ?        00:00:00 /usr/lib/nqs/nqsdaemon -s jcsite');
    // Only the lines of those processes (the command itself, here a script, is on the first line).
    expect(message.split('\n').slice(1)).toHaveLength(2);
    expect(message).not.toContain('(?:');
    expect(await verify.run(withPs('s323-check-stopped-r131', PS_STOPPED), context())).toMatchObject({ status: 'done' });
  });

  test('processes not started yet: named while waiting and when the time is up', async () => {
    const rec = new Recorder();
    const ps = psRunning(true, ['jcdbs', 'comagent']);
    // Three seconds: the first look (a node process standing in for ps) must end within the
    // time for a wait to be shown at all, and on a loaded CI machine one second was not enough.
    const message = await failure(withPs('s323-check-started-r131', ps, { waitSeconds: 3, intervalSeconds: 1 }), rec);
    expect(message).toMatch(/not in the output of .*: comagent, jcdbs$/);
    expect(rec.text()).toMatch(/^waiting, \d+\/\d+ s: not yet \(not in the output of .*: comagent, jcdbs\)$/m);
    expect(message + rec.text()).not.toContain('(?:');
  });

  test('the plan and the runbook say which processes, not which patterns', () => {
    const lines = verify.describe?.(planned('s323-check-started-r131')) ?? [];
    expect(lines).toContain('the output must show each of: cjcpw, nqsdaemon, jnwcaster, jnwengine, sclaunchd, comagent, jcdbs');
    expect(verify.describe?.(planned('s323-check-stopped-r131'))).toContain('the output must show none of: cjcpw, nqsdaemon, jnwcaster, jnwengine, sclaunchd, comagent, jcdbs');
  });

  test('a pattern that is more than one name stays a pattern', () => {
    expect(patternLabel(/(?:^|[\s/])cjcpw(?:\s|$)/m)).toBe('cjcpw');
    expect(patternLabel(/^jc\.conf$/m)).toBe('jc.conf');
    expect(patternLabel(/cjcpw|nqsdaemon/m)).toBe('/cjcpw|nqsdaemon/');
    expect(patternLabel(/mirror [0-9]+ GREEN/m)).toBe('/mirror [0-9]+ GREEN/');
  });
});

describe('NQS_SITE', () => {
  test('set: the value, that Retry cannot help, and the way out (unset in the shell, then resume)', async () => {
    process.env.NQS_SITE = 'jcsite';
    const message = await failure(planned('s323-nqs-site'));
    expect(message).toContain('NQS_SITE=jcsite');
    expect(message).toContain('Retry cannot change that');
    expect(message).toContain('unset NQS_SITE');
    expect(message).toContain('upgrade-wizard resume');
    delete process.env.NQS_SITE;
    expect(await verify.run(planned('s323-nqs-site'), context())).toMatchObject({ status: 'done' });
  });
});
