// The Store contract: what every adapter must do, run against each of them
// (store.sqlite.test.ts, store.postgres.test.ts).
import { randomUUID } from 'node:crypto';
import { SEED_PROCEDURES } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seed } from '../../src/services/seed.ts';
import type { AttachmentRecord, NewDossier, Store } from '../../src/store/store.ts';
import type { StoreHarness } from '../support/stores.ts';

const NOW = '2026-03-10T02:00:00.000Z';

function newDossier(over: Partial<NewDossier> = {}): NewDossier {
  const id = randomUUID();
  return {
    id,
    agencyId: `T.${randomUUID().slice(0, 8)}`,
    day: '2026-03-10',
    lookupCode: 'ABCD',
    unitCode: '05518',
    procedureCode: '2.000884',
    procedureVersion: 1,
    status: 'registered',
    body: '{}',
    bodyHash: 'h',
    secretHash: 's',
    receivedAt: NOW,
    dueAt: NOW,
    channel: 'online',
    documents: [],
    search: (code) => ` ${code} `,
    issue: (n) => ({ code: `${over.agencyId ?? 'X'}-${id}-${n}`, receipt: JSON.stringify({ id, n, note: 'Đã nhận ✓' }) }),
    ...over,
  };
}

/** The sequence number a dossier was given, read back from the receipt its issue() wrote. */
const seqOf = (receipt: string) => (JSON.parse(receipt) as { n: number }).n;

function attachment(over: Partial<AttachmentRecord> = {}): AttachmentRecord {
  const id = randomUUID();
  return { id, dossierId: randomUUID(), sha256: 'a'.repeat(64), size: 3_000_000_000, mediaType: 'image/jpeg', fileName: 'ảnh.jpg', path: `${id.slice(0, 2)}/${id}`, storedAt: NOW, ...over };
}

export function describeStoreContract(makeHarness: () => Promise<StoreHarness>) {
  let harness: StoreHarness;
  let store: Store;

  beforeAll(async () => {
    harness = await makeHarness();
    store = harness.open();
    await store.migrate();
    await seed(store, new Date(NOW));
  });
  afterAll(async () => {
    await store?.close();
    await harness?.close();
  });

  describe('Store contract', () => {
    test('migrations and seeds are idempotent: the seed procedures in catalog order as version 1, 92 units', async () => {
      const version = await store.catalog.version();
      await store.migrate();
      await seed(store, new Date(NOW));
      expect(await store.catalog.version()).toBe(version);
      const procedures = await store.catalog.published();
      expect(procedures.map((p) => p.code)).toEqual(SEED_PROCEDURES.map((p) => p.code));
      expect(await store.listUnits()).toHaveLength(92);
      expect(await store.catalog.getVersion('1.001193', 1)).toEqual({ ...SEED_PROCEDURES[0], version: 1 });
      expect(await store.catalog.getVersion('1.001193', 2)).toBeUndefined();
      expect(await store.catalog.get('9.999999')).toBeUndefined();
    });

    test('units get the default agency id, which can be changed and survives reseeding', async () => {
      expect(await store.getUnit('05533')).toMatchObject({ code: '05533', type: 'ward', agencyId: 'H19.05533' });
      await store.setAgencyId('05533', 'H19.99.1');
      await seed(store, new Date(NOW));
      expect((await store.getUnit('05533'))?.agencyId).toBe('H19.99.1');
      await store.setAgencyId('05533', 'H19.05533');
    });

    test('an attachment row is written once; a replacement overwrites it; big sizes survive', async () => {
      const a = attachment();
      expect(await store.putAttachment(a)).toEqual(a);
      expect(await store.putAttachment({ ...a, sha256: 'b'.repeat(64) })).toEqual(a);
      const replaced = { ...a, sha256: 'c'.repeat(64), size: 5 };
      expect(await store.replaceAttachment(replaced)).toEqual(replaced);
      expect(await store.getAttachments([replaced.id, randomUUID()])).toEqual([replaced]);
      expect(await store.getAttachments([])).toEqual([]);
    });

    test('a dossier is stored with its first timeline entry; the receipt text comes back byte for byte', async () => {
      const d = newDossier();
      const result = await store.createDossier(d);
      expect(result.created).toBe(true);
      const stored = await store.getDossier(d.id);
      expect(stored?.receipt).toBe(JSON.stringify({ id: d.id, n: 1, note: 'Đã nhận ✓' }));
      expect(await store.getDossierByCode(stored!.code)).toEqual(stored);
      expect(await store.timeline(d.id)).toEqual([{ status: 'registered', at: NOW }]);
    });

    test('the daily sequence counts per agency and per day', async () => {
      const agencyId = `A.${randomUUID().slice(0, 8)}`;
      const make = async (over: Partial<NewDossier>) => {
        const r = await store.createDossier(newDossier({ agencyId, ...over }));
        if (!r.created) throw new Error('not created');
        return seqOf(r.dossier.receipt);
      };
      expect([await make({}), await make({}), await make({})]).toEqual([1, 2, 3]);
      expect(await make({ day: '2026-03-11' })).toBe(1);
      expect(await make({ agencyId: `${agencyId}.other` })).toBe(1);
      expect(await make({})).toBe(4);
    });

    test('an existing id is not inserted again and does not use up a number', async () => {
      const agencyId = `B.${randomUUID().slice(0, 8)}`;
      const first = newDossier({ agencyId });
      await store.createDossier(first);
      expect(await store.createDossier(newDossier({ agencyId, id: first.id }))).toEqual({ created: false });
      const next = await store.createDossier(newDossier({ agencyId }));
      expect(next.created && seqOf(next.dossier.receipt)).toBe(2);
      expect(await store.timeline(first.id)).toHaveLength(1);
    });

    test('concurrent inserts get distinct, consecutive numbers', async () => {
      const agencyId = `C.${randomUUID().slice(0, 8)}`;
      const results = await Promise.all(Array.from({ length: 30 }, () => store.createDossier(newDossier({ agencyId }))));
      const numbers = results.map((r) => (r.created ? seqOf(r.dossier.receipt) : 0)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });

    test('concurrent inserts of one id: exactly one is created', async () => {
      const d = newDossier();
      const results = await Promise.all(Array.from({ length: 5 }, () => store.createDossier({ ...d })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });
  });

  return { harness: () => harness };
}
