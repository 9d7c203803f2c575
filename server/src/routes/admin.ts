// The administrator's routes: staff accounts, the holiday calendar, each unit's payee account.
// No dossier here.
import {
  ApiError,
  AuditPage,
  AuditQuery,
  CreateStaffRequest,
  Holiday,
  IsoDate,
  LockoutList,
  PutHolidayRequest,
  PutPayeeRequest,
  ResetPasswordResponse,
  StaffAccount,
  StaffList,
  UnitPayeeResponse,
  UnlockRequest,
  UpdateStaffRequest,
} from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError } from '../http/errors.ts';
import { requestMeta, roles, viewerOf } from '../http/staff-session.ts';
import { langOf, text } from '../http/texts.ts';
import type { AdminService } from '../services/admin.ts';
import { isRealDate, isWeekend, type CalendarService } from '../services/calendar.ts';
import type { StaffService } from '../services/staff.ts';

const ERRORS = { 400: ApiError, 401: ApiError, 403: ApiError };

export const adminRoutes: FastifyPluginAsyncZod<{ staff: StaffService; calendar: CalendarService; admin: AdminService }> = async (
  app,
  { staff, calendar, admin },
) => {
  const adminOnly = roles('admin');

  app.get('/api/admin/staff', { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Staff accounts', response: { 200: StaffList, ...ERRORS } } }, async () => ({
    staff: await staff.list(),
  }));

  app.post(
    '/api/admin/staff',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Create a staff account', body: CreateStaffRequest, response: { 201: StaffAccount, 409: ApiError, ...ERRORS } } },
    async (req, reply) => {
      const lang = langOf(req);
      const outcome = await staff.create(req.body, { staffId: req.staffAuth!.staff.id, meta: requestMeta(req) });
      if (outcome.kind === 'username_taken') return reply.code(409).send(apiError(lang, 'username_taken'));
      if (outcome.kind === 'unknown_unit') {
        return reply.code(400).send(apiError(lang, 'invalid', { fields: [{ path: 'unitCode', code: 'unit', message: text(lang, 'invalidValue') }] }));
      }
      return reply.code(201).send(outcome.account);
    },
  );

  const StaffParam = z.object({ id: z.string().max(100) });
  const NOT_FOUND = { 404: ApiError };

  app.patch(
    '/api/admin/staff/:id',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], summary: 'Change the desk phone or the specialist flag', params: StaffParam, body: UpdateStaffRequest, response: { 200: StaffAccount, ...NOT_FOUND, ...ERRORS } },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const outcome = await staff.update(req.params.id, req.body, viewerOf(req));
      if (outcome.kind === 'not_found') return reply.code(404).send(apiError(lang, 'not_found'));
      if (outcome.kind !== 'ok') return reply.code(400).send(apiError(lang, 'invalid', { fields: [{ path: 'specialist', code: 'role', message: text(lang, 'not_officer') }] }));
      return outcome.account;
    },
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/admin/staff/:id/${path}`,
      {
        onRequest: adminOnly,
        schema: {
          tags: ['admin'],
          summary: disabled ? 'Disable an account (its sessions end; sign-in refuses it)' : 'Enable a disabled account',
          params: StaffParam,
          response: { 200: StaffAccount, 409: ApiError, ...NOT_FOUND, ...ERRORS },
        },
      },
      async (req, reply) => {
        const lang = langOf(req);
        const outcome = await staff.setDisabled(req.params.id, disabled, viewerOf(req));
        if (outcome.kind === 'not_found') return reply.code(404).send(apiError(lang, 'not_found'));
        if (outcome.kind !== 'ok') return reply.code(409).send(apiError(lang, 'cannot_disable_self'));
        return outcome.account;
      },
    );
  }

  app.post(
    '/api/admin/staff/:id/reset-password',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'A one-time temporary password to hand over; the sessions end and the next sign-in must choose a new one',
        params: StaffParam,
        response: { 200: ResetPasswordResponse, ...NOT_FOUND, ...ERRORS },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const outcome = await staff.resetPassword(req.params.id, viewerOf(req));
      if (outcome.kind === 'not_found') return reply.code(404).send(apiError(langOf(req), 'not_found'));
      return { account: outcome.account, temporaryPassword: outcome.temporaryPassword };
    },
  );

  app.get('/api/admin/lockouts', { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Usernames and IPs refused at sign-in now', response: { 200: LockoutList, ...ERRORS } } }, async () => ({
    lockouts: await staff.lockouts(),
  }));

  app.post(
    '/api/admin/unlock',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: "Lift a username's or an IP's sign-in lockout", body: UnlockRequest, response: { 204: z.void(), ...ERRORS } } },
    async (req, reply) => {
      await staff.unlock(req.body.kind, req.body.value, viewerOf(req));
      return reply.code(204).send();
    },
  );

  // The audit log, newest first. Reading it is itself audited (with the filters asked for).
  app.get(
    '/api/admin/audit',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'The audit log, filtered and paged (newest first; the read is audited)', querystring: AuditQuery, response: { 200: AuditPage, ...ERRORS } } },
    async (req) => admin.auditPage(viewerOf(req), req.query),
  );

  const DateParam = z.object({ date: IsoDate.refine(isRealDate, 'not a calendar date') });

  app.put(
    '/api/admin/holidays/:date',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Add or rename a holiday', params: DateParam, body: PutHolidayRequest, response: { 200: Holiday, ...ERRORS } } },
    async (req) => {
      const name = req.body.name ?? null;
      await calendar.put(req.params.date, name);
      await admin.record(viewerOf(req), 'holiday_put', { date: req.params.date, name });
      return { date: req.params.date, name };
    },
  );

  app.delete(
    '/api/admin/holidays/:date',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Make a date a normal day again', params: DateParam, response: { 204: z.void(), 404: ApiError, ...ERRORS } } },
    async (req, reply) => {
      if (!(await calendar.remove(req.params.date))) return reply.code(404).send(apiError(langOf(req), 'not_found'));
      await admin.record(viewerOf(req), 'holiday_removed', { date: req.params.date });
      return reply.code(204).send();
    },
  );

  // Make-up working days: a weekend date worked instead of a weekday off ("ngày làm bù").
  app.put(
    '/api/admin/workdays/:date',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], summary: 'Add or rename a make-up working day (a Saturday or Sunday)', params: DateParam, body: PutHolidayRequest, response: { 200: Holiday, ...ERRORS } },
    },
    async (req, reply) => {
      const lang = langOf(req);
      if (!isWeekend(req.params.date)) {
        return reply.code(400).send(apiError(lang, 'invalid', { fields: [{ path: 'date', code: 'weekend', message: text(lang, 'notWeekend') }] }));
      }
      const name = req.body.name ?? null;
      await calendar.put(req.params.date, name, 'workday');
      await admin.record(viewerOf(req), 'workday_put', { date: req.params.date, name });
      return { date: req.params.date, name };
    },
  );

  app.delete(
    '/api/admin/workdays/:date',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Make a make-up working day a weekend day again', params: DateParam, response: { 204: z.void(), 404: ApiError, ...ERRORS } } },
    async (req, reply) => {
      if (!(await calendar.remove(req.params.date, 'workday'))) return reply.code(404).send(apiError(langOf(req), 'not_found'));
      await admin.record(viewerOf(req), 'workday_removed', { date: req.params.date });
      return reply.code(204).send();
    },
  );

  const UnitParam = z.object({ code: z.string().min(1).max(20) });

  app.get(
    '/api/admin/units/:code/payee',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: "The unit's account for fees paid by transfer", params: UnitParam, response: { 200: UnitPayeeResponse, 404: ApiError, ...ERRORS } } },
    async (req, reply) => {
      return (await admin.payee(req.params.code)) ?? reply.code(404).send(apiError(langOf(req), 'not_found'));
    },
  );

  app.put(
    '/api/admin/units/:code/payee',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], summary: "Set the unit's account for fees paid by transfer", params: UnitParam, body: PutPayeeRequest, response: { 200: UnitPayeeResponse, 404: ApiError, ...ERRORS } },
    },
    async (req, reply) => {
      return (await admin.putPayee(viewerOf(req), req.params.code, req.body)) ?? reply.code(404).send(apiError(langOf(req), 'not_found'));
    },
  );
};
