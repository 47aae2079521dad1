// Message catalogue access. Every text a user sees goes through t().
// Catalogues are split by area (src/i18n/messages/*.ts) so that each part of the
// tool owns its messages; they are merged here into one table per language.
import { cliMessages } from './messages/cli.js';

export type Lang = 'ja' | 'en';
export type Catalogue = Record<string, string>;
export interface Messages {
  en: Catalogue;
  ja: Catalogue;
}

const tables: Record<Lang, Catalogue> = { en: {}, ja: {} };
let current: Lang = 'en';

/** Adds an area's messages; called at import time by each area's module. */
export function register(messages: Messages): void {
  Object.assign(tables.en, messages.en);
  Object.assign(tables.ja, messages.ja);
}

register(cliMessages);

/** --lang wins; else LC_ALL, LC_MESSAGES, LANG in POSIX precedence order. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'ja' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Looks a message up in the current language, falling back to English, and fills {name} slots. */
export function t(key: string, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const template = tables[lang][key] ?? tables.en[key];
  if (template === undefined) throw new Error(`missing message: ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when every key exists in both languages; the catalogue test uses it. */
export function catalogueKeys(): { en: string[]; ja: string[] } {
  return { en: Object.keys(tables.en).sort(), ja: Object.keys(tables.ja).sort() };
}
