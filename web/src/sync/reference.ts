// Keeps the catalog and the communes on the phone: fetched with If-None-Match when online, read
// from IndexedDB always. A failure here never matters: the last copy stays.
import { getMeta, listProcedures, listUnits, saveCatalog, saveUnits, touchMeta } from '../db/catalog.ts';
import { getCatalog, getUnits, type ApiClient } from './api.ts';

export async function refreshCatalog(api: ApiClient, now = Date.now()): Promise<'updated' | 'current'> {
  const [meta, have] = await Promise.all([getMeta('catalog'), listProcedures()]);
  const answer = await getCatalog(api, have.length ? meta?.etag : undefined);
  if (!answer) {
    await touchMeta('catalog', now);
    return 'current';
  }
  await saveCatalog(answer.catalog.procedures, answer.catalog.version, answer.etag, now);
  return 'updated';
}

export async function refreshUnits(api: ApiClient, now = Date.now()): Promise<'updated' | 'current'> {
  const [meta, have] = await Promise.all([getMeta('units'), listUnits()]);
  const answer = await getUnits(api, have.length ? meta?.etag : undefined);
  if (!answer) {
    await touchMeta('units', now);
    return 'current';
  }
  await saveUnits(answer.units, answer.etag, now);
  return 'updated';
}

export async function refreshReferenceData(api: ApiClient): Promise<void> {
  await Promise.allSettled([refreshCatalog(api), refreshUnits(api)]);
}
