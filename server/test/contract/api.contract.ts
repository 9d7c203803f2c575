// The dossier loop through the HTTP API, on each store: upload, send, resend, read the status,
// track, and the daily code sequence under concurrent senders (and, where the database allows
// several writers, under two server instances at once).
import { rmSync } from 'node:fs';
import { parseDossierCode, type ActionResponse, type DossierStatusResponse, type Receipt } from '@hsc/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { AppConfig } from '../../src/config.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { actAll, login, PDF, sendDossier, uploadResult, VO_NHAI } from '../support/desk.ts';
import { fixedClock, injectUpload, newDossier, putDossier, testFile, TUESDAY_MORNING } from '../support/fixtures.ts';
import { tempDir, type StoreHarness } from '../support/stores.ts';
import { TEST_KEK } from '../support/keys.ts';

/** Each call is a different day, so the sequences of different tests never meet. */
let dayOffset = 0;
const nextDay = () => new Date(TUESDAY_MORNING.getTime() + ++dayOffset * 86_400_000);

async function uploadAll(app: FastifyInstance, d: ReturnType<typeof newDossier>) {
  for (const f of d.files) expect(await injectUpload(app, d.id, f)).toBe(201);
}

const sequenceOf = (r: Receipt) => parseDossierCode(r.code)!.sequence;

