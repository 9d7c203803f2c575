import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../capture/hash.ts';
import { listAttachments } from '../db/attachments.ts';
import { SEED_CATALOG } from '@hsc/shared/catalog';
import { Procedure } from '@hsc/shared/schemas';
import { db } from '../db/db.ts';
import { createDraft, getDossier, listDossiers, markAttention, markReceived, markSending, patchDraft, toSubmission } from '../db/dossiers.ts';
import { BASE, createFakeServer } from '../test-utils/fake-server.ts';
import { queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { createSyncEngine } from '../sync/engine.ts';
import { exportDossier } from './export.ts';
import { base64Parts, FILE_VERSION, fromBase64 } from './format.ts';
import { importDossier } from './import.ts';

beforeEach(resetDb);

/** Export, then wipe this "phone": the file is all that is left, as on a new device. */
async function carry(id: string): Promise<{ file: Blob; fileName: string }> {
  const { blob, fileName } = await exportDossier(id, new Date('2026-11-26T03:00:00Z'));
  await resetDb();
  return { file: new Blob([await blob.arrayBuffer()], { type: 'application/json' }), fileName };
}

async function json(file: Blob) {
  return JSON.parse(await file.text());
}

describe('a dossier with a supplement answer carried in a file', () => {
  it('brings every version: the first pages stay the first submission, the added ones stay with their answer', async () => {
    const server = createFakeServer();
    const engine = () => createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader: server.uploader });
    const d = await queuedDossier();
    await engine().runOnce({ force: true });
    const request = { id: '7d1c9a52-0f4e-4c61-9a7b-2b1e8e0c4d11', requestedAt: '2026-11-26T04:00:00.000Z', items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Mờ' }] };
    const { startSupplement, queueSupplement, listSupplements } = await import('../db/supplements.ts');
    const { addAttachment, listSupplementPages } = await import('../db/attachments.ts');
    const answer = await startSupplement(d.id, request);
    const blob = new Blob([new TextEncoder().encode('mat-sau')], { type: 'image/png' });
    await addAttachment({ dossierId: d.id, slot: 'idCard', fileName: 'mat-sau.png', mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob, supplementId: answer.id });
    await queueSupplement(answer.id);
    const firstPages = (await listAttachments(d.id)).map((p) => p.id);

    const { file } = await carry(d.id);
    const content = await json(file);
    expect(content.version).toBe(FILE_VERSION);
    expect(content.supplements).toHaveLength(1);

    expect(await importDossier(file)).toMatchObject({ ok: true, state: 'received' });
    expect((await listAttachments(d.id)).map((p) => p.id)).toEqual(firstPages);
    const [back] = await listSupplements(d.id);
    expect(back).toMatchObject({ id: answer.id, requestId: request.id, state: 'queued', attempts: 0 });
    const added = await listSupplementPages(answer.id);
    expect(added.map((p) => [p.slot, p.uploaded])).toEqual([['idCard', false]]);

    // The answer goes from the new device under the same request id.
    await engine().runOnce({ force: true });
    expect((await listSupplements(d.id))[0]?.state).toBe('received');
    expect(server.supplements.size).toBe(1);
  });
});

