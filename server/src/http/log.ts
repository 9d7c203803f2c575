// What the server writes to its log. Query strings carry what people search and look up by
// (a citizen ID typed in the staff queue's search, the lookup code of /api/track), so a logged
// URL keeps only its path: nothing that names a person reaches a log line.
import type { FastifyServerOptions } from 'fastify';

import type { LogOption } from '../config.ts';

export type { LogOption };

/** A URL as it may be logged: the path, and `?…` where a query string was. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
}

/** Fastify's logger option with the request serializer that drops query strings. */
export function loggerOptions(option: LogOption | undefined): FastifyServerOptions['logger'] {
  if (!option) return false;
  const base = option === true ? {} : option;
  return {
    ...base,
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: loggableUrl(req.url), remoteAddress: req.ip }),
    },
  };
}
