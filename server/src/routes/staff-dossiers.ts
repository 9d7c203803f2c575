// The desk's dossier routes. Thin: the gate (staff-session.ts) has checked the session, CSRF
// and role; services decide visibility (another unit's dossier is a 404 like a missing one),
// the lifecycle and the audit entries.
import {
  ActionResponse,
  ApiError,
  DeskDossierResponse,
  DossierListQuery,
  DossierListResponse,
  DossierSubmission,
  FormDocument,
  QueueSummary,
  QueueSummaryQuery,
  RESULT_MAX_BYTES,
  RESULT_MEDIA_TYPES,
  ReceiptResponse,
  ReportQuery,
  ReportResponse,
  ResultUploadResponse,
  StaffActionRequest,
  DEVICE_SECRET_HEADER,
  Uuid,
} from '@hsc/shared';
import { DailySummary } from '@hsc/shared/staff-admin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, lifecycleError, notFound } from '../http/errors.ts';
import { rawUpload, sendFile } from '../http/files.ts';
import { roles, viewerOf } from '../http/staff-session.ts';
import { langOf, text } from '../http/texts.ts';
import type { ActionService } from '../services/actions.ts';
import type { DeskService } from '../services/desk.ts';
import type { ReportService } from '../services/reports.ts';
import type { SubmissionService } from '../services/submission.ts';
import { sendSubmitOutcome } from './dossiers.ts';
import { staffRegisterRoutes } from './staff-register.ts';

export interface StaffDossierRouteOptions {
  desk: DeskService;
  actions: ActionService;
  reports: ReportService;
  submissions: SubmissionService;
}

const ERRORS = { 401: ApiError, 403: ApiError, 404: ApiError };
const readers = roles('officer', 'leader', 'province');
const deskOnly = roles('officer', 'leader');
const IdParam = z.object({ id: z.string().max(100) });


