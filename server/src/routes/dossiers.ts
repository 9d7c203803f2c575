// The sending device's two calls: PUT the dossier (idempotent by its id) and read its status
// with the secret it made. Outcomes map one-to-one onto HTTP answers here; the rules live in
// services/submission.ts.
import { ApiError, DEVICE_SECRET_HEADER, DossierStatusResponse, DossierSubmission, ReceiptResponse, Uuid } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, fieldErrors, dossierNotFound } from '../http/errors.ts';
import { langOf } from '../http/texts.ts';
import type { SubmissionService } from '../services/submission.ts';
import type { TrackingService } from '../services/tracking.ts';

const SecretHeader = z.looseObject({
  [DEVICE_SECRET_HEADER]: z.string().min(16).max(512).describe('Random secret made on the device for this dossier; only its SHA-256 is kept.'),
});

export const dossierRoutes: FastifyPluginAsyncZod<{ submissions: SubmissionService; tracking: TrackingService }> = async (
  app,
  { submissions, tracking },
) => {
  app.put(
    '/api/dossiers/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Send a dossier (idempotent by the id made on the device)',
        params: z.object({ id: Uuid }),
        headers: SecretHeader,
        body: DossierSubmission,
        response: { 200: ReceiptResponse, 201: ReceiptResponse, 400: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const lang = langOf(req);
      const outcome = await submissions.submit(req.params.id, req.body, req.headers[DEVICE_SECRET_HEADER]);
      switch (outcome.kind) {
        case 'created':
          // Seam (Trust issue): a push subscription sent with the dossier is stored here.
          return reply.code(201).send({ receipt: outcome.receipt });
        case 'repeated':
          return reply.code(200).send({ receipt: outcome.receipt });
        case 'conflict':
          return reply.code(409).send(apiError(lang, 'conflict', { differences: outcome.differences }));
        case 'invalid':
          return reply.code(400).send(apiError(lang, 'invalid', { fields: fieldErrors(lang, outcome.problems) }));
        case 'attachments_missing':
          return reply.code(422).send(apiError(lang, 'attachments_missing', { missing: outcome.missing, corrupt: outcome.corrupt }));
      }
    },
  );

  app.get(
    '/api/dossiers/:id/status',
    {
      schema: {
        tags: ['dossiers'],
        summary: "The sending device reads its dossier's status (secret in x-dossier-secret)",
        params: z.object({ id: z.string() }),
        response: { 200: DossierStatusResponse, 404: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store'); // personal data: no shared cache keeps it
      const secret = req.headers[DEVICE_SECRET_HEADER];
      return (await tracking.forDevice(req.params.id, typeof secret === 'string' ? secret : undefined)) ?? dossierNotFound(req, reply);
    },
  );
};
