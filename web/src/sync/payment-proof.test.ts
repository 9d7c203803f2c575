// A photo of the fee's bank transfer, from the phone to the commune through the outbox: stored
// and queued in one step, its page uploaded with tus and then the PUT named by the proof's id,
// sent again after a lost reply with the same receipt, kept apart from the dossier's pages.
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../capture/hash.ts';
import { listAttachments } from '../db/attachments.ts';
import { addPaymentProof, listPaymentProofs } from '../db/payment-proofs.ts';
import { createFakeServer, fakeServerEngine } from '../test-utils/fake-server.ts';
import { bytes, queuedDossier, resetDb } from '../test-utils/fixtures.ts';

let clock: number;
let server: ReturnType<typeof createFakeServer>;
let online: boolean;

const engine = () => fakeServerEngine(server, () => clock, () => online);

async function photo(dossierId: string) {
  const blob = bytes('chuyen-khoan-50000');
  return addPaymentProof({ dossierId, slot: 'payment', fileName: 'chuyen-khoan.jpg', mediaType: 'image/jpeg', size: blob.size, sha256: await sha256Hex(blob), blob });
}

beforeEach(async () => {
  await resetDb();
  clock = Date.UTC(2026, 10, 26, 2, 0);
  online = true;
  server = createFakeServer();
});

describe('transfer photo (citizen side)', () => {
  it('taken offline, waits in the outbox; once online its page goes through tus, then the PUT, and the receipt is kept', async () => {
    const d = await queuedDossier();
    await engine().runOnce({ force: true });
    const pagesBefore = await listAttachments(d.id);

    online = false;
    const proof = await photo(d.id);
    expect((await engine().runOnce({ force: true })).offline).toBe(true);
    expect((await listPaymentProofs(d.id)).map((p) => p.state)).toEqual(['queued']);

    online = true;
    const report = await engine().runOnce({ force: true });
    expect(report.sent).toContain(proof.id);
    expect(server.uploadCalls.at(-1)?.metadata).toMatchObject({ dossierId: d.id, attachmentId: proof.attachmentId });
    const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.includes('/payment-proofs/'));
    expect(puts.map((r) => r.path)).toEqual([`/api/dossiers/${d.id}/payment-proofs/${proof.id}`]);
    const [sent] = await listPaymentProofs(d.id);
    expect(sent).toMatchObject({ state: 'received', receipt: { paymentProofId: proof.id, documents: [{ attachmentId: proof.attachmentId, slot: 'payment' }] } });
    // The dossier's own pages (its first receipt's) are not touched.
    expect(await listAttachments(d.id)).toEqual(pagesBefore);
  });

  it('after a lost reply, sends the same PUT again and gets the same receipt; the page is uploaded once', async () => {
    const d = await queuedDossier();
    await engine().runOnce({ force: true });
    const proof = await photo(d.id);
    server.behaviour.loseResponses = 1;
    expect((await engine().runOnce({ force: true })).retrying).toContain(proof.id);
    clock += 2_000;
    await engine().runOnce();
    const [sent] = await listPaymentProofs(d.id);
    expect(sent?.state).toBe('received');
    expect(sent?.receipt).toEqual(server.paymentProofs.get(proof.id)?.receipt);
    expect(server.requests.filter((r) => r.path.includes('/payment-proofs/'))).toHaveLength(2);
    expect(server.uploadCalls.filter((c) => c.metadata.attachmentId === proof.attachmentId)).toHaveLength(1);
  });

  it('a refusal sets it aside with the reason', async () => {
    const d = await queuedDossier();
    await engine().runOnce({ force: true });
    const proof = await photo(d.id);
    server.behaviour.supplementConflict.add(proof.id);
    expect((await engine().runOnce({ force: true })).attention).toContain(proof.id);
    expect((await listPaymentProofs(d.id))[0]).toMatchObject({ state: 'attention', lastError: { code: 'conflict' } });
  });
});
