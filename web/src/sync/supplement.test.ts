// The citizen's side of the supplement round trip and the result, through the outbox engine
// against the in-process fake commune.
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../capture/hash.ts';
import { addAttachment, listAttachments, listSupplementPages } from '../db/attachments.ts';
import { getDossier } from '../db/dossiers.ts';
import { getResult } from '../db/results.ts';
import { getSupplement, latestReceipt, listSupplements, queueSupplement, startSupplement } from '../db/supplements.ts';
import { BASE, createFakeServer, fakeServerEngine } from '../test-utils/fake-server.ts';
import { bytes, queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { downloadResult } from './result.ts';

let clock: number;
let server: ReturnType<typeof createFakeServer>;

const REQUEST = {
  id: '7d1c9a52-0f4e-4c61-9a7b-2b1e8e0c4d11',
  requestedAt: '2026-11-26T04:00:00.000Z',
  items: [
    { slot: 'idCard', label: 'Căn cước', reason: 'Ảnh mặt sau bị mờ, không đọc được số.' },
    { label: 'Bản gốc giấy ủy quyền', reason: 'Mang bản gốc đến đối chiếu.' },
  ],
};

const engine = () => fakeServerEngine(server, () => clock);

/** A dossier the commune holds and has asked to supplement, seen by the phone at a sync. */
async function askedDossier() {
  const d = await queuedDossier();
  await engine().runOnce({ force: true });
  server.behaviour.status.set(d.id, { status: 'supplement_requested', supplement: REQUEST, timeline: [{ status: 'registered', at: '2026-11-26T02:15:00.000Z' }, { status: 'supplement_requested', at: REQUEST.requestedAt }] });
  clock += 60_000;
  await engine().runOnce({ force: true });
  return (await getDossier(d.id))!;
}

async function answerWithPage(dossierId: string, text = 'mat-sau-ro') {
  const dossier = (await getDossier(dossierId))!;
  const answer = await startSupplement(dossierId, dossier.supplement!);
  const blob = bytes(text);
  await addAttachment({ dossierId, slot: 'idCard', fileName: 'mat-sau.png', mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob, supplementId: answer.id });
  await queueSupplement(answer.id);
  return answer;
}

beforeEach(async () => {
  await resetDb();
  clock = Date.UTC(2026, 10, 26, 2, 0);
  server = createFakeServer();
});

describe('supplement round trip (citizen side)', () => {
  it('keeps the open request from the status, with every item and its reason', async () => {
    const d = await askedDossier();
    expect(d.status).toBe('supplement_requested');
    expect(d.supplement).toEqual(REQUEST);
  });

  it('sends the new pages through tus, then the answer, and shows the new receipt while keeping the first', async () => {
    const d = await askedDossier();
    const originals = await listAttachments(d.id);
    const answer = await answerWithPage(d.id);

    const report = await engine().runOnce({ force: true });

    expect(report.sent).toContain(answer.id);
    const put = server.requests.filter((r) => r.method === 'PUT' && r.path.includes('/supplements/'));
    expect(put.map((r) => r.path)).toEqual([`/api/dossiers/${d.id}/supplements/${REQUEST.id}`]);
    const [page] = await listSupplementPages(answer.id);
    expect(server.uploadCalls.at(-1)?.metadata).toMatchObject({ dossierId: d.id, attachmentId: page!.id, sha256: page!.sha256 });
    const sent = await getSupplement(answer.id);
    expect(sent?.state).toBe('received');
    expect(sent?.receipt?.documents.map((x) => x.attachmentId)).toEqual([page!.id]);

    const after = (await getDossier(d.id))!;
    expect(after.dueAt).toBe('2026-11-27T10:00:00.000Z');
    expect(after.supplement).toBeUndefined();
    // The first receipt is still on the dossier; the newest is the one shown.
    expect(after.receipt?.receivedAt).toBe('2026-11-26T02:15:00.000Z');
    expect(latestReceipt(after.receipt, await listSupplements(d.id))?.supplementId).toBe(REQUEST.id);
    // Every version stays on the phone: the first pages untouched, the new one kept apart.
    expect(await listAttachments(d.id)).toEqual(originals);
    expect(await listSupplementPages(answer.id)).toHaveLength(1);
  });

  it('sends the same answer again after a lost reply and gets the same receipt, once', async () => {
    const d = await askedDossier();
    const answer = await answerWithPage(d.id);
    server.behaviour.loseResponses = 1;

    const first = await engine().runOnce({ force: true });
    expect(first.retrying).toContain(answer.id);
    expect((await getSupplement(answer.id))?.state).toBe('queued');

    clock += 2_000;
    await engine().runOnce();
    const sent = await getSupplement(answer.id);
    expect(sent?.state).toBe('received');
    expect(server.supplements.size).toBe(1);
    expect(sent?.receipt).toEqual(server.supplements.get(REQUEST.id)?.receipt);
    const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.includes('/supplements/'));
    expect(puts).toHaveLength(2);
    // The page was uploaded only once.
    expect(server.uploadCalls.filter((c) => c.metadata.attachmentId === sent!.receipt!.documents[0]!.attachmentId)).toHaveLength(1);
  });

  it('uploads again the pages a 422 names, from scratch', async () => {
    const d = await askedDossier();
    const answer = await answerWithPage(d.id);
    const [page] = await listSupplementPages(answer.id);
    server.behaviour.forgetOnce.add(page!.id);

    await engine().runOnce({ force: true });

    const uploads = server.uploadCalls.filter((c) => c.metadata.attachmentId === page!.id);
    expect(uploads).toHaveLength(2);
    expect(uploads[1]?.uploadUrl).toBeUndefined();
    expect((await getSupplement(answer.id))?.state).toBe('received');
  });

  it('sets an answer the commune refuses (409, 400) aside with the reason, never retried by itself', async () => {
    const d = await askedDossier();
    const answer = await answerWithPage(d.id);
    server.behaviour.supplementConflict.add(REQUEST.id);

    await engine().runOnce({ force: true });
    let stored = await getSupplement(answer.id);
    expect(stored?.state).toBe('attention');
    expect(stored?.lastError).toMatchObject({ code: 'conflict', message: 'request closed' });
    const puts = () => server.requests.filter((r) => r.path.includes('/supplements/')).length;
    const before = puts();
    await engine().runOnce({ force: true });
    expect(puts()).toBe(before);

    const { retrySupplement } = await import('../db/supplements.ts');
    server.behaviour.supplementConflict.clear();
    server.behaviour.supplementInvalid.add(REQUEST.id);
    await retrySupplement(answer.id);
    await engine().runOnce({ force: true });
    stored = await getSupplement(answer.id);
    expect(stored?.state).toBe('attention');
    expect(stored?.lastError?.code).toBe('invalid');
    expect(stored?.lastError?.fields?.[0]?.path).toBe('documents.idCard');
  });

  it('counts a waiting answer as unsent (the update banner names it) until the commune holds it', async () => {
    const d = await askedDossier();
    const { countUnsent } = await import('../db/dossiers.ts');
    expect(await countUnsent()).toBe(0);
    await answerWithPage(d.id);
    expect(await countUnsent()).toBe(1);
    await engine().runOnce({ force: true });
    expect(await countUnsent()).toBe(0);
  });

  it('starting the answer twice opens the same one', async () => {
    const d = await askedDossier();
    const a = await startSupplement(d.id, d.supplement!);
    const b = await startSupplement(d.id, d.supplement!);
    expect(b.id).toBe(a.id);
    expect(await listSupplements(d.id)).toHaveLength(1);
  });
});

