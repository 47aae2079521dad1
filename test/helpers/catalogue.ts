// Every message of every area of the catalogue, in both languages: the texts the screens draw,
// for the tests that hold the bundle's text measuring to the libraries'.
import type { Messages } from '../../src/i18n/index.js';

export function catalogueTexts(): string[] {
  const areas = Object.values(import.meta.glob<Record<string, unknown>>('../../src/i18n/messages/*.ts', { eager: true }));
  const catalogues = areas.flatMap((m) => Object.values(m)).filter((v): v is Messages => typeof v === 'object' && v !== null && 'en' in v && 'ja' in v);
  return catalogues.flatMap((c) => [...Object.values(c.en), ...Object.values(c.ja)]);
}
