// Dossiers on the phone: drafts the person edits, the outbox the sync engine works through, and
// the receipts and status timelines that come back. Every write stamps `updatedAt`.
import { normalizePhone } from '@hsc/shared/validate';
import type { DossierStatusResponse, DossierSubmission, Procedure, Receipt } from '@hsc/shared/schemas';
import { db } from './db.ts';
import { carryOver, fieldValues, initialRows } from './draftValues.ts';
import { newDeviceSecret, newId, newLocalRef } from './ids.ts';
import type { AttachmentRecord, DossierError, DossierRecord, SupplementRecord } from './types.ts';

export function getDossier(id: string): Promise<DossierRecord | undefined> {
  return db.dossiers.get(id);
}

/**
 * The person's own dossiers, newest first. Walk-in dossiers an officer started on this device
 * are never among them (DESIGN rule 9): they belong to other people.
 */
export async function listDossiers(): Promise<DossierRecord[]> {
  return (await db.dossiers.orderBy('updatedAt').reverse().toArray()).filter((d) => !d.channel);
}

/**
 * A new draft under the catalog's current version of the procedure, kept on the record so the
 * draft stays on that version. `init`: what a walk-in draft starts with (its channel, session
 * and the officer's commune).
 */
export async function createDraft(procedureCode: string, now = Date.now(), init: Partial<Pick<DossierRecord, 'channel' | 'walkinSession' | 'unitCode'>> = {}): Promise<DossierRecord> {
  return db.transaction('rw', db.procedures, db.dossiers, async () => {
    const procedure = await db.procedures.get(procedureCode);
    const dossier: DossierRecord = {
      id: newId(),
      procedureCode,
      ...(procedure ? { procedure } : {}),
      unitCode: '',
      applicant: { fullName: '', phone: '', citizenId: '', address: '', email: '' },
      fields: procedure ? initialRows(procedure.fields, {}) : {},
      state: 'draft',
      localRef: newLocalRef(),
      deviceSecret: newDeviceSecret(),
      createdAt: now,
      updatedAt: now,
      attempts: 0,
      ...init,
    };
    await db.dossiers.add(dossier);
    return dossier;
  });
}

/**
 * A draft made before procedures had versions takes the version its form is shown in; groups
 * with no rows get their first ones. Nothing is written when there is nothing to add.
 */
export async function pinProcedure(id: string, procedure: Procedure, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d || d.state !== 'draft') return false;
    const pinned = d.procedure ?? procedure;
    const rows = initialRows(pinned.fields, d.fields);
    if (d.procedure && Object.keys(rows).length === 0) return false;
    await db.dossiers.put({ ...d, procedure: pinned, fields: { ...d.fields, ...rows }, updatedAt: now });
    return true;
  });
}

/**
 * The person chose to move the draft to a newer version of its procedure: every value and page
 * the new version still asks for is kept; pages of a document it no longer asks for go.
 */
export async function updateDraftProcedure(id: string, procedure: Procedure, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.dossiers, db.attachments, async () => {
    const d = await db.dossiers.get(id);
    if (!d || d.state !== 'draft') return false;
    const slots = new Set(procedure.documents.map((s) => s.key));
    await db.attachments
      .where('dossierId')
      .equals(id)
      .filter((p) => !p.supplementId && !slots.has(p.slot))
      .delete();
    await db.dossiers.put({ ...d, procedure, fields: carryOver(d.fields, procedure.fields), updatedAt: now });
    return true;
  });
}

/** Form paths the draft editor writes: `unitCode`, `applicant.<key>`, `fields.<key>`. */
export type DraftPath = 'unitCode' | `applicant.${keyof DossierRecord['applicant']}` | `fields.${string}`;

export function readPath(d: Pick<DossierRecord, 'unitCode' | 'applicant' | 'fields'>, path: string): string {
  if (path === 'unitCode') return d.unitCode;
  const [group, key] = splitPath(path);
  // "No phone" (a walk-in's choice) is a box on the form: 'yes' or ''.
  if (group === 'applicant') return key === 'noPhone' ? (d.applicant.noPhone ? 'yes' : '') : (d.applicant[key as Exclude<keyof DossierRecord['applicant'], 'noPhone'>] ?? '');
  if (group === 'fields') return d.fields[key] ?? '';
  return '';
}

function splitPath(path: string): [string, string] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, ''] : [path.slice(0, dot), path.slice(dot + 1)];
}

/**
 * Writes only the changed paths, so two tabs editing different fields of one draft merge
 * instead of forking. Returns false when the dossier is no longer a draft (it was sent).
 */
