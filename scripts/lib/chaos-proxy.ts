// A fault-injecting TCP proxy for 127.0.0.1: it stands between a client and the real server and,
// per connection, at random, cuts the request part-way, cuts the response part-way (so the
// server may have committed while the client hears nothing), resets at once, or delays.
// Seeded, so a failing run can be repeated.
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

export type Fault = 'none' | 'reset' | 'cut-request' | 'cut-response' | 'delay';

export interface ChaosOptions {
  target: { host: string; port: number };
  /** Share of connections that get a fault other than `none`. */
  faultRate: number;
  seed?: number;
  /** Extra latency for `delay` connections, in ms. */
  delayMs?: number;
}

export interface ChaosProxy {
  port: number;
  counts: Record<Fault, number>;
  /** Bytes that crossed the proxy, headers and retries included: what the radio really carried. */
  bytes: { up: number; down: number };
  /** Pass everything through from now on (used to let a run finish). */
  calm(): void;
  close(): Promise<void>;
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const FAULTS: Fault[] = ['reset', 'cut-request', 'cut-response', 'delay'];

export async function startChaosProxy(opts: ChaosOptions): Promise<ChaosProxy> {
  const rand = seededRandom(opts.seed ?? 42);
  const counts: Record<Fault, number> = { none: 0, reset: 0, 'cut-request': 0, 'cut-response': 0, delay: 0 };
  const bytes = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  let calm = false;

  const server: Server = createServer((client) => {
    const fault: Fault = !calm && rand() < opts.faultRate ? FAULTS[Math.floor(rand() * FAULTS.length)]! : 'none';
    counts[fault]++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {}); // a reset peer is the point of this proxy
    if (fault === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    // Delayed connections keep their order: every chunk and the final end wait the same time.
    const later = (fn: () => void) => (fault === 'delay' ? setTimeout(fn, opts.delayMs ?? 200) : fn());
    // A cut happens after a random number of bytes in the chosen direction.
    const budget = 64 + Math.floor(rand() * 64 * 1024);
    let passed = 0;
    const pipe = (from: Socket, to: Socket, cut: boolean) => {
      from.on('data', (data: Buffer) => {
        bytes[from === client ? 'up' : 'down'] += data.length;
        if (cut && (passed += data.length) > budget) {
          to.write(data.subarray(0, Math.max(0, data.length - (passed - budget))));
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
        later(() => to.writable && to.write(data));
      });
      from.on('end', () => later(() => to.end()));
      from.on('close', (hadError) => hadError && to.destroy());
    };
    upstream.connect(opts.target.port, opts.target.host, () => {
      pipe(client, upstream, fault === 'cut-request');
      pipe(upstream, client, fault === 'cut-response');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    counts,
    bytes,
    calm: () => {
      calm = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
