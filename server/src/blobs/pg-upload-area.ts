// tus parts in PostgreSQL (with DATABASE_URL), so an upload begun on one API node continues
// on any other and nothing depends on a node's disk or memory:
// - `upload_parts`: metadata, size, bytes received (the tus offset), when it began, when it
//   was finished; `upload_chunks`: the bytes, 256 KB rows keyed by their offset.
// - Each row is appended in a transaction that locks the part's row and checks the offset, so
//   two writers can never interleave bytes: the second gets tus's 409 (offset conflict).
// - A cross-node tus locker (`upload_locks`, a renewed lease) serialises whole requests like
//   tus's in-memory locker does in one process, including asking the holder to let go; a
//   request that cannot get the lock in time gets 423, which tus clients retry.
// - The completion runs under the same lock and is recorded in the row (`finished_at`).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload, type Lock, type Locker, type RequestRelease } from '@tus/server';
import { sql, type Kysely } from 'kysely';
import type { UploadedBytes } from './blob-store.ts';
import type { PgBlobStore } from './pg-blob-store.ts';
import { putInChunks, type BlobTables } from './pg-tables.ts';
import type { UploadArea } from './upload-area.ts';

/** What tus sends for a lock held elsewhere that was not let go in time; clients retry 423. */
const LOCKED = { status_code: 423, body: 'Locked: another request is using this upload; retry\n' };

export interface PgLockTimings {
  /** A lease lasts this long unless renewed (a node that died holds an upload no longer). */
  leaseMs: number;
  /** The holder renews its lease, and looks whether someone asked for the lock, this often. */
  renewMs: number;
  /** How long a request waits for a lock held elsewhere before answering 423. */
  waitMs: number;
  pollMs: number;
}

