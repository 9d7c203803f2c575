// What the server really holds, read straight from its database (SQLite file opened read-only,
// or the PostgreSQL schema) and its files (DATA_DIR/files on SQLite; the blob tables on
// PostgreSQL, hashed by PostgreSQL itself), not through its API: the harness must not trust the
// code it is testing. Read only while the server is stopped or killed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The database drivers are the server's dependencies; borrow them rather than add copies.
const fromServer = createRequire(new URL('../../server/package.json', import.meta.url));

export interface ServerDossier {
  id: string;
  code: string;
  unitCode: string;
  agencyId: string;
  receivedAt: string;
  /** The stored submission and receipt, parsed. */
  body: { attachments: { id: string; slot: string; sha256: string; size: number }[] };
  receipt: { dossierId: string; code: string };
}

export interface ServerAttachment {
  id: string;
  dossierId: string;
  sha256: string;
  size: number;
  /** Relative to DATA_DIR/files. */
  path: string;
}

export interface ServerState {
  dossiers: ServerDossier[];
  attachments: ServerAttachment[];
  /** tus parts not finished (DATA_DIR/uploads, or PostgreSQL): leftovers of cut uploads, never counted as received. */
  partialUploads: number;
  /** On PostgreSQL, where DATA_DIR holds no stored file: each stored file's size and SHA-256 by key. */
  blobs?: Map<string, { size: number; sha256: string }>;
}

interface Row {
  [column: string]: unknown;
}

const DOSSIERS_SQL = 'select d.id, d.code, d.unit_code, u.agency_id, d.received_at, d.body, d.receipt from dossiers d join units u on u.code = d.unit_code';
const ATTACHMENTS_SQL = 'select id, dossier_id, sha256, size, path from attachments';
// Migration 0013_pg_blobs: stored files as 256 KB chunks, tus parts as rows.
const BLOBS_SQL = `select b.key, b.size, (select encode(sha256(coalesce(string_agg(c.data, ''::bytea order by c.pos), ''::bytea)), 'hex') from blob_chunks c where c.key = b.key) as sha256,
  (select coalesce(sum(length(c.data)), 0) from blob_chunks c where c.key = b.key) as stored from blobs b`;
const PG_PARTIAL_SQL = 'select count(*) as n from upload_parts where finished_at is null';

function toState(dossiers: Row[], attachments: Row[], partialUploads: number): ServerState {
  return {
    dossiers: dossiers.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      unitCode: String(r.unit_code),
      agencyId: String(r.agency_id),
      receivedAt: String(r.received_at),
      body: JSON.parse(String(r.body)) as ServerDossier['body'],
      receipt: JSON.parse(String(r.receipt)) as ServerDossier['receipt'],
    })),
    attachments: attachments.map((r) => ({
      id: String(r.id),
      dossierId: String(r.dossier_id),
      sha256: String(r.sha256),
      size: Number(r.size),
      path: String(r.path),
    })),
    partialUploads,
  };
}

interface SqliteDatabase {
  prepare(sql: string): { all(): Row[] };
  close(): void;
}
type SqliteOpen = new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteDatabase;

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
type PgModule = { Client: new (options: { connectionString: string }) => PgClient };

async function countPartialUploads(dataDir: string): Promise<number> {
  const names = await readdir(join(dataDir, 'uploads')).catch(() => [] as string[]);
  // @tus/file-store keeps `<id>` (bytes) next to `<id>.json` (its metadata).
  return names.filter((n) => !n.endsWith('.json')).length;
}

export async function readServerState(dataDir: string, databaseUrl?: string): Promise<ServerState> {
  if (databaseUrl) {
    const { Client } = fromServer('pg') as PgModule;
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const partial = Number((await client.query(PG_PARTIAL_SQL)).rows[0]!.n) + (await countPartialUploads(dataDir));
      const state = toState((await client.query(DOSSIERS_SQL)).rows, (await client.query(ATTACHMENTS_SQL)).rows, partial);
      // A file whose rows do not add up to its declared size counts as its rows' size (so as damaged).
      const blobs = (await client.query(BLOBS_SQL)).rows.map((r) => [String(r.key), { size: Number(r.stored), sha256: String(r.sha256) }] as const);
      return { ...state, blobs: new Map(blobs) };
    } finally {
      await client.end();
    }
  }
  const partial = await countPartialUploads(dataDir);
  const Sqlite = fromServer('better-sqlite3') as SqliteOpen;
  const db = new Sqlite(join(dataDir, 'hosocong.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return toState(db.prepare(DOSSIERS_SQL).all(), db.prepare(ATTACHMENTS_SQL).all(), partial);
  } finally {
    db.close();
  }
}

/** Size and SHA-256 of a stored attachment file; undefined when it is not there. */
export async function storedFile(state: Pick<ServerState, 'blobs'>, dataDir: string, path: string): Promise<{ size: number; sha256: string } | undefined> {
  if (state.blobs) return state.blobs.get(path);
  const file = join(dataDir, 'files', path);
  const s = await stat(file).catch(() => undefined);
  if (!s?.isFile()) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { size: s.size, sha256: hash.digest('hex') };
}

/** Runs SQL against PostgreSQL (schema set-up and clean-up for a run of its own). */
export async function pgExec(databaseUrl: string, sql: string): Promise<void> {
  const { Client } = fromServer('pg') as PgModule;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
