// `pnpm migrate-store -- --to postgres://…`: moves a one-machine SQLite install (DATA_DIR) into
// an empty PostgreSQL database or schema, for a commune pilot that grows into a province. Runs
// this version's migrations on both, copies every table's rows as they are (ids, receipts and
// JSON text byte for byte), puts every stored file into the PostgreSQL blob store under the same
// key, carries the key set over (private keys sealed again with KEY_ENCRYPTION_KEY when the
// install used its KEK file), then reads everything back and compares. Run it with the server
// stopped; the SQLite install is only read (and migrated, as a start would).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { filesDir } from '../blobs/file-blob-store.ts';
import { PgBlobStore } from '../blobs/pg-blob-store.ts';
import type { BlobTables } from '../blobs/pg-tables.ts';
import type { ServerConfig } from '../config.ts';
import { kekIdOf, parseKek, seal, unseal } from '../services/kek.ts';
import { importLegacyKeys, KeySet } from '../services/keyset.ts';
import { keysDir } from '../services/signing.ts';
import type { KeyPurpose } from '../store/kysely-keys.ts';
import { openPostgresStore } from '../store/postgres.ts';
import { openSqliteStore, SQLITE_FILE } from '../store/sqlite.ts';
import { configFrom, copyPrivate, listFiles, OperatorError, quoteIdent, runCommand, sha256File, sha256Stream, targetSchema, type Io } from './ops.ts';

const USAGE = `Usage: pnpm migrate-store -- --to postgres://user@host:5432/database[?options=-c%20search_path%3Dschema]
Moves the SQLite store in DATA_DIR (database, stored files, keys) into an empty PostgreSQL
database or schema, then checks every row, file and key there. Stop the server first.
KEY_ENCRYPTION_KEY must be set: the private keys are sealed with it in PostgreSQL, and every
PostgreSQL node needs the same value. DATA_DIR is not changed (keep it as a backup).`;

/** Tables of Kysely's migrator: the target has its own from running the migrations. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface SourceTable {
  name: string;
  columns: string[];
  primaryKey: string[];
  references: string[];
}

function sourceTables(db: SQLite.Database): SourceTable[] {
  const names = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !MIGRATOR_TABLES.has(n));
  return names.map((name) => {
    const info = db.prepare(`select name, pk from pragma_table_info(?) order by cid`).all(name) as { name: string; pk: number }[];
    const fks = db.prepare(`select "table" as t from pragma_foreign_key_list(?)`).all(name) as { t: string }[];
    return {
      name,
      columns: info.map((c) => c.name),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      references: [...new Set(fks.map((f) => f.t))].filter((t) => t !== name),
    };
  });
}

/** Referenced tables before the tables that reference them. */
function insertOrder(tables: SourceTable[]): SourceTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: SourceTable[] = [];
  const visit = (t: SourceTable, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name)) throw new Error(`foreign keys form a cycle: ${[...path, t.name].join(' → ')}`);
    for (const r of t.references) {
      const ref = byName.get(r);
      if (ref) visit(ref, [...path, t.name]);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, []);
  return out;
}

/** One value as text for comparing the two databases (bigint comes back from pg as a string). */
const norm = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return `x${Buffer.from(v).toString('hex')}`;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return v.toISOString();
  return String(v);
};

export interface MigrateSummary {
  tables: number;
  rows: number;
  files: number;
  receiptKeys: number;
}

