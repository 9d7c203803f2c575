// The key-encryption key (KEK) and what it does: AES-256-GCM sealing of the private halves the
// key set keeps in the database. From KEY_ENCRYPTION_KEY, or on the one-machine SQLite default
// without it, from a file made once in DATA_DIR/keys. The variable's format (`parseKek`) is
// checked by the config, which holds it.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKek } from '../config.ts';
import type { KeyPurpose, KeyRecord } from '../store/kysely-keys.ts';
import type { StoreKind } from '../store/store.ts';
import { keysDir } from './signing.ts';

const KEK_FILE = 'kek';

export class KeySetError extends Error {
  override name = 'KeySetError';
}

export { parseKek };

/** A fingerprint naming the KEK in each row (so a wrong KEK is told as such), revealing nothing of it. */
export const kekIdOf = (kek: Buffer) => createHmac('sha256', kek).update('hosocong key-encryption-key id').digest('hex').slice(0, 16);

/**
 * The one-machine default: DATA_DIR/keys/kek (0600), made once. Two processes starting on one
 * data directory: the first file written wins and the other reads it.
 */
export function localKek(dataDir: string): Buffer {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, KEK_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const kek = parseKek(readFileSync(file, 'utf8'));
  if (!kek) throw new KeySetError(`${file} is not a key-encryption key (32 bytes in base64)`);
  return kek;
}

/**
 * The KEK this node uses: the configured one, else (SQLite only) the data directory's file.
 * PostgreSQL means several nodes and no disk of their own: a KEK in one node's directory would
 * leave the others unable to sign, so there it must be configured.
 */
export function resolveKek(config: { keyEncryptionKey?: Buffer; dataDir: string }, kind: StoreKind): Buffer {
  if (config.keyEncryptionKey) return config.keyEncryptionKey;
  if (kind === 'postgres') {
    throw new KeySetError(
      'Missing environment variable KEY_ENCRYPTION_KEY: it is required with DATABASE_URL (PostgreSQL), so that every node can decrypt the signing keys kept in the database. Make one with `openssl rand -base64 32` and give every node the same value.',
    );
  }
  return localKek(config.dataDir);
}

const aad = (purpose: KeyPurpose, kid: string) => Buffer.from(`hosocong:${purpose}:${kid}`);

/** `v1.<iv>.<ciphertext>.<tag>` (base64url); the purpose and kid are bound as associated data. */
export function seal(kek: Buffer, purpose: KeyPurpose, kid: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(purpose, kid));
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, ct, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unseal(kek: Buffer, key: KeyRecord): string {
  if (!key.sealedPrivateKey) throw new KeySetError(`${key.purpose} key ${key.kid} has no private half in the database`);
  if (key.kekId !== kekIdOf(kek)) {
    throw new KeySetError(
      `The ${key.purpose} key ${key.kid} in the database was sealed with another KEY_ENCRYPTION_KEY (id ${key.kekId}; this node's is ${kekIdOf(kek)}): give every node the same KEY_ENCRYPTION_KEY.`,
    );
  }
  const [v, iv, ct, tag] = key.sealedPrivateKey.split('.');
  if (v !== 'v1' || !iv || !ct || !tag) throw new KeySetError(`${key.purpose} key ${key.kid}: unknown sealed format`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(key.purpose, key.kid));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeySetError(`${key.purpose} key ${key.kid}: the sealed private key does not open (altered, or another KEY_ENCRYPTION_KEY)`);
  }
}

