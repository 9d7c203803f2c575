// The server's words as the HTTP side uses them: everything of services/texts.ts (read once at
// start from shared/locales), plus the language a request asks for.
import type { FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, LANGUAGES, type Lang } from '../services/texts.ts';

export * from '../services/texts.ts';

/** The language Accept-Language asks for first, if the server has it; Vietnamese otherwise. */
export function langOf(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return DEFAULT_LANGUAGE;
  const first = header.trim().toLowerCase().split(/[-,;\s_]/, 1)[0] ?? '';
  return LANGUAGES.includes(first) && first !== '' ? first : DEFAULT_LANGUAGE;
}
