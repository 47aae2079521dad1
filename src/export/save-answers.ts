// --save-answers FILE for plan, run, export and the interactive wizard: the answers file, mode 0600.
// A symbolic link is written through (its target replaced atomically, the link kept), as
// migrate-config writes configuration files.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Answers, Definition } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/export.js';
import { answersYaml } from './answers-yaml.js';
import { WriteError, writeFileAtomicSync, writeProblem } from './write-files.js';

const OPTION = '--save-answers';

/** The file to write: the target of a symbolic link (even one that does not exist yet), else file. */
function target(file: string): string {
  let isLink = false;
  try {
    isLink = lstatSync(file).isSymbolicLink();
  } catch {
    return resolve(file);
  }
  if (!isLink) return resolve(file);
  try {
    return realpathSync(file);
  } catch {
    // A link to a file not made yet: its target, relative to the link's directory.
    return resolve(dirname(resolve(file)), readlinkSync(file));
  }
}

export function saveAnswers(file: string, def: Definition, answers: Answers, facts?: Pick<Facts, 'detected'>): void {
  checkSaveTarget(file);
  const text = answersYaml(def, answers, {
    ...(facts ? { detected: facts.detected } : {}),
    header: [t('export.answers.header1', { product: def.id }), t('export.answers.header2')],
  });
  try {
    writeFileAtomicSync(target(file), text, 0o600, OPTION);
  } catch (error) {
    // A WriteError says already what to do; anything else gets the advice once.
    const detail = error instanceof WriteError ? error.message : t('export.answers.otherError', { detail: (error as Error).message });
    throw new InputError(t('export.answers.cannotWrite', { file, detail }));
  }
}

/** Refused before any screen opens or anything is exported: the file must be writable. */
export function checkSaveTarget(file: string): string {
  const problem = writeProblem(target(file), OPTION, 'answers.yml');
  if (problem !== undefined) throw new InputError(t('export.answers.cannotWrite', { file, detail: problem }));
  return resolve(file);
}
