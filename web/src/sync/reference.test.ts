import { SEED_CATALOG } from '@hsc/shared/catalog';
import type { Procedure } from '@hsc/shared/schemas';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta, getProcedure, listProcedures, listUnits, saveCatalog } from '../db/catalog.ts';
import { resetDb, UNITS } from '../test-utils/fixtures.ts';
import type { Fetch } from './api.ts';
import { refreshCatalog, refreshReferenceData } from './reference.ts';

beforeEach(resetDb);

/**
 * The catalog API as the server keeps it: an integer version that each publication or
 * retirement raises, the whole list with ETag `"<version>"` (304 when it matches), and `?since=`
 * answered with what changed after that version, possibly nothing (or the whole list, `delta:
 * false`, when it does not know that version); a `since` answer carries no ETag.
 */
class CatalogServer {
  version = 1;
  readonly requests: { since: string | null; ifNoneMatch: string | null; status: number; body?: { procedures: Procedure[]; retired?: string[]; delta?: boolean } }[] = [];
  private readonly current = new Map<string, Procedure>();
  private readonly changedAt = new Map<string, number>();
  private readonly retiredAt = new Map<string, number>();

  constructor(procedures: Procedure[]) {
    for (const p of procedures) {
      this.current.set(p.code, p);
      this.changedAt.set(p.code, 1);
    }
  }

  publish(p: Omit<Procedure, 'version'>): void {
    this.version += 1;
    this.current.set(p.code, { ...p, version: (this.current.get(p.code)?.version ?? 0) + 1 });
    this.changedAt.set(p.code, this.version);
    this.retiredAt.delete(p.code);
  }

  retire(code: string): void {
    this.version += 1;
    this.current.delete(code);
    this.retiredAt.set(code, this.version);
  }

  readonly fetch: Fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname === '/api/units') return Response.json({ units: UNITS }, { headers: { etag: '"units-1"' } });
    const ifNoneMatch = new Headers(init?.headers).get('if-none-match');
    const since = url.searchParams.get('since');
    const etag = `"${this.version}"`;
    if (since === null && ifNoneMatch === etag) {
      this.requests.push({ since, ifNoneMatch, status: 304 });
      return new Response(null, { status: 304 });
    }
    const known = since !== null && /^\d+$/.test(since) && Number(since) >= 1 && Number(since) <= this.version;
    const body = known
      ? {
          version: String(this.version),
          procedures: [...this.current.values()].filter((p) => this.changedAt.get(p.code)! > Number(since)),
          retired: [...this.retiredAt].filter(([, v]) => v > Number(since)).map(([code]) => code),
          delta: true,
        }
      : { version: String(this.version), procedures: [...this.current.values()], delta: false };
    this.requests.push({ since, ifNoneMatch, status: 200, body });
    return Response.json(body, { headers: since === null ? { etag } : {} });
  };

  api = { fetch: this.fetch, base: 'http://x' };
}

const signature = SEED_CATALOG.find((p) => p.code === '2.000884')!;
const contract = SEED_CATALOG.find((p) => p.code === '2.001035')!;
const newProcedure: Omit<Procedure, 'version'> = { ...signature, code: '9.000001', name: { vi: 'Xác nhận hộ nghèo', en: 'Poor household certificate' } };

