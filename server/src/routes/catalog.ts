// The catalog and the units: read-mostly, cached on the phones. The whole list carries an ETag
// (the catalog version) so a phone on 2G revalidates with a few bytes; `?since=` sends only
// what changed after the version the phone holds.
import { ApiError, Catalog, Procedure, UnitList } from '@hsc/shared';
import compress from '@fastify/compress';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import zlib from 'node:zlib';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import { sendFile } from '../http/files.ts';
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
  // Compressed here only (this plugin's routes): catalog JSON shrinks 5-6×, which is what a
  // phone on 2G pays; brotli at quality 5 keeps a 300-procedure answer quick to make.
  await app.register(compress, {
    globalDecompression: false,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  app.get(
    '/api/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The published catalog; with ?since=<version>, only what changed after that version (delta: true)',
        querystring: z.object({ since: z.string().max(20).optional() }),
        response: { 200: Catalog, 304: z.void() },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-cache');
      if (req.query.since !== undefined) return catalog.since(req.query.since);
      const body = await catalog.catalog();
      const etag = `"${body.version}"`;
      reply.header('etag', etag);
      if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
      return body;
    },
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A published procedure; with ?version=N, that version (kept forever for the dossiers filled in it)',
        params: z.object({ code: z.string().max(40) }),
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: Procedure, 404: ApiError },
      },
    },
    async (req, reply) => (await catalog.procedure(req.params.code, req.query.version)) ?? notFound(req, reply),
  );

  app.get(
    '/api/catalog/templates/:id',
    { schema: { tags: ['catalog'], summary: "The blank form (tờ khai) of a document slot, by the slot's template id", params: z.object({ id: z.string().max(100) }), response: { 404: ApiError } } },
    async (req, reply) => {
      const t = await catalog.template(req.params.id);
      if (!t) return notFound(req, reply);
      // A template's id names one upload: its bytes never change, so phones may keep it.
      return sendFile(reply, { fileName: t.record.fileName, mediaType: t.record.mediaType, size: t.record.size, stream: t.stream }, { cacheControl: 'public, max-age=31536000, immutable' });
    },
  );

  app.get('/api/units', { schema: { tags: ['catalog'], response: { 200: UnitList } } }, async () => ({ units: await catalog.units() }));
};
