import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswersFile } from '../../src/run/answers.js';

function file(text: string, name = 'answers.yaml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'uw-answers-')), name);
  writeFileSync(path, text);
  return path;
}

describe('--answers FILE', () => {
  it('keeps versions exactly as written (5.10 is not 5.1, 02-00 keeps its zeros)', async () => {
    const answers = await readAnswersFile(file('from: 5.10\nto: 5.5.1-2\nlegacy: 02-00\ndaemons: [sharetaskd, stlogd]\n'));
    expect(answers).toEqual({ from: '5.10', to: '5.5.1-2', legacy: '02-00', daemons: ['sharetaskd', 'stlogd'] });
  });

  it('reads JSON too', async () => {
    expect(await readAnswersFile(file('{"component": "server", "from": "5.4.3"}', 'a.json'))).toEqual({
      component: 'server',
      from: '5.4.3',
    });
  });

  it('refuses a file that is not a map of answers, naming the file', async () => {
    const path = file('- just\n- a list\n');
    await expect(readAnswersFile(path)).rejects.toThrow(path);
  });
});
