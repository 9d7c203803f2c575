// Health for people and for load balancers. `/api/health` keeps its first answer (the e2e
// harness and older checks read it). `/api/health/live` says only that the process answers
// (restart it if not); `/api/health/ready` that it can serve: the store answered a trivial
// query within `readyTimeoutMs`, else 503 so a balancer sends the traffic elsewhere.
import { Health, Liveness, Readiness } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';

export interface HealthRouteOptions {
  /** Which store answers, as the health answers name it. */
  storeKind: z.infer<typeof Health>['store'];
  /** A trivial query on the store; rejects when the store cannot answer. */
  ping: () => Promise<void>;
  /** Default 2 s: longer than a healthy query ever takes, shorter than a balancer's check interval. */
  readyTimeoutMs?: number;
}

const TIMED_OUT = Symbol('timeout');

/** True when `ping` resolved within `ms` (a hung connection must not hold the check). */
async function answersWithin(ping: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  try {
    return (await Promise.race([ping().then(() => true), timeout])) === true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRouteOptions> = async (app, { storeKind, ping, readyTimeoutMs = 2000 }) => {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.get('/api/health', { schema: { tags: ['system'], response: { 200: Health } } }, async () => ({ status: 'ok' as const, store: storeKind }));
  app.get('/api/health/live', { schema: { tags: ['system'], response: { 200: Liveness } } }, async () => ({ status: 'ok' as const }));
  app.get('/api/health/ready', { schema: { tags: ['system'], response: { 200: Readiness, 503: Readiness } } }, async (req, reply) => {
    if (await answersWithin(ping, readyTimeoutMs)) return { status: 'ok' as const, store: storeKind };
    req.log.warn('readiness: the store did not answer');
    return reply.code(503).send({ status: 'unavailable' as const, store: storeKind });
  });
};
