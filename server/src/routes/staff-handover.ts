// Handing a dossier to another staff member of its unit, and its Mẫu 05 (control sheet).
// Thin: the gate has checked session, CSRF and role; HandoverService decides who may hand what
// to whom (another unit's dossier is a 404 like a missing one).
import { ApiError, ControlSheet, DeskDossierResponse, HandoverRequest } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lifecycleError, notFound } from '../http/errors.ts';
import { roles, viewerOf } from '../http/staff-session.ts';
import { langOf } from '../http/texts.ts';
import type { HandoverService } from '../services/handover.ts';

const ERRORS = { 401: ApiError, 403: ApiError, 404: ApiError };
const IdParam = z.object({ id: z.string().max(100) });

export const staffHandoverRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (app, { handovers }) => {
  app.post(
    '/api/staff/dossiers/:id/handover',
    {
      onRequest: roles('officer', 'leader'),
      schema: {
        tags: ['staff'],
        summary: 'Hand the dossier to another officer or the leader of its unit (only its holder may; Mẫu 05 step)',
        params: IdParam,
        body: HandoverRequest,
        response: { 200: DeskDossierResponse, 400: ApiError, 409: ApiError, ...ERRORS },
      },
    },
    async (req, reply) => {
      const out = await handovers.hand(viewerOf(req), req.params.id, req.body);
      switch (out.kind) {
        case 'ok':
          return { dossier: out.dossier };
        case 'not_found':
          return notFound(req, reply);
        case 'refused':
          return reply.code(409).send(lifecycleError(langOf(req), out.error));
      }
    },
  );

  app.get(
    '/api/staff/dossiers/:id/control-sheet',
    {
      onRequest: roles('officer', 'leader', 'province'),
      schema: { tags: ['staff'], summary: 'Mẫu 05: every handover step, its due time and whether it was on time (read is audited)', params: IdParam, response: { 200: ControlSheet, ...ERRORS } },
    },
    async (req, reply) => {
      const sheet = await handovers.controlSheet(viewerOf(req), req.params.id);
      return sheet ?? notFound(req, reply);
    },
  );
};
