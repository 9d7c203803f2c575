// First-start data: the shipped catalog and the 92 communes and wards of Thái Nguyên (2025).
// Runs on every start and is idempotent; see Store.upsertSeedProcedures/upsertUnits for what
// an existing row keeps.
import { readFile } from 'node:fs/promises';
import { parseUnitsCsv, SEED_PROCEDURES } from '@hsc/shared';
import type { Store } from '../store/store.ts';
import { defaultAgencyId } from './submission.ts';

export const UNITS_CSV = new URL('../../seed/thai-nguyen-units-2025.csv', import.meta.url);

export async function seed(store: Store): Promise<void> {
  await store.upsertSeedProcedures(SEED_PROCEDURES);
  await store.upsertUnits(parseUnitsCsv(await readFile(UNITS_CSV, 'utf8')), defaultAgencyId);
}
