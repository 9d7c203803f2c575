// Attachment integrity: an upload becomes a stored attachment only when its bytes match the
// SHA-256 the device computed at capture, and a dossier may reference only attachments that
// are stored intact. The tus plumbing is in routes/uploads.ts; this is the rule.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Sha256Hex, Uuid, type AttachmentRef } from '@hsc/shared';
import { z } from 'zod';
import type { BlobStore, UploadedBytes } from '../blobs/blob-store.ts';
import type { AttachmentRecord, Store } from '../store/store.ts';

/** `Upload-Metadata` of a tus creation request. */
export const UploadMetadata = z.object({
  dossierId: Uuid,
  attachmentId: Uuid,
  sha256: Sha256Hex,
  filename: z.string().min(1).max(255),
  filetype: z.string().min(1).max(127),
});
export type UploadMetadata = z.infer<typeof UploadMetadata>;

export type AdoptOutcome =
  | { ok: true; attachment: AttachmentRecord }
  | { ok: false; error: 'checksum_mismatch' | 'attachment_conflict' };

export interface AttachmentAudit {
  missing: string[];
  corrupt: string[];
}

export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function storedIntact(blobs: BlobStore, a: AttachmentRecord): Promise<boolean> {
  if ((await blobs.size(a.path)) !== a.size) return false;
  return (await sha256Of(blobs.read(a.path))) === a.sha256;
}

export class AttachmentService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly now: () => Date,
  ) {}

  /**
   * Takes a completely uploaded part. On success its bytes have been moved into the blob store
   * (durably) and its row committed; on failure the caller discards the upload.
   */
  async adopt(meta: UploadMetadata, upload: UploadedBytes, size: number): Promise<AdoptOutcome> {
    if ((await sha256Of(upload.read())) !== meta.sha256) return { ok: false, error: 'checksum_mismatch' };

    const record: AttachmentRecord = {
      id: meta.attachmentId,
      dossierId: meta.dossierId,
      sha256: meta.sha256,
      size,
      mediaType: meta.filetype,
      fileName: meta.filename,
      path: this.blobs.keyFor(meta.attachmentId, meta.sha256),
      storedAt: this.now().toISOString(),
    };
    const existing = await this.store.getAttachment(record.id);
    if (existing && !sameContent(existing, record)) {
      // Once a dossier holds the attachment (its first submission, a supplement, a fee's
      // transfer photo) it is part of a receipt and never changes; before that, the device may
      // replace it (the path differs, so no stored byte is overwritten).
      if ((await this.store.desk.isHeld(existing.id)) || (await this.store.paymentProofs.holds(existing.id))) return { ok: false, error: 'attachment_conflict' };
      await upload.storeAs(record.path);
      return { ok: true, attachment: await this.store.replaceAttachment(record) };
    }
    if (existing && (await storedIntact(this.blobs, existing))) {
      return { ok: true, attachment: existing }; // sent twice: already stored intact
    }
    // New, or the stored copy was lost or damaged: (re)write the bytes before the row.
    await upload.storeAs(record.path);
    const stored = await this.store.putAttachment(record);
    return sameContent(stored, record) ? { ok: true, attachment: stored } : { ok: false, error: 'attachment_conflict' };
  }

  /** Which declared attachments are not stored intact for this dossier. */
  async audit(dossierId: string, refs: readonly AttachmentRef[]): Promise<AttachmentAudit> {
    const rows = new Map((await this.store.getAttachments(refs.map((r) => r.id))).map((r) => [r.id, r]));
    const missing: string[] = [];
    const corrupt: string[] = [];
    for (const ref of refs) {
      const row = rows.get(ref.id);
      if (!row || row.dossierId !== dossierId) missing.push(ref.id);
      else if (row.sha256 !== ref.sha256 || row.size !== ref.size) corrupt.push(ref.id);
      // A size check is enough here: bytes were verified on arrival and the file is written once.
      else if ((await this.blobs.size(row.path)) !== row.size) missing.push(ref.id);
    }
    return { missing, corrupt };
  }
}

function sameContent(a: AttachmentRecord, b: AttachmentRecord): boolean {
  return a.sha256 === b.sha256 && a.size === b.size && a.dossierId === b.dossierId;
}
