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
/** A sender silent this long has sent its whole message (requests and answers come in one go). */
const QUIET_MS = 25;

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
    // A cut always lands inside the message: the bytes of the cut direction are held back until
    // `budget` of them have come (log-uniform from 16 B to 512 KB, so a 300-byte answer is cut as
    // often as a 256 KB upload), or until the sender is done (ended, or quiet for QUIET_MS); then
    // only a prefix goes through and the connection dies. Forwarding as bytes came, as before,
    // let every message shorter than the budget through whole: most cuts cut nothing.
    const budget = Math.floor(16 * 2 ** (rand() * 15));
    const share = rand();
    let broken = false;
    const pipe = (from: Socket, to: Socket, cut: boolean) => {
      const held: Buffer[] = [];
      let heldBytes = 0;
      let quiet: ReturnType<typeof setTimeout> | undefined;
      const breakAfter = (keep: number) => {
        if (broken) return;
        broken = true;
        clearTimeout(quiet);
        const part = Buffer.concat(held).subarray(0, keep);
        const kill = () => {
          client.resetAndDestroy();
          upstream.destroy();
        };
        if (part.length && to.writable) to.write(part, kill);
        else kill();
      };
      from.on('data', (data: Buffer) => {
        bytes[from === client ? 'up' : 'down'] += data.length;
        if (!cut) return later(() => to.writable && to.write(data));
        if (broken) return;
        held.push(data);
        heldBytes += data.length;
        if (heldBytes >= budget) return breakAfter(budget);
        clearTimeout(quiet);
        quiet = setTimeout(() => breakAfter(Math.floor(share * heldBytes)), QUIET_MS);
      });
      from.on('end', () => (cut ? breakAfter(Math.floor(share * heldBytes)) : later(() => to.end())));
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
