// Trust issue: the receipt-signing public keys, kept so a receipt can be verified offline, and
// which dossiers this phone has asked to be notified about. Both live in the `meta` table as
// records of their own keys (no new Dexie version needed: `meta` is keyed by `key` only).
import type { PublicKeyEntry } from '@hsc/shared/receipt-signing';
import type { Table } from 'dexie';
import { db } from './db.ts';

interface ReceiptKeysRecord {
  key: 'receiptKeys';
  keys: PublicKeyEntry[];
  fetchedAt: number;
}
interface PushRecord {
  key: `push:${string}`;
  at: number;
}
// MetaRecord's type names the catalog's records only; these share its table.
const meta = () => db.meta as unknown as Table<ReceiptKeysRecord | PushRecord, string>;

export async function cachedReceiptKeys(): Promise<PublicKeyEntry[]> {
  const r = (await meta().get('receiptKeys')) as ReceiptKeysRecord | undefined;
  return r?.keys ?? [];
}

/** Adds keys to the cache; a key once known is never dropped (old receipts must still verify). */
export async function mergeReceiptKeys(keys: readonly PublicKeyEntry[], now = Date.now()): Promise<PublicKeyEntry[]> {
  return db.transaction('rw', db.meta, async () => {
    const known = await cachedReceiptKeys();
    const merged = [...keys, ...known.filter((k) => !keys.some((n) => n.kid === k.kid))];
    await meta().put({ key: 'receiptKeys', keys: merged, fetchedAt: now });
    return merged;
  });
}

export async function isPushEnabled(dossierId: string): Promise<boolean> {
  return (await meta().get(`push:${dossierId}`)) !== undefined;
}

export async function markPushEnabled(dossierId: string, now = Date.now()): Promise<void> {
  await meta().put({ key: `push:${dossierId}`, at: now });
}
