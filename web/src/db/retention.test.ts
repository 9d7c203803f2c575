import type { Receipt, TimelineEntry } from '@hsc/shared/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { listAttachments } from './attachments.ts';
import { db } from './db.ts';
import { getDossier } from './dossiers.ts';
import { getResult, saveResult } from './results.ts';
import { NOTICE_DAYS, purgeFinished, removalAt, removalSoon, RETENTION_DAYS } from './retention.ts';
import type { DossierRecord } from './types.ts';

beforeEach(resetDb);

const DAY = 86_400_000;
const FINISHED = Date.parse('2026-03-20T03:00:00Z');
const receipt = { code: 'H19.05716-260310-0001', lookupCode: 'AB12' } as Receipt;

/** A received dossier whose timeline ends in `status` at FINISHED, with two pages and a result. */
async function finished(status: DossierRecord['status'], over: Partial<DossierRecord> = {}): Promise<DossierRecord> {
  const q = await queuedDossier();
  const timeline: TimelineEntry[] = [
    { status: 'registered', at: '2026-03-10T02:00:00.000Z' },
    { status: status!, at: new Date(FINISHED).toISOString() },
  ] as TimelineEntry[];
  const d: DossierRecord = { ...q, state: 'received', receipt, status, timeline, ...over };
  await db.dossiers.put(d);
  await saveResult({ dossierId: d.id, fileName: 'ket-qua.pdf', mediaType: 'application/pdf', size: 3, sha256: 'a'.repeat(64), blob: new Blob(['pdf']), downloadedAt: FINISHED });
  return d;
}

describe('the phone copy of a finished dossier', () => {
  it('is removed at the first app open after N days: pages, personal fields, result file; receipt and timeline stay', async () => {
    const d = await finished('returned');
    expect(removalAt(d)).toBe(FINISHED + RETENTION_DAYS * DAY);
    expect(await purgeFinished(FINISHED + (RETENTION_DAYS - 1) * DAY)).toBe(0);
    expect(await listAttachments(d.id)).toHaveLength(2);

    const at = FINISHED + RETENTION_DAYS * DAY + 1;
    expect(await purgeFinished(at)).toBe(1);
    const after = (await getDossier(d.id))!;
    expect(after.applicant).toEqual({ fullName: '', phone: '', citizenId: '', address: '', email: '' });
    expect(after.fields).toEqual({});
    expect(after.wipedAt).toBe(at);
    expect(after.receipt).toEqual(receipt);
    expect(after.timeline).toEqual(d.timeline);
    expect(after.state).toBe('received');
    expect(await listAttachments(d.id)).toEqual([]);
    expect(await getResult(d.id)).toBeUndefined();
    // Once removed, nothing more to do.
    expect(await purgeFinished(at + 100 * DAY)).toBe(0);
  });

  it('counts refused, withdrawn and stopped as finished; a dossier still running or only processed stays', async () => {
    const kept = [await finished('processed'), await finished('processing'), await finished('accepted')];
    const gone = [await finished('refused'), await finished('withdrawn'), await finished('stopped')];
    expect(await purgeFinished(FINISHED + 365 * DAY)).toBe(3);
    for (const d of kept) expect((await getDossier(d.id))!.applicant.fullName).toBe('Hoàng Thị Lan');
    for (const d of gone) expect((await getDossier(d.id))!.wipedAt).toBeDefined();
  });

  it('leaves walk-ins (already wiped at receipt) and unsent dossiers alone', async () => {
    const walkin = await finished('returned', { channel: 'desk', walkinSession: 's1' });
    const unsent = await queuedDossier('Lò Văn Páo');
    expect(await purgeFinished(FINISHED + 365 * DAY)).toBe(0);
    expect((await getDossier(walkin.id))!.wipedAt).toBeUndefined();
    expect(await listAttachments(unsent.id)).toHaveLength(2);
  });

  it('is announced NOTICE_DAYS before', async () => {
    const d = await finished('returned');
    const removal = FINISHED + RETENTION_DAYS * DAY;
    expect(removalSoon(d, removal - NOTICE_DAYS * DAY - 1)).toBe(false);
    expect(removalSoon(d, removal - NOTICE_DAYS * DAY)).toBe(true);
  });
});