describe('a dossier carried in a file', () => {
  it('comes back whole on another device: same ids, same bytes, hashes checked, back in the outbox', async () => {
    const d = await queuedDossier('Hoàng Thị Lan', { idCard: ['front', 'back'], document: ['letter'] });
    const pagesBefore = await listAttachments(d.id);
    const { file, fileName } = await carry(d.id);
    expect(fileName).toBe(`ho-so-${d.localRef}.hosocong.json`);
    const content = await json(file);
    // No supplement answers: written as version 1, so an older app still reads it.
    expect(content).toMatchObject({ format: 'ho-so-cong/dossier', version: 1, exportedAt: '2026-11-26T03:00:00.000Z' });
    expect(content.supplements).toBeUndefined();
    expect(content.pages[0].sha256).toBe(pagesBefore[0]!.sha256);
    expect(await listDossiers()).toEqual([]);

    const r = await importDossier(file, 5000);
    expect(r).toEqual({ ok: true, id: d.id, state: 'queued', localRef: d.localRef });
    const back = await getDossier(d.id);
    expect(back).toMatchObject({ id: d.id, localRef: d.localRef, deviceSecret: d.deviceSecret, applicant: d.applicant, fields: d.fields, unitCode: '05716', state: 'queued', attempts: 0 });
    const pages = await listAttachments(d.id);
    expect(pages.map((p) => [p.id, p.slot, p.order, p.fileName, p.sha256, p.uploaded])).toEqual(pagesBefore.map((p) => [p.id, p.slot, p.order, p.fileName, p.sha256, false]));
    for (const p of pages) expect(await sha256Hex(p.blob)).toBe(p.sha256);
  });

  it('is recognised by the commune as the same dossier when it had already arrived', async () => {
    const server = createFakeServer();
    const engine = () => createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader: server.uploader });
    const d = await queuedDossier();
    // Sent from the old phone, but the answer was lost: the old phone still shows it queued.
    server.behaviour.loseResponses = 1;
    await engine().runOnce({ force: true });
    expect((await getDossier(d.id))?.state).toBe('queued');
    const receiptOnServer = server.dossiers.get(d.id)!.receipt;

    const { file } = await carry(d.id);
    await importDossier(file);
    expect((await engine().runOnce({ force: true })).sent).toEqual([d.id]);

    expect(server.dossiers.size).toBe(1);
    expect((await getDossier(d.id))?.receipt).toEqual(receiptOnServer);
  });

  it('keeps a received dossier received, with its receipt, timeline and uploaded pages', async () => {
    const d = await queuedDossier();
    const pages = await listAttachments(d.id);
    await markSending(d.id);
    const receipt = {
      dossierId: d.id,
      code: 'H19.05716-261126-0001',
      lookupCode: 'K3QX',
      unitCode: '05716',
      procedureCode: '2.000884',
      status: 'registered' as const,
      receivedAt: '2026-11-26T02:15:00.000Z',
      dueAt: '2026-11-26T10:00:00.000Z',
      documents: pages.map((p) => ({ attachmentId: p.id, slot: p.slot, sha256: p.sha256, size: p.size })),
    };
    await markReceived(d.id, receipt);
    const { file } = await carry(d.id);
    expect(await importDossier(file)).toMatchObject({ ok: true, state: 'received' });
    const back = await getDossier(d.id);
    expect(back?.receipt).toEqual(receipt);
    expect(back?.timeline).toEqual([{ status: 'registered', at: receipt.receivedAt }]);
    expect((await listAttachments(d.id)).every((p) => p.uploaded)).toBe(true);
  });

  it('keeps a draft a draft, and puts a dossier set aside back in the outbox', async () => {
    const draft = await createDraft('2.000884');
    await patchDraft(draft.id, { 'applicant.fullName': 'Người Nháp' });
    const aside = await queuedDossier('Người Lỗi');
    await markSending(aside.id);
    await markAttention(aside.id, { code: 'rejected', message: 'HTTP 403' });
    const draftFile = (await exportDossier(draft.id)).blob;
    const asideFile = (await exportDossier(aside.id)).blob;
    await resetDb();

    expect(await importDossier(draftFile)).toMatchObject({ ok: true, state: 'draft' });
    expect((await getDossier(draft.id))?.applicant.fullName).toBe('Người Nháp');
    expect(await importDossier(asideFile)).toMatchObject({ ok: true, state: 'queued' });
    expect((await getDossier(aside.id))?.lastError).toBeUndefined();
  });

  it('keeps a draft on its procedure version with its group rows, so the same body is sent from the other phone', async () => {
    const L = (vi: string) => ({ vi, en: vi });
    const procedure = Procedure.parse({
      ...SEED_CATALOG.find((p) => p.code === '2.000884')!,
      version: 3,
      fields: [{ key: 'signers', type: 'group', required: true, minRows: 1, label: L('Người ký'), fields: [{ key: 'name', type: 'text', required: true, label: L('Tên') }] }],
    });
    await db.procedures.put(procedure);
    const draft = await createDraft('2.000884');
    await patchDraft(draft.id, { 'fields.signers.r1.name': 'Hoàng Thị Lan', 'fields.signers.#': 'r1 x', 'fields.signers.x.name': 'Lò Văn Páo' });
    const before = toSubmission((await getDossier(draft.id))!, []);
    const { file } = await carry(draft.id);

    expect(await importDossier(file)).toMatchObject({ ok: true, state: 'draft' });
    const back = (await getDossier(draft.id))!;
    expect(back.procedure).toEqual(procedure);
    expect(toSubmission(back, [])).toEqual(before);
    expect(before).toMatchObject({ procedureVersion: 3, fields: { signers: [{ name: 'Hoàng Thị Lan' }, { name: 'Lò Văn Páo' }] } });
  });

  it('is refused, changing nothing, when this phone already holds that dossier', async () => {
    const d = await queuedDossier();
    const { blob } = await exportDossier(d.id);
    const before = await getDossier(d.id);
    expect(await importDossier(blob)).toEqual({ ok: false, reason: 'exists', id: d.id, localRef: d.localRef });
    expect(await getDossier(d.id)).toEqual(before);
    expect(await listDossiers()).toHaveLength(1);
  });

  it('is refused when a page was altered, and nothing is stored', async () => {
    const d = await queuedDossier();
    const content = await json((await carry(d.id)).file);
    content.pages[1].data = btoa('altered bytes!');
    content.pages[1].size = 14;
    const r = await importDossier(new Blob([JSON.stringify(content)]));
    expect(r).toEqual({ ok: false, reason: 'damaged', detail: content.pages[1].fileName });
    expect(await listDossiers()).toEqual([]);
    expect(await listAttachments(d.id)).toEqual([]);
  });

  it('tells apart a file that is not ours, a damaged one and one from a newer app', async () => {
    const d = await queuedDossier();
    const content = await json((await carry(d.id)).file);
    expect(await importDossier(new Blob(['{"hello":'])).then((r) => r.ok || r.reason)).toBe('notOurs');
    expect(await importDossier(new Blob(['{"format":"other","version":1}'])).then((r) => r.ok || r.reason)).toBe('notOurs');
    expect(await importDossier(new Blob([JSON.stringify({ ...content, version: FILE_VERSION + 1 })])).then((r) => r.ok || r.reason)).toBe('newer');
    const badId = { ...content, dossier: { ...content.dossier, id: 'not-a-uuid' } };
    expect(await importDossier(new Blob([JSON.stringify(badId)]))).toEqual({ ok: false, reason: 'damaged', detail: 'dossier.id' });
    const truncated = { ...content, pages: [{ ...content.pages[0], data: content.pages[0].data.slice(0, -4) }] };
    expect(await importDossier(new Blob([JSON.stringify(truncated)]))).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await listDossiers()).toEqual([]);
  });
});

describe('base64 in pieces', () => {
  it('joins into the same bytes across piece boundaries, for every length', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(3 * 8192 * 2 + 2));
    for (const n of [0, 1, 2, 3, 24_575, 24_576, 24_577, bytes.length]) {
      const part = bytes.subarray(0, n);
      expect(fromBase64(base64Parts(part).join(''))).toEqual(new Uint8Array(part));
    }
    expect(fromBase64('not base64!')).toBeNull();
    expect(fromBase64('abc')).toBeNull();
  });
});
