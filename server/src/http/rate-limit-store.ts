// A store for @fastify/rate-limit that counts in the database (services/limits.ts), so a
// per-IP limit holds across every API node instead of multiplying by their number. Each route
// with its own `config.rateLimit` gets its own counters (the plugin asks for a child per route).
import type { Limits } from '../services/limits.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** The plugin passes the route's merged limit options, the route itself under `routeInfo`. */
interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

export function sharedRateLimitStore(limits: Limits) {
  return class SharedRateLimitStore {
    private readonly prefix: string;

    constructor(_params?: unknown, prefix = 'rl:*') {
      this.prefix = prefix;
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      limits.hit(`${this.prefix}:${key}`, timeWindow).then(
        (h) => cb(null, { current: h.count, ttl: h.ttl }),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }

    read(key: string, cb: Callback): void {
      limits.peek(`${this.prefix}:${key}`).then(
        (h) => cb(null, { current: h.count, ttl: h.ttl }),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }

    child(params: object): SharedRateLimitStore {
      const r = (params as RouteParams).routeInfo;
      const method = Array.isArray(r?.method) ? r.method.join(',') : (r?.method ?? '');
      return new SharedRateLimitStore(params, `rl:${method} ${r?.url ?? ''}`);
    }
  };
}
