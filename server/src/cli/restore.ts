// `pnpm restore <dir> [--force]`: puts a backup made by `pnpm backup` back into the store the
// environment names (DATA_DIR, or DATABASE_URL), after checking every file against the manifest.
// Refuses a store that holds anything unless --force, and then moves the present one aside
// (never deletes it). Run it with the server stopped.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { filesDir } from '../blobs/file-blob-store.ts';
import type { ServerConfig } from '../config.ts';
import { kekIdOf, parseKek } from '../services/kek.ts';
import { keysDir } from '../services/signing.ts';
import { openPostgresStore } from '../store/postgres.ts';
import { openSqliteStore, SQLITE_FILE } from '../store/sqlite.ts';
import {
  checkBackup,
  checkClient,
  configFrom,
  copyPrivate,
  folderArgs,
  listFiles,
  OperatorError,
  PG_DUMP_FILE,
  quoteIdent,
  runCommand,
  runTool,
  SQLITE_COPY,
  targetSchema,
  toolConnection,
  type BackupManifest,
  type Io,
} from './ops.ts';

const USAGE = `Usage: pnpm restore <folder> [-- --force]
Restores a backup made by pnpm backup into the store of this environment (DATA_DIR, or
DATABASE_URL). Stop the server first. Every file is checked against manifest.json before
anything is written. A store that already holds data is left alone unless --force is given; then
it is moved aside (SQLite: DATA_DIR/before-restore-<time>/; PostgreSQL: the schema is renamed
<schema>_before_restore_<time>), not deleted.`;

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '_');

/** The KEK the restored store will be opened with must be the one that sealed its keys. */
function checkKek(manifest: BackupManifest, configured: Buffer | undefined, backupKekFile: Buffer | undefined): void {
  if (manifest.kekIds.length === 0) return;
  const wanted = manifest.kekIds.join(', ');
  const kek = configured ?? backupKekFile;
  if (!kek) {
    throw new OperatorError(
      `The signing keys in this backup are sealed with a key-encryption key that is not in the backup (id ${wanted}). Set KEY_ENCRYPTION_KEY to the value the server had when the backup was made, then run again. Nothing was restored.`,
    );
  }
  if (!manifest.kekIds.includes(kekIdOf(kek))) {
    const hint = configured && backupKekFile && manifest.kekIds.includes(kekIdOf(backupKekFile)) ? ' The backup holds the right key in keys/kek: unset KEY_ENCRYPTION_KEY to use it.' : '';
    throw new OperatorError(
      `KEY_ENCRYPTION_KEY (id ${kekIdOf(kek)}) is not the key that sealed the signing keys in this backup (id ${wanted}): the server could not sign with them. Set KEY_ENCRYPTION_KEY to the value the server had when the backup was made.${hint} Nothing was restored.`,
    );
  }
}

