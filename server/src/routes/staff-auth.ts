// Sign in, who am I, sign out. The cookie holds a random token (only its SHA-256 is stored);
// the CSRF token comes back in the body, for the console to echo in `x-csrf-token`.
import { ApiError, ChangePasswordRequest, LoginRequest, STAFF_COOKIE, StaffSession } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError } from '../http/errors.ts';
import { PASSWORD_URL, requestMeta } from '../http/staff-session.ts';
import { langOf, translate } from '../http/texts.ts';
import type { StaffService } from '../services/staff.ts';

export const LOGIN_URL = '/api/staff/login';

export const staffAuthRoutes: FastifyPluginAsyncZod<{ staff: StaffService }> = async (app, { staff }) => {
  app.post(
    LOGIN_URL,
    {
      schema: {
        tags: ['staff'],
        summary: 'Sign in (sets the hsc_staff cookie; returns the CSRF token)',
        body: LoginRequest,
        response: { 200: StaffSession, 400: ApiError, 401: ApiError, 429: ApiError },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const outcome = await staff.login(req.body.username, req.body.password, requestMeta(req));
      if (outcome.kind === 'rate_limited') {
        // Whole minutes, rounded up: "try again in 0 minutes" would be a lie.
        const minutes = Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000));
        reply.header('retry-after', String(Math.ceil(outcome.retryAfterMs / 1000)));
        return reply.code(429).send({ error: 'rate_limited', message: translate(langOf(req), 'errors.login_locked', { minutes }) });
      }
      if (outcome.kind === 'bad_credentials') return reply.code(401).send(apiError(langOf(req), 'bad_credentials'));
      reply.setCookie(STAFF_COOKIE, outcome.token, {
        httpOnly: true,
        sameSite: 'strict',
        // req.protocol follows X-Forwarded-Proto only when trustProxy is on.
        secure: req.protocol === 'https',
        path: '/api',
        maxAge: Math.floor(staff.sessionTtlMs / 1000),
      });
      return outcome.session;
    },
  );

  app.get(
    '/api/staff/me',
    { schema: { tags: ['staff'], summary: 'The signed-in staff member and the CSRF token', response: { 200: StaffSession, 401: ApiError } } },
    async (req) => {
      const auth = req.staffAuth!;
      return { user: auth.staff, csrfToken: auth.session.csrfToken };
    },
  );

  app.post(
    '/api/staff/logout',
    { schema: { tags: ['staff'], summary: 'Sign out (x-csrf-token required)', response: { 204: z.void(), 401: ApiError, 403: ApiError } } },
    async (req, reply) => {
      await staff.logout(req.staffAuth!, requestMeta(req));
      reply.clearCookie(STAFF_COOKIE, { path: '/api' });
      return reply.code(204).send();
    },
  );

  app.post(
    PASSWORD_URL,
    {
      schema: {
        tags: ['staff'],
        summary: 'Change one\'s own password (required after an administrator\'s reset); other sessions end',
        body: ChangePasswordRequest,
        response: { 200: StaffSession, 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (req, reply) => {
      const auth = req.staffAuth!;
      const outcome = await staff.changePassword(auth, req.body.currentPassword, req.body.newPassword, requestMeta(req));
      if (outcome !== 'ok') return reply.code(400).send(apiError(langOf(req), outcome));
      const { mustChangePassword: _, ...user } = auth.staff;
      return { user, csrfToken: auth.session.csrfToken };
    },
  );
};
