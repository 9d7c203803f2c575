// The province system's feed, on SQLite and PostgreSQL: the pull endpoint with its API keys,
// the webhooks against a receiver on 127.0.0.1 that fails now and then, and the full export.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Receipt } from '@hsc/shared';
import { IntegrationEvent } from '@hsc/shared/integration';
import { verifyDocument, type PublicKeyEntry } from '@hsc/shared/receipt-signing';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.ts';
import { integrationCli } from '../src/cli/integration.ts';
import { IntegrationService, verifyWebhook } from '../src/services/integration.ts';
import { backfillEvents } from '../src/store/kysely-integration.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import type { Store } from '../src/store/store.ts';
import { actAll, lastingSession, MARITAL, movableClock, sendDossier, toProcessingWithResult, VO_NHAI, type Agent, type MovableClock } from './support/desk.ts';
import { injectUpload, submission, testFile, TUESDAY_MORNING } from './support/fixtures.ts';
import { TEST_KEK } from './support/keys.ts';
import { postgresHarness, sqliteHarness, tempDir, type StoreHarness } from './support/stores.ts';

const HARNESSES: [string, () => Promise<StoreHarness>][] = [
  ['SQLite', async () => sqliteHarness()],
  ['PostgreSQL', postgresHarness],
];

/** A receiver that fails now and then: 500 to every third request, and one request never answered. */
class FlakyReceiver {
  server!: Server;
  url = '';
  requests = 0;
  /** Every event whose signature was valid, in arrival order (a 500 may follow, so duplicates). */
  stored: IntegrationEvent[] = [];
  /** Events answered 200, in order. */
  accepted: IntegrationEvent[] = [];
  badSignatures = 0;
  /** Times a dossier's event arrived before the one before it was answered 200. */
  outOfOrder: string[] = [];
  hangOn: number;

