// `pnpm backup <dir>`: a copy of the store the server uses (same environment as `pnpm start`),
// safe while the server runs, with a manifest (what, when, app version, SHA-256 of each file).
// SQLite: the database through SQLite's online backup API, the stored files (DATA_DIR/files)
// and DATA_DIR/keys. PostgreSQL: pg_dump of the schema in custom format; stored files and keys
// are rows there, so the dump holds them.
import { existsSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { filesDir } from '../blobs/file-blob-store.ts';
import { keysDir } from '../services/signing.ts';
import { SQLITE_FILE } from '../store/sqlite.ts';
import {
  appVersion,
  checkClient,
  configFrom,
  copyPrivate,
  describeFiles,
  emptyPrivateDir,
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
  writeManifest,
} from './ops.ts';

const USAGE = `Usage: pnpm backup <folder>
Copies the database the server uses (DATA_DIR, or DATABASE_URL) into a new or empty folder,
with manifest.json listing every file and its SHA-256. Safe while the server runs.
Keep the folder somewhere only administrators can read: it holds people's data and, on SQLite
without KEY_ENCRYPTION_KEY, the key that opens the signing keys.`;

/** Reads what the manifest says about a SQLite copy: last migration, counts, KEK ids. */
function describeSqlite(path: string): { migration: string; dossiers: number; attachments: number; kekIds: string[]; blobKeys: string[] } {
  const db = new SQLite(path, { fileMustExist: true });
  try {
    // The copy stays one file: a backup folder should not grow -wal and -shm files.
    db.pragma('journal_mode = DELETE');
    const has = (t: string) => !!db.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(t);
    if (!has('kysely_migration')) throw new OperatorError(`${path} has no tables of this app: nothing to back up (is DATA_DIR right?).`);
    const count = (t: string) => (has(t) ? (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n : 0);
    const migration = (db.prepare('select name from kysely_migration order by name desc limit 1').get() as { name: string } | undefined)?.name ?? '';
    const kekIds = has('key_set') ? (db.prepare('select distinct kek_id as k from key_set where kek_id is not null order by 1').all() as { k: string }[]).map((r) => r.k) : [];
    // Every stored file a row names (attachments, results, templates: their `path` column).
    const tables = (db.prepare(`select m.name as t from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' and c.name = 'path'`).all() as { t: string }[]).map((r) => r.t);
    const blobKeys = tables.flatMap((t) => (db.prepare(`select path as p from "${t}" where path is not null`).all() as { p: string }[]).map((r) => r.p));
    return { migration, dossiers: count('dossiers'), attachments: count('attachments'), kekIds, blobKeys };
  } finally {
    db.close();
  }
}

async function backupSqlite(dataDir: string, dir: string, io: Io): Promise<BackupManifest> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new OperatorError(`No database at ${source}: nothing to back up (is DATA_DIR right?).`);
  await emptyPrivateDir(dir, 'the backup');
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    // SQLite's online backup: a consistent copy while the server keeps writing.
    await live.backup(join(dir, SQLITE_COPY));
  } finally {
    live.close();
  }
  // People's names and ID numbers: like the live file, readable by this user only.
  await chmod(join(dir, SQLITE_COPY), 0o600);
  const db = describeSqlite(join(dir, SQLITE_COPY));
  // Files after the database: a row is committed only after its file is stored, so every file
  // the copied rows name is already there.
  const stored: string[] = [];
  for (const [folder, name] of [
    [filesDir(dataDir), 'files'],
    [keysDir(dataDir), 'keys'],
  ] as const) {
    for (const path of await listFiles(folder)) {
      if (path.endsWith('.tmp')) continue; // a copy the blob store had not finished
      try {
        await copyPrivate(join(folder, path), join(dir, name, path));
        if (name === 'files') stored.push(path);
      } catch (e) {
        // Removed by the purge since it was listed: its row is gone from the copy as well.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }
  io.out(`Copied the database, ${stored.length} stored files and the keys folder.`);
  const copied = new Set(stored);
  const missingFiles = [...new Set(db.blobKeys)].filter((k) => !copied.has(k)).sort();
  if (missingFiles.length > 0) {
    io.err(
      `Warning: ${missingFiles.length} stored files that the database names are not in ${filesDir(dataDir)}, so the backup has their rows without their bytes (listed in manifest.json as missingFiles): ${missingFiles.slice(0, 5).join(', ')}${missingFiles.length > 5 ? ', …' : ''}`,
    );
  }
  return {
    format: 'hosocong-backup',
    formatVersion: 1,
    kind: 'sqlite',
    createdAt: new Date().toISOString(),
    app: appVersion(db.migration),
    kekIds: db.kekIds,
    kekFileIncluded: existsSync(join(dir, 'keys', 'kek')),
    counts: { dossiers: db.dossiers, attachments: db.attachments, storedFiles: stored.length },
    ...(missingFiles.length > 0 ? { missingFiles } : {}),
    files: await describeFiles(dir, await listFiles(dir)),
  };
}

async function backupPostgres(url: string, dir: string, io: Io): Promise<BackupManifest> {
  const schema = await targetSchema(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let info;
  try {
    await checkClient('pg_dump', client);
    const has = async (t: string) => (await client.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [schema, t])).rowCount! > 0;
    if (!(await has('kysely_migration'))) throw new OperatorError(`The schema ${schema} of DATABASE_URL has no tables of this app: nothing to back up (is DATABASE_URL right?).`);
    const count = async (t: string) => ((await has(t)) ? Number((await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(schema)}.${t}`)).rows[0]!.n) : 0);
    const migration = (await client.query<{ name: string }>(`select name from ${quoteIdent(schema)}.kysely_migration order by name desc limit 1`)).rows[0]?.name ?? '';
    const kekIds = (await has('key_set')) ? (await client.query<{ k: string }>(`select distinct kek_id as k from ${quoteIdent(schema)}.key_set where kek_id is not null order by 1`)).rows.map((r) => r.k) : [];
    info = { migration, kekIds, dossiers: await count('dossiers'), attachments: await count('attachments'), storedFiles: await count('blobs') };
  } finally {
    await client.end();
  }
  await emptyPrivateDir(dir, 'the backup');
  const file = join(dir, PG_DUMP_FILE);
  try {
    // One snapshot of the whole schema (pg_dump's own transaction); blobs are ordinary rows.
    const conn = toolConnection(url);
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${quoteIdent(schema)}`, `--file=${file}`, `--dbname=${conn.dbname}`], conn.env);
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
  io.out(`Dumped the schema ${schema} (${info.dossiers} dossiers, ${info.storedFiles} stored files, the keys).`);
  return {
    format: 'hosocong-backup',
    formatVersion: 1,
    kind: 'postgres',
    createdAt: new Date().toISOString(),
    app: appVersion(info.migration),
    schema,
    kekIds: info.kekIds,
    counts: { dossiers: info.dossiers, attachments: info.attachments, storedFiles: info.storedFiles },
    files: await describeFiles(dir, [PG_DUMP_FILE]),
  };
}

/** Returns the process exit code. */
export function backupCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  return runCommand(io, async () => {
    const args = folderArgs(argv, env, io, USAGE);
    if (!args) return 0;
    const config = configFrom(env);
    const target = args.dir;
    const manifest = config.databaseUrl ? await backupPostgres(config.databaseUrl, target, io) : await backupSqlite(config.dataDir, target, io);
    await writeManifest(target, manifest);
    io.out(`Backup written to ${target} (${manifest.counts.dossiers} dossiers; manifest.json lists ${manifest.files.length} files with their SHA-256).`);
    if (manifest.kind === 'postgres' || !manifest.kekFileIncluded) {
      if (manifest.kekIds.length > 0) io.out(`The private keys in it are sealed with KEY_ENCRYPTION_KEY (id ${manifest.kekIds.join(', ')}): keep that value too, apart from the backup; a restore needs it.`);
    }
    return 0;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  backupCli(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
