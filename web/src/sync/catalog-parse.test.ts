import { SEED_CATALOG } from '@hsc/shared/catalog';
import { Catalog } from '@hsc/shared/schemas';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from './api.ts';

const answer = { version: '7', procedures: SEED_CATALOG, retired: ['1.000001'], delta: true };

describe('parseCatalog (a few procedures per task)', () => {
  it('gives what Catalog.parse gives, for the whole seed catalog', async () => {
    expect(SEED_CATALOG.length).toBeGreaterThan(16);
    expect(await parseCatalog(JSON.parse(JSON.stringify(answer)))).toEqual(Catalog.parse(JSON.parse(JSON.stringify(answer))));
  });

  it('refuses a bad procedure wherever it is, and a bad envelope', async () => {
    const broken = JSON.parse(JSON.stringify(answer)) as { procedures: Record<string, unknown>[] };
    delete broken.procedures[SEED_CATALOG.length - 1]!.name;
    await expect(parseCatalog(broken)).rejects.toThrow();
    await expect(parseCatalog({ ...answer, version: 7 })).rejects.toThrow();
    await expect(parseCatalog({ version: '7' })).rejects.toThrow();
    await expect(parseCatalog(null)).rejects.toThrow();
  });
});