export const staffDossierRoutes: FastifyPluginAsyncZod<StaffDossierRouteOptions> = async (app, { desk, actions, reports, submissions }) => {
  // The register, the day's receipts and the files of the figures (staff-register.ts).
  await app.register(staffRegisterRoutes, { reports });

  app.get(
    '/api/staff/dossiers',
    { onRequest: readers, schema: { tags: ['staff'], summary: 'The queue: search, filter, deadline badges', querystring: DossierListQuery, response: { 200: DossierListResponse, 400: ApiError, ...ERRORS } } },
    async (req, reply) => {
      const out = await desk.list(viewerOf(req), req.query);
      return out === 'forbidden' ? reply.code(403).send(apiError(langOf(req), 'forbidden')) : out;
    },
  );

  app.get(
    '/api/staff/queue',
    {
      onRequest: readers,
      schema: { tags: ['staff'], summary: 'What an open console polls: dossiers per status and a version (ETag; If-None-Match answers 304)', querystring: QueueSummaryQuery, response: { 200: QueueSummary, 304: z.void(), ...ERRORS } },
    },
    async (req, reply) => {
      const out = await desk.summary(viewerOf(req), req.query);
      if (out === 'forbidden') return reply.code(403).send(apiError(langOf(req), 'forbidden'));
      const etag = `"${out.version}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      return req.headers['if-none-match'] === etag ? reply.code(304).send() : out;
    },
  );

  app.get(
    '/api/staff/dossiers/:id',
    { onRequest: readers, schema: { tags: ['staff'], summary: 'A dossier with its documents re-verified (read is audited)', params: IdParam, response: { 200: DeskDossierResponse, ...ERRORS } } },
    async (req, reply) => {
      const dossier = await desk.detail(viewerOf(req), req.params.id);
      return dossier ? { dossier } : notFound(req, reply);
    },
  );

  app.get(
    '/api/staff/dossiers/:id/files/:attachmentId',
    { onRequest: readers, schema: { tags: ['staff'], summary: 'The bytes of a page (read is audited)', params: IdParam.extend({ attachmentId: z.string().max(100) }), response: ERRORS } },
    async (req, reply) => {
      const file = await desk.file(viewerOf(req), req.params.id, req.params.attachmentId);
      return file ? sendFile(reply, file) : notFound(req, reply);
    },
  );

  app.get(
    '/api/staff/dossiers/:id/results/:resultId',
    { onRequest: readers, schema: { tags: ['staff'], summary: 'The bytes of an uploaded result (read is audited)', params: IdParam.extend({ resultId: z.string().max(100) }), response: ERRORS } },
    async (req, reply) => {
      const file = await desk.resultFile(viewerOf(req), req.params.id, req.params.resultId);
      return file ? sendFile(reply, file) : notFound(req, reply);
    },
  );

  app.get(
    '/api/staff/forms/:formId',
    { onRequest: readers, schema: { tags: ['staff'], summary: 'A Mẫu 01-04 document exactly as stored', params: z.object({ formId: z.string().max(100) }), response: { 200: FormDocument, ...ERRORS } } },
    async (req, reply) => {
      const body = await desk.form(viewerOf(req), req.params.formId);
      if (body === undefined) return notFound(req, reply);
      // The stored text, byte for byte (a JSON string is sent unserialised): what is printed is
      // what was issued. The cast only tells the type provider what that text contains.
      return reply.type('application/json; charset=utf-8').send(body as unknown as FormDocument);
    },
  );

  app.post(
    '/api/staff/dossiers/:id/actions',
    {
      onRequest: deskOnly,
      schema: { tags: ['staff'], summary: 'A lifecycle action (accept, request_supplement, refuse, …)', params: IdParam, body: StaffActionRequest, response: { 200: ActionResponse, 400: ApiError, 409: ApiError, ...ERRORS } },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const outcome = await actions.act(viewerOf(req), req.params.id, req.body);
      switch (outcome.kind) {
        case 'ok':
          return { dossier: outcome.dossier, ...(outcome.form ? { form: outcome.form } : {}) };
        case 'not_found':
          return notFound(req, reply);
        case 'refused':
          return reply.code(409).send(lifecycleError(lang, outcome.error));
        case 'action_id_conflict':
          return reply.code(409).send(apiError(lang, 'action_id_conflict'));
      }
    },
  );

  // The result document arrives as the raw body; this parser hands the stream on unread.
  app.addContentTypeParser([...RESULT_MEDIA_TYPES], (_req, payload, done) => done(null, payload));

  app.post(
    '/api/staff/dossiers/:id/result',
    {
      onRequest: deskOnly,
      schema: {
        tags: ['staff'],
        summary: 'Upload the result document (raw PDF, JPEG or PNG; header x-file-name), then finish with its resultId',
        params: IdParam,
        response: { 201: ResultUploadResponse, 400: ApiError, 409: ApiError, 413: ApiError, 415: ApiError, ...ERRORS },
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const up = rawUpload(req, RESULT_MAX_BYTES);
      if (!up.ok) return reply.code(up.status).send(up.error);
      const outcome = await actions.uploadResult(viewerOf(req), req.params.id, up.body, up.mediaType, up.fileName, RESULT_MAX_BYTES);
      switch (outcome.kind) {
        case 'ok':
          return reply.code(201).send({ resultId: outcome.resultId, sha256: outcome.sha256, size: outcome.size });
        case 'not_found':
          return notFound(req, reply);
        case 'refused':
          return reply.code(409).send(lifecycleError(lang, outcome.error));
        case 'too_large':
          return reply.code(413).send(apiError(lang, 'too_large'));
        case 'unsupported_media_type':
          return reply.code(415).send(apiError(lang, 'unsupported_media_type'));
      }
    },
  );

  app.put(
    '/api/staff/dossiers/:id',
    {
      onRequest: deskOnly,
      schema: {
        tags: ['staff'],
        summary: 'A walk-in dossier typed in at the desk (channel "desk"); same body and answers as PUT /api/dossiers/:id',
        params: z.object({ id: Uuid }),
        headers: z.looseObject({ [DEVICE_SECRET_HEADER]: z.string().min(16).max(512).optional() }),
        body: DossierSubmission,
        response: { 200: ReceiptResponse, 201: ReceiptResponse, 400: ApiError, 409: ApiError, 422: ApiError, ...ERRORS },
      },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      if (req.body.unitCode !== v.unitCode) return reply.code(403).send(apiError(langOf(req), 'forbidden'));
      const outcome = await submissions.submit(req.params.id, req.body, { channel: 'desk', secret: req.headers[DEVICE_SECRET_HEADER], staffId: v.id, meta: v.meta });
      return sendSubmitOutcome(req, reply, outcome);
    },
  );

  app.get(
    '/api/staff/reports',
    { onRequest: roles('leader', 'province'), schema: { tags: ['staff'], summary: 'Monthly figures: received by channel, online share, on-time rate', querystring: ReportQuery, response: { 200: ReportResponse, 400: ApiError, ...ERRORS } } },
    async (req, reply) => {
      const lang = langOf(req);
      const outcome = await reports.report(viewerOf(req), req.query);
      if (outcome.kind === 'forbidden') return reply.code(403).send(apiError(lang, 'forbidden'));
      if (outcome.kind === 'invalid') {
        return reply.code(400).send(apiError(lang, 'invalid', { fields: [{ path: `querystring.${outcome.path}`, code: 'invalid', message: text(lang, 'invalidValue') }] }));
      }
      return outcome.report;
    },
  );

  app.get(
    '/api/staff/daily',
    { onRequest: roles('leader'), schema: { tags: ['staff'], summary: "The leader's day for the unit: received today, due on the next working day, overdue, waiting on the citizen", response: { 200: DailySummary, ...ERRORS } } },
    async (req, reply) => {
      const out = await desk.daily(viewerOf(req));
      if (out === 'forbidden') return reply.code(403).send(apiError(langOf(req), 'forbidden'));
      return out;
    },
  );
};
