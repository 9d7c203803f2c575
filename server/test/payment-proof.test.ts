// A photo of the bank transfer for a requested fee, sent by the citizen's device like a page
// (tus, then an idempotent PUT): a signed receipt, no status change, the officer sees and opens
// it; refused without a fee, with the wrong secret, or before its bytes arrived.
import { randomUUID } from 'node:crypto';
import { verifyDocument, type PublicKeyEntry } from '@hsc/shared/receipt-signing';
import type { DossierStatusResponse, Receipt } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { actAll, detail, login, sendDossier, vn, VO_NHAI, type Agent } from './support/desk.ts';
import { injectUpload, newSecret, sha256, testFile } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
let officer: Agent;

beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: () => vn('2026-03-10T09:00:00') });
  officer = await login(t.app, 'demo.officer');
});
afterAll(() => t.close());

const proofPhoto = () => {
  const f = testFile('payment', 3000);
  return { ...f, ref: { ...f.ref, fileName: 'chuyen-khoan.jpg' } };
};
const putProof = (id: string, proofId: string, secret: string, attachment: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/dossiers/${id}/payment-proofs/${proofId}`, headers: { 'x-dossier-secret': secret }, payload: { attachment } });

async function feeRequested() {
  const d = await sendDossier(t.app, VO_NHAI);
  await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_payment', amount: 50000, note: 'Lệ phí' }]);
  return d;
}

describe('transfer photo for a fee', () => {
  test('sent once after its upload: a signed receipt naming the photo, the same on a resend; the status stays; the officer sees and opens it', async () => {
    const d = await feeRequested();
    const photo = proofPhoto();
    const proofId = randomUUID();

    // The PUT before the bytes: 422 names the photo, as for a dossier's pages.
    const early = await putProof(d.id, proofId, d.secret, photo.ref);
    expect(early.statusCode).toBe(422);
    expect(early.json<{ missing: string[] }>().missing).toEqual([photo.ref.id]);

    expect(await injectUpload(t.app, d.id, photo)).toBe(201);
    const res = await putProof(d.id, proofId, d.secret, photo.ref);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json<{ receipt: Receipt }>().receipt;
    expect(receipt).toMatchObject({ dossierId: d.id, code: d.receipt.code, status: 'financial_requested', paymentProofId: proofId });
    expect(receipt.documents).toEqual([{ attachmentId: photo.ref.id, slot: 'payment', sha256: photo.ref.sha256, size: 3000 }]);
    const keys = (await t.app.inject({ url: '/api/receipts/keys' })).json<{ keys: PublicKeyEntry[] }>().keys;
    expect(await verifyDocument(receipt, keys)).toMatchObject({ kind: 'valid' });

    const again = await putProof(d.id, proofId, d.secret, photo.ref);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ receipt: Receipt }>().receipt).toEqual(receipt);

    const st = (await t.app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<DossierStatusResponse>();
    expect(st.status).toBe('financial_requested');

    const seen = await detail(officer, d.id);
    expect(seen.paymentProofs).toEqual([
      { id: proofId, receivedAt: '2026-03-10T02:00:00.000Z', attachment: { id: photo.ref.id, fileName: 'chuyen-khoan.jpg', mediaType: 'image/jpeg', size: 3000, sha256: photo.ref.sha256, verified: true } },
    ]);
    const file = await officer.get(`/api/staff/dossiers/${d.id}/files/${photo.ref.id}`);
    expect(file.statusCode).toBe(200);
    expect(sha256(file.rawPayload)).toBe(photo.ref.sha256);
    expect((await store.audit.list({ limit: 1000 })).filter((e) => e.action === 'payment_proof_sent' && e.dossierId === d.id)).toHaveLength(1);

    // The officer then marks the fee paid, as before.
    await actAll(officer, d.id, [{ action: 'payment_received', amount: 50000, reference: 'FT1' }]);
    expect((await detail(officer, d.id)).status).toBe('processing');
  });

  test('another photo under the same proof id is a conflict; the stored photo cannot be replaced', async () => {
    const d = await feeRequested();
    const first = proofPhoto();
    const proofId = randomUUID();
    expect(await injectUpload(t.app, d.id, first)).toBe(201);
    expect((await putProof(d.id, proofId, d.secret, first.ref)).statusCode).toBe(201);

    const second = proofPhoto();
    expect(await injectUpload(t.app, d.id, second)).toBe(201);
    const res = await putProof(d.id, proofId, d.secret, second.ref);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ differences: string[] }>().differences).toEqual(['attachment']);

    // Other bytes under the held photo's id are refused by the upload itself.
    const replaced = { ...proofPhoto(), ref: { ...proofPhoto().ref, id: first.ref.id } };
    replaced.ref.sha256 = sha256(replaced.bytes);
    expect(await injectUpload(t.app, d.id, replaced)).toBe(422);
    // A second proof with its own id is welcome (a clearer photo).
    expect((await putProof(d.id, randomUUID(), d.secret, second.ref)).statusCode).toBe(201);
    expect((await detail(officer, d.id)).paymentProofs).toHaveLength(2);
  });

  test('refused without a fee request (409, in words), with a wrong secret (404), with another slot (400)', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    const photo = proofPhoto();
    expect(await injectUpload(t.app, d.id, photo)).toBe(201);
    const none = await putProof(d.id, randomUUID(), d.secret, photo.ref);
    expect(none.statusCode).toBe(409);
    expect(none.json<{ message: string }>().message.length).toBeGreaterThan(10);
    expect((await putProof(d.id, randomUUID(), newSecret(), photo.ref)).statusCode).toBe(404);
    expect((await putProof(d.id, randomUUID(), d.secret, { ...photo.ref, slot: 'idCard' })).statusCode).toBe(400);
    expect((await detail(officer, d.id)).paymentProofs).toEqual([]);
  });
});
