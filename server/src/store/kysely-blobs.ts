// Migration 0013: on PostgreSQL, stored files and tus upload parts live in the database, so any
// API node can serve any request with nothing on its own disk (src/blobs/pg-*.ts use these
// tables). On SQLite the migration does nothing: one machine keeps its files in DATA_DIR, where
// they stay out of the database file, its WAL and its backups.
import { sql, SqliteAdapter, type Kysely, type Migration } from 'kysely';

export const m0013PgBlobs: Migration = {
  async up(db: Kysely<unknown>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    // A stored file (attachment, result, template) under its blob key, and its bytes in rows of
    // at most 256 KB keyed by the offset of their first byte; deleting the file deletes them.
    await db.schema
      .createTable('blobs')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('blob_chunks')
      .addColumn('key', 'text', (c) => c.notNull().references('blobs.key').onDelete('cascade'))
      .addColumn('pos', 'bigint', (c) => c.notNull())
      .addColumn('data', 'bytea', (c) => c.notNull())
      .addPrimaryKeyConstraint('blob_chunks_pk', ['key', 'pos'])
      .execute();
    // Photos and PDFs are already compressed: storing them out of line uncompressed saves the
    // CPU PostgreSQL would spend trying.
    await sql`alter table blob_chunks alter column data set storage external`.execute(db);

    // A tus upload: its metadata, the bytes received so far (`received`, the tus offset), when
    // it began (expiry) and when it was finished (stored as an attachment; its chunks are gone
    // then, the row stays so a HEAD on any node answers "complete").
    await db.schema
      .createTable('upload_parts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('size', 'bigint')
      .addColumn('received', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('upload_parts_created_at').on('upload_parts').column('created_at').execute();
    await db.schema
      .createTable('upload_chunks')
      .addColumn('upload_id', 'text', (c) => c.notNull().references('upload_parts.id').onDelete('cascade'))
      .addColumn('pos', 'bigint', (c) => c.notNull())
      .addColumn('data', 'bytea', (c) => c.notNull())
      .addPrimaryKeyConstraint('upload_chunks_pk', ['upload_id', 'pos'])
      .execute();
    await sql`alter table upload_chunks alter column data set storage external`.execute(db);

    // The tus lock of an upload across nodes: a lease its holder renews while the request
    // runs; a node that died loses it when it expires. `release_requested`: another request
    // wants it (tus asks the holder to let go, as its in-memory locker does).
    await db.schema
      .createTable('upload_locks')
      .addColumn('upload_id', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('release_requested', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
  },
};
