// The catalog and the units: read-mostly, cached on the phones. The procedure list carries an
// ETag (its content version) so a phone on 2G revalidates with a few bytes.
import { ApiError, Catalog, Procedure, UnitList } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import type { CatalogService } from '../services/catalog.ts';

/** True when an If-None-Match header (a list, possibly weak, or `*`) names this ETag. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

export const catalogRoutes: FastifyPluginAsyncZod<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/api/procedures',
    { schema: { tags: ['catalog'], response: { 200: Catalog, 304: z.void() } } },
    async (req, reply) => {
      const body = await catalog.catalog();
      const etag = `"${body.version}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
      return body;
    },
  );

  app.get(
    '/api/procedures/:code',
    { schema: { tags: ['catalog'], params: z.object({ code: z.string() }), response: { 200: Procedure, 404: ApiError } } },
    async (req, reply) => (await catalog.procedure(req.params.code)) ?? notFound(req, reply),
  );

  app.get('/api/units', { schema: { tags: ['catalog'], response: { 200: UnitList } } }, async () => ({ units: await catalog.units() }));
};
