// Sign in, who am I, sign out. The cookie holds a random token (only its SHA-256 is stored);
// the CSRF token comes back in the body, for the console to echo in `x-csrf-token`.
import { ApiError, LoginRequest, STAFF_COOKIE, StaffSession } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiError } from '../http/errors.ts';
import { requestMeta } from '../http/staff-session.ts';
import { langOf } from '../http/texts.ts';
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
      if (outcome.kind === 'rate_limited') return reply.code(429).send(apiError(langOf(req), 'rate_limited'));
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
};
