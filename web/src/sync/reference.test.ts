import { SEED_CATALOG } from '@hsc/shared/catalog';
import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta, listProcedures, listUnits } from '../db/catalog.ts';
import { resetDb, UNITS } from '../test-utils/fixtures.ts';
import type { Fetch } from './api.ts';
import { refreshCatalog, refreshReferenceData } from './reference.ts';

beforeEach(resetDb);

function server(etag = '"v1"') {
  const seen: (string | null)[] = [];
  const fetch: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const inm = new Headers(init?.headers).get('if-none-match');
    seen.push(inm);
    if (inm === etag) return new Response(null, { status: 304 });
    const body = url.pathname === '/api/units' ? { units: UNITS } : { version: 'v1', procedures: SEED_CATALOG };
    return new Response(JSON.stringify(body), { status: 200, headers: { etag } });
  };
  return { fetch, seen };
}

describe('catalog and communes on the phone', () => {
  it('are fetched once, then revalidated with If-None-Match', async () => {
    const s = server();
    const api = { fetch: s.fetch, base: 'http://x' };
    await refreshReferenceData(api);
    expect((await listProcedures()).length).toBe(SEED_CATALOG.length);
    expect(await listUnits()).toHaveLength(UNITS.length);
    expect((await getMeta('catalog'))?.version).toBe('v1');

    expect(await refreshCatalog(api)).toBe('current');
    expect(s.seen.at(-1)).toBe('"v1"');
    expect((await listProcedures()).length).toBe(SEED_CATALOG.length);
  });

  it('stay as they were when the network fails', async () => {
    await refreshReferenceData({ fetch: server().fetch, base: 'http://x' });
    const failing: Fetch = async () => {
      throw new TypeError('offline');
    };
    await refreshReferenceData({ fetch: failing, base: 'http://x' });
    expect((await listProcedures()).length).toBe(SEED_CATALOG.length);
  });
});
