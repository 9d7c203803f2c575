// What is wrong with a procedure or a catalog file, in the administrator's language, each named
// by where it is (`procedures[12].fields[3].type`), so a 300-procedure file can be fixed at once.
import type { z } from 'zod';
import type viStaff from '../locales/vi/staff.json';
import type { CatalogRule } from './procedure.ts';

export interface CatalogProblem {
  path: string;
  message: string;
}

/** A kind of problem: a key of `catalogProblems` in shared/locales/<lang>/staff.json. */
export type CatalogWord = keyof (typeof viStaff)['catalogProblems'];
/**
 * The words of the administrator's language, filled in (the server's i18next over
 * `staff:catalogProblems.<word>`). A catalog rule without its words does not type-check.
 */
export type CatalogWords = (word: CatalogWord, params?: Record<string, unknown>) => string;

export type PathStyle = 'brackets' | 'dots';

/** `['procedures', 12, 'fields', 3, 'type']` as `procedures[12].fields[3].type` (or with dots). */
export function formatPath(path: readonly PropertyKey[], style: PathStyle = 'brackets'): string {
  return path.reduce<string>((out, p) => {
    if (typeof p === 'number') return style === 'brackets' ? `${out}[${p}]` : out ? `${out}.${p}` : String(p);
    return out ? `${out}.${String(p)}` : String(p);
  }, '');
}

function describe(catalogWord: CatalogWords, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom': {
      const rule = issue.params?.['rule'] as CatalogRule | undefined;
      return rule ? catalogWord(rule, issue.params) : catalogWord('invalid');
    }
    case 'invalid_type':
      return issue.input === undefined ? catalogWord('missing') : catalogWord('type', { expected: issue.expected });
    case 'too_small':
      return catalogWord('tooSmall', { minimum: issue.minimum });
    case 'too_big':
      return catalogWord('tooBig', { maximum: issue.maximum });
    case 'invalid_format':
      return catalogWord('format');
    case 'invalid_value':
      return catalogWord('value', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return catalogWord('unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return catalogWord('invalid');
  }
}

/** Every problem zod found, with its path and plain words. */
export function catalogProblems(error: z.ZodError, words: CatalogWords, style: PathStyle = 'brackets', prefix: readonly PropertyKey[] = []): CatalogProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path], style), message: describe(words, issue) }));
}
