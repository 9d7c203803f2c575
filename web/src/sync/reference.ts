// Keeps the catalog and the communes on the phone: fetched with If-None-Match when online, read
// from IndexedDB always. A failure here never matters: the last copy stays. The catalog is asked
// for by the version the phone holds, so a changed procedure costs its own bytes, not the list's.
import { applyCatalogDelta, countProcedures, getMeta, listUnits, saveCatalog, saveUnits, touchMeta } from '../db/catalog.ts';
import { getCatalog, getUnits, type ApiClient } from './api.ts';

export async function refreshCatalog(api: ApiClient, now = Date.now()): Promise<'updated' | 'current'> {
  const [meta, count] = await Promise.all([getMeta('catalog'), countProcedures()]);
  // A phone with nothing asks for the whole list; one with a catalog asks what changed since its
  // version. A version the server never issues (an older server's content hash) is not sent:
  // that phone revalidates the whole list by its ETag instead.
  const since = count > 0 && meta?.version && /^\d{1,12}$/.test(meta.version) ? meta.version : undefined;
  const answer = await getCatalog(api, count > 0 ? { etag: meta?.etag, since } : {});
  if (!answer) {
    await touchMeta('catalog', now);
    return 'current';
  }
  const { catalog, etag } = answer;
  if (catalog.delta) {
    // A delta is only meaningful against the version it was asked for.
    if (since === undefined) throw new Error('catalog: a delta answer to a full request');
    const retired = catalog.retired ?? [];
    if (catalog.version === since && catalog.procedures.length === 0 && retired.length === 0) {
      await touchMeta('catalog', now);
      return 'current';
    }
    // Not applied when another tab moved the phone to a newer version meanwhile: nothing lost.
    return (await applyCatalogDelta({ procedures: catalog.procedures, retired, version: catalog.version }, since, etag, now)) ? 'updated' : 'current';
  }
  await saveCatalog(catalog.procedures, catalog.version, etag, now);
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
