// The headless device's network: node:http, one connection per request. A phone on 2G loses its
// connection all the time, and one request per connection makes the chaos proxy's fault rate a
// per-request rate (a pooled keep-alive connection that happened to be healthy would otherwise
// carry every later request through untouched). Both the API client's `fetch` and the tus
// uploader (its `send`) go through here, so every request is counted.
import { request, type IncomingHttpHeaders } from 'node:http';
import type { Fetch } from '../../web/src/sync/api.ts';
import type { SendRequest } from '../../web/src/sync/uploader.ts';

export interface NetStats {
  requests: number;
  /** Requests that got no complete answer (reset, cut, refused). */
  failed: number;
  byMethod: Record<string, number>;
  /** Answers by method and status ("PUT 200": a resend the server had already committed). */
  statuses: Record<string, number>;
  /** Total time of the answered requests, per method: their mean is how long one takes. */
  answeredMs: Record<string, { count: number; ms: number }>;
}

export const newNetStats = (): NetStats => ({ requests: 0, failed: 0, byMethod: {}, statuses: {}, answeredMs: {} });

export function meanMs(stats: NetStats, method: string): number | undefined {
  const m = stats.answeredMs[method];
  return m?.count ? m.ms / m.count : undefined;
}

/** A request the device has just sent: the crash harness picks its moments from these. */
export type NetListener = (method: string, url: string, answer: Promise<unknown>) => void;

interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function headerObject(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((v, k) => (out[k] = v));
  return out;
}

/** A generous bound: the proxy's faults all end the connection, so this only guards a bug. */
const REQUEST_TIMEOUT_MS = 60_000;

export class DeviceNet {
  readonly stats = newNetStats();
  private readonly listeners = new Set<NetListener>();

  onRequest(l: NetListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** One exchange; resolves only when the whole answer arrived. */
  exchange(url: string, method: string, headers: Record<string, string>, body: Buffer | undefined, signal?: AbortSignal | null): Promise<Exchange> {
    this.stats.requests++;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    const started = performance.now();
    const pending = new Promise<Exchange>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        this.stats.failed++;
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      const req = request(url, {
        method,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        agent: false, // no pooling: `Connection: close`, a fresh connection each time
        timeout: REQUEST_TIMEOUT_MS,
        ...(signal ? { signal } : {}),
      });
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', fail);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        // Node reports a response cut mid-body only to listeners of these: without them the
        // request would neither end nor fail.
        res.on('aborted', () => fail(new Error('response cut off')));
        res.on('error', fail);
        res.on('end', () => {
          if (settled || !res.complete) return fail(new Error('response cut off'));
          settled = true;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      req.end(body);
    });
    pending.then(
      ({ status }) => {
        const key = `${method} ${status}`;
        this.stats.statuses[key] = (this.stats.statuses[key] ?? 0) + 1;
        const m = (this.stats.answeredMs[method] ??= { count: 0, ms: 0 });
        m.count++;
        m.ms += performance.now() - started;
      },
      () => undefined,
    );
    for (const l of this.listeners) l(method, url, pending);
    return pending;
  }

  /** What the API client calls `fetch`: failures look like the browser's (a TypeError). */
  readonly fetch: Fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init.body != null && typeof init.body !== 'string') throw new Error('the device sends JSON text only');
    let r: Exchange;
    try {
      r = await this.exchange(url, init.method ?? 'GET', headerObject(init.headers), init.body == null ? undefined : Buffer.from(init.body), init.signal);
    } catch (e) {
      throw new TypeError('fetch failed', { cause: e });
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(r.headers)) for (const one of [v ?? []].flat()) headers.append(k, one);
    const nullBody = [101, 204, 205, 304].includes(r.status);
    return new Response(nullBody ? null : new Uint8Array(r.body), { status: r.status, headers });
  };

  /**
   * The tus uploader's transport. Pages are Blobs in IndexedDB, as in the browser; a chunk's
   * bytes count as sent when its answer came (no progress within a chunk, as with `fetch`).
   */
  readonly send: SendRequest = async ({ method, url, headers, body, signal, onProgress }) => {
    const bytes = body ? Buffer.from(await body.arrayBuffer()) : undefined;
    const r = await this.exchange(url, method, headers, bytes, signal);
    if (bytes) onProgress(bytes.length);
    return {
      status: r.status,
      header: (k) => {
        const v = r.headers[k.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
      body: r.body.toString('utf8'),
    };
  };
}
