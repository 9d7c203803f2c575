// The province's one-stop system: the event feed and the full export of a dossier, with an API
// key (`Authorization: Bearer <key>`, made by `pnpm integration:key`). Unknown, revoked and
// missing keys get the same 401.
import { ApiError, Uuid } from '@hsc/shared';
import { IntegrationEventsResponse } from '@hsc/shared/integration';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, notFound } from '../http/errors.ts';
import { langOf } from '../http/texts.ts';
import type { ApiKeyRecord, IntegrationService } from '../services/integration.ts';

declare module 'fastify' {
  interface FastifyRequest {
    integrationKey?: ApiKeyRecord;
  }
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

export const integrationRoutes: FastifyPluginAsyncZod<{ integration: IntegrationService }> = async (app, { integration }) => {
  app.addHook('onRequest', async (req, reply) => {
    const key = await integration.authenticate(bearer(req.headers.authorization));
    if (!key) {
      reply.header('www-authenticate', 'Bearer');
      return reply.code(401).send(apiError(langOf(req), 'unauthenticated'));
    }
    req.integrationKey = key;
  });

  app.get(
    '/api/integration/events',
    {
      schema: {
        tags: ['integration'],
        security: [{ integrationKey: [] }],
        summary: 'Status-change events after an id, in id order (the province system pulls with its API key)',
        querystring: z.object({
          after: z.coerce.number().int().min(0).default(0).describe('The last event id already read (0: from the start)'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: IntegrationEventsResponse, 401: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
      // The stored bytes of each event, as the webhooks send them.
      return reply.send((await integration.eventsJson(req.query.after, req.query.limit)) as unknown as IntegrationEventsResponse);
    },
  );

  app.get(
    '/api/integration/dossiers/:id',
    {
      schema: {
        tags: ['integration'],
        security: [{ integrationKey: [] }],
        summary: 'A dossier in full: the submission as received, the signed receipts and forms, the timeline, each page’s id, slot, size and SHA-256',
        params: z.object({ id: Uuid }),
        response: { 200: z.record(z.string(), z.unknown()).describe('See server/README.md, Integration'), 401: ApiError, 404: ApiError },
      },
    },
    async (req, reply) => {
      const out = await integration.exportDossier(req.params.id, req.integrationKey!);
      if (!out) return notFound(req, reply);
      reply.header('cache-control', 'no-store');
      return out;
    },
  );
};
