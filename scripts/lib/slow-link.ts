// A slow radio link on 127.0.0.1: a TCP proxy that paces bytes at a set uplink and downlink rate
// (one lane per direction, shared by every connection, as on one phone), adds latency, and can
// drop every connection at once. Bytes are counted when they cross the link, so "bytes sent"
// is what the air carried. Chromium's own throttling is not used: it shapes requests, not the
// socket, so a cut would not lose what a real 2G link loses.
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
  /**
   * "Connected but passes no data" for `ms`: connections are still accepted and kept, but no byte
   * crosses in either direction; what was sent waits (as TCP keeps it for retransmission) and
   * crosses once the link is healthy again.
   */
  silence(ms: number): void;
  /** Other rates and latency from now on (a test sets the app up fast, then sends on 2G). */
  setProfile(profile: LinkProfile): void;
  close(): Promise<void>;
}

/** Bytes a sender may have waiting before it is paused: a modem's small buffer. */
const BUFFER_BYTES = 16 * 1024;
/** Pieces small enough that a cut loses only what was really still in the air. */
const PIECE_BYTES = 1024;

interface Piece {
  data: Buffer;
  from: Socket;
  to: Socket;
}

/** One direction of the radio: pieces leave one after another at the lane's rate. */
class Lane {
  private readonly queue: Piece[] = [];
  private sending = false;
  /** Nothing crosses before this time (Date.now()): a link that passes no data. */
  private heldUntil = 0;
  bytes = 0;

  constructor(
    public bps: number,
    public latencyMs: number,
    private readonly onSent: (p: Piece) => void,
  ) {}

  push(p: Piece) {
    this.queue.push(p);
    if (!this.sending) this.next();
  }

  /** Bytes of `from` still waiting; a dead connection's bytes never take air time. */
  waiting(from: Socket): number {
    return this.queue.reduce((n, p) => (p.from === from ? n + p.data.length : n), 0);
  }

  hold(ms: number) {
    this.heldUntil = Date.now() + ms;
  }

  private next() {
    const wait = this.heldUntil - Date.now();
    if (wait > 0) {
      this.sending = true;
      setTimeout(() => this.next(), wait);
      return;
    }
    let p = this.queue.shift();
    while (p && (p.to.destroyed || p.from.destroyed)) p = this.queue.shift();
    if (!p) {
      this.sending = false;
      return;
    }
    this.sending = true;
    const piece = p;
    setTimeout(() => {
      this.onSent(piece);
      setTimeout(() => {
        if (!piece.to.destroyed && piece.to.writable) {
          this.bytes += piece.data.length;
          piece.to.write(piece.data);
        }
      }, this.latencyMs);
      this.next();
    }, (piece.data.length * 8 * 1000) / this.bps);
  }
}

export async function startSlowLink(target: { host: string; port: number }, profile: LinkProfile): Promise<SlowLink> {
  const resumeIfRoom = (p: Piece, lane: Lane) => {
    if (p.from.isPaused() && lane.waiting(p.from) < BUFFER_BYTES) p.from.resume();
  };
  const up: Lane = new Lane(profile.upKbit * 1000, profile.latencyMs, (p) => resumeIfRoom(p, up));
  const down: Lane = new Lane(profile.downKbit * 1000, profile.latencyMs, (p) => resumeIfRoom(p, down));
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = new Socket();
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    const pipe = (from: Socket, to: Socket, lane: Lane) => {
      from.on('data', (data: Buffer) => {
        for (let at = 0; at < data.length; at += PIECE_BYTES) lane.push({ data: data.subarray(at, at + PIECE_BYTES), from, to });
        if (lane.waiting(from) >= BUFFER_BYTES) from.pause();
      });
      // The end travels behind the data, in the same lane.
      from.on('end', () => {
        const drain = setInterval(() => {
          if (lane.waiting(from) > 0) return;
          clearInterval(drain);
          setTimeout(() => to.writable && to.end(), lane.latencyMs);
        }, 20);
      });
    };
    upstream.connect(target.port, target.host, () => {
      pipe(client, upstream, up);
      pipe(upstream, client, down);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const bytes = {
    get up() {
      return up.bytes;
    },
    set up(n: number) {
      up.bytes = n;
    },
    get down() {
      return down.bytes;
    },
    set down(n: number) {
      down.bytes = n;
    },
  };
  return {
    port: (server.address() as AddressInfo).port,
    bytes,
    cutAll() {
      for (const s of sockets) s.resetAndDestroy();
    },
    setProfile(p) {
      up.bps = p.upKbit * 1000;
      down.bps = p.downKbit * 1000;
      up.latencyMs = down.latencyMs = p.latencyMs;
    },
    silence(ms) {
      up.hold(ms);
      down.hold(ms);
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
