// The catalog and the communes, kept on the phone so the app works offline. Fetched by the sync
// room with If-None-Match (the catalog with `?since=` its version); a 304 only refreshes `fetchedAt`.
import { db } from './db.ts';
import type { MetaRecord, Procedure, Unit } from './types.ts';

export function getMeta(key: MetaRecord['key']): Promise<MetaRecord | undefined> {
  return db.meta.get(key);
}

export async function saveCatalog(procedures: Procedure[], version: string, etag: string | undefined, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.procedures, db.meta, async () => {
    await db.procedures.clear();
    await db.procedures.bulkPut(procedures);
    await db.meta.put({ key: 'catalog', version, etag, fetchedAt: now });
  });
}

/**
 * Applies what changed since the version the phone holds, in one transaction: the changed and
 * added procedures replace theirs, the retired ones go. `false` (nothing written) when the phone
 * no longer holds `since`, e.g. another tab applied a newer answer first.
 */
export async function applyCatalogDelta(
  delta: { procedures: Procedure[]; retired: string[]; version: string },
  since: string,
  etag: string | undefined,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.procedures, db.meta, async () => {
    if ((await db.meta.get('catalog'))?.version !== since) return false;
    await db.procedures.bulkDelete(delta.retired);
    await db.procedures.bulkPut(delta.procedures);
    await db.meta.put({ key: 'catalog', version: delta.version, etag, fetchedAt: now });
    return true;
  });
}

export async function saveUnits(units: Unit[], etag: string | undefined, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.units, db.meta, async () => {
    await db.units.clear();
    await db.units.bulkPut(units);
    await db.meta.put({ key: 'units', etag, fetchedAt: now });
  });
}

export async function touchMeta(key: MetaRecord['key'], now = Date.now()): Promise<void> {
  await db.meta.update(key, { fetchedAt: now });
}

export function countProcedures(): Promise<number> {
  return db.procedures.count();
}

export function listProcedures(): Promise<Procedure[]> {
  return db.procedures.toArray();
}

export async function getProcedure(code: string): Promise<Procedure | null> {
  return (await db.procedures.get(code)) ?? null;
}

export function listUnits(): Promise<Unit[]> {
  return db.units.toArray();
}

export async function getUnit(code: string): Promise<Unit | null> {
  return (await db.units.get(code)) ?? null;
}
