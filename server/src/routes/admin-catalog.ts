// The administrator's catalog: drafts, publish, retire, templates, import and export. Bodies are
// checked here with the shared schema (not by Fastify) so that every problem comes back with
// its path and plain words in the administrator's language, and nothing is half-saved.
import {
  AdminProcedure,
  AdminProcedureList,
  ApiError,
  CatalogFile,
  CatalogImportResult,
  catalogProblems,
  ProcedureDef,
  TemplateRef,
} from '@hsc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, notFound } from '../http/errors.ts';
import { rawUpload } from '../http/files.ts';
import { roles, viewerOf } from '../http/staff-session.ts';
import { catalogWords, langOf, text } from '../http/texts.ts';
import type { AdminService } from '../services/admin.ts';
import { TEMPLATE_MAX_BYTES, TEMPLATE_MEDIA_TYPES, type AdminOutcome, type CatalogService } from '../services/catalog.ts';

const ERRORS = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const CodeParam = z.object({ code: z.string().max(40) });
/** A catalog of several hundred procedures is a few MB of JSON. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const adminCatalogRoutes: FastifyPluginAsyncZod<{ catalog: CatalogService; admin: AdminService }> = async (app, { catalog, admin }) => {
  const adminOnly = roles('admin');
  const audit = (req: FastifyRequest, action: string, details: Record<string, unknown>) => admin.record(viewerOf(req), action, details);
  const answer = (req: FastifyRequest, reply: FastifyReply, outcome: AdminOutcome) => {
    if (outcome.kind === 'not_found') return notFound(req, reply);
    if (outcome.kind === 'conflict') return reply.code(409).send(apiError(langOf(req), 'catalog_state'));
    return outcome.procedure;
  };

  app.get('/api/admin/procedures', { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Every procedure: published, retired and drafts', response: { 200: AdminProcedureList, ...ERRORS } } }, () =>
    catalog.list(),
  );

  app.get(
    '/api/admin/procedures/:code',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'One procedure with its draft', params: CodeParam, response: { 200: AdminProcedure, ...ERRORS } } },
    async (req, reply) => (await catalog.get(req.params.code)) ?? notFound(req, reply),
  );

  app.put(
    '/api/admin/procedures/:code/draft',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], summary: 'Save a draft (a ProcedureDef); creates the procedure when the code is new', params: CodeParam, body: z.unknown(), response: { 200: AdminProcedure, ...ERRORS } },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const parsed = ProcedureDef.safeParse(req.body);
      if (!parsed.success) {
        const fields = catalogProblems(parsed.error, catalogWords(lang), 'dots').map((p) => ({ ...p, code: 'invalid' }));
        return reply.code(400).send(apiError(lang, 'procedure_invalid', { fields }));
      }
      if (parsed.data.code !== req.params.code) {
        return reply.code(400).send(apiError(lang, 'procedure_invalid', { fields: [{ path: 'code', code: 'invalid', message: text(lang, 'invalidValue') }] }));
      }
      const saved = await catalog.saveDraft(parsed.data);
      await audit(req, 'procedure_draft_saved', { code: saved.code });
      return saved;
    },
  );

  app.delete(
    '/api/admin/procedures/:code/draft',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Discard the draft', params: CodeParam, response: { 200: AdminProcedure, ...ERRORS } } },
    async (req, reply) => {
      const outcome = await catalog.discardDraft(req.params.code);
      await audit(req, 'procedure_draft_discarded', { code: req.params.code });
      return answer(req, reply, outcome);
    },
  );

  for (const step of ['publish', 'retire', 'restore'] as const) {
    app.post(
      `/api/admin/procedures/:code/${step}`,
      { onRequest: adminOnly, schema: { tags: ['admin'], summary: `${step[0]!.toUpperCase()}${step.slice(1)} the procedure`, params: CodeParam, response: { 200: AdminProcedure, ...ERRORS } } },
      async (req, reply) => {
        const outcome = await catalog[step](req.params.code);
        if (outcome.kind === 'ok') await audit(req, `procedure_${step}`, { code: req.params.code, version: outcome.procedure.version });
        return answer(req, reply, outcome);
      },
    );
  }

  // A template arrives as the raw body; this parser hands the stream on unread.
  app.addContentTypeParser([...TEMPLATE_MEDIA_TYPES], (_req, payload, done) => done(null, payload));

  app.post(
    '/api/admin/catalog/templates',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Upload a blank form (PDF, image, DOC or DOCX; header x-file-name) for a document slot',
        response: { 201: TemplateRef, 413: ApiError, 415: ApiError, ...ERRORS },
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const up = rawUpload(req, TEMPLATE_MAX_BYTES);
      if (!up.ok) return reply.code(up.status).send(up.error);
      const { mediaType, fileName } = up;
      const outcome = await catalog.uploadTemplate(up.body, mediaType, fileName, viewerOf(req).id);
      if (outcome.kind === 'too_large') return reply.code(413).send(apiError(lang, 'too_large'));
      if (outcome.kind === 'unsupported_media_type') return reply.code(415).send(apiError(lang, 'unsupported_media_type'));
      const { id, sha256, size } = outcome.template;
      await audit(req, 'template_uploaded', { id, sha256, size, fileName });
      return reply.code(201).send({ id, fileName, mediaType, size, sha256 });
    },
  );

  app.post(
    '/api/admin/catalog/import',
    {
      onRequest: adminOnly,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['admin'],
        summary: 'Import a catalog file: ?dryRun=true only reports; otherwise all changes are published at once, or none',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        body: z.unknown(),
        response: { 200: CatalogImportResult, 400: CatalogImportResult, 401: ApiError, 403: ApiError },
      },
    },
    async (req, reply) => {
      const dryRun = req.query.dryRun === 'true';
      const result = await catalog.import(req.body, { dryRun, words: catalogWords(langOf(req)) });
      if (result.errors.length > 0) return reply.code(dryRun ? 200 : 400).send(result);
      if (!dryRun) await audit(req, 'catalog_imported', { version: result.version, added: result.added, changed: result.changed, retired: result.retired });
      return result;
    },
  );

  app.get(
    '/api/admin/catalog/export',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'The catalog file (format hosocong-catalog, version 1)', response: { 200: CatalogFile, 401: ApiError, 403: ApiError } } },
    async (_req, reply) => {
      reply.header('content-disposition', 'attachment; filename="hosocong-catalog.json"');
      return catalog.export();
    },
  );
};
