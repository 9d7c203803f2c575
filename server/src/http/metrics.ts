// /metrics for Prometheus, and the request counting behind it. Not public: the figures show
// how busy each commune is and when the server struggles, which is nobody's business but the
// operator's. Allowed from loopback (a Prometheus or curl on the same machine) when the request
// did not come through a proxy, or with `Authorization: Bearer <METRICS_TOKEN>` from anywhere.
// A reverse proxy on the same machine connects from loopback too; it adds X-Forwarded-For, and
// such a request needs the token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Metrics } from '../services/metrics.ts';
import { apiError } from './errors.ts';
import { langOf } from './texts.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Whether this request may read /metrics. */
export function metricsAllowed(req: FastifyRequest, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    // Hashes first: equal lengths for timingSafeEqual, and the token's length stays unknown.
    return timingSafeEqual(sha256(auth.slice('Bearer '.length)), sha256(token));
  }
  const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => req.headers[h] !== undefined);
  return !proxied && LOOPBACK.test(req.socket.remoteAddress ?? '');
}

/**
 * Counts every answer by its route's pattern (`/api/dossiers/:id`, never the URL: ids and
 * lookup codes are personal), on the socket's close, so a hijacked answer (tus) and a client
 * that left early (`aborted`) count too. Unrouted requests (the app shell's deep links, 404s)
 * are `unmatched`.
 */
export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onRequest', (req, reply, done) => {
    const start = process.hrtime.bigint();
    const route = req.routeOptions.url ?? 'unmatched';
    reply.raw.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // writableEnded: the whole answer was handed to the socket (inject's responses never "finish").
      const answered = reply.raw.writableFinished || reply.raw.writableEnded;
      metrics.request(req.method, route, answered ? reply.raw.statusCode : 'aborted', seconds);
    });
    done();
  });
}

export async function metricsRoute(app: FastifyInstance, opts: { metrics: Metrics; token?: string }): Promise<void> {
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!metricsAllowed(req, opts.token)) return reply.code(403).send(apiError(langOf(req), 'forbidden'));
    return reply.header('content-type', opts.metrics.contentType).header('cache-control', 'no-store').send(await opts.metrics.text());
  });
}
