// What an officer's search box means. People read codes out loud from the end ("số 10",
// "ngày 30/11 số 10"), type phones with spaces, dots or +84, and type names without tones. A
// query is a code tail (any end of `<agency>-<YYMMDD>-<NNNN>` cut at a separator, with or
// without the agency prefix) and/or words that must each start a word of the folded name,
// phone and citizen ID. An exact code match always comes first.
import { foldVi } from './fold.ts';
import { normalizePhone } from './validate.ts';

export interface DeskQuery {
  /** Folded words; each must start a word of the dossier's search text. */
  words: string[];
  /** Upper-case code end: the code equals it or ends with `-` or `.` followed by it. */
  codeTail?: string;
}

const CODE_TAIL = /^(?:[A-Z]\d*\.)?\d+(?:-\d+)*$/;

export function deskQuery(q: string | undefined): DeskQuery {
  const query = q?.trim() ?? '';
  const compact = query.replace(/\s+/g, '').toUpperCase();
  const codeTail = CODE_TAIL.test(compact) ? compact : undefined;
  // A number typed with spaces, dots, dashes or +84 (a phone, a citizen ID) is one word.
  if (/^[\d\s.+()-]+$/.test(query) && /\d/.test(query)) {
    const digits = normalizePhone(query).replace(/\D/g, '');
    return { words: [digits], ...(codeTail ? { codeTail } : {}) };
  }
  return { words: foldVi(query).split(' ').filter(Boolean), ...(codeTail ? { codeTail } : {}) };
}

/** The store's test of a code against a tail, the same rule in code (tests, offline lists). */
export function codeHasTail(code: string, tail: string): boolean {
  return code === tail || code.endsWith(`-${tail}`) || code.endsWith(`.${tail}`);
}
