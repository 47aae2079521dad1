// Options of `upgrade-wizard migrate-config`, parsed strictly and validated before any use.

import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/migrate.js';
import { isCustomUid } from './custom.js';
import { DEFAULT_INSTALL_DIR, DEFAULT_WEB_USER, isSafeInstallDir, isSafeUserName } from './sudoers.js';

export interface MigrateOptions {
  help: boolean;
  conf: string;
  shipped?: string;
  customArchive?: string;
  custom?: string;
  userPrefsDir?: string;
  sudoers?: string;
  installDir: string;
  webUser: string;
  apply: boolean;
  force: boolean;
  verifyDb: boolean;
  dbSocketDir?: string;
  json: boolean;
  root?: string;
}

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  conf: { type: 'string' },
  shipped: { type: 'string' },
  'custom-archive': { type: 'string' },
  custom: { type: 'string' },
  'user-prefs-dir': { type: 'string' },
  sudoers: { type: 'string' },
  'install-dir': { type: 'string' },
  'web-user': { type: 'string' },
  apply: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'verify-db': { type: 'boolean', default: false },
  'db-socket-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  root: { type: 'string' },
} as const;

/** A path value written into a config file: absolute, printable ASCII, no '#' or ':'. */
function isConfigPath(value: string): boolean {
  return /^\/[\x20-\x7e]*$/.test(value) && !/[#:]/.test(value) && value.trim() === value;
}

export function parseMigrateOptions(args: string[]): MigrateOptions {
  let values;
  try {
    ({ values } = parseArgs({ args, options: spec, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs explains in English; the sentence around it is translated.
    throw new InputError(t('migrate.opt.bad', { detail: (error as Error).message }));
  }
  if (values.help) return { help: true, conf: '', installDir: DEFAULT_INSTALL_DIR, webUser: DEFAULT_WEB_USER, apply: false, force: false, verifyDb: false, json: false };
  const empty = (Object.keys(spec) as (keyof typeof spec)[]).find((k) => values[k] === '');
  if (empty) throw new InputError(t('migrate.opt.empty', { option: `--${empty}` }));
  if (values.conf === undefined) throw new InputError(t('migrate.opt.confMissing'));
  if (values.custom !== undefined && values['custom-archive'] !== undefined) {
    throw new InputError(t('migrate.opt.customBoth'));
  }
  if (values.custom !== undefined && !isCustomUid(values.custom)) {
    throw new InputError(t('migrate.opt.customBad', { value: values.custom }));
  }
  const prefs = values['user-prefs-dir'];
  if (prefs !== undefined && !isConfigPath(prefs)) throw new InputError(t('migrate.opt.prefsBad', { value: prefs }));
  const installDir = values['install-dir'] ?? DEFAULT_INSTALL_DIR;
  if (!isSafeInstallDir(installDir)) throw new InputError(t('migrate.opt.installDirBad', { value: installDir }));
  const webUser = values['web-user'] ?? DEFAULT_WEB_USER;
  if (!isSafeUserName(webUser)) throw new InputError(t('migrate.opt.webUserBad', { value: webUser }));
  return {
    help: false,
    conf: values.conf,
    shipped: values.shipped,
    customArchive: values['custom-archive'],
    custom: values.custom,
    userPrefsDir: prefs,
    sudoers: values.sudoers,
    installDir,
    webUser,
    apply: values.apply,
    force: values.force,
    verifyDb: values['verify-db'],
    dbSocketDir: values['db-socket-dir'],
    json: values.json,
    root: values.root,
  };
}
