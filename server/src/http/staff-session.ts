// The staff area's gate, for every route under /api/staff and /api/admin: a valid session
// (401 otherwise), the session's CSRF token on every state-changing request (403), then the
// route's roles (403). Registered as hooks of the staff plugin, so they run before the body is
// parsed and validated: nobody learns anything from a 400 without being signed in.
import { CSRF_HEADER, STAFF_COOKIE, type StaffRole } from '@hsc/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../services/access.ts';
import type { Authenticated, RequestMeta, StaffService } from '../services/staff.ts';
import { apiError } from './errors.ts';
import { langOf } from './texts.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staffAuth: Authenticated | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a session whose password was reset may still use. */
export const PASSWORD_URL = '/api/staff/password';
const PASSWORD_CHANGE_OPEN = new Set(['/api/staff/me', '/api/staff/logout', PASSWORD_URL]);

export const requestMeta = (req: FastifyRequest): RequestMeta => {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua : null };
};

export function installStaffGate(app: FastifyInstance, staff: StaffService, opts: { open: (req: FastifyRequest) => boolean }): void {
  app.decorateRequest('staffAuth', null);
  app.addHook('onRequest', async (req, reply) => {
    if (opts.open(req)) return;
    const auth = await staff.authenticate(req.cookies[STAFF_COOKIE]);
    if (!auth) return reply.code(401).header('cache-control', 'no-store').send(apiError(langOf(req), 'unauthenticated'));
    if (STATE_CHANGING.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (!staff.csrfMatches(auth.session, typeof header === 'string' ? header : undefined)) {
        return reply.code(403).send(apiError(langOf(req), 'csrf'));
      }
    }
    // After an administrator's reset the temporary password opens nothing but the change itself
    // (and who am I, and sign out): whoever handed it over cannot work as the account.
    if (auth.staff.mustChangePassword && !PASSWORD_CHANGE_OPEN.has(req.routeOptions.url ?? '')) {
      return reply.code(403).header('cache-control', 'no-store').send(apiError(langOf(req), 'password_change_required'));
    }
    req.staffAuth = auth;
    reply.header('cache-control', 'no-store'); // every staff answer is personal
  });
}

/** Route-level hook: only these roles may use the route. */
export const roles =
  (...allowed: StaffRole[]) =>
  async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.staffAuth || !allowed.includes(req.staffAuth.staff.role)) return reply.code(403).send(apiError(langOf(req), 'forbidden'));
  };

/** The signed-in staff member of a request that passed the gate. */
export function viewerOf(req: FastifyRequest): Viewer {
  if (!req.staffAuth) throw new Error('staff route reached without a session');
  return { ...req.staffAuth.staff, meta: requestMeta(req) };
}
