// The feed with two API nodes on one PostgreSQL schema: changes committed at the same moment on
// both nodes reach a reader polling the feed with ids that only ever grow by one (no id appears
// after a larger one was read), and both nodes delivering at once send each event once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { IntegrationEvent } from '@hsc/shared/integration';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../src/app.ts';
import { verifyWebhook } from '../src/services/integration.ts';
import type { Store } from '../src/store/store.ts';
import { lastingSession, movableClock, sendDossier, VO_NHAI, type Agent } from './support/desk.ts';
import { TUESDAY_MORNING } from './support/fixtures.ts';
import { TEST_KEK } from './support/keys.ts';
import { postgresHarness, tempDir, type StoreHarness } from './support/stores.ts';

const clock = movableClock(TUESDAY_MORNING);
let harness: StoreHarness;
const nodes: { app: FastifyInstance; store: Store; dataDir: string; officer: Agent }[] = [];

beforeAll(async () => {
  harness = await postgresHarness();
  for (let i = 0; i < 2; i++) {
    const dataDir = tempDir();
    const store = harness.open();
    const app = await buildApp({ dataDir, webRoot: null, demo: true, now: clock.now, keyEncryptionKey: TEST_KEK, store });
    nodes.push({ app, store, dataDir, officer: await lastingSession(app, store, 'demo.officer') });
  }
}, 60_000);

afterAll(async () => {
  for (const n of nodes) {
    await n.app.close();
    rmSync(n.dataDir, { recursive: true, force: true });
  }
  await harness?.close();
});

test('two nodes: concurrent changes reach the feed in id order without holes; concurrent deliveries send each event once, in order per dossier', async () => {
  const [a, b] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
  let secret = '';
  const received: IntegrationEvent[] = [];
  let bad = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verifyWebhook(secret, { timestamp: req.headers['x-hsc-timestamp'] as string, signature: req.headers['x-hsc-signature'] as string }, raw, clock.now().getTime())) bad++;
      received.push(IntegrationEvent.parse(JSON.parse(raw.toString('utf8'))));
      // A little slow, so both nodes' rounds overlap.
      setTimeout(() => res.writeHead(200).end('ok'), 15);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const added = await a.app.integration.addReceiver('tinh', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    if (added === 'invalid_url') throw new Error('refused');
    secret = added.secret;
    const { key } = await b.app.integration.createKey('reader');

    // A reader polls the feed through node b while both nodes write.
    let writing = true;
    const seen: number[] = [];
    const holes: string[] = [];
    const poll = (async () => {
      let after = 0;
      for (;;) {
        const done = !writing;
        const page = (await b.app.inject({ url: `/api/integration/events?after=${after}&limit=1000`, headers: { authorization: `Bearer ${key}` } })).json<{ events: IntegrationEvent[]; next: number }>();
        for (const e of page.events) {
          if (e.id !== after + 1) holes.push(`read ${e.id} after ${after}`);
          seen.push(e.id);
          after = e.id;
        }
        if (done && page.events.length === 0) return;
      }
    })();
    const sent = await Promise.all(Array.from({ length: 12 }, (_, i) => sendDossier((i % 2 ? a : b).app, VO_NHAI)));
    // Both nodes accept every dossier at once: one wins, the other is refused; one event each.
    await Promise.all(sent.flatMap((d) => [a.officer.act(d.id, { action: 'accept' }), b.officer.act(d.id, { action: 'accept' })]));
    await Promise.all(sent.map((d, i) => (i % 2 ? b : a).officer.act(d.id, { action: 'start_processing' })));
    writing = false;
    await poll;
    expect(holes).toEqual([]);
    expect(seen).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));

    for (let round = 0; round < 20; round++) {
      if ((await a.store.integration.deliveries()).every((d) => d.deliveredAt)) break;
      await Promise.all([a.app.integration.deliverDue(clock.now()), b.app.integration.deliverDue(clock.now())]);
    }
    expect(bad).toBe(0);
    expect(received.map((e) => e.id).sort((x, y) => x - y)).toEqual(seen); // once each: no claim was taken twice
    for (const d of sent) expect(received.filter((e) => e.dossierId === d.id).map((e) => [e.seq, e.status])).toEqual([[1, 'registered'], [2, 'accepted'], [3, 'processing']]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}, 60_000);
