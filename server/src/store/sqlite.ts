// The default store: one SQLite file, embedded, durable (WAL + synchronous=FULL: a committed
// transaction survives a power cut). busy_timeout lets a second process wait for the lock
// instead of failing at once.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store.ts';
import type { Database } from './schema.ts';

export const SQLITE_FILE = 'hosocong.sqlite';

export function openSqliteStore(dataDir: string): KyselyStore {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The database holds people's names and ID numbers: only the server's user may read it.
  // SQLite gives its -wal and -shm files the mode of the database file, so setting it here,
  // before SQLite opens the file, covers all three.
  const path = join(dataDir, SQLITE_FILE);
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  const file = new SQLite(path);
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  return new KyselyStore('sqlite', new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }));
}
