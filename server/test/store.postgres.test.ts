// The same contract on PostgreSQL: the server at 127.0.0.1:5432 in a fresh schema, or an
// embedded PGlite when no server answers. Never skipped.
import { describe } from 'vitest';
import { describeApiContract } from './contract/api.contract.ts';
import { describeCatalogContract } from './contract/catalog.contract.ts';
import { describeDeskStoreContract } from './contract/desk-store.contract.ts';
import { describePurgeContract } from './contract/purge.contract.ts';
import { describeReceiptContract } from './contract/receipts.contract.ts';
import { describeStoreContract } from './contract/store.contract.ts';
import { postgresHarness } from './support/stores.ts';

describe('PostgreSQL', () => {
  const { harness } = describeStoreContract(postgresHarness);
  describeDeskStoreContract(harness);
  describeApiContract(harness, { concurrentWriters: true });
  describeReceiptContract(harness);
  describeCatalogContract(harness);
  describePurgeContract(harness);
});