export async function patchDraft(id: string, patch: Partial<Record<DraftPath, string>>, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d || d.state !== 'draft') return false;
    for (const [path, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const [group, key] = splitPath(path);
      if (path === 'unitCode') d.unitCode = value;
      else if (group === 'applicant' && key === 'noPhone') {
        if (value === 'yes') d.applicant.noPhone = true;
        else delete d.applicant.noPhone;
      } else if (group === 'applicant') (d.applicant as unknown as Record<string, string>)[key] = value;
      // An emptied value (a removed group row's) leaves no trace behind.
      else if (group === 'fields' && key) {
        if (value === '') delete d.fields[key];
        else d.fields[key] = value;
      }
    }
    d.updatedAt = now;
    await db.dossiers.put(d);
    return true;
  });
}

/** The plain forms people mean: no stray spaces, phone as 0xxxxxxxxx, ID digits only. */
export function normalizeForSend(d: Pick<DossierRecord, 'unitCode' | 'applicant' | 'fields'>): Pick<DossierRecord, 'unitCode' | 'applicant' | 'fields'> {
  const email = d.applicant.email?.trim() ?? '';
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.fields)) if (v.trim()) fields[k] = v.trim();
  return {
    unitCode: d.unitCode.trim(),
    applicant: {
      fullName: d.applicant.fullName.trim().replace(/\s+/g, ' '),
      // "No phone" drops whatever was typed before the box was ticked: no number goes with it.
      phone: d.applicant.noPhone ? '' : normalizePhone(d.applicant.phone.trim()),
      citizenId: d.applicant.citizenId.replace(/\s/g, ''),
      address: d.applicant.address.trim(),
      ...(email ? { email } : {}),
      ...(d.applicant.noPhone ? { noPhone: true as const } : {}),
    },
    fields,
  };
}

/**
 * The body of `PUT /api/dossiers/:id`; the same stored dossier always gives the same body. It
 * names the version the draft was filled in, and carries only what that version's form shows.
 */
export function toSubmission(d: Pick<DossierRecord, 'procedureCode' | 'procedure' | 'unitCode' | 'applicant' | 'fields'>, attachments: AttachmentRecord[]): DossierSubmission {
  return {
    procedureCode: d.procedureCode,
    ...(d.procedure ? { procedureVersion: d.procedure.version } : {}),
    unitCode: d.unitCode,
    applicant: d.applicant,
    fields: fieldValues(d.fields, d.procedure?.fields),
    attachments: attachments.map((a) => ({ id: a.id, slot: a.slot, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256 })),
  };
}

/** Send pressed: the draft is frozen (normalised, its procedure version pinned) and joins the outbox. */
export async function queueDossier(id: string, now = Date.now()): Promise<DossierRecord> {
  return db.transaction('rw', db.dossiers, db.procedures, async () => {
    const d = await db.dossiers.get(id);
    if (!d) throw new Error(`no dossier ${id}`);
    if (d.state !== 'draft') return d;
    const procedure = d.procedure ?? (await db.procedures.get(d.procedureCode));
    const queued: DossierRecord = { ...d, ...(procedure ? { procedure } : {}), ...normalizeForSend(d), state: 'queued', queuedAt: now, updatedAt: now, attempts: 0 };
    delete queued.lastError;
    delete queued.nextAttemptAt;
    await db.dossiers.put(queued);
    return queued;
  });
}

export async function deleteDossier(id: string): Promise<void> {
  await db.transaction('rw', [db.dossiers, db.attachments, db.supplements, db.paymentProofs, db.results], async () => {
    await db.attachments.where('dossierId').equals(id).delete();
    await db.supplements.where('dossierId').equals(id).delete();
    await db.paymentProofs.where('dossierId').equals(id).delete();
    await db.results.delete(id);
    await db.dossiers.delete(id);
  });
}

// --- used by the sync engine -------------------------------------------------------------

export function listByState(state: DossierRecord['state']): Promise<DossierRecord[]> {
  return db.dossiers.where('state').equals(state).sortBy('queuedAt');
}

/** A tab killed mid-send leaves 'sending' behind; it is simply queued again. */
export async function requeueInterrupted(now = Date.now()): Promise<void> {
  await db.dossiers.where('state').equals('sending').modify({ state: 'queued', updatedAt: now });
}

async function update(id: string, changes: Partial<DossierRecord>, now: number, from?: DossierRecord['state'][]): Promise<boolean> {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d || (from && !from.includes(d.state))) return false;
    await db.dossiers.put({ ...d, ...changes, updatedAt: now });
    return true;
  });
}

export function markSending(id: string, now = Date.now()) {
  return update(id, { state: 'sending' }, now, ['queued']);
}

export async function markReceived(id: string, receipt: Receipt, now = Date.now()) {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d) return false;
    const next: DossierRecord = { ...d, state: 'received', receipt, status: receipt.status, dueAt: receipt.dueAt, updatedAt: now, attempts: 0 };
    delete next.lastError;
    delete next.nextAttemptAt;
    next.timeline ??= [{ status: receipt.status, at: receipt.receivedAt }];
    await db.dossiers.put(next);
    return true;
  });
}

