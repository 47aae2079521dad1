// A rollback stopped with Ctrl-C is finished with rollback, not with resume (which refuses a run
// whose rollback did not finish): its summary gives that command.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/run/summary.js';
import { samplePlan } from '../ui/helpers.js';

describe('summary of a stopped rollback', () => {
  it('gives the rollback command that finishes it, not resume', () => {
    const place = { root: '/tmp/sbx', logDir: '/var/log/upgrade-wizard' };
    for (const reason of ['interrupted', 'killed'] as const) {
      const text = summarize(samplePlan(), { runId: 'r1', status: 'stopped', reason, step: 'backup/restore' }, place).lines.join('\n');
      expect(text, reason).toContain('To finish the rollback (its finished steps are not repeated):\n  upgrade-wizard rollback --to backup --root /tmp/sbx --yes');
      expect(text, reason).not.toContain('resume');
    }
  });
});
