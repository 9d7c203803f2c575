// The receipt keys on this phone: fetched from the server when there is a network, merged into
// the Dexie cache, and read from the cache when there is none (verifying never needs a network).
import type { PublicKeyEntry } from '@hsc/shared/receipt-signing';
import { cachedReceiptKeys, mergeReceiptKeys } from '../db/trust.ts';

interface KeysAnswer {
  keys: PublicKeyEntry[];
}

const isKeys = (v: unknown): v is KeysAnswer =>
  typeof v === 'object' && v !== null && Array.isArray((v as KeysAnswer).keys) &&
  (v as KeysAnswer).keys.every((k) => typeof k?.kid === 'string' && k.alg === 'Ed25519' && typeof k.publicKey === 'string');

/** Fetches and caches the keys; offline or on any failure, the cached ones. */
export async function refreshReceiptKeys(base = ''): Promise<PublicKeyEntry[]> {
  try {
    const res = await fetch(`${base}/api/receipts/keys`, { cache: 'no-cache' });
    const body: unknown = res.ok ? await res.json() : undefined;
    if (isKeys(body)) return await mergeReceiptKeys(body.keys);
  } catch {
    // offline: the cache is the answer
  }
  return cachedReceiptKeys();
}

export { cachedReceiptKeys };
