// Photos of the bank transfer for a fee the commune asked for. The person takes one photo and
// it joins the outbox at once (nothing to fill in); each is its own small outbox entry with the
// states of a dossier, and its page is kept apart from the dossier's own pages.
import { PAYMENT_PROOF_SLOT, type Receipt } from '@hsc/shared/schemas';
import type { NewAttachment } from './attachments.ts';
import { db, updateWhileIn } from './db.ts';
import { newId } from './ids.ts';
import type { AttachmentRecord, DossierError, PaymentProofRecord } from './types.ts';

/** A dossier's transfer photos, oldest first. */
export async function listPaymentProofs(dossierId: string): Promise<PaymentProofRecord[]> {
  return (await db.paymentProofs.where('dossierId').equals(dossierId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/** The photo is stored and queued in one transaction: a crash keeps both or neither. */
export async function addPaymentProof({ slot: _slot, supplementId: _s, ...page }: NewAttachment, now = Date.now()): Promise<PaymentProofRecord> {
  const proofId = newId();
  const attachment: AttachmentRecord = {
    ...page,
    slot: PAYMENT_PROOF_SLOT,
    id: newId(),
    order: 0,
    uploaded: false,
    originalSize: page.originalSize ?? page.size,
    shrunk: page.shrunk ?? false,
    proofId,
  };
  const proof: PaymentProofRecord = { id: proofId, dossierId: page.dossierId, attachmentId: attachment.id, state: 'queued', createdAt: now, updatedAt: now, queuedAt: now, attempts: 0 };
  await db.transaction('rw', db.attachments, db.paymentProofs, async () => {
    await db.attachments.add(attachment);
    await db.paymentProofs.add(proof);
  });
  return proof;
}

export async function proofPage(proof: PaymentProofRecord): Promise<AttachmentRecord[]> {
  const page = await db.attachments.get(proof.attachmentId);
  return page ? [page] : [];
}

const update = (id: string, changes: Partial<PaymentProofRecord>, now: number, from: PaymentProofRecord['state'][]) => updateWhileIn(db.paymentProofs, id, changes, now, from);

/** "Try again" on a photo set aside. */
export const retryPaymentProof = (id: string, now = Date.now()) => update(id, { state: 'queued', attempts: 0, nextAttemptAt: undefined }, now, ['attention']);

// --- used by the sync engine -------------------------------------------------------------

export const listPaymentProofsByState = (state: PaymentProofRecord['state']) => db.paymentProofs.where('state').equals(state).sortBy('queuedAt');

export async function requeueInterruptedPaymentProofs(now = Date.now()): Promise<void> {
  await db.paymentProofs.where('state').equals('sending').modify({ state: 'queued', updatedAt: now });
}

export const markPaymentProofSending = (id: string, now = Date.now()) => update(id, { state: 'sending' }, now, ['queued']);

export const markPaymentProofRetry = (id: string, error: DossierError, attempts: number, nextAttemptAt: number, now = Date.now()) =>
  update(id, { state: 'queued', lastError: error, attempts, nextAttemptAt }, now, ['sending', 'queued']);

export const markPaymentProofAttention = (id: string, error: DossierError, now = Date.now()) => update(id, { state: 'attention', lastError: error }, now, ['sending', 'queued']);

export const markPaymentProofReceived = (id: string, receipt: Receipt, now = Date.now()) =>
  update(id, { state: 'received', receipt, attempts: 0, lastError: undefined, nextAttemptAt: undefined }, now, ['sending', 'queued']);
