// The server's key set on Kysely (SQLite and PostgreSQL): every receipt-signing and VAPID key
// with its private half sealed by the key-encryption key, and which one of each is current.
// In the database rather than on disk so that every API node signs with the same key and a
// rotation reaches all of them; the private halves are only ever stored encrypted.
import type { Kysely, Migration } from 'kysely';

export type KeyPurpose = 'receipt' | 'vapid';

export interface KeyRecord {
  purpose: KeyPurpose;
  /** First 16 hex digits of SHA-256 of the raw public key. */
  kid: string;
  /** base64url of the raw public key (Ed25519: 32 bytes; VAPID P-256: 65 bytes). */
  publicKey: string;
  /** The private half sealed with the key-encryption key; null for a key kept only to verify. */
  sealedPrivateKey: string | null;
  /** Which key-encryption key sealed it (a fingerprint, never the key); null with no private half. */
  kekId: string | null;
  createdAt: string;
  /** 'generated' here, or 'imported' from a data directory's key files. */
  source: 'generated' | 'imported';
}

export interface KeyStore {
  /** Stores the key unless one with its purpose and kid exists (the stored one is kept); true when stored. */
  add(key: KeyRecord): Promise<boolean>;
  /**
   * When `key.purpose` has no current key yet: stores `key` and makes it current, in one
   * transaction. Returns the current kid afterwards, `key.kid` or the one another node set first.
   */
  adoptIfNone(key: KeyRecord, at: string): Promise<string>;
  /** Stores `key` and makes it the current one of its purpose, in one transaction. */
  rotate(key: KeyRecord, at: string): Promise<void>;
  current(purpose: KeyPurpose): Promise<KeyRecord | undefined>;
  /** Every key of the purpose: the current one first, then the newest first. */
  list(purpose: KeyPurpose): Promise<KeyRecord[]>;
}

interface KeySetTable {
  purpose: string;
  kid: string;
  public_key: string;
  sealed_private_key: string | null;
  kek_id: string | null;
  created_at: string;
  source: string;
}

interface KeyCurrentTable {
  purpose: string;
  kid: string;
  since: string;
}

type KeysDb = Kysely<{ key_set: KeySetTable; key_current: KeyCurrentTable }>;

/** Migration 0011: the keys and, per purpose, the current one. */
export const m0011KeySet: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('key_set')
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('sealed_private_key', 'text')
      .addColumn('kek_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('key_set_pk', ['purpose', 'kid'])
      .execute();
    await db.schema
      .createTable('key_current')
      .addColumn('purpose', 'text', (c) => c.primaryKey())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .execute();
  },
};

const toRow = (k: KeyRecord): KeySetTable => ({
  purpose: k.purpose,
  kid: k.kid,
  public_key: k.publicKey,
  sealed_private_key: k.sealedPrivateKey,
  kek_id: k.kekId,
  created_at: k.createdAt,
  source: k.source,
});

const toRecord = (r: KeySetTable): KeyRecord => ({
  purpose: r.purpose === 'vapid' ? 'vapid' : 'receipt',
  kid: r.kid,
  publicKey: r.public_key,
  sealedPrivateKey: r.sealed_private_key,
  kekId: r.kek_id,
  createdAt: r.created_at,
  source: r.source === 'imported' ? 'imported' : 'generated',
});

export class KyselyKeyStore implements KeyStore {
  private readonly db: KeysDb;
  constructor(db: Kysely<never>) {
    this.db = db as unknown as KeysDb;
  }

  async add(key: KeyRecord): Promise<boolean> {
    const inserted = await this.db
      .insertInto('key_set')
      .values(toRow(key))
      .onConflict((oc) => oc.columns(['purpose', 'kid']).doNothing())
      .returning('kid')
      .executeTakeFirst();
    return !!inserted;
  }

  async adoptIfNone(key: KeyRecord, at: string): Promise<string> {
    await this.db.transaction().execute(async (tx) => {
      // The pointer first: of nodes starting together on an empty database, one inserts it and
      // the others wait on its unique key (PostgreSQL) or the write lock (SQLite), then find it
      // taken and store nothing, so no unused key is left behind.
      const won = await tx
        .insertInto('key_current')
        .values({ purpose: key.purpose, kid: key.kid, since: at })
        .onConflict((oc) => oc.column('purpose').doNothing())
        .returning('kid')
        .executeTakeFirst();
      if (won) {
        await tx
          .insertInto('key_set')
          .values(toRow(key))
          .onConflict((oc) => oc.columns(['purpose', 'kid']).doNothing())
          .execute();
      }
    });
    const current = await this.db.selectFrom('key_current').select('kid').where('purpose', '=', key.purpose).executeTakeFirstOrThrow();
    return current.kid;
  }

  async rotate(key: KeyRecord, at: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('key_set').values(toRow(key)).execute();
      await tx
        .insertInto('key_current')
        .values({ purpose: key.purpose, kid: key.kid, since: at })
        .onConflict((oc) => oc.column('purpose').doUpdateSet({ kid: key.kid, since: at }))
        .execute();
    });
  }

  async current(purpose: KeyPurpose): Promise<KeyRecord | undefined> {
    const row = await this.db
      .selectFrom('key_current')
      .innerJoin('key_set', (j) => j.onRef('key_set.purpose', '=', 'key_current.purpose').onRef('key_set.kid', '=', 'key_current.kid'))
      .selectAll('key_set')
      .where('key_current.purpose', '=', purpose)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(purpose: KeyPurpose): Promise<KeyRecord[]> {
    const [rows, current] = await Promise.all([
      this.db.selectFrom('key_set').selectAll().where('purpose', '=', purpose).orderBy('created_at', 'desc').orderBy('kid').execute(),
      this.db.selectFrom('key_current').select('kid').where('purpose', '=', purpose).executeTakeFirst(),
    ]);
    const records = rows.map(toRecord);
    return [...records.filter((r) => r.kid === current?.kid), ...records.filter((r) => r.kid !== current?.kid)];
  }
}
