// First-start data: the shipped catalog and the 92 communes and wards of Thái Nguyên (2025).
// Runs on every start and is idempotent: a seed procedure is published when new or changed,
// unless an administrator has taken it over; units keep their agency id.
import { readFile } from 'node:fs/promises';
import { parseUnitsCsv, SEED_PROCEDURES } from '@hsc/shared';
import type { Store } from '../store/store.ts';
import { planSeed } from './catalog.ts';
import { defaultAgencyId } from './submission.ts';

export const UNITS_CSV = new URL('../../seed/thai-nguyen-units-2025.csv', import.meta.url);

export async function seed(store: Store, now: Date): Promise<void> {
  await store.catalog.apply(now.toISOString(), (rows) => planSeed(rows, SEED_PROCEDURES));
  await store.upsertUnits(parseUnitsCsv(await readFile(UNITS_CSV, 'utf8')), defaultAgencyId);
}
