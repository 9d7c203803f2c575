import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChaosProxy } from './chaos-proxy.ts';

describe('chaos proxy', () => {
  let server: Server;
  let port: number;
  let handled = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        handled++;
        res.end('x'.repeat(200_000)); // long enough for a cut mid-response
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (p: number) =>
    fetch(`http://127.0.0.1:${p}/`, { method: 'POST', body: 'y'.repeat(100_000), headers: { connection: 'close' } })
      .then((r) => r.text())
      .then((t) => t.length, () => -1);

  it('passes everything through when calm', async () => {
    const proxy = await startChaosProxy({ target: { host: '127.0.0.1', port }, faultRate: 0 });
    const lengths = await Promise.all(Array.from({ length: 5 }, () => get(proxy.port)));
    expect(lengths).toEqual([200_000, 200_000, 200_000, 200_000, 200_000]);
    expect(proxy.bytes.up).toBeGreaterThan(5 * 100_000);
    expect(proxy.bytes.down).toBeGreaterThan(5 * 200_000);
    await proxy.close();
  });

  it('breaks connections in every way, including after the server handled the request', async () => {
    const proxy = await startChaosProxy({ target: { host: '127.0.0.1', port }, faultRate: 1, seed: 7, delayMs: 1 });
    handled = 0;
    const lengths: number[] = [];
    for (let i = 0; i < 40; i++) lengths.push(await get(proxy.port));
    expect(proxy.counts.none).toBe(0);
    for (const f of ['reset', 'cut-request', 'cut-response', 'delay'] as const) expect(proxy.counts[f]).toBeGreaterThan(0);
    const failed = lengths.filter((n) => n === -1).length;
    // Delayed connections succeed; cuts and resets fail; cut responses were handled by the server.
    expect(lengths.filter((n) => n === 200_000).length).toBe(proxy.counts.delay);
    expect(failed).toBe(40 - proxy.counts.delay);
    expect(handled).toBeGreaterThanOrEqual(proxy.counts.delay + proxy.counts['cut-response']);
    await proxy.close();
  });

  it('cuts short exchanges too: a cut request is never handled, a cut answer never arrives whole', async () => {
    // A JSON PUT and its receipt are a few hundred bytes: the case that matters most
    // (committed on the server, the answer lost) must happen, not slip under the cut budget.
    let shortHandled = 0;
    const small = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        shortHandled++;
        res.setHeader('connection', 'close');
        res.end('{"receipt":"r"}');
      });
    });
    await new Promise<void>((r) => small.listen(0, '127.0.0.1', r));
    const proxy = await startChaosProxy({ target: { host: '127.0.0.1', port: (small.address() as AddressInfo).port }, faultRate: 1, seed: 11, delayMs: 1 });
    const results: number[] = [];
    for (let i = 0; i < 40; i++) {
      results.push(
        await fetch(`http://127.0.0.1:${proxy.port}/`, { method: 'PUT', body: '{"a":1}', headers: { connection: 'close' } })
          .then((r) => r.text())
          .then((t) => t.length, () => -1),
      );
    }
    expect(proxy.counts['cut-request']).toBeGreaterThan(0);
    expect(proxy.counts['cut-response']).toBeGreaterThan(0);
    expect(results.filter((n) => n === 15).length).toBe(proxy.counts.delay);
    expect(shortHandled).toBe(proxy.counts.delay + proxy.counts['cut-response']);
    await proxy.close();
    await new Promise<void>((r) => small.close(() => r()));
  });
});
