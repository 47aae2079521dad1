// How `run --yes` shows a failed step: it says the step failed and that the run stops there
// (nothing is retried without someone to choose), with the error under it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/run/executor.js';
import { NonInteractive } from '../../src/run/noninteractive.js';
import { plan, step, tempDir } from './ctx.js';

describe('a failure under --yes', () => {
  it('is headed as a failure that stops the run, not a bare "stop:"', async () => {
    const said: string[] = [];
    const failing = step('command', {}, { id: 'make', title: 'make install', commands: [['perl', '-e', 'print STDERR "Error 2\\n"; exit 2']] });
    const result = await execute(plan([failing]), new NonInteractive((s) => void said.push(s)), { logDir: join(tempDir('uw-ni-'), 'log'), root: '', confirmedBy: '--yes' });
    expect(result.status).toBe('failed');
    const text = said.join('\n');
    expect(text).toContain('failed; the run stops here (--yes retries nothing):');
    expect(text).toContain('Error 2');
    expect(text).not.toMatch(/^\s*stop:$/m);
  });
});
