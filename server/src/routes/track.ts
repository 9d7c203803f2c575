// Public tracking by dossier code + lookup code. Wrong lookup and unknown code give the same
// 404, and the route is rate-limited per client IP so the 4-character code cannot be guessed.
import { ApiError, TrackResponse } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RateLimit } from '../config.ts';
import { dossierNotFound } from '../http/errors.ts';
import type { TrackingService } from '../services/tracking.ts';

export const trackRoutes: FastifyPluginAsyncZod<{ tracking: TrackingService; limit: RateLimit }> = async (app, { tracking, limit }) => {
  app.get(
    '/api/track/:code',
    {
      // Counts every request, not only misses: a legitimate person checks a few times a day.
      config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindow } },
      schema: {
        tags: ['dossiers'],
        summary: 'Status of a dossier by its code and lookup code',
        params: z.object({ code: z.string() }),
        querystring: z.object({ lookup: z.string().max(64).optional() }),
        response: { 200: TrackResponse, 404: ApiError, 429: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return (await tracking.byCode(req.params.code, req.query.lookup ?? '')) ?? dossierNotFound(req, reply);
    },
  );
};