/** What a SQLite data directory holds now (nothing: no tables and no stored file). */
async function sqliteContents(dataDir: string): Promise<{ tables: number; dossiers: number; files: number }> {
  const path = join(dataDir, SQLITE_FILE);
  let tables = 0;
  let dossiers = 0;
  if (existsSync(path)) {
    const db = new SQLite(path, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      tables = (db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`).get() as { n: number }).n;
      const hasDossiers = !!db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'dossiers'`).get();
      if (hasDossiers) dossiers = (db.prepare('select count(*) as n from dossiers').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  return { tables, dossiers, files: (await listFiles(filesDir(dataDir))).length };
}

async function restoreSqlite(manifest: BackupManifest, dir: string, config: ServerConfig, force: boolean, io: Io): Promise<void> {
  const dataDir = config.dataDir;
  const backupKek = existsSync(join(dir, 'keys', 'kek')) ? parseKek(await readFile(join(dir, 'keys', 'kek'), 'utf8')) : undefined;
  checkKek(manifest, config.keyEncryptionKey, backupKek);
  const now = await sqliteContents(dataDir);
  if (now.tables > 0 || now.files > 0) {
    if (!force) {
      throw new OperatorError(
        `DATA_DIR (${dataDir}) already holds a store (${now.dossiers} dossiers, ${now.files} stored files). Nothing was restored. To replace it, stop the server and run again with --force: the present store is then moved to ${join(dataDir, 'before-restore-<time>')}, not deleted.`,
      );
    }
    const aside = join(dataDir, `before-restore-${stamp()}`);
    await mkdir(aside, { recursive: true, mode: 0o700 });
    for (const name of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`, 'files', 'keys', 'uploads']) {
      if (existsSync(join(dataDir, name))) await rename(join(dataDir, name), join(aside, name));
    }
    io.out(`The store that was in DATA_DIR is now in ${aside}.`);
  } else {
    // An empty database file (a start that failed at once) or its WAL would shadow the copy.
    for (const name of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]) await rm(join(dataDir, name), { force: true });
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  for (const f of manifest.files) {
    if (f.path === SQLITE_COPY) continue;
    const [top, ...rest] = f.path.split('/');
    if (top === 'files') await copyPrivate(join(dir, f.path), join(filesDir(dataDir), ...rest));
    else if (top === 'keys') await copyPrivate(join(dir, f.path), join(keysDir(dataDir), ...rest));
  }
  // The database last, under a temporary name and renamed: a restore cut short leaves no
  // database that looks complete.
  const tmp = join(dataDir, `${SQLITE_FILE}.restoring`);
  await copyPrivate(join(dir, SQLITE_COPY), tmp);
  await rename(tmp, join(dataDir, SQLITE_FILE));
  const db = new SQLite(join(dataDir, SQLITE_FILE), { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new OperatorError(`The restored database fails SQLite's check (${String(check)}).`);
  } finally {
    db.close();
  }
  // A backup of an older version is brought up to this one now rather than at the next start.
  const store = openSqliteStore(dataDir);
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
}

async function schemaTables(client: pg.Client, schema: string): Promise<{ exists: boolean; tables: number; dossiers: number }> {
  const exists = (await client.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount! > 0;
  if (!exists) return { exists, tables: 0, dossiers: 0 };
  const tables = Number((await client.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = $1', [schema])).rows[0]!.n);
  const hasDossiers = (await client.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'dossiers'`, [schema])).rowCount! > 0;
  const dossiers = hasDossiers ? Number((await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(schema)}.dossiers`)).rows[0]!.n) : 0;
  return { exists, tables, dossiers };
}

async function restorePostgres(manifest: BackupManifest, dir: string, config: ServerConfig, force: boolean, io: Io): Promise<void> {
  const url = config.databaseUrl!;
  checkKek(manifest, config.keyEncryptionKey, undefined);
  const schema = await targetSchema(url);
  const from = manifest.schema ?? 'public';
  const dump = join(dir, PG_DUMP_FILE);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await checkClient('pg_restore', client);
    const target = await schemaTables(client, schema);
    if (target.tables > 0) {
      if (!force) {
        throw new OperatorError(
          `The schema ${schema} of DATABASE_URL already holds a store (${target.dossiers} dossiers). Nothing was restored. To replace it, stop the servers and run again with --force: the schema is then renamed ${schema}_before_restore_<time>, not deleted.`,
        );
      }
      const aside = `${schema}_before_restore_${stamp()}`;
      await client.query(`alter schema ${quoteIdent(schema)} rename to ${quoteIdent(aside)}`);
      io.out(`The store that was in the schema ${schema} is now the schema ${aside}.`);
      target.exists = false;
    }
    const conn = toolConnection(url);
    const args = ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${conn.dbname}`];
    if (from === schema) {
      if (target.exists) {
        // The empty schema is kept (with its grants); the dump's CREATE SCHEMA is left out.
        const toc = (await runTool('pg_restore', ['--list', dump])).split('\n');
        const own = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA - ${escapeRe(schema)}|COMMENT - SCHEMA ${escapeRe(schema)}) `);
        const list = join(tmpdir(), `hsc-restore-${process.pid}.list`);
        await writeFile(list, toc.filter((l) => !own.test(l)).join('\n'));
        try {
          await runTool('pg_restore', [...args, `--use-list=${list}`, dump], conn.env);
        } finally {
          await rm(list, { force: true });
        }
      } else {
        await runTool('pg_restore', [...args, dump], conn.env);
      }
    } else {
      // pg_restore cannot rename a schema: restore under the dump's name, then rename it.
      const source = await schemaTables(client, from);
      if (source.tables > 0) {
        throw new OperatorError(
          `The backup was made from the schema ${from}, and this database already has a non-empty schema of that name; the restore passes through it before it becomes ${schema}. Restore into another database, or rename that schema first. Nothing was restored.`,
        );
      }
      // An empty schema of the dump's name (public, often) steps aside meanwhile and comes back
      // as it was, owner and grants included.
      const parked = `${from}_hsc_restore_${process.pid}`;
      if (source.exists) await client.query(`alter schema ${quoteIdent(from)} rename to ${quoteIdent(parked)}`);
      try {
        if (target.exists) await client.query(`drop schema ${quoteIdent(schema)}`);
        await runTool('pg_restore', [...args, dump], conn.env);
        await client.query(`alter schema ${quoteIdent(from)} rename to ${quoteIdent(schema)}`);
      } finally {
        if (source.exists) await client.query(`alter schema ${quoteIdent(parked)} rename to ${quoteIdent(from)}`);
      }
    }
  } finally {
    await client.end();
  }
  const store = openPostgresStore({ connectionString: url, maxConnections: 2 });
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Returns the process exit code. */
export function restoreCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  return runCommand(io, async () => {
    const args = folderArgs(argv, env, io, USAGE, true);
    if (!args) return 0;
    const config = configFrom(env);
    const { dir } = args;
    const manifest = await checkBackup(dir);
    io.out(`The backup of ${manifest.createdAt} is intact (${manifest.files.length} files match the manifest).`);
    if (manifest.missingFiles?.length) io.err(`Note: ${manifest.missingFiles.length} stored files were already missing when the backup was made (manifest.json, missingFiles); their rows are restored without them.`);
    if (manifest.kind === 'sqlite' && config.databaseUrl) {
      throw new OperatorError(
        'This is a backup of a SQLite store, but DATABASE_URL is set. Restore it without DATABASE_URL (into a DATA_DIR), then move that store to PostgreSQL with pnpm migrate-store. Nothing was restored.',
      );
    }
    if (manifest.kind === 'postgres' && !config.databaseUrl) {
      throw new OperatorError('This is a backup of a PostgreSQL store: set DATABASE_URL to the (empty) database or schema to restore it into. Nothing was restored.');
    }
    if (manifest.kind === 'sqlite') await restoreSqlite(manifest, dir, config, args.force, io);
    else await restorePostgres(manifest, dir, config, args.force, io);
    io.out(`Restored ${manifest.counts.dossiers} dossiers and ${manifest.counts.storedFiles} stored files. Start the server as usual (pnpm start).`);
    return 0;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  restoreCli(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