/** A temporary failure: stays in the outbox and is tried again at `nextAttemptAt`. */
export function markRetry(id: string, error: DossierError, attempts: number, nextAttemptAt: number, now = Date.now()) {
  return update(id, { state: 'queued', lastError: error, attempts, nextAttemptAt }, now, ['sending', 'queued']);
}

/** A failure that retrying cannot fix: set aside with the reason, never retried by itself. */
export function markAttention(id: string, error: DossierError, now = Date.now()) {
  return update(id, { state: 'attention', lastError: error }, now, ['sending', 'queued']);
}

/** The commune's view of a received dossier: status, due date in force, open request, result. */
export async function saveStatus(id: string, s: DossierStatusResponse, now = Date.now()) {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d || d.state !== 'received') return false;
    const next: DossierRecord = { ...d, receipt: s.receipt, status: s.status, dueAt: s.dueAt, timeline: s.timeline, statusCheckedAt: now, updatedAt: now };
    // Only what the status says now: an answered request or a withdrawn result goes away.
    if (s.supplement) next.supplement = s.supplement;
    else delete next.supplement;
    if (s.result) next.result = s.result;
    else delete next.result;
    if (s.payment) next.payment = s.payment;
    else delete next.payment;
    // A signed form is never withdrawn: a status without them (an older server) keeps the kept ones.
    if (s.decisions) next.decisions = s.decisions;
    // The decision in words is only the latest one: it goes when the server no longer reports it.
    if (s.decision) next.decision = s.decision;
    else delete next.decision;
    await db.dossiers.put(next);
    return true;
  });
}

/** "Try again" on a dossier that needs attention. */
export async function retryDossier(id: string, now = Date.now()) {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d || d.state !== 'attention') return false;
    const next: DossierRecord = { ...d, state: 'queued', attempts: 0, updatedAt: now };
    delete next.nextAttemptAt;
    await db.dossiers.put(next);
    return true;
  });
}

/** The commune refused the content (400): the person fixes it in the form and sends again. */
export function reopenDraft(id: string, now = Date.now()) {
  return update(id, { state: 'draft' }, now, ['attention']);
}

/**
 * The commune holds a different dossier under this id (409): send this one under fresh ids,
 * so it can never be mistaken for the other. Pages are uploaded again under their new ids.
 */
export async function resendAsNew(id: string, now = Date.now()): Promise<string | null> {
  return db.transaction('rw', db.dossiers, db.attachments, async () => {
    const d = await db.dossiers.get(id);
    if (!d || d.state !== 'attention') return null;
    const fresh: DossierRecord = { ...d, id: newId(), deviceSecret: newDeviceSecret(), state: 'queued', attempts: 0, queuedAt: now, updatedAt: now };
    delete fresh.lastError;
    delete fresh.nextAttemptAt;
    const pages = await db.attachments.where('dossierId').equals(id).toArray();
    await db.dossiers.add(fresh);
    for (const p of pages) {
      const copy: AttachmentRecord = { ...p, id: newId(), dossierId: fresh.id, uploaded: false };
      delete copy.uploadUrl;
      await db.attachments.add(copy);
    }
    await db.attachments.where('dossierId').equals(id).delete();
    await db.dossiers.delete(id);
    return fresh.id;
  });
}

/** Dossiers that have not reached the commune yet (drafts aside): the update banner names them. */
export async function countUnsent(): Promise<number> {
  const unsent = ['queued', 'sending', 'attention'];
  // Answers to supplement requests and transfer photos waiting in the outbox count too: they are the person's work.
  const counts = await Promise.all([db.dossiers, db.supplements, db.paymentProofs].map((t) => t.where('state').anyOf(unsent).count()));
  return counts.reduce((a, b) => a + b, 0);
}

// --- used by import from a dossier file ----------------------------------------------------

export type RestoreOutcome = { ok: true } | { ok: false; existing: DossierRecord | undefined };

/**
 * Adds a dossier brought from another device with its own ids. Refused, changing nothing, when
 * this phone already holds the dossier or any of its pages: the person would otherwise have two
 * copies of one dossier, each able to send it.
 */
export async function restoreDossier(dossier: DossierRecord, pages: AttachmentRecord[], supplements: SupplementRecord[] = []): Promise<RestoreOutcome> {
  return db.transaction('rw', db.dossiers, db.attachments, db.supplements, async () => {
    const existing = await db.dossiers.get(dossier.id);
    const clash = existing ?? (await db.attachments.bulkGet(pages.map((p) => p.id))).find(Boolean);
    if (clash) return { ok: false, existing: existing ?? (await db.dossiers.get((clash as AttachmentRecord).dossierId)) };
    await db.dossiers.add(dossier);
    await db.attachments.bulkAdd(pages);
    await db.supplements.bulkAdd(supplements);
    return { ok: true };
  });
}
