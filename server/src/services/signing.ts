// What signs receipts and forms, as the services see it. The keys themselves are the key set
// (services/keyset.ts: in the database, the same on every node). Signing is synchronous on
// purpose: it runs inside the store's transaction callbacks that build the receipt text.
import { createHash, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { PublicKeyEntry, SignatureFields } from '@hsc/shared/receipt-signing';

export interface ReceiptSigner {
  /** The signature members for `doc` (its members other than signed/signature/kid are signed). */
  sign(doc: object): SignatureFields;
  /** Every key a receipt of this server may carry, the current one first. */
  keys(): PublicKeyEntry[];
}

/**
 * DATA_DIR/keys: the one-machine default's key-encryption key file, and the key files of
 * servers from before the key set moved to the database (imported at start).
 */
export const keysDir = (dataDir: string) => join(dataDir, 'keys');

/** The 32 raw bytes of an Ed25519 public key (the SPKI DER ends with them). */
export const rawPublicKey = (key: KeyObject): Uint8Array => new Uint8Array(key.export({ format: 'der', type: 'spki' }).subarray(-32));
export const kidOf = (raw: Uint8Array): string => createHash('sha256').update(raw).digest('hex').slice(0, 16);

/** `doc` with its signature members, or as it is when no signer is wired (unit tests of others). */
export const withSignature = <T extends object>(doc: T, signer: ReceiptSigner | undefined): T => (signer ? { ...doc, ...signer.sign(doc) } : doc);
