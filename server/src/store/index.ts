// Picks the adapter from the config: PostgreSQL when a URL is given, else the SQLite file.
import type { AppConfig } from '../config.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export type { Store } from './store.ts';

export function openStore(config: Pick<AppConfig, 'dataDir' | 'databaseUrl' | 'databasePoolSize'>): Store {
  return config.databaseUrl ? openPostgresStore({ connectionString: config.databaseUrl, maxConnections: config.databasePoolSize }) : openSqliteStore(config.dataDir);
}
