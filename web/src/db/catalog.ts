// The catalog and the communes, kept on the phone so the app works offline. Fetched by the sync
// room with If-None-Match; a 304 only refreshes `fetchedAt`.
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
