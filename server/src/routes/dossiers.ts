// The sending device's calls: PUT the dossier (idempotent by its id), read its status with the
// secret it made, answer a supplement request, send a transfer photo for a fee, withdraw,
// download the result. Outcomes map one-to-one onto HTTP answers here; the rules live in
// services/.
import {
  ApiError,
  DEVICE_SECRET_HEADER,
  DossierStatusResponse,
  DossierSubmission,
  PaymentProofSubmission,
  ReceiptResponse,
  SupplementSubmission,
  Uuid,
} from '@hsc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, dossierNotFound, fieldErrors, lifecycleError } from '../http/errors.ts';
import { sendFile } from '../http/files.ts';
import { requestMeta } from '../http/staff-session.ts';
import { langOf } from '../http/texts.ts';
import type { CitizenService, PaymentProofOutcome, ResubmitOutcome } from '../services/citizen.ts';
import type { SubmissionService, SubmitOutcome } from '../services/submission.ts';
import type { TrackingService } from '../services/tracking.ts';

const SecretHeader = z.looseObject({
  [DEVICE_SECRET_HEADER]: z.string().min(16).max(512).describe('Random secret made on the device for this dossier; only its SHA-256 is kept.'),
});

const secretOf = (req: FastifyRequest) => {
  const secret = req.headers[DEVICE_SECRET_HEADER];
  return typeof secret === 'string' ? secret : undefined;
};

/** The answer to a submission or a resubmission, the same for the citizen and the desk. */
export function sendSubmitOutcome(req: FastifyRequest, reply: FastifyReply, outcome: SubmitOutcome | ResubmitOutcome | PaymentProofOutcome) {
  reply.header('cache-control', 'no-store');
  const lang = langOf(req);
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
    case 'not_found':
      return dossierNotFound(req, reply);
    case 'refused':
      return reply.code(409).send(lifecycleError(lang, outcome.error));
  }
}

export const dossierRoutes: FastifyPluginAsyncZod<{ submissions: SubmissionService; tracking: TrackingService; citizen: CitizenService }> = async (
  app,
  { submissions, tracking, citizen },
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
      const outcome = await submissions.submit(req.params.id, req.body, { channel: 'online', secret: req.headers[DEVICE_SECRET_HEADER], meta: requestMeta(req) });
      return sendSubmitOutcome(req, reply, outcome);
    },
  );

  app.get(
    '/api/dossiers/:id/status',
    {
      schema: {
        tags: ['dossiers'],
        summary: "The sending device reads its dossier's status, open supplement request and result (secret in x-dossier-secret)",
        params: z.object({ id: z.string() }),
        response: { 200: DossierStatusResponse, 404: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store'); // personal data: no shared cache keeps it
      return (await tracking.forDevice(req.params.id, secretOf(req))) ?? dossierNotFound(req, reply);
    },
  );

  app.put(
    '/api/dossiers/:id/supplements/:supplementId',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Answer a supplement request (idempotent by its id); the processing clock restarts',
        params: z.object({ id: z.string(), supplementId: z.string() }),
        headers: SecretHeader,
        body: SupplementSubmission,
        response: { 200: ReceiptResponse, 201: ReceiptResponse, 400: ApiError, 404: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (req, reply) => {
      const outcome = await citizen.resubmit(req.params.id, req.params.supplementId, req.body, secretOf(req), requestMeta(req));
      return sendSubmitOutcome(req, reply, outcome);
    },
  );

  app.put(
    '/api/dossiers/:id/payment-proofs/:proofId',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Send a photo of the bank transfer for the requested fee (uploaded first with tus, slot "payment"; idempotent by the proof id)',
        params: z.object({ id: z.string(), proofId: Uuid }),
        headers: SecretHeader,
        body: PaymentProofSubmission,
        response: { 200: ReceiptResponse, 201: ReceiptResponse, 400: ApiError, 404: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (req, reply) => {
      const outcome = await citizen.sendPaymentProof(req.params.id, req.params.proofId, req.body, secretOf(req), requestMeta(req));
      return sendSubmitOutcome(req, reply, outcome);
    },
  );

  app.post(
    '/api/dossiers/:id/withdraw',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The citizen withdraws the dossier (any status that is not final)',
        params: z.object({ id: z.string() }),
        headers: SecretHeader,
        response: { 200: DossierStatusResponse, 404: ApiError, 409: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const outcome = await citizen.withdraw(req.params.id, secretOf(req), requestMeta(req));
      if (outcome.kind === 'ok') return outcome.status;
      if (outcome.kind === 'not_found') return dossierNotFound(req, reply);
      return reply.code(409).send(lifecycleError(langOf(req), outcome.error));
    },
  );

  app.get(
    '/api/dossiers/:id/result',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Download the result document (once the dossier is processed)',
        params: z.object({ id: z.string() }),
        response: { 404: ApiError },
      },
    },
    async (req, reply) => {
      const file = await citizen.result(req.params.id, secretOf(req), requestMeta(req));
      return file ? sendFile(reply, file, { download: true }) : dossierNotFound(req, reply);
    },
  );
};
