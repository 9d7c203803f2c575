// DESIGN rule 10: a phone that last ran schema v1 opens with today's app and keeps everything.
// The v1 schema is written out here as it shipped, independent of db.ts.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HscDatabase } from './db.ts';

const NAME = 'hsc-migration-test';

class V1Database extends Dexie {
  constructor() {
    super(NAME);
    this.version(1).stores({
      procedures: 'code',
      units: 'code',
      meta: 'key',
      dossiers: 'id, state, updatedAt',
      attachments: 'id, dossierId, [dossierId+slot]',
      settings: 'key',
    });
  }
}

/** Schema v2 as it shipped (shrunk pages, leases). */
class V2Database extends V1Database {
  constructor() {
    super();
    this.version(2).stores({ leases: 'name' });
  }
}

const DOSSIER = {
  id: '5b0f6a4e-8f7c-4d55-9a43-3f2a9a1d2c11',
  procedureCode: '2.000884',
  unitCode: '05716',
  applicant: { fullName: 'Hoàng Thị Lan', phone: '0912345678', citizenId: '019123456789', address: 'Võ Nhai', email: '' },
  fields: { documentName: 'Giấy ủy quyền' },
  state: 'queued',
  localRef: 'HS-7K3Q',
  deviceSecret: 'a'.repeat(64),
  createdAt: 1000,
  updatedAt: 2000,
  queuedAt: 2000,
  attempts: 2,
  nextAttemptAt: 9000,
};
const PAGE = {
  id: '0c2e3c9e-1b7a-4b8e-8f6d-6b1a2d3e4f50',
  dossierId: DOSSIER.id,
  slot: 'idCard',
  order: 0,
  fileName: 'can-cuoc.jpg',
  mediaType: 'image/jpeg',
  size: 11,
  sha256: 'b'.repeat(64),
  uploadUrl: 'http://commune.test/api/uploads/abc',
  uploaded: false,
};

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema v1 → current', () => {
  it('keeps dossiers, pages (bytes and upload URL), settings and catalog, and fills the v2 fields', async () => {
    const v1 = new V1Database();
    await v1.table('dossiers').add(DOSSIER);
    await v1.table('attachments').add({ ...PAGE, blob: new Blob(['photo bytes'], { type: 'image/jpeg' }) });
    await v1.table('settings').put({ key: 'app', language: 'en', privacyAcceptedAt: 42 });
    await v1.table('meta').put({ key: 'catalog', version: 'v7', etag: '"e"', fetchedAt: 5 });
    v1.close();

    const current = new HscDatabase(NAME);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(2);

    expect(await current.dossiers.get(DOSSIER.id)).toEqual(DOSSIER);
    const page = await current.attachments.get(PAGE.id);
    expect(page).toMatchObject({ ...PAGE, originalSize: 11, shrunk: false });
    expect(await page!.blob.text()).toBe('photo bytes');
    expect(await current.attachments.where('[dossierId+slot]').equals([DOSSIER.id, 'idCard']).count()).toBe(1);
    expect(await current.settings.get('app')).toEqual({ key: 'app', language: 'en', privacyAcceptedAt: 42 });
    expect(await current.meta.get('catalog')).toEqual({ key: 'catalog', version: 'v7', etag: '"e"', fetchedAt: 5 });
    // The new table is there and usable.
    await current.leases.put({ name: 'hsc-sync', owner: 'tab', expiresAt: 1 });
    expect(await current.leases.count()).toBe(1);
    current.close();
  });
});

describe('schema v2 → current', () => {
  it('keeps a received dossier and its pages, and the v3 tables and indexes work on them', async () => {
    const v2 = new V2Database();
    const received = { ...DOSSIER, state: 'received', receipt: { code: 'H19.05716-261126-0001' }, status: 'accepted' };
    await v2.table('dossiers').add(received);
    await v2.table('attachments').add({ ...PAGE, uploaded: true, originalSize: 40, shrunk: true, blob: new Blob(['photo bytes'], { type: 'image/jpeg' }) });
    await v2.table('leases').put({ name: 'hsc-sync', owner: 'tab', expiresAt: 1 });
    v2.close();

    const current = new HscDatabase(NAME);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(3);
    // A v2 dossier is the person's own: no channel, no walk-in session.
    expect(await current.dossiers.get(DOSSIER.id)).toEqual(received);
    expect(await current.attachments.get(PAGE.id)).toMatchObject({ ...PAGE, uploaded: true, originalSize: 40, shrunk: true });
    expect(await current.leases.count()).toBe(1);
    // The first submission's pages are not taken for a supplement's.
    expect(await current.attachments.where('supplementId').equals('x').count()).toBe(0);
    expect(await current.dossiers.where('walkinSession').equals('x').count()).toBe(0);

    await current.supplements.add({ id: 's1', dossierId: DOSSIER.id, requestId: 'r1', requestedAt: '2026-11-26T04:00:00.000Z', items: [], state: 'draft', createdAt: 1, updatedAt: 1, attempts: 0 });
    await current.results.put({ dossierId: DOSSIER.id, fileName: 'kq.pdf', mediaType: 'application/pdf', size: 3, sha256: 'c'.repeat(64), blob: new Blob(['pdf']), downloadedAt: 2 });
    expect(await current.supplements.where('dossierId').equals(DOSSIER.id).count()).toBe(1);
    expect(await current.results.count()).toBe(1);
    current.close();
  });
});
