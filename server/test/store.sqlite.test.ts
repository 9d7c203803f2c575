// The store contract and the API flow on SQLite (a file in a temporary directory).
import { describe } from 'vitest';
import { describeApiContract } from './contract/api.contract.ts';
import { describeCatalogContract } from './contract/catalog.contract.ts';
import { describeDeskStoreContract } from './contract/desk-store.contract.ts';
import { describePurgeContract } from './contract/purge.contract.ts';
import { describeReceiptContract } from './contract/receipts.contract.ts';
import { describeStoreContract } from './contract/store.contract.ts';
import { sqliteHarness } from './support/stores.ts';

describe('SQLite', () => {
  const { harness } = describeStoreContract(async () => sqliteHarness());
  describeDeskStoreContract(harness);
  describeApiContract(harness, { concurrentWriters: false });
  describeReceiptContract(harness);
  describeCatalogContract(harness);
  describePurgeContract(harness);
});
