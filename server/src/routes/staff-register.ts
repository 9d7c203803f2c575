// The case register (Mẫu 06), the day's receipts to print in one go, and the figures as files.
// Registered by the desk's dossier routes (staff-dossiers.ts), behind the same staff gate.
import { ApiError } from '@hsc/shared';
import { FormBatchQuery, FormBatchResponse, RegisterQuery, RegisterResponse, ReportExportQuery } from '@hsc/shared/register';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError } from '../http/errors.ts';
import { roles, viewerOf } from '../http/staff-session.ts';
import { langOf, text } from '../http/texts.ts';
import { contentDisposition, MEDIA_TYPES, type ExportTable } from '../services/exports.ts';
import { figuresFileName, registerFileName, type RegisterService } from '../services/register.ts';
import type { ReportService } from '../services/reports.ts';

export interface StaffRegisterRouteOptions {
  reports: ReportService;
}

const ERRORS = { 400: ApiError, 401: ApiError, 403: ApiError };
const readers = roles('officer', 'leader', 'province');
/** A file: the route answers bytes, not JSON. */
const FILE = z.any().describe('XLSX or CSV (UTF-8 with a byte order mark)');

async function sendFile(reply: FastifyReply, register: RegisterService, table: ExportTable, format: 'xlsx' | 'csv', name: string) {
  const file = await register.file(table, format, name);
  return reply
    .type(MEDIA_TYPES[format])
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

const forbidden = (req: FastifyRequest, reply: FastifyReply) => reply.code(403).send(apiError(langOf(req), 'forbidden'));

export const staffRegisterRoutes: FastifyPluginAsyncZod<StaffRegisterRouteOptions> = async (app, { reports }) => {
  const register = reports.register;

  app.get(
    '/api/staff/register',
    {
      onRequest: readers,
      schema: {
        tags: ['staff'],
        summary: 'The case register (Sổ theo dõi hồ sơ, Mẫu 06) of a day or a month; format=xlsx|csv downloads it (read is audited)',
        querystring: RegisterQuery,
        response: { 200: z.union([RegisterResponse, FILE]), ...ERRORS },
      },
    },
    async (req, reply) => {
      const out = await register.register(viewerOf(req), req.query);
      if (out.kind === 'forbidden') return forbidden(req, reply);
      if (req.query.format === 'json') return out.value;
      return sendFile(reply, register, register.registerTable(out.value), req.query.format, registerFileName(out.value));
    },
  );

  app.get(
    '/api/staff/forms',
    {
      onRequest: readers,
      schema: { tags: ['staff'], summary: 'Every Mẫu 01 the unit issued on a day, as stored, to print at once (read is audited)', querystring: FormBatchQuery, response: { 200: FormBatchResponse, ...ERRORS } },
    },
    async (req, reply) => {
      const out = await register.receipts(viewerOf(req), req.query);
      return out.kind === 'forbidden' ? forbidden(req, reply) : out.value;
    },
  );

  app.get(
    '/api/staff/reports/export',
    {
      onRequest: roles('leader', 'province'),
      schema: { tags: ['staff'], summary: 'The monthly figures of GET /api/staff/reports as XLSX or CSV (read is audited)', querystring: ReportExportQuery, response: { 200: FILE, ...ERRORS } },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const { format, ...q } = req.query;
      const outcome = await reports.report(viewerOf(req), q);
      if (outcome.kind === 'forbidden') return forbidden(req, reply);
      if (outcome.kind === 'invalid') {
        return reply.code(400).send(apiError(lang, 'invalid', { fields: [{ path: `querystring.${outcome.path}`, code: 'invalid', message: text(lang, 'invalidValue') }] }));
      }
      const table = register.figuresTable(outcome.report, await register.unitName(outcome.report.unit));
      return sendFile(reply, register, table, format, figuresFileName(q));
    },
  );
};
