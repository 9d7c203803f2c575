// The phone keeps a finished dossier's copy only for a while (Decree 13/2023: no longer than the
// purpose needs). "Finished" is a final status of the lifecycle: returned (result handed over),
// refused, withdrawn, stopped; `processed` is not, the person still has a result to collect.
// RETENTION_DAYS after the day it finished, at the next app open, the pages, the personal
// fields and the result file are removed; the receipt and the timeline stay (they prove what
// happened and hold nothing the commune did not print on the receipt). NOTICE_DAYS before, the
// dossier screen says so and offers the export. The commune keeps the official record.
import { PHONE_RETENTION_DAYS } from '@hsc/shared/retention';
import type { DossierStatus } from '@hsc/shared/schemas';
import { db } from './db.ts';
import type { DossierRecord } from './types.ts';

export const RETENTION_DAYS = PHONE_RETENTION_DAYS;
export const NOTICE_DAYS = 7;
const DAY = 86_400_000;

const FINAL: readonly DossierStatus[] = ['returned', 'refused', 'withdrawn', 'stopped'];

type Kept = Pick<DossierRecord, 'state' | 'status' | 'timeline' | 'statusCheckedAt' | 'updatedAt' | 'channel' | 'wipedAt'>;

/** When the dossier reached its final status (the timeline's entry for it), or undefined while it runs. */
export function finishedAt(d: Kept): number | undefined {
  if (d.state !== 'received' || !d.status || !FINAL.includes(d.status)) return undefined;
  const entry = [...(d.timeline ?? [])].reverse().find((e) => e.status === d.status);
  return entry ? Date.parse(entry.at) : (d.statusCheckedAt ?? d.updatedAt);
}

/** When the phone's copy goes, or undefined (not finished, a walk-in, already removed). */
export function removalAt(d: Kept, days = RETENTION_DAYS): number | undefined {
  // A walk-in's personal data went as soon as its receipt was held (walkin.ts).
  if (d.channel === 'desk' || d.wipedAt) return undefined;
  const at = finishedAt(d);
  return at === undefined ? undefined : at + days * DAY;
}

/** Whether the dossier screen should say the copy will be removed (and offer the export). */
export function removalSoon(d: Kept, now = Date.now(), days = RETENTION_DAYS): boolean {
  const at = removalAt(d, days);
  return at !== undefined && now >= at - NOTICE_DAYS * DAY;
}

/** Removes the copies whose time has come; run at app open. Returns how many dossiers. */
export async function purgeFinished(now = Date.now(), days = RETENTION_DAYS): Promise<number> {
  const due = (await db.dossiers.where('state').equals('received').toArray()).filter((d) => {
    const at = removalAt(d, days);
    return at !== undefined && at <= now;
  });
  for (const d of due) await removeCopy(d.id, now, days);
  return due.length;
}

async function removeCopy(id: string, now: number, days: number): Promise<void> {
  await db.transaction('rw', db.dossiers, db.attachments, db.results, async () => {
    const d = await db.dossiers.get(id);
    // Looked at again inside the transaction: a newer status may have arrived meanwhile.
    const at = d && removalAt(d, days);
    if (!d || at === undefined || at > now) return;
    await db.dossiers.put({ ...d, applicant: { fullName: '', phone: '', citizenId: '', address: '', email: '' }, fields: {}, wipedAt: now });
    await db.attachments.where('dossierId').equals(id).delete();
    await db.results.delete(id);
  });
}