export function describeApiContract(harness: () => StoreHarness, opts: { concurrentWriters: boolean }) {
  const dirs: string[] = [];
  const apps: FastifyInstance[] = [];
  let app: FastifyInstance;

  async function startApp(at: Date, over: Partial<AppConfig> = {}): Promise<FastifyInstance> {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const a = await buildApp({ dataDir, webRoot: null, now: fixedClock(at), keyEncryptionKey: TEST_KEK, ...over, store: over.store ?? harness().open() });
    apps.push(a);
    return a;
  }

  /** Closes an app a test no longer needs, so its connections go back at once. */
  async function stopApp(a: FastifyInstance): Promise<void> {
    const i = apps.indexOf(a);
    if (i < 0) return;
    apps.splice(i, 1);
    await a.close();
  }

  beforeAll(async () => {
    app = await startApp(TUESDAY_MORNING);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('API flow contract', () => {
    test('health names the store', async () => {
      const res = await app.inject('/api/health');
      expect(res.json()).toEqual({ status: 'ok', store: harness().name.startsWith('SQLite') ? 'sqlite' : 'postgres' });
    });

    test('send, resend, read the status with the secret, track with the lookup code', async () => {
      const d = newDossier();
      await uploadAll(app, d);
      const first = await putDossier(app, d.id, d.body, d.secret);
      expect(first.statusCode).toBe(201);
      const { receipt } = first.json<{ receipt: Receipt }>();
      expect(receipt).toMatchObject({ dossierId: d.id, unitCode: d.body.unitCode, status: 'registered', receivedAt: TUESDAY_MORNING.toISOString() });
      expect(receipt.documents).toEqual(d.files.map((f) => ({ attachmentId: f.ref.id, slot: f.ref.slot, sha256: f.ref.sha256, size: f.ref.size })));

      const again = await putDossier(app, d.id, d.body, d.secret);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);

      const status = await app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } });
      expect(status.json()).toEqual({ receipt, status: 'registered', dueAt: receipt.dueAt, timeline: [{ status: 'registered', at: receipt.receivedAt }] });

      const track = await app.inject(`/api/track/${receipt.code}?lookup=${receipt.lookupCode.toLowerCase()}`);
      expect(track.json()).toEqual({ code: receipt.code, status: 'registered', dueAt: receipt.dueAt, timeline: [{ status: 'registered', at: receipt.receivedAt }] });
    });

    test('concurrent PUTs of one new dossier make one dossier and one receipt', async () => {
      const d = newDossier();
      await uploadAll(app, d);
      const answers = await Promise.all(Array.from({ length: 8 }, () => putDossier(app, d.id, d.body, d.secret)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    });

    test('30 concurrent submissions get distinct, consecutive codes', async () => {
      const dayApp = await startApp(nextDay());
      const dossiers = Array.from({ length: 30 }, () => newDossier());
      for (const d of dossiers) await uploadAll(dayApp, d);
      const answers = await Promise.all(dossiers.map((d) => putDossier(dayApp, d.id, d.body, d.secret)));
      expect(answers.every((a) => a.statusCode === 201)).toBe(true);
      const sequences = answers.map((a) => sequenceOf(a.json<{ receipt: Receipt }>().receipt)).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });

    test('a restarted server continues the day\'s sequence', async () => {
      const at = nextDay();
      const send = async (a: FastifyInstance) => {
        const d = newDossier();
        await uploadAll(a, d);
        return sequenceOf((await putDossier(a, d.id, d.body, d.secret)).json<{ receipt: Receipt }>().receipt);
      };
      const before = await startApp(at);
      expect([await send(before), await send(before)]).toEqual([1, 2]);
      await before.close();
      apps.splice(apps.indexOf(before), 1);
      expect(await send(await startApp(at))).toBe(3);
    });

    if (opts.concurrentWriters) {
      // Several API processes on one PostgreSQL: the code sequence must still hold.
      test('two server instances on one database, sending at once, never repeat a code', async () => {
        const at = nextDay();
        const [a, b] = [await startApp(at), await startApp(at)];
        const dossiers = Array.from({ length: 20 }, () => newDossier());
        for (const [i, d] of dossiers.entries()) await uploadAll(i % 2 ? a : b, d);
        const answers = await Promise.all(dossiers.map((d, i) => putDossier(i % 2 ? a : b, d.id, d.body, d.secret)));
        const sequences = answers.map((r) => sequenceOf(r.json<{ receipt: Receipt }>().receipt));
        expect(sequences.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      });
    }

    test('desk: supplement round trip, accept, finish with a result, return; every step audited', async () => {
      const store = harness().open() as KyselyStore;
      const deskApp = await startApp(TUESDAY_MORNING, { demo: true, store }); // the app closes the store
      const officer = await login(deskApp, 'demo.officer');
      const d = await sendDossier(deskApp, VO_NHAI);
      const asked = await actAll(officer, d.id, [{ action: 'request_supplement', items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Mờ' }] }]);
      const page = testFile('idCard');
      expect(await injectUpload(deskApp, d.id, page)).toBe(201);
      const resent = await deskApp.inject({
        method: 'PUT',
        url: `/api/dossiers/${d.id}/supplements/${asked.dossier.supplements[0]!.id}`,
        headers: { 'x-dossier-secret': d.secret },
        payload: { attachments: [page.ref] },
      });
      expect(resent.statusCode, resent.body).toBe(201);
      await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }]);
      const { resultId } = (await uploadResult(officer, d.id)).json<{ resultId: string }>();
      const done = await actAll(officer, d.id, [{ action: 'finish', resultId }, { action: 'return_result' }]);
      expect(done.dossier.attachments.map((a) => [a.slot, a.version, a.current, a.verified])).toEqual([
        ['declaration', 1, true, true],
        ['idCard', 1, false, true],
        ['idCard', 2, true, true],
      ]);
      const status = (await deskApp.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<DossierStatusResponse>();
      expect(status).toMatchObject({ status: 'returned', result: { size: PDF.length } });
      const file = await deskApp.inject({ url: `/api/dossiers/${d.id}/result`, headers: { 'x-dossier-secret': d.secret } });
      expect(file.rawPayload.equals(PDF)).toBe(true);
      const log = await store.audit.list({ dossierId: d.id });
      expect(log.filter((e) => e.fromStatus).map((e) => `${e.actorKind}:${e.action}`)).toEqual([
        'staff:request_supplement',
        'citizen:supplement_submitted',
        'staff:accept',
        'staff:start_processing',
        'staff:finish',
        'staff:return_result',
      ]);
      await stopApp(deskApp);
    });

    test('desk: officers accepting one dossier at once: one wins, one Mẫu 01, one timeline entry', async () => {
      const a = await startApp(TUESDAY_MORNING, { demo: true });
      const b = opts.concurrentWriters ? await startApp(TUESDAY_MORNING, { demo: true }) : a;
      const [oa, ob] = [await login(a, 'demo.officer'), await login(b, 'demo.leader')];
      const d = await sendDossier(a, VO_NHAI);
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? ob : oa).act(d.id, { action: 'accept' })));
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json<{ error: string }>().error === 'invalid_transition')).toBe(true);
      const view = answers.find((r) => r.statusCode === 200)!.json<ActionResponse>();
      expect(view.dossier.forms.filter((f) => f.kind === '01')).toHaveLength(1);
      expect(view.dossier.timeline.map((e) => e.status)).toEqual(['registered', 'accepted']);
      await stopApp(a);
      await stopApp(b);
    });

    test('a dossier whose attachments are not stored is refused and not created', async () => {
      const d = newDossier();
      const res = await putDossier(app, d.id, d.body, d.secret);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: 'attachments_missing', missing: d.files.map((f) => f.ref.id), corrupt: [] });
      const status = await app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } });
      expect(status.statusCode).toBe(404);
    });
  });
}
