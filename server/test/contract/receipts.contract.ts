// Trust issue, on each store: every receipt and Mẫu form is signed where it is issued, stored
// signed, served byte for byte on every later read (after a restart too), and its canonical
// text is the same whichever database holds it.
import { rmSync } from 'node:fs';
import type { DossierStatusResponse, Receipt } from '@hsc/shared';
import { canonicalize } from '@hsc/shared/canonical';
import { signingPayload, verifyDocument, type PublicKeyEntry } from '@hsc/shared/receipt-signing';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { actAll, login, sendDossier, vn, VO_NHAI, MARITAL } from '../support/desk.ts';
import { fixedClock, injectUpload, testFile, TUESDAY_MORNING } from '../support/fixtures.ts';
import { tempDir, type StoreHarness } from '../support/stores.ts';
import { TEST_KEK } from '../support/keys.ts';

const decode = (signed: string) => Buffer.from(signed, 'base64url').toString('utf8');

export function describeReceiptContract(harness: () => StoreHarness) {
  const dirs: string[] = [];
  const open: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of open) await a.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const start = async (dataDir: string, at = TUESDAY_MORNING) => {
    const app = await buildApp({ dataDir, webRoot: null, demo: true, now: fixedClock(at), keyEncryptionKey: TEST_KEK, store: harness().open() });
    open.push(app);
    return app;
  };
  const keysOf = async (app: FastifyInstance) => (await app.inject('/api/receipts/keys')).json<{ keys: PublicKeyEntry[] }>().keys;

  describe('Signed receipts contract', () => {
    test('the delivery receipt is signed over its canonical JSON and survives a restart byte for byte', async () => {
      const dataDir = tempDir();
      dirs.push(dataDir);
      let app = await start(dataDir);
      const keys = await keysOf(app);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({ alg: 'Ed25519', kid: expect.stringMatching(/^[0-9a-f]{16}$/) });

      const d = await sendDossier(app, VO_NHAI);
      const r = d.receipt;
      expect(r.kid).toBe(keys[0]!.kid);
      // The exact text, written out: the same literal is asserted on SQLite and on PostgreSQL.
      const docs = d.files.map((f) => `{"attachmentId":"${f.ref.id}","sha256":"${f.ref.sha256}","size":${f.ref.size},"slot":"${f.ref.slot}"}`).join(',');
      expect(decode(r.signed!)).toBe(
        `{"code":"${r.code}","documents":[${docs}],"dossierId":"${d.id}","dueAt":"2026-03-13T10:00:00.000Z","lookupCode":"${r.lookupCode}",` +
          `"procedureCode":"${MARITAL}","receivedAt":"${TUESDAY_MORNING.toISOString()}","status":"registered","unitCode":"${VO_NHAI}"}`,
      );
      expect(await verifyDocument(r, keys)).toMatchObject({ kind: 'valid' });

      const statusBefore = (await app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<DossierStatusResponse>();
      await app.close();
      open.splice(open.indexOf(app), 1);

      // Same data directory, new process: the same key, the same stored bytes.
      app = await start(dataDir);
      expect(await keysOf(app)).toEqual(keys);
      const statusAfter = (await app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<DossierStatusResponse>();
      expect(statusAfter.receipt).toEqual(statusBefore.receipt);
      expect(statusAfter.receipt.signed).toBe(r.signed);
      expect(statusAfter.receipt.signature).toBe(r.signature);
    });

    test('the resubmission receipt and the Mẫu 01-04 forms are signed, and name every document by SHA-256', async () => {
      const dataDir = tempDir();
      dirs.push(dataDir);
      const app = await start(dataDir);
      const keys = await keysOf(app);
      const officer = await login(app, 'demo.officer');
      const leader = await login(app, 'demo.leader');

      const d = await sendDossier(app, VO_NHAI);
      const { form: f01 } = await actAll(officer, d.id, [{ action: 'accept' }]);
      expect(f01).toMatchObject({ kind: '01', status: 'accepted' });
      expect(await verifyDocument(f01!, keys)).toMatchObject({ kind: 'valid' });
      const signed01 = JSON.parse(decode(f01!.signed!)) as { documents: { sha256: string[] }[] };
      expect(signed01.documents.flatMap((x) => x.sha256).sort()).toEqual(d.files.map((f) => f.ref.sha256).sort());
      // The form as stored and served later is the form as issued.
      const stored = await officer.get(`/api/staff/forms/${f01!.id}`);
      expect(stored.json()).toEqual(f01);

      const { form: f02, dossier } = await actAll(officer, d.id, [{ action: 'request_supplement', items: [{ slot: 'idCard', label: 'CCCD', reason: 'Mờ' }] }]);
      expect(f02).toMatchObject({ kind: '02', status: 'supplement_requested' });
      expect(await verifyDocument(f02!, keys)).toMatchObject({ kind: 'valid' });
      const page = testFile('idCard');
      expect(await injectUpload(app, d.id, page)).toBe(201);
      const url = `/api/dossiers/${d.id}/supplements/${dossier.supplements[0]!.id}`;
      const put = () => app.inject({ method: 'PUT', url, headers: { 'x-dossier-secret': d.secret }, payload: { attachments: [page.ref] } });
      const first = await put();
      expect(first.statusCode, first.body).toBe(201);
      const again = await put();
      expect(again.body).toBe(first.body);
      const resubmitted = first.json<{ receipt: Receipt }>().receipt;
      expect(await verifyDocument(resubmitted, keys)).toMatchObject({ kind: 'valid' });
      expect(JSON.parse(decode(resubmitted.signed!))).toMatchObject({ supplementId: dossier.supplements[0]!.id, documents: [{ sha256: page.ref.sha256 }] });

      const { form: f04 } = await actAll(leader, d.id, [
        { action: 'accept' },
        { action: 'reschedule', newDueAt: vn('2026-03-18T17:00:00').toISOString(), reason: 'Cần xác minh' },
      ]);
      expect(f04).toMatchObject({ kind: '04', status: 'accepted' });
      expect(await verifyDocument(f04!, keys)).toMatchObject({ kind: 'valid' });

      const refused = await sendDossier(app, VO_NHAI);
      const { form: f03 } = await actAll(officer, refused.id, [{ action: 'refuse', reasons: ['Không thuộc thẩm quyền'] }]);
      expect(f03).toMatchObject({ kind: '03', status: 'refused' });
      const verdict = await verifyDocument(f03!, keys);
      expect(verdict).toMatchObject({ kind: 'valid' });
      // What is signed is the whole form but its signature: canonical, and nothing left out.
      expect(decode(f03!.signed!)).toBe(signingPayload(f03!));
      expect(canonicalize(verdict.kind === 'valid' ? verdict.payload : null)).toBe(signingPayload(f03!));
    });
  });
}