// tus asks a holder to let go and gives it `lockDrainTimeout` (3 s) to finish: the wait covers
// one renewal (when the holder sees the request) plus that.
export const DEFAULT_LOCK_TIMINGS: PgLockTimings = { leaseMs: 15_000, renewMs: 1_000, waitMs: 8_000, pollMs: 100 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PgLocker implements Locker {
  constructor(
    readonly db: Kysely<BlobTables>,
    readonly timings: PgLockTimings = DEFAULT_LOCK_TIMINGS,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  newLock(id: string): Lock {
    return new PgLock(this, id, this.onError);
  }
}

class PgLock implements Lock {
  private readonly holder = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private released = false;

  constructor(
    private readonly locker: PgLocker,
    private readonly id: string,
    private readonly onError: (e: unknown) => void,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { db, timings } = this.locker;
    const deadline = Date.now() + timings.waitMs;
    while (!(await this.take())) {
      // Held elsewhere: ask the holder to let go (it sees this at its next renewal).
      await db.updateTable('upload_locks').set({ release_requested: true }).where('upload_id', '=', this.id).where('holder', '<>', this.holder).execute();
      if (signal.aborted || Date.now() >= deadline) throw LOCKED;
      await sleep(timings.pollMs);
    }
    this.timer = setInterval(() => void this.renew(requestRelease), timings.renewMs);
    this.timer.unref();
  }

  /** Takes the lock when nobody holds it or the holder's lease ran out. */
  private async take(): Promise<boolean> {
    const { db, timings } = this.locker;
    const { rows } = await sql<{ holder: string }>`
      insert into upload_locks (upload_id, holder, expires_at, release_requested)
      values (${this.id}, ${this.holder}, clock_timestamp() + ${timings.leaseMs} * interval '1 millisecond', false)
      on conflict (upload_id) do update
        set holder = excluded.holder, expires_at = excluded.expires_at, release_requested = false
        where upload_locks.expires_at < clock_timestamp()
      returning holder`.execute(db);
    return rows.length === 1;
  }

  private async renew(requestRelease: RequestRelease): Promise<void> {
    const { db, timings } = this.locker;
    try {
      const { rows } = await sql<{ release_requested: boolean }>`
        update upload_locks set expires_at = clock_timestamp() + ${timings.leaseMs} * interval '1 millisecond'
        where upload_id = ${this.id} and holder = ${this.holder}
        returning release_requested`.execute(db);
      // Asked to let go, or the lease was lost (this process stalled): stop the request. Its
      // writes are still checked against the offset, so nothing can be corrupted meanwhile.
      if (!this.released && (rows.length === 0 || rows[0]!.release_requested)) {
        this.released = true;
        await requestRelease();
      }
    } catch (e) {
      this.onError(e);
    }
  }

  async unlock(): Promise<void> {
    clearInterval(this.timer);
    this.released = true;
    await this.locker.db.deleteFrom('upload_locks').where('upload_id', '=', this.id).where('holder', '=', this.holder).execute();
  }
}

export class PgUploadStore extends DataStore {
  constructor(
    private readonly db: Kysely<BlobTables>,
    private readonly expireAfterMs = 0,
  ) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'creation-defer-length', 'termination', 'expiration'];
  }

  override getExpiration(): number {
    return this.expireAfterMs;
  }

  override async create(upload: Upload): Promise<Upload> {
    upload.creation_date ??= new Date().toISOString();
    await this.db
      .insertInto('upload_parts')
      .values({ id: upload.id, size: upload.size ?? null, received: 0, metadata: JSON.stringify(upload.metadata ?? {}), created_at: upload.creation_date, finished_at: null })
      .execute();
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const row = await this.db.selectFrom('upload_parts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    const size = row.size === null ? undefined : Number(row.size);
    const metadata = JSON.parse(row.metadata) as Record<string, string | null>;
    // A finished upload is complete for good: no creation date, so it never reads as expired.
    if (row.finished_at) return new Upload({ id, size, offset: size ?? Number(row.received), metadata });
    return new Upload({ id, size, offset: Number(row.received), metadata, creation_date: row.created_at, storage: { type: 'postgres', path: id } });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    let pos = offset;
    await putInChunks(stream, async (data) => {
      await this.append(id, pos, data);
      pos += data.length;
    });
    return pos;
  }

  /** One row of bytes at `pos`, only if the part has received exactly `pos` bytes so far. */
  private async append(id: string, pos: number, data: Buffer): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const part = await trx.selectFrom('upload_parts').select(['received', 'size', 'finished_at']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!part) throw ERRORS.FILE_NOT_FOUND;
      if (part.finished_at !== null || Number(part.received) !== pos) throw ERRORS.INVALID_OFFSET;
      if (part.size !== null && pos + data.length > Number(part.size)) throw ERRORS.ERR_SIZE_EXCEEDED;
      await trx.insertInto('upload_chunks').values({ upload_id: id, pos, data }).execute();
      await trx.updateTable('upload_parts').set({ received: pos + data.length }).where('id', '=', id).execute();
    });
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    await this.db.updateTable('upload_parts').set({ size: length }).where('id', '=', id).execute();
  }

  override async remove(id: string): Promise<void> {
    const { numDeletedRows } = await this.db.deleteFrom('upload_parts').where('id', '=', id).executeTakeFirst();
    if (numDeletedRows === 0n) throw ERRORS.FILE_NOT_FOUND;
  }

  override async deleteExpired(): Promise<number> {
    return this.expireBefore(new Date(Date.now() - this.expireAfterMs));
  }

  /** Parts begun before `cutoff`: unfinished ones are counted; finished ones only answered HEADs. */
  async expireBefore(cutoff: Date): Promise<number> {
    const at = cutoff.toISOString();
    const { numDeletedRows } = await this.db.deleteFrom('upload_parts').where('created_at', '<', at).where('finished_at', 'is', null).executeTakeFirst();
    await this.db.deleteFrom('upload_parts').where('created_at', '<', at).execute();
    // Leases of requests that died with their node, long expired.
    await sql`delete from upload_locks where expires_at < clock_timestamp() - interval '1 hour'`.execute(this.db);
    return Number(numDeletedRows);
  }

  /** The received bytes, one row at a time. */
  read(id: string): Readable {
    const db = this.db;
    async function* chunks() {
      let pos = 0;
      for (;;) {
        const row = await db.selectFrom('upload_chunks').select('data').where('upload_id', '=', id).where('pos', '=', String(pos)).executeTakeFirst();
        if (!row || row.data.length === 0) return;
        pos += row.data.length;
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }
}

export class PgUploadArea implements UploadArea {
  readonly datastore: PgUploadStore;
  readonly locker: PgLocker;

  constructor(
    private readonly db: Kysely<BlobTables>,
    private readonly blobs: PgBlobStore,
    private readonly now: () => Date,
    expireAfterMs?: number,
    timings?: PgLockTimings,
    onLockError?: (e: unknown) => void,
  ) {
    this.datastore = new PgUploadStore(db, expireAfterMs);
    this.locker = new PgLocker(db, timings, onLockError);
  }

  async finishedLength(id: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('upload_parts').select(['size', 'received']).where('id', '=', id).where('finished_at', 'is not', null).executeTakeFirst();
    return row ? Number(row.size ?? row.received) : undefined;
  }

  async finish<R extends { ok: boolean }>(upload: Upload, store: (bytes: UploadedBytes) => Promise<R>): Promise<R | { ok: true }> {
    // tus lets go of its lock before this step; take it again so that two requests that both
    // saw the last byte (on two nodes) store the upload once.
    const lock = this.locker.newLock(upload.id);
    await lock.lock(new AbortController().signal, () => undefined);
    try {
      const part = await this.db.selectFrom('upload_parts').select(['received', 'size', 'finished_at']).where('id', '=', upload.id).executeTakeFirst();
      if (!part) throw ERRORS.FILE_NOT_FOUND;
      if (part.finished_at !== null) return { ok: true };
      let outcome: R;
      try {
        outcome = await store({ read: () => this.datastore.read(upload.id), storeAs: (key) => this.blobs.adoptUpload(key, upload.id) });
      } catch (e) {
        await this.discard(upload.id);
        throw e;
      }
      if (!outcome.ok) {
        await this.discard(upload.id);
        return outcome;
      }
      // Finished: remembered in the row (any node answers HEAD "complete"), the bytes dropped.
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('upload_parts').set({ finished_at: this.now().toISOString() }).where('id', '=', upload.id).execute();
        await trx.deleteFrom('upload_chunks').where('upload_id', '=', upload.id).execute();
      });
      return outcome;
    } finally {
      await lock.unlock();
    }
  }

  private async discard(id: string): Promise<void> {
    await this.db.deleteFrom('upload_parts').where('id', '=', id).execute();
  }

  expireBefore(cutoff: Date): Promise<number> {
    return this.datastore.expireBefore(cutoff);
  }
}
