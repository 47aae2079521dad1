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

// The areas' catalogues as registered, looked up newest first. Merging them into one table cost
// the first screen some 5 ms of copying thousands of keys; a lookup is remembered instead.
const catalogues: Messages[] = [];
const found: Record<Lang, Map<string, string>> = { en: new Map(), ja: new Map() };
let current: Lang = 'en';

/** Adds an area's messages; called at import time by each area's module. A later area wins a key. */
export function register(messages: Messages): void {
  catalogues.push(messages);
  found.en.clear();
  found.ja.clear();
}

function template(lang: Lang, key: string): string | undefined {
  const known = found[lang].get(key);
  if (known !== undefined) return known;
  for (let i = catalogues.length - 1; i >= 0; i--) {
    const text = (catalogues[i] as Messages)[lang][key];
    if (text !== undefined) {
      found[lang].set(key, text);
      return text;
    }
  }
  return undefined;
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
  const text = template(lang, key) ?? template('en', key);
  if (text === undefined) throw new Error(`missing message: ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when every key exists in both languages; the catalogue test uses it. */
export function catalogueKeys(): { en: string[]; ja: string[] } {
  const keys = (lang: Lang) => [...new Set(catalogues.flatMap((c) => Object.keys(c[lang])))].sort();
  return { en: keys('en'), ja: keys('ja') };
}