  constructor(
    private readonly secret: () => string,
    private readonly clock: MovableClock,
    hangOn = 5,
  ) {
    this.hangOn = hangOn;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/hsc`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const n = ++this.requests;
    const ok = verifyWebhook(this.secret(), { timestamp: req.headers['x-hsc-timestamp'] as string, signature: req.headers['x-hsc-signature'] as string }, raw, this.clock.now().getTime());
    if (!ok) {
      this.badSignatures++;
      res.writeHead(401).end();
      return;
    }
    const event = IntegrationEvent.parse(JSON.parse(raw.toString('utf8')));
    expect(req.headers['x-hsc-event-id']).toBe(String(event.id));
    const before = this.accepted.filter((e) => e.dossierId === event.dossierId).reduce((m, e) => Math.max(m, e.seq), 0);
    if (event.seq > before + 1) this.outOfOrder.push(`${event.dossierCode} #${event.seq} before #${before + 1}`);
    if (n === this.hangOn) return; // never answered: the sender's timeout ends it
    this.stored.push(event);
    if (n % 3 === 0) {
      res.writeHead(500).end('try later');
      return;
    }
    this.accepted.push(event);
    res.writeHead(204).end();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

for (const [name, makeHarness] of HARNESSES) {
  describe(`Integration feed on ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let app: FastifyInstance;
    let clock: MovableClock;
    let officer: Agent;
    let leader: Agent;
    const dataDir = tempDir();

    beforeAll(async () => {
      harness = await makeHarness();
      store = harness.open();
      clock = movableClock(TUESDAY_MORNING);
      app = await buildApp({ dataDir, webRoot: null, demo: true, now: clock.now, keyEncryptionKey: TEST_KEK, store });
      officer = await lastingSession(app, store, 'demo.officer');
      leader = await lastingSession(app, store, 'demo.leader');
    });
    afterAll(async () => {
      await app?.close();
      await harness?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const get = (url: string, key?: string) => app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
    const allEvents = async (key: string) => {
      const out: IntegrationEvent[] = [];
      for (let after = 0; ; ) {
        const page = (await get(`/api/integration/events?after=${after}&limit=1000`, key)).json<{ events: IntegrationEvent[]; next: number }>();
        if (page.events.length === 0) return out;
        out.push(...page.events);
        after = page.next;
      }
    };

    test('webhooks: every event reaches a failing receiver exactly once after de-duplication, each dossier in order, every signature valid', async () => {
      // A short timeout so the request the receiver never answers fails fast.
      const failures: string[] = [];
      const sender = new IntegrationService(store, clock.now, { kek: TEST_KEK, timeoutMs: 400, log: (m) => failures.push(m) });
      let secret = '';
      const receiver = new FlakyReceiver(() => secret, clock);
      await receiver.start();
      try {
        const added = await sender.addReceiver('Một cửa tỉnh', receiver.url);
        if (added === 'invalid_url') throw new Error('refused');
        secret = added.secret;
        expect(await sender.addReceiver('bad', 'ftp://example.org/')).toBe('invalid_url');

        const a = await sendDossier(app, VO_NHAI);
        const b = await sendDossier(app, VO_NHAI);
        const c = await sendDossier(app, VO_NHAI);
        await actAll(officer, a.id, [{ action: 'accept' }]);
        // Some deliveries while the dossiers are still moving: later events queue behind earlier ones.
        await sender.deliverDue(clock.now());
        const resultId = await toProcessingWithResult(officer, b.id);
        await actAll(officer, b.id, [{ action: 'request_payment', amount: 50_000 }, { action: 'payment_received' }, { action: 'finish', resultId }, { action: 'return_result' }]);
        await actAll(officer, a.id, [{ action: 'start_processing' }]);
        await actAll(leader, a.id, [{ action: 'stop', reason: 'Người yêu cầu đã mất' }]);
        expect((await app.inject({ method: 'POST', url: `/api/dossiers/${c.id}/withdraw`, headers: { 'x-dossier-secret': c.secret } })).statusCode).toBe(200);

        // Until quiet: each round two hours later, past any backoff of an hour at most.
        let rounds = 0;
        for (; rounds < 40; rounds++) {
          const pending = (await store.integration.deliveries()).filter((d) => !d.deliveredAt);
          if (pending.length === 0) break;
          await sender.deliverDue(clock.now());
          clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
        }
        expect(rounds).toBeLessThan(40);

        const events = (await store.integration.events(0, 10_000)).map((e) => IntegrationEvent.parse(JSON.parse(e.body)));
        expect(events).toHaveLength(4 + 7 + 2); // a: received, accepted, processing, stopped; b: 7 steps to returned; c: received, withdrawn
        expect(receiver.badSignatures).toBe(0);
        expect(receiver.outOfOrder).toEqual([]);
        expect(receiver.requests).toBeGreaterThan(events.length); // some failed and were sent again
        expect(failures.some((m) => /TimeoutError/.test(m))).toBe(true); // the unanswered request
        const unique = new Map(receiver.stored.map((e) => [e.id, e]));
        expect(receiver.stored.length).toBeGreaterThan(unique.size); // stored, then a 500: sent again
        expect([...unique.keys()].sort((x, y) => x - y)).toEqual(events.map((e) => e.id));
        expect([...unique.values()].sort((x, y) => x.id - y.id)).toEqual(events);
        // Accepted (2xx) once each, and per dossier in the order of its changes.
        expect(receiver.accepted.map((e) => e.id).sort((x, y) => x - y)).toEqual(events.map((e) => e.id));
        for (const d of [a, b, c]) {
          const seqs = receiver.accepted.filter((e) => e.dossierId === d.id).map((e) => e.seq);
          expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        }
        const bSteps = events.filter((e) => e.dossierId === b.id).map((e) => [e.action, e.status, e.portalStatus]);
        expect(bSteps).toEqual([
          ['submit', 'registered', 1],
          ['accept', 'accepted', 2],
          ['start_processing', 'processing', 4],
          ['request_payment', 'financial_requested', 6],
          ['payment_received', 'processing', 4],
          ['finish', 'processed', 9],
          ['return_result', 'returned', 10],
        ]);
        expect(events.filter((e) => e.dossierId === a.id).map((e) => e.portalStatus)).toEqual([1, 2, 4, 8]);
        expect(events.filter((e) => e.dossierId === c.id).map((e) => e.portalStatus)).toEqual([1, 7]);
        const deliveries = await store.integration.deliveries();
        expect(deliveries.every((d) => d.deliveredAt)).toBe(true);
        expect(deliveries.some((d) => d.attempts > 1)).toBe(true);
        // Nothing more to do.
        expect(await sender.deliverDue(clock.now())).toEqual({ delivered: 0, failed: 0 });
        // A month on, the accepted deliveries' rows go; the events stay.
        expect(await sender.deliverDue(new Date(clock.now().getTime() + 31 * 86_400_000))).toEqual({ delivered: 0, failed: 0 });
        expect(await store.integration.deliveries()).toEqual([]);
        expect(await store.integration.events(0, 10_000)).toHaveLength(events.length);
      } finally {
        await receiver.close();
        await store.integration.disableReceiver('Một cửa tỉnh', clock.now().toISOString());
      }
    });

    test('pull: refused without a key, with an unknown or revoked key; pages with after and limit, in id order, no personal data', async () => {
      const { key } = await app.integration.createKey('Hệ thống một cửa tỉnh');
      const revoked = await app.integration.createKey('old system');
      expect(await app.integration.revokeKey('old system')).toBe(1);

      const d = await sendDossier(app, VO_NHAI, { fullName: 'Lò Thị Mai', phone: '0912345678', citizenId: '019090000123' });
      await actAll(officer, d.id, [{ action: 'accept' }]);
      // A walk-in typed in at the desk; then sent again (idempotent: no second event).
      const files = [testFile('declaration'), testFile('idCard')];
      const walkIn = randomUUID();
      for (const f of files) expect(await injectUpload(app, walkIn, f)).toBe(201);
      const body = submission(files, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: { currentStatus: 'single', purpose: 'Kết hôn' } });
      expect((await officer.req({ method: 'PUT', url: `/api/staff/dossiers/${walkIn}`, payload: body })).statusCode).toBe(201);
      expect((await officer.req({ method: 'PUT', url: `/api/staff/dossiers/${walkIn}`, payload: body })).statusCode).toBe(200);

      for (const k of [undefined, 'hsci_nope', revoked.key]) {
        const res = await get('/api/integration/events', k);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: 'unauthenticated' });
        expect((await get(`/api/integration/dossiers/${d.id}`, k)).statusCode).toBe(401);
      }

      const all = await allEvents(key);
      expect(all.length).toBeGreaterThanOrEqual(2);
      expect(all.map((e) => e.id)).toEqual(all.map((_, i) => i + 1)); // 1, 2, 3 … with no gap
      const mine = all.filter((e) => e.dossierId === d.id);
      expect(mine.map((e) => [e.seq, e.action, e.status, e.portalStatus])).toEqual([
        [1, 'submit', 'registered', 1],
        [2, 'accept', 'accepted', 2],
      ]);
      expect(mine[0]).toMatchObject({ dossierCode: d.receipt.code, unitCode: VO_NHAI, agencyId: `H19.${VO_NHAI}`, procedureCode: d.receipt.procedureCode, channel: 'online', dueAt: d.receipt.dueAt });
      expect(all.filter((e) => e.dossierId === walkIn).map((e) => [e.seq, e.action, e.channel, e.portalStatus])).toEqual([[1, 'submit_desk', 'desk', 1]]);
      expect(all.at(-1)!.dossierId).toBe(walkIn);
      const text = JSON.stringify(all);
      for (const personal of ['Lò Thị Mai', '0912345678', '019090000123', d.receipt.lookupCode]) expect(text).not.toContain(personal);

      // Paging: two at a time from the start, and from the middle.
      const paged: IntegrationEvent[] = [];
      for (let after = 0; ; ) {
        const res = await get(`/api/integration/events?after=${after}&limit=2`, key);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        const page = res.json<{ events: IntegrationEvent[]; next: number }>();
        expect(page.events.length).toBeLessThanOrEqual(2);
        if (page.events.length === 0) {
          expect(page.next).toBe(after);
          break;
        }
        paged.push(...page.events);
        after = page.next;
      }
      expect(paged).toEqual(all);
      const middle = all[Math.floor(all.length / 2)]!.id;
      expect((await get(`/api/integration/events?after=${middle}`, key)).json<{ events: IntegrationEvent[] }>().events).toEqual(all.filter((e) => e.id > middle));
      expect((await get('/api/integration/events?after=-1', key)).statusCode).toBe(400);
      expect((await get('/api/integration/events?limit=5000', key)).statusCode).toBe(400);
    });

    test('export: the submission as received, the signed receipt and forms as issued, the timeline, each page without its bytes; audited', async () => {
      const { key } = await app.integration.createKey('export');
      const d = await sendDossier(app, VO_NHAI);
      // A supplement round trip first: a second receipt, a Mẫu 02, a second version of a page.
      await actAll(officer, d.id, [{ action: 'request_supplement', items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Ảnh mờ' }] }]);
      const st = (await app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<{ supplement: { id: string } }>();
      const page = testFile('idCard');
      expect(await injectUpload(app, d.id, page)).toBe(201);
      const resent = await app.inject({ method: 'PUT', url: `/api/dossiers/${d.id}/supplements/${st.supplement.id}`, headers: { 'x-dossier-secret': d.secret }, payload: { attachments: [page.ref] } });
      expect(resent.statusCode, resent.body).toBe(201);
      const resultId = await toProcessingWithResult(officer, d.id);
      await actAll(officer, d.id, [{ action: 'finish', resultId }]);

      const res = await get(`/api/integration/dossiers/${d.id}`, key);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const out = res.json<{
        dossier: { code: string; status: string; portalStatus: number; dueAt: string };
        submission: { applicant: { fullName: string }; attachments: { id: string }[] };
        receipts: { kind: string; receipt: Receipt }[];
        forms: { kind: string; signed: string; signature: string; kid: string }[];
        timeline: { status: string }[];
        pages: { attachmentId: string; slot: string; size: number; sha256: string }[];
        result: { id: string; sha256: string } | null;
        events: IntegrationEvent[];
      }>();
      expect(out.dossier).toMatchObject({ code: d.receipt.code, status: 'processed', portalStatus: 9 });
      const stored = (await store.getDossier(d.id))!;
      expect(JSON.stringify(out.submission)).toBe(stored.body);
      expect(out.receipts.map((r) => r.kind)).toEqual(['submission', 'supplement']);
      expect(JSON.stringify(out.receipts[0]!.receipt)).toBe(stored.receipt);
      expect(JSON.stringify(out.receipts[1]!.receipt)).toBe(JSON.stringify(resent.json<{ receipt: Receipt }>().receipt));
      const keys = (await app.inject('/api/receipts/keys')).json<{ keys: PublicKeyEntry[] }>().keys;
      for (const r of out.receipts) expect(await verifyDocument(r.receipt, keys)).toMatchObject({ kind: 'valid' });
      expect(out.forms.map((f) => f.kind)).toEqual(['02', '01']);
      const forms = await store.desk.forms(d.id);
      expect(out.forms.map((f) => JSON.stringify(f))).toEqual(forms.map((f) => f.body));
      expect(out.forms.every((f) => f.signed && f.signature && f.kid)).toBe(true);
      expect(out.timeline.map((t) => t.status)).toEqual(['registered', 'supplement_requested', 'registered', 'accepted', 'processing', 'processed']);
      expect(out.pages).toEqual(
        [...d.files, page].map((f, i) => expect.objectContaining({ attachmentId: f.ref.id, slot: f.ref.slot, size: f.ref.size, sha256: f.ref.sha256, version: i < 2 ? 1 : 2 })),
      );
      expect(res.body).not.toContain(Buffer.from(d.files[0]!.bytes).toString('base64').slice(0, 40));
      expect(out.result).toMatchObject({ id: resultId });
      expect(out.events.map((e) => [e.action, e.portalStatus])).toEqual([
        ['submit', 1],
        ['request_supplement', 5],
        ['supplement_submitted', 1],
        ['accept', 2],
        ['start_processing', 4],
        ['finish', 9],
      ]);

      const audit = await store.audit.list({ dossierId: d.id });
      expect(audit.at(-1)).toMatchObject({ action: 'integration_export', actorKind: 'system', details: { keyName: 'export' } });
      expect((await get('/api/integration/dossiers/00000000-0000-4000-8000-000000000000', key)).statusCode).toBe(404);
    });

    test('0015 on a database with dossiers: each gets one event (migrated, its status then), ids in order of receipt; the next change follows it', async () => {
      // These dossiers as 0015 finds them: no event yet. Then what 0015 does after its tables.
      const db = (store as KyselyStore).db;
      for (const t of ['integration_deliveries', 'integration_events', 'integration_counter']) await sql`delete from ${sql.table(t)}`.execute(db);
      await backfillEvents(db as never);

      const dossiers = await db.selectFrom('dossiers').select(['id', 'status', 'received_at']).orderBy('received_at').orderBy('id').execute();
      const events = (await store.integration.events(0, 10_000)).map((e) => IntegrationEvent.parse(JSON.parse(e.body)));
      expect(events.map((e) => [e.id, e.seq, e.action, e.dossierId, e.status])).toEqual(dossiers.map((d, i) => [i + 1, 1, 'migrated', d.id, d.status]));
      const d = await sendDossier(app, VO_NHAI);
      const [first, next] = (await store.integration.events(dossiers.length, 10)).map((e) => IntegrationEvent.parse(JSON.parse(e.body)));
      expect(first).toMatchObject({ id: dossiers.length + 1, seq: 1, action: 'submit', dossierId: d.id });
      expect(next).toBeUndefined();
      const moved = dossiers.find((x) => x.status === 'processed')!;
      await actAll(officer, moved.id, [{ action: 'return_result' }]);
      expect((await store.integration.dossierEvents(moved.id)).map((e) => [e.id, e.seq])).toEqual([
        [dossiers.findIndex((x) => x.id === moved.id) + 1, 1],
        [dossiers.length + 2, 2],
      ]);
    });
  });
}

describe('pnpm integration:key and integration:receiver', () => {
  test('a key printed once works until revoked; a receiver is registered with its secret printed once', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir };
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    try {
      expect(await integrationCli('key', ['--', '--name', 'Một cửa Thái Nguyên'], env, io)).toBe(0);
      const key = lines.at(-1)!;
      expect(key).toMatch(/^hsci_[A-Za-z0-9_-]{43}$/);
      expect(await integrationCli('receiver', ['--name', 'tinh', '--url', 'https://motcua.thainguyen.gov.vn/hsc'], env, io)).toBe(0);
      const secret = lines.at(-1)!;
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await integrationCli('receiver', ['--name', 'tinh', '--url', 'nope'], env, io)).toBe(2);
      expect(await integrationCli('key', [], env, io)).toBe(2);
      expect(await integrationCli('receiver', ['--list'], env, io)).toBe(0);
      expect(lines.at(-1)).toMatch(/\ttinh\thttps:\/\/motcua\.thainguyen\.gov\.vn\/hsc\tcreated .*\tnothing waiting$/);

      let app = await buildApp({ dataDir, webRoot: null });
      const auth = { authorization: `Bearer ${key}` };
      expect((await app.inject({ url: '/api/integration/events', headers: auth })).statusCode).toBe(200);
      await app.close();
      const kept = await (await import('../src/store/sqlite.ts')).openSqliteStore(dataDir);
      const [k] = await kept.integration.listKeys();
      expect(k!.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await kept.integration.listKeys())).not.toContain(key);
      const [r] = await kept.integration.listReceivers();
      expect(r!.sealedSecret).not.toContain(secret);
      await kept.close();

      expect(await integrationCli('key', ['--revoke', 'Một cửa Thái Nguyên'], env, io)).toBe(0);
      expect(await integrationCli('key', ['--revoke', 'Một cửa Thái Nguyên'], env, io)).toBe(1);
      app = await buildApp({ dataDir, webRoot: null });
      expect((await app.inject({ url: '/api/integration/events', headers: auth })).statusCode).toBe(401);
      await app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