describe('the result', () => {
  const PDF = new TextEncoder().encode('%PDF-1.4 kết quả');

  async function processed() {
    const d = await queuedDossier();
    await engine().runOnce({ force: true });
    const sha256 = await sha256Hex(new Blob([PDF]));
    server.behaviour.status.set(d.id, { status: 'processed', result: { fileName: 'ket-qua.pdf', mediaType: 'application/pdf', size: PDF.length, sha256 } });
    server.behaviour.resultBytes.set(d.id, PDF);
    clock += 60_000;
    await engine().runOnce({ force: true });
    return (await getDossier(d.id))!;
  }

  it('downloads the result with the device secret and keeps it for offline reading', async () => {
    const d = await processed();
    expect(d.result?.fileName).toBe('ket-qua.pdf');

    expect(await downloadResult(d, { fetch: server.fetch, base: BASE }, clock)).toBe('ok');

    const kept = await getResult(d.id);
    expect(Array.from(new Uint8Array(await kept!.blob.arrayBuffer()))).toEqual(Array.from(PDF));
    expect(kept?.sha256).toBe(d.result?.sha256);
    expect(server.requests.at(-1)?.headers.get('x-dossier-secret')).toBe(d.deviceSecret);
  });

  it('refuses bytes that do not match the announced SHA-256', async () => {
    const d = await processed();
    server.behaviour.resultBytes.set(d.id, new TextEncoder().encode('%PDF-1.4 hỏng'));
    expect(await downloadResult(d, { fetch: server.fetch, base: BASE }, clock)).toBe('corrupt');
    expect(await getResult(d.id)).toBeUndefined();
  });
});
