// The administrator's routes: staff accounts, the holiday calendar, each unit's payee account.
// No dossier here.
import { ApiError, CreateStaffRequest, Holiday, IsoDate, PutHolidayRequest, PutPayeeRequest, StaffAccount, StaffList, UnitPayeeResponse } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError } from '../http/errors.ts';
import { requestMeta, roles, viewerOf } from '../http/staff-session.ts';
import { langOf, text } from '../http/texts.ts';
import { staffAudit } from '../services/access.ts';
import { isRealDate, isWeekend, type CalendarService } from '../services/calendar.ts';
import { toPayee } from '../services/payees.ts';
import type { StaffService } from '../services/staff.ts';
import type { Store } from '../store/store.ts';

const ERRORS = { 400: ApiError, 401: ApiError, 403: ApiError };

export const adminRoutes: FastifyPluginAsyncZod<{ staff: StaffService; calendar: CalendarService; store: Store; now: () => Date }> = async (
  app,
  { staff, calendar, store, now },
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

  const DateParam = z.object({ date: IsoDate.refine(isRealDate, 'not a calendar date') });

  app.put(
    '/api/admin/holidays/:date',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Add or rename a holiday', params: DateParam, body: PutHolidayRequest, response: { 200: Holiday, ...ERRORS } } },
    async (req) => {
      const name = req.body.name ?? null;
      await calendar.put(req.params.date, name);
      await store.audit.append(staffAudit(viewerOf(req), now(), { action: 'holiday_put', details: { date: req.params.date, name } }));
      return { date: req.params.date, name };
    },
  );

  app.delete(
    '/api/admin/holidays/:date',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Make a date a normal day again', params: DateParam, response: { 204: z.void(), 404: ApiError, ...ERRORS } } },
    async (req, reply) => {
      if (!(await calendar.remove(req.params.date))) return reply.code(404).send(apiError(langOf(req), 'not_found'));
      await store.audit.append(staffAudit(viewerOf(req), now(), { action: 'holiday_removed', details: { date: req.params.date } }));
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
      await store.audit.append(staffAudit(viewerOf(req), now(), { action: 'workday_put', details: { date: req.params.date, name } }));
      return { date: req.params.date, name };
    },
  );

  app.delete(
    '/api/admin/workdays/:date',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: 'Make a make-up working day a weekend day again', params: DateParam, response: { 204: z.void(), 404: ApiError, ...ERRORS } } },
    async (req, reply) => {
      if (!(await calendar.remove(req.params.date, 'workday'))) return reply.code(404).send(apiError(langOf(req), 'not_found'));
      await store.audit.append(staffAudit(viewerOf(req), now(), { action: 'workday_removed', details: { date: req.params.date } }));
      return reply.code(204).send();
    },
  );

  const UnitParam = z.object({ code: z.string().min(1).max(20) });

  app.get(
    '/api/admin/units/:code/payee',
    { onRequest: adminOnly, schema: { tags: ['admin'], summary: "The unit's account for fees paid by transfer", params: UnitParam, response: { 200: UnitPayeeResponse, 404: ApiError, ...ERRORS } } },
    async (req, reply) => {
      if (!(await store.getUnit(req.params.code))) return reply.code(404).send(apiError(langOf(req), 'not_found'));
      const p = await store.payees.get(req.params.code);
      return { unitCode: req.params.code, payee: p ? { ...toPayee(p), updatedAt: p.updatedAt } : null };
    },
  );

  app.put(
    '/api/admin/units/:code/payee',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], summary: "Set the unit's account for fees paid by transfer", params: UnitParam, body: PutPayeeRequest, response: { 200: UnitPayeeResponse, 404: ApiError, ...ERRORS } },
    },
    async (req, reply) => {
      const unitCode = req.params.code;
      if (!(await store.getUnit(unitCode))) return reply.code(404).send(apiError(langOf(req), 'not_found'));
      const v = viewerOf(req);
      const at = now();
      const record = { unitCode, ...req.body, updatedAt: at.toISOString(), updatedBy: v.id };
      await store.payees.put(record);
      // Fee requests already made keep the account they were made with (the QR the person holds).
      await store.audit.append(staffAudit(v, at, { action: 'payee_put', details: { unitCode, ...req.body } }));
      return { unitCode, payee: { ...toPayee(record), updatedAt: record.updatedAt } };
    },
  );
};
