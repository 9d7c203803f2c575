// Web Push sign-up for the sending device: the VAPID key to subscribe with, and the
// subscription stored against the dossier (device secret, as for the status).
import { ApiError, DEVICE_SECRET_HEADER } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError, dossierNotFound } from '../http/errors.ts';
import { LANGUAGES, langOf } from '../http/texts.ts';
import type { PushService } from '../services/push.ts';
import type { TrackingService } from '../services/tracking.ts';

/** `PushSubscription.toJSON()` as the browser gives it, plus the language to be told in. */
export const PushSubscribeRequest = z.object({
  subscription: z.object({
    endpoint: z.string().max(2048),
    keys: z.object({ p256dh: z.string().max(128), auth: z.string().max(64) }),
  }),
  /** One of the server's languages (a folder of shared/locales). */
  lang: z.enum(LANGUAGES as [string, ...string[]]),
});

export const pushRoutes: FastifyPluginAsyncZod<{ push: PushService; tracking: TrackingService }> = async (app, { push, tracking }) => {
  app.get(
    '/api/push/key',
    { schema: { tags: ['push'], summary: 'The VAPID public key (applicationServerKey) to subscribe with', response: { 200: z.object({ publicKey: z.string() }) } } },
    async () => ({ publicKey: push.publicKey() }),
  );

  app.post(
    '/api/dossiers/:id/push',
    {
      schema: {
        tags: ['push'],
        summary: 'Be told of status changes of this dossier by Web Push (secret in x-dossier-secret)',
        params: z.object({ id: z.string() }),
        body: PushSubscribeRequest,
        response: { 204: z.null(), 400: ApiError, 404: ApiError },
      },
    },
    async (req, reply) => {
      const secret = req.headers[DEVICE_SECRET_HEADER];
      const dossier = await tracking.deviceDossier(req.params.id, typeof secret === 'string' ? secret : undefined);
      if (!dossier) return dossierNotFound(req, reply);
      const ok = await push.subscribe(dossier.id, req.body.subscription, req.body.lang);
      // Not a browser's subscription, or an endpoint that is not a push service.
      if (!ok) return reply.code(400).send(apiError(langOf(req), 'invalid'));
      return reply.code(204).send(null);
    },
  );
};
