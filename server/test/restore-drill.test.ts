// The restore drill: a store filled through the API (dossiers with pages, a supplement answer,
// a result document, signed forms) is backed up while the server runs, wiped, restored into a
// fresh store, and an app started on it must serve every receipt and form so that it verifies
// against its key list (shared receipt-signing) and every file with its recorded SHA-256. On
// SQLite (online backup, files, keys) and PostgreSQL (pg_dump/pg_restore of the schema), and the
// same checks after `migrate-store` moves the SQLite store into a fresh PostgreSQL schema.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DossierStatusResponse, FormDocument, Receipt } from '@hsc/shared';
import { verifyDocument, type PublicKeyEntry } from '@hsc/shared/receipt-signing';
import type { FastifyInstance } from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.ts';
import { backupCli } from '../src/cli/backup.ts';
import { migrateStoreCli } from '../src/cli/migrate-store.ts';
import { listFiles } from '../src/cli/ops.ts';
import { restoreCli } from '../src/cli/restore.ts';
import { actAll, login, PDF, sendDossier, uploadResult, VO_NHAI } from './support/desk.ts';
import { fixedClock, injectUpload, sha256, testFile, TUESDAY_MORNING } from './support/fixtures.ts';
import { POSTGRES_URL, tempDir } from './support/stores.ts';

// ---- What the drill fills and checks ----

interface Filled {
  dossiers: { id: string; secret: string; receipt: Receipt }[];
  /** Every receipt a phone holds: the first ones and the supplement's. */
  receipts: Receipt[];
  forms: FormDocument[];
  /** Staff URLs of every stored file, with the SHA-256 recorded when it was sent. */
  files: { url: string; sha256: string }[];
}

