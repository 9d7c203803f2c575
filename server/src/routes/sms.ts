// SMS opt-in for a dossier: by the sending device (its secret, as for the status and the push
// sign-up) or by an officer at the desk for a person without a smartphone. The phone is never
// echoed back whole (the last 3 digits only) and never logged (bodies are not logged).
import { ApiError, DEVICE_SECRET_HEADER } from '@hsc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, dossierNotFound, notFound } from '../http/errors.ts';
import { roles, viewerOf } from '../http/staff-session.ts';
import { LANGUAGES, langOf } from '../http/texts.ts';
import type { SmsService } from '../services/sms.ts';
import type { TrackingService } from '../services/tracking.ts';

const Phone = z.string().trim().min(9).max(20);
export const SmsOptInRequest = z.object({
  phone: Phone,
  /** One of the server's languages (a folder of shared/locales). */
  lang: z.enum(LANGUAGES as [string, ...string[]]),
});
export const StaffSmsOptInRequest = z.object({ phone: Phone, lang: z.enum(LANGUAGES as [string, ...string[]]).default('vi') });
export const SmsStatus = z.object({ available: z.boolean(), optedIn: z.boolean(), phone: z.string().optional() });
const IdParam = z.object({ id: z.string().max(100) });

type Outcome = Awaited<ReturnType<SmsService['optIn']>>;
function answer(req: FastifyRequest, reply: FastifyReply, out: Outcome) {
  if (out === 'unavailable') return reply.code(409).send(apiError(langOf(req), 'sms_unavailable'));
  if (out === 'invalid_phone') return reply.code(400).send(apiError(langOf(req), 'sms_phone'));
  return reply.code(204).send(null);
}

export const smsRoutes: FastifyPluginAsyncZod<{ sms: SmsService; tracking: TrackingService }> = async (app, { sms, tracking }) => {
  const deviceDossier = (req: FastifyRequest) => {
    const secret = req.headers[DEVICE_SECRET_HEADER];
    return tracking.deviceDossier((req.params as { id: string }).id, typeof secret === 'string' ? secret : undefined);
  };

  app.get(
    '/api/dossiers/:id/sms',
    { schema: { tags: ['sms'], summary: 'Whether SMS is offered and this dossier has an opt-in (secret in x-dossier-secret)', params: IdParam, response: { 200: SmsStatus, 404: ApiError } } },
    async (req, reply) => {
      const d = await deviceDossier(req);
      if (!d) return dossierNotFound(req, reply);
      return { available: sms.available, ...(await sms.status(d.id)) };
    },
  );

  app.post(
    '/api/dossiers/:id/sms',
    {
      schema: {
        tags: ['sms'],
        summary: 'Be told of status changes of this dossier by SMS at this phone (secret in x-dossier-secret)',
        params: IdParam,
        body: SmsOptInRequest,
        response: { 204: z.null(), 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (req, reply) => {
      const d = await deviceDossier(req);
      if (!d) return dossierNotFound(req, reply);
      return answer(req, reply, await sms.optIn(d.id, req.body.phone, req.body.lang, 'device'));
    },
  );

  app.delete(
    '/api/dossiers/:id/sms',
    { schema: { tags: ['sms'], summary: 'No more SMS for this dossier (secret in x-dossier-secret)', params: IdParam, response: { 204: z.null(), 404: ApiError } } },
    async (req, reply) => {
      const d = await deviceDossier(req);
      if (!d) return dossierNotFound(req, reply);
      await sms.revoke(d.id);
      return reply.code(204).send(null);
    },
  );
};

/** Under /api/staff (behind the staff gate: session and CSRF): the desk's opt-in for the applicant. */
export const staffSmsRoutes: FastifyPluginAsyncZod<{ sms: SmsService }> = async (app, { sms }) => {
  app.get(
    '/api/staff/dossiers/:id/sms',
    { onRequest: roles('officer', 'leader'), schema: { tags: ['staff'], summary: 'Whether SMS is offered and the applicant has opted in (last 3 digits)', params: IdParam, response: { 200: SmsStatus, 401: ApiError, 403: ApiError, 404: ApiError } } },
    async (req, reply) => {
      const d = await sms.dossierFor(viewerOf(req), req.params.id);
      if (!d) return notFound(req, reply);
      return { available: sms.available, ...(await sms.status(d.id)) };
    },
  );

  app.post(
    '/api/staff/dossiers/:id/sms',
    {
      onRequest: roles('officer', 'leader'),
      schema: {
        tags: ['staff'],
        summary: "Gửi tin nhắn SMS cho người nộp: the applicant's phone, given at the desk",
        params: IdParam,
        body: StaffSmsOptInRequest,
        response: { 204: z.null(), 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const d = await sms.dossierFor(v, req.params.id);
      if (!d) return notFound(req, reply);
      return answer(req, reply, await sms.optIn(d.id, req.body.phone, req.body.lang, { staffId: v.id }));
    },
  );

  app.delete(
    '/api/staff/dossiers/:id/sms',
    { onRequest: roles('officer', 'leader'), schema: { tags: ['staff'], summary: 'No more SMS to the applicant of this dossier', params: IdParam, response: { 204: z.null(), 401: ApiError, 403: ApiError, 404: ApiError } } },
    async (req, reply) => {
      const d = await sms.dossierFor(viewerOf(req), req.params.id);
      if (!d) return notFound(req, reply);
      await sms.revoke(d.id);
      return reply.code(204).send(null);
    },
  );
};
