// Pages attached to a dossier, one record per page, kept as Blobs with their SHA-256 from capture.
import { db } from './db.ts';
import { newId } from './ids.ts';
import type { AttachmentRecord } from './types.ts';

const bySlot = (a: AttachmentRecord, b: AttachmentRecord) => (a.slot === b.slot ? a.order - b.order : a.slot < b.slot ? -1 : 1);

/**
 * The pages of the first submission, grouped by slot, in the order the person arranged them.
 * Pages added later for a supplement are kept apart (`listSupplementPages`): the first
 * submission's body, and so its idempotent resend, never changes.
 */
export async function listAttachments(dossierId: string): Promise<AttachmentRecord[]> {
  const all = await db.attachments.where('dossierId').equals(dossierId).toArray();
  return all.filter((a) => !a.supplementId && !a.proofId).sort(bySlot);
}

/** The pages of one supplement answer, grouped by slot. */
export async function listSupplementPages(supplementId: string): Promise<AttachmentRecord[]> {
  return (await db.attachments.where('supplementId').equals(supplementId).toArray()).sort(bySlot);
}

export type NewAttachment = Pick<AttachmentRecord, 'dossierId' | 'slot' | 'fileName' | 'mediaType' | 'size' | 'sha256' | 'blob'> &
  Partial<Pick<AttachmentRecord, 'originalSize' | 'shrunk' | 'supplementId'>>;

/** A page may change while what it belongs to (the dossier, or its supplement answer) is a draft. */
async function editable(dossierId: string, supplementId: string | undefined): Promise<boolean> {
  if (supplementId) return (await db.supplements.get(supplementId))?.state === 'draft';
  return (await db.dossiers.get(dossierId))?.state === 'draft';
}

/** Adds a page at the end of its slot; refused once the dossier (or supplement) was sent. */
export async function addAttachment(input: NewAttachment, now = Date.now()): Promise<AttachmentRecord> {
  // Callers from before shrinking (tools, tests) stored files as picked.
  const a = { ...input, originalSize: input.originalSize ?? input.size, shrunk: input.shrunk ?? false };
  if (!a.supplementId) delete a.supplementId;
  return db.transaction('rw', db.dossiers, db.attachments, db.supplements, async () => {
    if (!(await editable(a.dossierId, a.supplementId))) throw new Error('This dossier can no longer be changed');
    const pages = (await db.attachments.where('[dossierId+slot]').equals([a.dossierId, a.slot]).toArray()).filter((p) => p.supplementId === a.supplementId);
    const order = pages.reduce((max, p) => Math.max(max, p.order + 1), 0);
    const record: AttachmentRecord = { ...a, id: newId(), order, uploaded: false };
    await db.attachments.add(record);
    await db.dossiers.update(a.dossierId, { updatedAt: now });
    return record;
  });
}

async function draftOnly(attachmentId: string): Promise<AttachmentRecord | undefined> {
  const a = await db.attachments.get(attachmentId);
  if (!a) return undefined;
  return (await editable(a.dossierId, a.supplementId)) ? a : undefined;
}

export async function removeAttachment(id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.dossiers, db.attachments, db.supplements, async () => {
    const a = await draftOnly(id);
    if (!a) return;
    await db.attachments.delete(id);
    await db.dossiers.update(a.dossierId, { updatedAt: now });
  });
}

/** Swaps a page with its neighbour in the same slot (`-1` up, `+1` down). */
export async function moveAttachment(id: string, direction: -1 | 1, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.dossiers, db.attachments, db.supplements, async () => {
    const a = await draftOnly(id);
    if (!a) return;
    const pages = (await db.attachments.where('[dossierId+slot]').equals([a.dossierId, a.slot]).toArray())
      .filter((p) => p.supplementId === a.supplementId)
      .sort((x, y) => x.order - y.order);
    const i = pages.findIndex((p) => p.id === id);
    const other = pages[i + direction];
    if (!other) return;
    await db.attachments.update(a.id, { order: other.order });
    await db.attachments.update(other.id, { order: a.order });
    await db.dossiers.update(a.dossierId, { updatedAt: now });
  });
}

// --- used by the sync engine -------------------------------------------------------------

export async function setUploadUrl(id: string, uploadUrl: string): Promise<void> {
  await db.attachments.update(id, { uploadUrl });
}

export async function markUploaded(id: string): Promise<void> {
  await db.attachments.update(id, { uploaded: true });
}

/** The server lacks these files (or holds them damaged): upload them again from the start. */
export async function markNotUploaded(ids: string[]): Promise<void> {
  await db.transaction('rw', db.attachments, async () => {
    for (const id of ids) {
      const a = await db.attachments.get(id);
      if (!a) continue;
      const next = { ...a, uploaded: false };
      delete next.uploadUrl;
      await db.attachments.put(next);
    }
  });
}
