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

  it('refuses a file that is not a map of answers, naming the file and the line', async () => {
    const path = file('- just\n- a list\n');
    await expect(readAnswersFile(path)).rejects.toThrow(`${path}:1: the answers file must hold a mapping of question id to value`);
  });

  it('names the line of a value that is neither text nor a list of texts', async () => {
    const path = file('component: server\n\nfrom:\n  - 5.4.3\n  - {major: 5}\n');
    await expect(readAnswersFile(path)).rejects.toThrow(`${path}:4: the value of from must be a string or a list of strings`);
  });

  it('names the line of a YAML error, without yaml\'s code frame, and of a repeated question', async () => {
    const broken = file('component: server\nfrom: [5.4.3\nto: 5.5.1-2\n');
    await expect(readAnswersFile(broken)).rejects.toThrow(new RegExp(`^${broken}:\\d+: the answers file is not valid YAML: [^\\n]*[^:]$`));
    const twice = file('from: 5.4.3\nfrom: 5.4.4\n');
    await expect(readAnswersFile(twice)).rejects.toThrow(`${twice}:2: the answers file is not valid YAML: Map keys must be unique`);
  });

  it('says that a file given with --answers does not exist', async () => {
    const path = join(tmpdir(), 'uw-no-such-answers.yaml');
    await expect(readAnswersFile(path)).rejects.toThrow(`the answers file ${path} does not exist: check the path given with --answers`);
  });
});
