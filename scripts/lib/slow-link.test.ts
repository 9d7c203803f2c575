import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlowLink } from './slow-link.ts';

describe('slow link', () => {
  let server: Server;
  let received = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.on('data', (d: Buffer) => (received += d.length));
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const target = () => ({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });

  it('carries a request whole and counts the bytes that crossed', async () => {
    const link = await startSlowLink(target(), { upKbit: 8000, downKbit: 8000, latencyMs: 1 });
    received = 0;
    const text = await fetch(`http://127.0.0.1:${link.port}/`, { method: 'POST', body: new Uint8Array(50_000) }).then((r) => r.text());
    expect(text).toBe('ok');
    expect(received).toBe(50_000);
    expect(link.bytes.up).toBeGreaterThan(50_000);
    expect(link.bytes.down).toBeGreaterThan(2);
    await link.close();
  });

  it('a cut loses only what was still in the air: the server got part of the body', async () => {
    // 400 kbit/s up: 200 KB needs 4 s; cut after ~1 s.
    const link = await startSlowLink(target(), { upKbit: 400, downKbit: 8000, latencyMs: 1 });
    received = 0;
    const sending = fetch(`http://127.0.0.1:${link.port}/`, { method: 'POST', body: new Uint8Array(200_000) }).then(() => 'ok', () => 'cut');
    await new Promise((r) => setTimeout(r, 1000));
    link.cutAll();
    expect(await sending).toBe('cut');
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(200_000);
    expect(link.bytes.up).toBeGreaterThanOrEqual(received);
    await link.close();
  });

  it('bytes of a connection the server closed never take air time from the others', async () => {
    // As when a stale tus PATCH is refused (409) and the server hangs up mid-body.
    const refusing = createServer((req, res) => {
      if (req.url === '/refuse') {
        res.writeHead(409, { connection: 'close' }).end();
        req.socket.destroy();
      } else req.resume().on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    const link = await startSlowLink({ host: '127.0.0.1', port: (refusing.address() as AddressInfo).port }, { upKbit: 80, downKbit: 8000, latencyMs: 1 });
    const refused = await fetch(`http://127.0.0.1:${link.port}/refuse`, { method: 'PATCH', body: new Uint8Array(200_000) }).then((r) => r.status, () => 'cut');
    const sentBefore = link.bytes.up;
    const text = await fetch(`http://127.0.0.1:${link.port}/`, { method: 'POST', body: 'small' }).then((r) => r.text());
    expect(text).toBe('ok');
    expect(refused).not.toBe(200);
    // The refused request had up to 16 KB waiting in the modem buffer: none of it went out.
    expect(link.bytes.up - sentBefore).toBeLessThan(2 * 1024);
    await link.close();
    await new Promise<void>((r) => refusing.close(() => r()));
  });

  it('a silenced link accepts connections but carries nothing until it is healthy again', async () => {
    const link = await startSlowLink(target(), { upKbit: 8000, downKbit: 8000, latencyMs: 1 });
    received = 0;
    link.silence(1_500);
    const t0 = Date.now();
    const answered = fetch(`http://127.0.0.1:${link.port}/`, { method: 'POST', body: new Uint8Array(10_000) }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 1_000));
    expect(received).toBe(0);
    expect(link.bytes.up).toBe(0);
    expect(await answered).toBe('ok');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_400);
    expect(received).toBe(10_000);
    await link.close();
  });
});
