// A slow radio link on 127.0.0.1: a TCP proxy that paces bytes at a set uplink and downlink rate
// (shared by every connection, as on one phone), adds latency, and can drop every connection
// at once. Bytes are counted when they cross the link, so "bytes sent" is what the air carried.
// Chromium's own throttling is not used: it shapes requests, not the socket, so a cut would not
// land where it would on a real 2G link.
import { createServer, Socket, type AddressInfo } from 'node:net';

export interface LinkProfile {
  upKbit: number;
  downKbit: number;
  latencyMs: number;
}

export interface SlowLink {
  port: number;
  bytes: { up: number; down: number };
  /** Every open connection dies, with whatever was still on the way. */
  cutAll(): void;
  close(): Promise<void>;
}

/** Bytes a sender may have in flight before it is paused: a modem's small buffer. */
const BUFFER_BYTES = 16 * 1024;
/** Pieces small enough that a cut loses only what was really still in the air. */
const PIECE_BYTES = 1024;

export async function startSlowLink(target: { host: string; port: number }, profile: LinkProfile): Promise<SlowLink> {
  const bytes = { up: 0, down: 0 };
  const nextFree = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  let generation = 0; // bumped by cutAll: pieces of an older generation are dropped

  const server = createServer((client) => {
    const upstream = new Socket();
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    const gen = generation;

    const pipe = (from: Socket, to: Socket, dir: 'up' | 'down') => {
      const bps = (dir === 'up' ? profile.upKbit : profile.downKbit) * 1000;
      let queued = 0;
      from.on('data', (data: Buffer) => {
        for (let at = 0; at < data.length; at += PIECE_BYTES) {
          const piece = data.subarray(at, at + PIECE_BYTES);
          const start = Math.max(Date.now(), nextFree[dir]);
          nextFree[dir] = start + (piece.length * 8 * 1000) / bps;
          queued += piece.length;
          setTimeout(() => {
            queued -= piece.length;
            if (queued < BUFFER_BYTES && from.isPaused()) from.resume();
            if (gen !== generation || !to.writable) return;
            bytes[dir] += piece.length;
            to.write(piece);
          }, nextFree[dir] - Date.now() + profile.latencyMs);
        }
        if (queued >= BUFFER_BYTES) from.pause();
      });
      from.on('end', () => setTimeout(() => to.writable && to.end(), Math.max(0, nextFree[dir] - Date.now()) + profile.latencyMs));
    };
    upstream.connect(target.port, target.host, () => {
      pipe(client, upstream, 'up');
      pipe(upstream, client, 'down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    bytes,
    cutAll() {
      generation++;
      nextFree.up = nextFree.down = 0;
      for (const s of sockets) s.resetAndDestroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
