// Migration 0013_pg_blobs: the blob and upload tables exist on PostgreSQL only; on SQLite the
// migration is recorded and creates nothing (files stay in DATA_DIR, out of the database).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresHarness, sqliteHarness, type StoreHarness } from './support/stores.ts';

const TABLES = ['blob_chunks', 'blobs', 'upload_chunks', 'upload_locks', 'upload_parts'];

describe('0013_pg_blobs', () => {
  let pg: StoreHarness;
  let lite: StoreHarness;
  beforeAll(async () => {
    pg = await postgresHarness();
    lite = sqliteHarness();
  });
  afterAll(async () => {
    await pg?.close();
    await lite?.close();
  });

  test('PostgreSQL gets the tables', async () => {
    const { store, dispose } = await pg.fresh();
    try {
      await store.migrate();
      const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name in (${sql.join(TABLES)}) order by 1`.execute(store.db);
      expect(rows.map((r) => r.name)).toEqual(TABLES);
    } finally {
      await dispose();
    }
  });

  test('SQLite records the migration and has none of them', async () => {
    const { store, dispose } = await lite.fresh();
    try {
      await store.migrate();
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name in (${sql.join(TABLES)})`.execute(store.db);
      expect(rows).toEqual([]);
      const done = await sql<{ name: string }>`select name from kysely_migration where name = '0013_pg_blobs'`.execute(store.db);
      expect(done.rows).toHaveLength(1);
    } finally {
      await dispose();
    }
  });
});
