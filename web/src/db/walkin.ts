// Walk-in dossiers on a shared desk device (DESIGN rule 9, Decree 13/2023): each citizen served
// at the desk has a walk-in session; their dossier waits in the same outbox as any other, is
// never shown among the device owner's own dossiers, and once the commune's receipt is held
// its personal data and pages are wiped, leaving only the receipt summary for the desk's day.
import type { Receipt } from '@hsc/shared/schemas';
import { db } from './db.ts';
import { createDraft } from './dossiers.ts';
import { newId } from './ids.ts';
import type { DossierRecord } from './types.ts';

export const newWalkinSession = (): string => newId();

/** A new draft for the citizen of `session`, at the officer's commune. */
export function createWalkinDraft(procedureCode: string, session: string, unitCode: string, now = Date.now()): Promise<DossierRecord> {
  return createDraft(procedureCode, now, { channel: 'desk', walkinSession: session, unitCode });
}

/** Every walk-in on this device, newest first; never a citizen's own dossier. */
export async function listWalkins(): Promise<DossierRecord[]> {
  return (await db.dossiers.orderBy('updatedAt').reverse().toArray()).filter((d) => d.channel === 'desk');
}

/** The dossier of one walk-in session (a session holds one dossier). */
export async function walkinOf(session: string): Promise<DossierRecord | undefined> {
  return db.dossiers.where('walkinSession').equals(session).first();
}

/**
 * The receipt is held: in one transaction, keep it and wipe the rest (name, phone, ID, address,
 * form fields, pages). What remains is what the desk's day list and the printed receipt need.
 */
export async function receiveWalkin(id: string, receipt: Receipt, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.dossiers, db.attachments, async () => {
    const d = await db.dossiers.get(id);
    if (!d) return false;
    const wiped: DossierRecord = {
      ...d,
      state: 'received',
      receipt,
      status: receipt.status,
      dueAt: receipt.dueAt,
      applicant: { fullName: '', phone: '', citizenId: '', address: '', email: '' },
      fields: {},
      attempts: 0,
      updatedAt: now,
      wipedAt: now,
    };
    delete wiped.lastError;
    delete wiped.nextAttemptAt;
    await db.dossiers.put(wiped);
    await db.attachments.where('dossierId').equals(id).delete();
    return true;
  });
}

/**
 * The action id of the walk-in's "accept and print Mẫu 01", made on the first try and kept on
 * the record: a retry (the line dropped before the answer came, the page was reloaded) repeats
 * the same action, and the server answers it with the same Mẫu 01 instead of refusing it.
 */
export async function walkinAcceptId(id: string): Promise<string | undefined> {
  return db.transaction('rw', db.dossiers, async () => {
    const d = await db.dossiers.get(id);
    if (!d) return undefined;
    if (d.deskAcceptId) return d.deskAcceptId;
    const deskAcceptId = newId();
    await db.dossiers.update(id, { deskAcceptId });
    return deskAcceptId;
  });
}
