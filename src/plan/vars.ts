// Vars whose value depends on the answers, and media patterns that name answers or vars.
// Pure: no I/O. (Added for products whose file names vary by platform, e.g. an rpm named
// "...i686.rpm" on one architecture and "...vmware.i386.rpm" on another.)
import type { Answers, Definition } from '../model/definition.js';
import { evalCondition } from './condition.js';
import { placeholders, resolveTemplate, TemplateError, type TemplateContext } from './template.js';

/**
 * The definition's vars as plain templates for these answers: a var given as cases takes the
 * value of its first case whose `when` holds; a var no case fits is left out (using it is then
 * an "unknown" template error naming it).
 */
export function selectVars(vars: Definition['vars'], answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === 'string') {
      out[name] = value;
      continue;
    }
    const hit = value.find((c) => c.when === undefined || evalCondition(c.when, answers));
    if (hit !== undefined) out[name] = hit.value;
  }
  return out;
}

/** Every template of a var, for load-time checks: the plain value, or each case's value. */
export function varTemplates(value: Definition['vars'][string]): string[] {
  return typeof value === 'string' ? [value] : value.map((c) => c.value);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when a media pattern names an answer or a var, so it can only be matched once those are known. */
export function patternHasPlaceholders(pattern: string): boolean {
  return placeholders(pattern).some((p) => p.kind === 'answer' || p.kind === 'var');
}

/**
 * A media pattern with its {ANSWER} and {var:NAME} placeholders filled in, each value escaped
 * so it matches literally; other braces are regular-expression syntax (`[0-9]{8}`) and stay.
 * null when a placeholder cannot be filled yet (its question is not answered).
 */
export function expandMediaPattern(pattern: string, ctx: Pick<TemplateContext, 'answers' | 'vars'>): string | null {
  const full: TemplateContext = { root: '', mediaFiles: {}, ...ctx };
  try {
    return pattern.replace(/\{([^{}]*)\}/g, (whole, inner: string) => {
      const kind = placeholders(whole)[0]?.kind;
      if (kind !== 'answer' && kind !== 'var') return whole;
      return escapeRegExp(resolveTemplate(`{${inner}}`, full));
    });
  } catch (error) {
    if (error instanceof TemplateError) return null;
    throw error;
  }
}