async function migrate(config: ServerConfig, to: string, io: Io): Promise<MigrateSummary> {
  const dataDir = config.dataDir;
  const sqlitePath = join(dataDir, SQLITE_FILE);
  if (!existsSync(sqlitePath)) throw new OperatorError(`No SQLite database at ${sqlitePath}: nothing to move (is DATA_DIR right?).`);
  const kekFile = join(keysDir(dataDir), 'kek');
  const kek = config.keyEncryptionKey;
  if (!kek) {
    throw new OperatorError(
      `Set KEY_ENCRYPTION_KEY (32 bytes in base64): the private keys are sealed with it in PostgreSQL, and every PostgreSQL node must be started with the same value. To keep this install's own, use the content of ${kekFile}; for a new one, \`openssl rand -base64 32\`. Nothing was moved.`,
    );
  }
  const sourceKeks = [kek, ...(existsSync(kekFile) ? [parseKek(readFileSync(kekFile, 'utf8'))].filter((k): k is Buffer => !!k) : [])];

  // The target first: refuse anything but an empty schema before touching either side.
  const schema = await targetSchema(to);
  const admin = new pg.Client({ connectionString: to });
  await admin.connect();
  try {
    const n = Number((await admin.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = $1', [schema])).rows[0]!.n);
    if (n > 0) throw new OperatorError(`The schema ${schema} of --to already has ${n} tables: migrate-store only fills an empty database or schema. Nothing was moved.`);
    // A schema named in the URL's search_path but not made yet is made here.
    await admin.query(`create schema if not exists ${quoteIdent(schema)}`);
  } finally {
    await admin.end();
  }

  // The install at this version's schema, as its next start would leave it.
  const source = openSqliteStore(dataDir);
  try {
    await source.migrate();
  } finally {
    await source.close();
  }
  const target = openPostgresStore({ connectionString: to, maxConnections: 4 });
  const db = new SQLite(sqlitePath, { fileMustExist: true });
  const pgdb = target.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  let migrated = false;
  try {
    db.pragma('busy_timeout = 5000');
    const all = insertOrder(sourceTables(db));
    const targetKekId = kekIdOf(kek);
    // Only the key set's rows say which KEK sealed them; other sealed columns (webhook receivers'
    // secrets) cannot be sealed again here, so they move only when the KEK stays the same.
    const otherKek = all.some((t) => t.name === 'key_set') && !!db.prepare(`select 1 from key_set where kek_id is not null and kek_id <> ?`).get(targetKekId);
    if (otherKek) {
      for (const t of all.filter((x) => x.name !== 'key_set')) {
        for (const c of t.columns.filter((x) => x.startsWith('sealed_'))) {
          const n = (db.prepare(`select count(*) as n from ${quoteIdent(t.name)} where ${quoteIdent(c)} is not null`).get() as { n: number }).n;
          if (n > 0) {
            throw new OperatorError(
              `${n} rows of ${t.name} keep a secret sealed with the install's key-encryption key, which is not KEY_ENCRYPTION_KEY. Set KEY_ENCRYPTION_KEY to the install's own (the content of ${kekFile}) and use that value on every PostgreSQL node.`,
            );
          }
        }
      }
    }
    await target.migrate();
    migrated = true;
    const columnTypes = new Map<string, Map<string, string>>();
    const { rows: cols } = await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>`
      select table_name, column_name, data_type, column_default from information_schema.columns where table_schema = ${schema}`.execute(pgdb);
    for (const c of cols) {
      if (!columnTypes.has(c.table_name)) columnTypes.set(c.table_name, new Map());
      columnTypes.get(c.table_name)!.set(c.column_name, c.data_type);
    }
    // A table the migrations make on SQLite only holds what PostgreSQL keeps elsewhere (the job
    // queue: pg-boss's own schema there); it is named, with its rows, and not copied.
    const tables = all.filter((t) => columnTypes.has(t.name));
    for (const t of all.filter((x) => !columnTypes.has(x.name))) {
      const n = (db.prepare(`select count(*) as n from ${quoteIdent(t.name)}`).get() as { n: number }).n;
      io.out(`Not copied: the table ${t.name} (${n} rows) exists on SQLite only.`);
    }
    for (const t of tables) {
      const missing = t.columns.filter((c) => !columnTypes.get(t.name)!.has(c));
      if (missing.length > 0) throw new OperatorError(`PostgreSQL has no column ${missing.join(', ')} in ${t.name} after the migrations: the two databases disagree.`);
    }

    const resealed = { count: 0 };
    /** A key row's private half sealed with the target's KEK (the install may have used its KEK file). */
    const reseal = (row: Record<string, unknown>) => {
      if (!row.sealed_private_key || row.kek_id === targetKekId) return row;
      const from = sourceKeks.find((k) => kekIdOf(k) === row.kek_id);
      if (!from) {
        throw new OperatorError(
          `The private ${String(row.purpose)} key ${String(row.kid)} in DATA_DIR is sealed with a key-encryption key this command does not have (id ${String(row.kek_id)}; KEY_ENCRYPTION_KEY is ${targetKekId}${sourceKeks.length > 1 ? `, keys/kek is ${kekIdOf(sourceKeks[1]!)}` : ''}). Set KEY_ENCRYPTION_KEY to the value the server ran with.`,
        );
      }
      const purpose = row.purpose as KeyPurpose;
      const secret = unseal(from, { purpose, kid: String(row.kid), publicKey: String(row.public_key), sealedPrivateKey: String(row.sealed_private_key), kekId: String(row.kek_id), createdAt: '', source: 'generated' });
      resealed.count++;
      return { ...row, sealed_private_key: seal(kek, purpose, String(row.kid), secret), kek_id: targetKekId };
    };

    // Every row in one transaction, read from one SQLite snapshot: all of it or nothing.
    let rowCount = 0;
    db.exec('begin');
    try {
      await pgdb.transaction().execute(async (trx) => {
        // Rows the migrations themselves wrote give way to the install's own.
        for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
        for (const t of tables) {
          const types = columnTypes.get(t.name)!;
          const convert = (row: Record<string, unknown>) => {
            const out: Record<string, unknown> = {};
            for (const c of t.columns) {
              const v = row[c];
              const type = types.get(c);
              out[c] = v === null || v === undefined ? null : type === 'boolean' ? Boolean(v) : type === 'bytea' ? Buffer.from(v as Uint8Array) : v;
            }
            return t.name === 'key_set' ? reseal(out) : out;
          };
          const perBatch = Math.max(1, Math.floor(20_000 / t.columns.length));
          let batch: Record<string, unknown>[] = [];
          const flush = async () => {
            if (batch.length === 0) return;
            await trx.insertInto(t.name).values(batch).execute();
            rowCount += batch.length;
            batch = [];
          };
          // A page at a time, by rowid (better-sqlite3 runs no other statement while an iterator is open).
          const pageOf = db.prepare(`select rowid as "hsc rowid", * from ${quoteIdent(t.name)} where rowid > ? order by rowid limit ?`);
          for (let after = -Infinity; ; ) {
            const page = pageOf.all(after, perBatch) as Record<string, unknown>[];
            for (const row of page) batch.push(convert(row));
            await flush();
            if (page.length < perBatch) break;
            after = page.at(-1)!['hsc rowid'] as number;
          }
        }
        // Serial ids (the audit log) continue after the copied ones.
        for (const c of cols.filter((x) => x.column_default?.startsWith('nextval('))) {
          const table = `${quoteIdent(schema)}.${quoteIdent(c.table_name)}`;
          await sql`select setval(pg_get_serial_sequence(${table}, ${c.column_name}), coalesce((select max(${sql.ref(c.column_name)}) from ${sql.table(c.table_name)}), 0) + 1, false)`.execute(trx);
        }
      });
    } finally {
      db.exec('commit');
    }
    io.out(`Copied ${rowCount} rows of ${tables.length} tables${resealed.count ? ` (${resealed.count} private keys sealed again with KEY_ENCRYPTION_KEY)` : ''}.`);

    // Stored files, each in its own transaction (PgBlobStore.adopt), under the same key.
    const blobs = new PgBlobStore(target.db as unknown as Kysely<BlobTables>);
    const files = (await listFiles(filesDir(dataDir))).filter((k) => !k.endsWith('.tmp'));
    const scratch = await mkdtemp(join(tmpdir(), 'hsc-migrate-'));
    try {
      for (const key of files) {
        // adopt() takes the file away once stored: it gets a copy, DATA_DIR stays as it was.
        const copy = join(scratch, 'blob');
        await copyPrivate(join(filesDir(dataDir), key), copy);
        await blobs.adopt(key, copy);
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    io.out(`Stored ${files.length} files in PostgreSQL.`);

    // Key files of an install that never started with the key set in its database.
    const imported = await importLegacyKeys(target.keys, kek, dataDir, new Date().toISOString(), (m) => io.out(m));
    if (imported > 0) io.out(`Imported ${imported} keys from ${keysDir(dataDir)}.`);

    // ---- Verify: every row, every file, the keys ----
    const problems: string[] = [];
    for (const t of tables) {
      // Sealed private keys differ when sealed again; the key set's check below opens them.
      const compared = t.name === 'key_set' ? t.columns.filter((c) => c !== 'sealed_private_key' && c !== 'kek_id') : t.columns;
      const keyOf = (row: Record<string, unknown>) => JSON.stringify((t.primaryKey.length ? t.primaryKey : compared).map((c) => norm(row[c])));
      const rowOf = (row: Record<string, unknown>) => JSON.stringify(compared.map((c) => norm(row[c])));
      const expected = new Map<string, string[]>();
      for (const row of db.prepare(`select * from ${quoteIdent(t.name)}`).iterate() as Iterable<Record<string, unknown>>) {
        const k = keyOf(row);
        expected.set(k, [...(expected.get(k) ?? []), rowOf(row)]);
      }
      const got = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(pgdb);
      let wrong = 0;
      for (const row of got.rows) {
        const list = expected.get(keyOf(row));
        const i = list ? list.indexOf(rowOf(row)) : -1;
        if (!list || i < 0) wrong++;
        else list.splice(i, 1);
      }
      const left = [...expected.values()].reduce((n, l) => n + l.length, 0);
      if (wrong > 0 || left > 0) problems.push(`table ${t.name}: ${left} rows of SQLite not found alike in PostgreSQL, ${wrong} rows in PostgreSQL not in SQLite`);
    }
    for (const key of files) {
      const want = await sha256File(join(filesDir(dataDir), key));
      const got = await sha256Stream(blobs.read(key)).catch(() => undefined);
      if (!got || got.sha256 !== want.sha256 || got.size !== want.size) problems.push(`stored file ${key}: ${got ? 'other bytes' : 'missing'} in PostgreSQL`);
    }
    const storedCount = Number((await sql<{ n: string }>`select count(*) as n from blobs`.execute(pgdb)).rows[0]!.n);
    if (storedCount !== files.length) problems.push(`PostgreSQL holds ${storedCount} stored files, DATA_DIR ${files.length}`);
    let receiptKeys = 0;
    try {
      const keys = await KeySet.open(target.keys, { kek, now: () => new Date(), refreshMs: 0 });
      const listed = new Set(keys.keys().map((k) => k.kid));
      receiptKeys = listed.size;
      const before = (db.prepare(`select kid from key_set where purpose = 'receipt'`).all() as { kid: string }[]).map((r) => r.kid);
      const pubs = (await listFiles(keysDir(dataDir))).map((f) => /^receipt-([0-9a-f]{16})\.pub$/.exec(f)?.[1]).filter((k): k is string => !!k);
      for (const kid of new Set([...before, ...pubs])) if (!listed.has(kid)) problems.push(`receipt key ${kid} is not listed in PostgreSQL`);
      keys.vapid();
    } catch (e) {
      problems.push(`the key set in PostgreSQL does not open with KEY_ENCRYPTION_KEY: ${(e as Error).message}`);
    }
    if (problems.length > 0) {
      throw new OperatorError(
        `The copy in PostgreSQL does not match DATA_DIR:\n${problems.map((p) => `  ${p}`).join('\n')}\nDo not start servers on it.`,
      );
    }
    return { tables: tables.length, rows: rowCount, files: files.length, receiptKeys };
  } catch (e) {
    // From the migrations on, the target is no longer empty: say how to start again.
    if (migrated && e instanceof Error) {
      const again = `PostgreSQL now holds this version's tables in the schema ${schema} (its migrations ran): drop them (drop schema ${quoteIdent(schema)} cascade) before running again.`;
      throw Object.assign(new OperatorError(`${e.message}\n${again}`), { cause: e });
    }
    throw e;
  } finally {
    db.close();
    await target.close();
  }
}

/** Returns the process exit code. */
export function migrateStoreCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  return runCommand(io, async () => {
    let values;
    try {
      ({ values } = parseArgs({ args: argv.filter((a) => a !== '--'), options: { to: { type: 'string' }, help: { type: 'boolean' } } }));
    } catch (e) {
      throw new OperatorError(`${(e as Error).message}\n${USAGE}`, 2);
    }
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) throw new OperatorError(`--to must be a postgres:// URL.\n${USAGE}`, 2);
    if (env.DATABASE_URL) throw new OperatorError('DATABASE_URL is set: migrate-store reads the SQLite store in DATA_DIR and writes to --to. Unset DATABASE_URL for this command.', 2);
    const config = configFrom(env);
    const s = await migrate(config, values.to, io);
    io.out(`Verified: ${s.rows} rows in ${s.tables} tables, ${s.files} stored files (SHA-256), ${s.receiptKeys} receipt keys, all alike in PostgreSQL.`);
    io.out('Now start the servers with DATABASE_URL set to that URL and the same KEY_ENCRYPTION_KEY. DATA_DIR is unchanged: keep it as a backup until you are satisfied.');
    return 0;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  migrateStoreCli(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
