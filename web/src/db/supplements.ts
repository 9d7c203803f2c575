// Answers to the commune's supplement requests. Each answer is its own small outbox entry with
// the same states as a dossier; its pages are new AttachmentRecords (the first submission's are
// never touched), so the phone keeps every version it sent.
import type { Receipt, SupplementRequest } from '@hsc/shared/schemas';
import { db, updateWhileIn } from './db.ts';
import { newId } from './ids.ts';
import type { DossierError, DossierState, SupplementRecord } from './types.ts';

export function getSupplement(id: string): Promise<SupplementRecord | undefined> {
  return db.supplements.get(id);
}

/** Every answer of a dossier, oldest first (the history of what was sent). */
export async function listSupplements(dossierId: string): Promise<SupplementRecord[]> {
  return (await db.supplements.where('dossierId').equals(dossierId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * The person starts answering a request: one answer per request, so pressing again (or in a
 * second tab) opens the same one instead of forking it.
 */
export async function startSupplement(dossierId: string, request: SupplementRequest, now = Date.now()): Promise<SupplementRecord> {
  return db.transaction('rw', db.supplements, async () => {
    const existing = (await db.supplements.where('requestId').equals(request.id).toArray()).find((s) => s.dossierId === dossierId);
    if (existing) return existing;
    const record: SupplementRecord = {
      id: newId(),
      dossierId,
      requestId: request.id,
      requestedAt: request.requestedAt,
      items: request.items,
      state: 'draft',
      createdAt: now,
      updatedAt: now,
      attempts: 0,
    };
    await db.supplements.add(record);
    return record;
  });
}

const update = (id: string, changes: Partial<SupplementRecord>, now: number, from: DossierState[]) => updateWhileIn(db.supplements, id, changes, now, from);

/** Send pressed: the answer is frozen and joins the outbox. */
export function queueSupplement(id: string, now = Date.now()) {
  return update(id, { state: 'queued', queuedAt: now, attempts: 0, lastError: undefined, nextAttemptAt: undefined }, now, ['draft']);
}

/** "Try again" on an answer set aside. */
export function retrySupplement(id: string, now = Date.now()) {
  return update(id, { state: 'queued', attempts: 0, nextAttemptAt: undefined }, now, ['attention']);
}

/** The commune refused the content (400): the person changes the pages and sends again. */
export function reopenSupplement(id: string, now = Date.now()) {
  return update(id, { state: 'draft' }, now, ['attention']);
}

// --- used by the sync engine -------------------------------------------------------------

export function listSupplementsByState(state: DossierState): Promise<SupplementRecord[]> {
  return db.supplements.where('state').equals(state).sortBy('queuedAt');
}

export async function requeueInterruptedSupplements(now = Date.now()): Promise<void> {
  await db.supplements.where('state').equals('sending').modify({ state: 'queued', updatedAt: now });
}

export function markSupplementSending(id: string, now = Date.now()) {
  return update(id, { state: 'sending' }, now, ['queued']);
}

export function markSupplementRetry(id: string, error: DossierError, attempts: number, nextAttemptAt: number, now = Date.now()) {
  return update(id, { state: 'queued', lastError: error, attempts, nextAttemptAt }, now, ['sending', 'queued']);
}

export function markSupplementAttention(id: string, error: DossierError, now = Date.now()) {
  return update(id, { state: 'attention', lastError: error }, now, ['sending', 'queued']);
}

/**
 * The commune holds the answer: its new receipt (the clock restarted) becomes the one shown,
 * the dossier's status and due date follow it, and the timeline gains the step; the first
 * receipt stays on the dossier record as history.
 */
export async function markSupplementReceived(id: string, receipt: Receipt, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.supplements, db.dossiers, async () => {
    const s = await db.supplements.get(id);
    if (!s) return false;
    const next: SupplementRecord = { ...s, state: 'received', receipt, updatedAt: now, attempts: 0 };
    delete next.lastError;
    delete next.nextAttemptAt;
    await db.supplements.put(next);
    const d = await db.dossiers.get(s.dossierId);
    if (d) {
      const timeline = [...(d.timeline ?? [])];
      if (!timeline.some((e) => e.at === receipt.receivedAt && e.status === receipt.status)) timeline.push({ status: receipt.status, at: receipt.receivedAt });
      const dossier = { ...d, status: receipt.status, dueAt: receipt.dueAt, timeline, updatedAt: now };
      if (dossier.supplement?.id === s.requestId) delete dossier.supplement;
      await db.dossiers.put(dossier);
    }
    return true;
  });
}

/** The receipt in force: the newest answer's, else the first submission's. */
export function latestReceipt(first: Receipt | undefined, answers: SupplementRecord[]): Receipt | undefined {
  const received = answers.filter((s) => s.receipt).sort((a, b) => a.receipt!.receivedAt.localeCompare(b.receipt!.receivedAt));
  return received.at(-1)?.receipt ?? first;
}
