// Stored files in PostgreSQL (with DATABASE_URL): a `blobs` row per key and its bytes in
// `blob_chunks` rows of 256 KB, written in one transaction, so a file is there whole or not at
// all, on every node at once. Reads fetch one row at a time: never the whole file in memory.
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { blobKeyFor, type BlobStore } from './blob-store.ts';
import { CHUNK_BYTES, putInChunks, type BlobTables } from './pg-tables.ts';

export class PgBlobStore implements BlobStore {
  constructor(
    private readonly db: Kysely<BlobTables>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  keyFor(attachmentId: string, sha256: string): string {
    return blobKeyFor(attachmentId, sha256);
  }

  async adopt(key: string, fromPath: string): Promise<void> {
    const { size } = await stat(fromPath);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('blobs').where('key', '=', key).execute();
      await trx.insertInto('blobs').values({ key, size, stored_at: this.now().toISOString() }).execute();
      let pos = 0;
      await putInChunks(createReadStream(fromPath, { highWaterMark: CHUNK_BYTES }), async (data) => {
        await trx.insertInto('blob_chunks').values({ key, pos, data }).execute();
        pos += data.length;
      });
      if (pos !== size) throw new Error(`file changed while stored: ${key}`);
    });
    await unlink(fromPath).catch(() => undefined);
  }

  /**
   * Stores a finished tus upload of the PostgreSQL upload store under `key`: its chunks are
   * copied inside the database, no byte passes through this process.
   */
  async adoptUpload(key: string, uploadId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const part = await trx.selectFrom('upload_parts').select(['received', 'size']).where('id', '=', uploadId).executeTakeFirst();
      if (!part || part.size === null || Number(part.received) !== Number(part.size)) throw new Error(`upload ${uploadId} is not complete`);
      await trx.deleteFrom('blobs').where('key', '=', key).execute();
      await trx.insertInto('blobs').values({ key, size: Number(part.size), stored_at: this.now().toISOString() }).execute();
      await sql`insert into blob_chunks (key, pos, data) select ${key}::text, pos, data from upload_chunks where upload_id = ${uploadId}`.execute(trx);
    });
  }

  async size(key: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('blobs').select('size').where('key', '=', key).executeTakeFirst();
    return row ? Number(row.size) : undefined;
  }

  read(key: string): Readable {
    const db = this.db;
    async function* chunks() {
      const blob = await db.selectFrom('blobs').select('size').where('key', '=', key).executeTakeFirst();
      if (!blob) throw Object.assign(new Error(`nothing stored under ${key}`), { code: 'ENOENT' });
      const size = Number(blob.size);
      let pos = 0;
      while (pos < size) {
        const row = await db.selectFrom('blob_chunks').select('data').where('key', '=', key).where('pos', '=', String(pos)).executeTakeFirst();
        if (!row || row.data.length === 0) throw new Error(`stored file ${key} is missing bytes from ${pos}`);
        pos += row.data.length;
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async remove(key: string): Promise<void> {
    await this.db.deleteFrom('blobs').where('key', '=', key).execute();
  }
}
