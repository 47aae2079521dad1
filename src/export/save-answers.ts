// --save-answers FILE for plan, run and the interactive wizard: the answers file, mode 0600.
import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Answers, Definition } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import { answersYaml } from './answers-yaml.js';
import { writeFileAtomicSync } from './write-files.js';

export function saveAnswers(file: string, def: Definition, answers: Answers, facts?: Pick<Facts, 'detected'>): void {
  const text = answersYaml(def, answers, {
    ...(facts ? { detected: facts.detected } : {}),
    header: [t('export.answers.header1', { product: def.id }), t('export.answers.header2')],
  });
  try {
    writeFileAtomicSync(file, text, 0o600);
  } catch (error) {
    throw new InputError(t('export.answers.cannotWrite', { file, detail: (error as Error).message }));
  }
}

/** Refused before any screen opens: the file's directory must exist and be writable. */
export function checkSaveTarget(file: string): string {
  const dir = dirname(resolve(file));
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new InputError(t('export.answers.cannotWrite', { file, detail: (error as Error).message }));
  }
  return resolve(file);
}