describe('the catalog on the phone', () => {
  it('is fetched whole by a phone that has nothing, then revalidated by its version and ETag', async () => {
    const server = new CatalogServer(SEED_CATALOG);
    await refreshReferenceData(server.api);
    expect(await listProcedures()).toHaveLength(SEED_CATALOG.length);
    expect(await listUnits()).toHaveLength(UNITS.length);
    expect(server.requests[0]).toMatchObject({ since: null, ifNoneMatch: null, status: 200 });
    expect(await getMeta('catalog')).toMatchObject({ version: '1', etag: '"1"' });

    expect(await refreshCatalog(server.api)).toBe('current');
    expect(server.requests.at(-1)).toMatchObject({ since: '1', status: 200, body: { procedures: [], retired: [], delta: true } });
    expect(await listProcedures()).toHaveLength(SEED_CATALOG.length);
  });

  it('takes only what changed: the changed and added procedures replace theirs, the retired go', async () => {
    const server = new CatalogServer(SEED_CATALOG);
    await refreshCatalog(server.api);
    server.publish({ ...signature, fee: { vi: '15.000 đồng', en: '15,000 VND' } });
    server.publish(newProcedure);
    server.retire(contract.code);

    expect(await refreshCatalog(server.api)).toBe('updated');
    const asked = server.requests.at(-1)!;
    expect(asked).toMatchObject({ since: '1', status: 200 });
    expect(asked.body?.delta).toBe(true);
    expect(asked.body?.procedures.map((p) => p.code).sort()).toEqual(['2.000884', '9.000001']);
    expect(asked.body?.retired).toEqual(['2.001035']);

    expect((await getProcedure('2.000884'))?.fee.vi).toBe('15.000 đồng');
    expect((await getProcedure('2.000884'))?.version).toBe(2);
    expect((await getProcedure('9.000001'))?.name.vi).toBe('Xác nhận hộ nghèo');
    expect(await getProcedure('2.001035')).toBeNull();
    expect(await getProcedure('1.001193')).toEqual(SEED_CATALOG.find((p) => p.code === '1.001193'));
    expect(await listProcedures()).toHaveLength(SEED_CATALOG.length);
    expect((await getMeta('catalog'))?.version).toBe('4');

    expect(await refreshCatalog(server.api)).toBe('current');
    expect(server.requests.at(-1)).toMatchObject({ since: '4', body: { procedures: [], retired: [] } });
  });

  it('is replaced whole when the server does not know the version the phone holds', async () => {
    const server = new CatalogServer(SEED_CATALOG);
    // A phone that synced with a server whose catalog was since rebuilt from a file.
    const gone = { ...signature, code: '9.999999' };
    await saveCatalog([...SEED_CATALOG.slice(0, 3), gone], '57', undefined);

    expect(await refreshCatalog(server.api)).toBe('updated');
    expect(server.requests.at(-1)).toMatchObject({ since: '57', status: 200 });
    expect(server.requests.at(-1)?.body?.delta).toBe(false);
    expect((await listProcedures()).map((p) => p.code).sort()).toEqual(SEED_CATALOG.map((p) => p.code).sort());
    expect((await getMeta('catalog'))?.version).toBe('1');
  });

  it('revalidates by ETag alone when its version is an older server’s content hash', async () => {
    const server = new CatalogServer(SEED_CATALOG);
    await saveCatalog(SEED_CATALOG.slice(0, 3), '5f3a9c0e7d21b4aa', '"5f3a9c0e7d21b4aa"');

    expect(await refreshCatalog(server.api)).toBe('updated');
    expect(server.requests.at(-1)).toMatchObject({ since: null, ifNoneMatch: '"5f3a9c0e7d21b4aa"', status: 200 });
    expect(await listProcedures()).toHaveLength(SEED_CATALOG.length);
    expect(await getMeta('catalog')).toMatchObject({ version: '1', etag: '"1"' });

    // The same phone, had its ETag still been the server's: a 304, and nothing is fetched.
    await saveCatalog(SEED_CATALOG.slice(0, 3), '5f3a9c0e7d21b4aa', '"1"');
    expect(await refreshCatalog(server.api)).toBe('current');
    expect(server.requests.at(-1)).toMatchObject({ since: null, ifNoneMatch: '"1"', status: 304 });
    expect(await listProcedures()).toHaveLength(3);
  });

  it('never shows half a change: the screens see the old catalog or the new one', async () => {
    const server = new CatalogServer(SEED_CATALOG);
    await refreshCatalog(server.api);
    const seen: string[] = [];
    const subscription = liveQuery(async () => {
      const [codes, meta] = await Promise.all([listProcedures(), getMeta('catalog')]);
      return `${meta?.version}:${codes.map((p) => `${p.code}@${p.version}`).sort().join(',')}`;
    }).subscribe({ next: (v) => seen.push(v) });
    await new Promise((r) => setTimeout(r, 20));

    server.publish({ ...signature, fee: { vi: '15.000 đồng', en: '15,000 VND' } });
    server.publish(newProcedure);
    server.retire(contract.code);
    await refreshCatalog(server.api);
    await new Promise((r) => setTimeout(r, 50));
    subscription.unsubscribe();

    const before = `1:${SEED_CATALOG.map((p) => `${p.code}@1`).sort().join(',')}`;
    const after = `4:${[...SEED_CATALOG.filter((p) => p.code !== '2.001035').map((p) => `${p.code}@${p.code === '2.000884' ? 2 : 1}`), '9.000001@1'].sort().join(',')}`;
    expect(seen[0]).toBe(before);
    expect(seen.at(-1)).toBe(after);
    expect(seen.every((s) => s === before || s === after)).toBe(true);
  });

  it('keeps a newer catalog another tab saved while this tab’s older answer was on its way', async () => {
    const server = new CatalogServer(SEED_CATALOG);
    await refreshCatalog(server.api);
    server.publish({ ...signature, fee: { vi: 'hai', en: 'two' } });
    // This tab's answer (version 2) is slow; meanwhile version 3 is published and another tab applies it.
    const slowTab: Fetch = async (input, init) => {
      const answer = await server.fetch(input, init);
      server.publish({ ...signature, fee: { vi: 'ba', en: 'three' } });
      expect(await refreshCatalog(server.api)).toBe('updated');
      return answer;
    };

    expect(await refreshCatalog({ fetch: slowTab, base: 'http://x' })).toBe('current');
    expect((await getProcedure('2.000884'))?.fee.vi).toBe('ba');
    expect((await getMeta('catalog'))?.version).toBe('3');
  });

  it('stays as it was when the network fails', async () => {
    await refreshReferenceData(new CatalogServer(SEED_CATALOG).api);
    const failing: Fetch = async () => {
      throw new TypeError('offline');
    };
    await refreshReferenceData({ fetch: failing, base: 'http://x' });
    expect(await listProcedures()).toHaveLength(SEED_CATALOG.length);
    expect(await listUnits()).toHaveLength(UNITS.length);
  });
});