async function fill(app: FastifyInstance): Promise<Filled> {
  const officer = await login(app, 'demo.officer');
  const [d1, d2, d3] = [await sendDossier(app, VO_NHAI), await sendDossier(app, VO_NHAI), await sendDossier(app, VO_NHAI)] as const;
  const forms: FormDocument[] = [];
  const files: Filled['files'] = [d1, d2, d3].flatMap((d) => d.files.map((f) => ({ url: `/api/staff/dossiers/${d.id}/files/${f.ref.id}`, sha256: f.ref.sha256 })));
  const receipts = [d1.receipt, d2.receipt, d3.receipt];

  // d1: accepted (Mẫu 01), processed with a result document.
  forms.push((await actAll(officer, d1.id, [{ action: 'accept' }])).form!);
  await actAll(officer, d1.id, [{ action: 'start_processing' }]);
  const up = await uploadResult(officer, d1.id);
  expect(up.statusCode, up.body).toBe(201);
  const resultId = up.json<{ resultId: string }>().resultId;
  await actAll(officer, d1.id, [{ action: 'finish', resultId }]);
  files.push({ url: `/api/staff/dossiers/${d1.id}/results/${resultId}`, sha256: sha256(PDF) });

  // d2: a supplement requested (Mẫu 02) and answered with a new page.
  const asked = await actAll(officer, d2.id, [{ action: 'request_supplement', items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Ảnh mờ' }] }]);
  forms.push(asked.form!);
  const page = testFile('idCard', 3000);
  expect(await injectUpload(app, d2.id, page)).toBe(201);
  const answer = await app.inject({
    method: 'PUT',
    url: `/api/dossiers/${d2.id}/supplements/${asked.dossier.supplements[0]!.id}`,
    headers: { 'x-dossier-secret': d2.secret },
    payload: { attachments: [page.ref] },
  });
  expect(answer.statusCode, answer.body).toBe(201);
  receipts.push(answer.json<{ receipt: Receipt }>().receipt);
  files.push({ url: `/api/staff/dossiers/${d2.id}/files/${page.ref.id}`, sha256: page.ref.sha256 });

  // d3: refused (Mẫu 03).
  forms.push((await actAll(officer, d3.id, [{ action: 'refuse', reasons: ['Không thuộc thẩm quyền'] }])).form!);
  for (const f of forms) expect(f.signature, `form ${f.kind} is signed`).toBeTruthy();
  return { dossiers: [d1, d2, d3].map((d) => ({ id: d.id, secret: d.secret, receipt: d.receipt })), receipts, forms, files };
}

/** Everything the phones and the desk hold still verifies against the restored server. */
async function verify(app: FastifyInstance, filled: Filled): Promise<void> {
  const keys = (await app.inject({ method: 'GET', url: '/api/receipts/keys' })).json<{ keys: PublicKeyEntry[] }>().keys;
  for (const r of filled.receipts) expect((await verifyDocument(r, keys)).kind, `receipt ${r.code}`).toBe('valid');
  for (const d of filled.dossiers) {
    const res = await app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } });
    expect(res.statusCode, res.body).toBe(200);
    const served = res.json<DossierStatusResponse>().receipt;
    expect(served).toEqual(d.receipt);
    expect((await verifyDocument(served, keys)).kind).toBe('valid');
  }
  const officer = await login(app, 'demo.officer');
  for (const f of filled.forms) {
    const res = await officer.get(`/api/staff/forms/${f.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(f);
    expect((await verifyDocument(res.json<FormDocument>(), keys)).kind, `form ${f.kind}`).toBe('valid');
  }
  for (const f of filled.files) {
    const res = await officer.get(f.url);
    expect(res.statusCode, `${f.url}: ${res.body.slice(0, 200)}`).toBe(200);
    expect(sha256(res.rawPayload), f.url).toBe(f.sha256);
  }
}

const capture = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }, text: () => lines.join('\n') };
};

const sqliteApp = (dataDir: string) => buildApp({ dataDir, webRoot: null, demo: true, now: fixedClock(TUESDAY_MORNING) });

// ---- PostgreSQL: the machine's server and its client tools, when there are both ----

async function postgresReady(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
const withPostgres = await postgresReady();
if (!withPostgres) console.info(`No PostgreSQL at ${POSTGRES_URL} or no pg_dump: the PostgreSQL drills are skipped.`);

const schemaUrl = (schema: string) => `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
const newSchema = () => `hsc_drill_${randomBytes(5).toString('hex')}`;
const schemas: string[] = [];
const dirs: string[] = [];
const dir = () => {
  const d = tempDir('hsc-drill-');
  dirs.push(d);
  return d;
};

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  if (withPostgres) {
    await admin(async (c) => {
      const { rows } = await c.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'hsc_drill_%'`);
      for (const { nspname } of rows) if (schemas.some((s) => nspname.startsWith(s))) await c.query(`drop schema "${nspname}" cascade`);
    });
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pgApp = (schema: string, kek: Buffer) => buildApp({ dataDir: dir(), webRoot: null, demo: true, now: fixedClock(TUESDAY_MORNING), databaseUrl: schemaUrl(schema), keyEncryptionKey: kek });

describe('restore drill', () => {
  test('SQLite: backed up while the server runs, wiped, restored into a fresh DATA_DIR; then moved to PostgreSQL with migrate-store', async () => {
    const dataDir = dir();
    const first = await sqliteApp(dataDir);
    const filled = await fill(first);
    const keysBefore = (await first.inject({ method: 'GET', url: '/api/receipts/keys' })).json();

    const backup = join(dir(), 'backup');
    const b = capture();
    expect(await backupCli([backup], { DATA_DIR: dataDir }, b.io), b.text()).toBe(0);
    // People's data and the KEK file: the server's user only.
    for (const f of ['hosocong.sqlite', 'manifest.json', 'keys/kek']) expect(statSync(join(backup, f)).mode & 0o777, f).toBe(0o600);
    await first.close();
    rmSync(dataDir, { recursive: true, force: true }); // the machine is lost

    const restored = dir();
    const r = capture();
    expect(await restoreCli([backup], { DATA_DIR: restored }, r.io), r.text()).toBe(0);
    expect(r.text()).toContain('Restored 3 dossiers and 8 stored files');
    const second = await sqliteApp(restored);
    expect((await second.inject({ method: 'GET', url: '/api/receipts/keys' })).json()).toEqual(keysBefore);
    await verify(second, filled);
    await second.close();

    // A second restore onto a store that holds data is refused, and --force moves it aside.
    const again = capture();
    expect(await restoreCli([backup], { DATA_DIR: restored }, again.io)).toBe(1);
    expect(again.text()).toContain('already holds a store (3 dossiers, 8 stored files). Nothing was restored.');
    const forced = capture();
    expect(await restoreCli([backup, '--', '--force'], { DATA_DIR: restored }, forced.io), forced.text()).toBe(0);
    const aside = readdirSync(restored).find((n) => n.startsWith('before-restore-'));
    expect(aside && existsSync(join(restored, aside, 'hosocong.sqlite'))).toBe(true);

    // A damaged backup is refused before anything is written, naming the file.
    const storedFile = (await listFiles(join(backup, 'files')))[0]!;
    appendFileSync(join(backup, 'files', storedFile), 'x');
    const damaged = capture();
    const elsewhere = dir();
    expect(await restoreCli([backup], { DATA_DIR: elsewhere }, damaged.io)).toBe(1);
    expect(damaged.text()).toMatch(new RegExp(`files/${storedFile}: \\d+ bytes, the manifest says \\d+`));
    expect(damaged.text()).toMatch(/does not match its manifest, so nothing was restored/);
    expect(existsSync(join(elsewhere, 'hosocong.sqlite'))).toBe(false);

    if (!withPostgres) return;
    // The restored install grows into a province: into a fresh PostgreSQL schema, with a
    // KEY_ENCRYPTION_KEY of its own (the install sealed its keys with its KEK file until now).
    const schema = newSchema();
    schemas.push(schema);
    const kek = randomBytes(32);
    const filesBefore = await listFiles(join(restored, 'files'));
    const m = capture();
    expect(await migrateStoreCli(['--', '--to', schemaUrl(schema)], { DATA_DIR: restored, KEY_ENCRYPTION_KEY: kek.toString('base64') }, m.io), m.text()).toBe(0);
    expect(m.text()).toContain('private keys sealed again with KEY_ENCRYPTION_KEY');
    expect(m.text()).toMatch(/Verified: \d+ rows in \d+ tables, 8 stored files/);
    expect(await listFiles(join(restored, 'files'))).toEqual(filesBefore);
    const moved = await pgApp(schema, kek);
    expect((await moved.inject({ method: 'GET', url: '/api/receipts/keys' })).json()).toEqual(keysBefore);
    await verify(moved, filled);
    // New work goes on where the install stopped: the next dossier, the audit log's ids.
    const next = await sendDossier(moved, VO_NHAI);
    expect(next.receipt.code).not.toBe(filled.dossiers[2]!.receipt.code);
    await moved.close();

    // Only into an empty schema.
    const twice = capture();
    expect(await migrateStoreCli(['--to', schemaUrl(schema)], { DATA_DIR: restored, KEY_ENCRYPTION_KEY: kek.toString('base64') }, twice.io)).toBe(1);
    expect(twice.text()).toMatch(/already has \d+ tables/);
  });

  test('SQLite: a stored file already missing from DATA_DIR is named by the backup and the restore', async () => {
    const dataDir = dir();
    const app = await sqliteApp(dataDir);
    const d = await sendDossier(app, VO_NHAI);
    await app.close();
    const lost = (await listFiles(join(dataDir, 'files'))).find((k) => k.includes(d.files[0]!.ref.id))!;
    rmSync(join(dataDir, 'files', lost));
    const backup = join(dir(), 'backup');
    const b = capture();
    expect(await backupCli([backup], { DATA_DIR: dataDir }, b.io), b.text()).toBe(0);
    expect(b.text()).toContain(`Warning: 1 stored files that the database names are not in ${join(dataDir, 'files')}`);
    expect(JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'))).toMatchObject({ kind: 'sqlite', counts: { dossiers: 1, attachments: 2, storedFiles: 1 }, missingFiles: [lost] });
    const r = capture();
    expect(await restoreCli([backup], { DATA_DIR: dir() }, r.io), r.text()).toBe(0);
    expect(r.text()).toContain('1 stored files were already missing when the backup was made');
  });

  test.skipIf(!withPostgres)("migrate-store: a webhook receiver's sealed secret moves only under the install's own KEK", async () => {
    const dataDir = dir();
    const app = await sqliteApp(dataDir);
    await sendDossier(app, VO_NHAI);
    await app.close();
    const db = new SQLite(join(dataDir, 'hosocong.sqlite'));
    db.prepare('insert into integration_receivers (id, name, url, sealed_secret, created_at) values (?, ?, ?, ?, ?)').run('r1', 'Tỉnh', 'https://example.test/hook', 'v1.aaaa.bbbb.cccc', TUESDAY_MORNING.toISOString());
    db.close();
    const schema = newSchema();
    schemas.push(schema);
    // Another KEK would re-seal the key set but not the receiver's secret: refused before PostgreSQL is touched.
    const other = capture();
    expect(await migrateStoreCli(['--to', schemaUrl(schema)], { DATA_DIR: dataDir, KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') }, other.io)).toBe(1);
    expect(other.text()).toContain(`1 rows of integration_receivers keep a secret sealed with the install's key-encryption key, which is not KEY_ENCRYPTION_KEY. Set KEY_ENCRYPTION_KEY to the install's own (the content of ${join(dataDir, 'keys', 'kek')})`);
    expect(other.text()).not.toContain('drop schema');
    // The install's own KEK (its file's content): nothing to re-seal, everything moves as it is.
    const own = readFileSync(join(dataDir, 'keys', 'kek'), 'utf8').trim();
    const m = capture();
    expect(await migrateStoreCli(['--to', schemaUrl(schema)], { DATA_DIR: dataDir, KEY_ENCRYPTION_KEY: own }, m.io), m.text()).toBe(0);
    expect(m.text()).not.toContain('sealed again');
    const row = await admin((c) => c.query<{ sealed_secret: string }>(`select sealed_secret from ${schema}.integration_receivers`));
    expect(row.rows).toEqual([{ sealed_secret: 'v1.aaaa.bbbb.cccc' }]);
  });

  test.skipIf(!withPostgres)('PostgreSQL: pg_dump while the server runs, the schema wiped, restored into it and into another schema', async () => {
    const kek = randomBytes(32);
    const env = (schema: string) => ({ DATABASE_URL: schemaUrl(schema), KEY_ENCRYPTION_KEY: kek.toString('base64'), DATA_DIR: dir() });
    const a = newSchema();
    const other = newSchema();
    schemas.push(a, other);
    await admin((c) => c.query(`create schema ${a}`));
    const first = await pgApp(a, kek);
    const filled = await fill(first);
    const keysBefore = (await first.inject({ method: 'GET', url: '/api/receipts/keys' })).json();
    const backup = join(dir(), 'backup');
    const b = capture();
    expect(await backupCli([backup], env(a), b.io), b.text()).toBe(0);
    await first.close();
    await admin(async (c) => {
      await c.query(`drop schema ${a} cascade`);
      await c.query(`create schema ${a}`);
    });

    // Into another schema: restored under the dump's name, then renamed; the wiped (empty)
    // schema of that name steps aside meanwhile and comes back as it was.
    const o = capture();
    expect(await restoreCli([backup], env(other), o.io), o.text()).toBe(0);
    const third = await pgApp(other, kek);
    await verify(third, filled);
    await third.close();

    // Into the wiped schema of the same name, which exists and is empty (kept, grants and all).
    expect((await admin((c) => c.query('select 1 from information_schema.schemata where schema_name = $1', [a]))).rowCount).toBe(1);
    const r = capture();
    expect(await restoreCli([backup], env(a), r.io), r.text()).toBe(0);
    const second = await pgApp(a, kek);
    expect((await second.inject({ method: 'GET', url: '/api/receipts/keys' })).json()).toEqual(keysBefore);
    await verify(second, filled);
    await second.close();

    // A store that holds data is refused; another KEY_ENCRYPTION_KEY is refused before anything.
    const again = capture();
    expect(await restoreCli([backup], env(a), again.io)).toBe(1);
    expect(again.text()).toContain(`The schema ${a} of DATABASE_URL already holds a store (3 dossiers)`);
    const wrongKek = capture();
    const fresh = newSchema();
    schemas.push(fresh);
    expect(await restoreCli([backup], { ...env(fresh), KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') }, wrongKek.io)).toBe(1);
    expect(wrongKek.text()).toContain('is not the key that sealed the signing keys in this backup');
    const forced = capture();
    expect(await restoreCli([backup, '--force'], env(a), forced.io), forced.text()).toBe(0);
    expect(forced.text()).toContain(`is now the schema ${a}_before_restore_`);
  });
});
