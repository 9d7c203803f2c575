// One key set for every node: two app instances on one PostgreSQL schema with their own empty
// data directories sign with the same key and verify each other's receipts; a rotation on one
// reaches the other; old receipts still verify; the key-encryption key's errors; the import of
// the key files servers kept in DATA_DIR/keys before.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64urlDecode, base64urlEncode } from '@hsc/shared/canonical';
import { encodeSigned, signingPayload, verifyDocument, verifySignature, type PublicKeyEntry, type SignatureFields } from '@hsc/shared/receipt-signing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import webpush from 'web-push';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { parseKek } from '../src/services/kek.ts';
import { KeySet } from '../src/services/keyset.ts';
import { keysDir, kidOf, rawPublicKey } from '../src/services/signing.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { sendDossier, VO_NHAI } from './support/desk.ts';
import { fixedClock, TUESDAY_MORNING } from './support/fixtures.ts';
import { TEST_KEK } from './support/keys.ts';
import { postgresHarness, tempDir, type StoreHarness } from './support/stores.ts';

const dirs: string[] = [];
const apps: FastifyInstance[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const a of apps) await a.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const keysOf = async (app: FastifyInstance) => (await app.inject('/api/receipts/keys')).json<{ keys: PublicKeyEntry[] }>().keys;
const vapidOf = async (app: FastifyInstance) => (await app.inject('/api/push/key')).json<{ publicKey: string }>().publicKey;

const receipt = { dossierId: 'd-1', code: 'H19.05716-260310-0001', lookupCode: 'K7QM', status: 'registered' };

describe('two nodes on one PostgreSQL database', () => {
  let harness: StoreHarness;
  beforeAll(async () => {
    harness = await postgresHarness();
  });
  afterAll(async () => {
    for (const a of apps.splice(0)) await a.close();
    await harness.close();
  });
  const node = async (over: { keyEncryptionKey?: Buffer; keyRefreshMs?: number } = {}) => {
    const app = await buildApp({ dataDir: dir(), webRoot: null, demo: true, now: fixedClock(TUESDAY_MORNING), keyEncryptionKey: TEST_KEK, store: harness.open(), ...over });
    apps.push(app);
    return app;
  };

  test('key sets opened at the same moment on an empty database converge on one key and one VAPID key, and leave no other', async () => {
    const fresh = await harness.fresh();
    const other = await reopen(fresh);
    try {
      await fresh.store.migrate();
      const open = (store: KyselyStore) => KeySet.open(store.keys, { kek: TEST_KEK, now: fixedClock(TUESDAY_MORNING), refreshMs: 0 });
      const sets = await Promise.all([open(fresh.store), open(other), open(fresh.store), open(other)]);
      expect(new Set(sets.map((k) => k.currentKid)).size).toBe(1);
      expect(new Set(sets.map((k) => k.vapid().publicKey)).size).toBe(1);
      expect(sets[3]!.keys()).toEqual(sets[0]!.keys());
      // Only the winners' keys were stored: one of each purpose.
      const rows = (await fresh.store.db.selectFrom('key_set' as never).select(['purpose' as never]).execute()) as { purpose: string }[];
      expect(rows.map((r) => r.purpose).sort()).toEqual(['receipt', 'vapid']);
    } finally {
      await other.close();
      await fresh.dispose();
    }
  });

  let a: FastifyInstance;
  let b: FastifyInstance;
  test('two app instances with their own empty data directories share one key and one VAPID key', async () => {
    // One after the other: nodes starting at the very same moment are the key sets' test above
    // (the whole app's start includes the job runner's, not this test's subject).
    a = await node();
    b = await node();
    const [ka, kb] = [await keysOf(a), await keysOf(b)];
    expect(ka).toHaveLength(1);
    expect(kb).toEqual(ka);
    expect(await vapidOf(b)).toBe(await vapidOf(a));
    expect(Buffer.from(await vapidOf(a), 'base64url')).toHaveLength(65);
  });

  test('each signs receipts with the same kid, and each verifies the other’s', async () => {
    const fromA = await sendDossier(a, VO_NHAI);
    const fromB = await sendDossier(b, VO_NHAI);
    expect(fromA.receipt.kid).toBe(fromB.receipt.kid);
    expect(await verifyDocument(fromA.receipt, await keysOf(b))).toMatchObject({ kind: 'valid' });
    expect(await verifyDocument(fromB.receipt, await keysOf(a))).toMatchObject({ kind: 'valid' });
  });

  test('a rotation on one is used by the other (at its next read of the key set); old receipts still verify', async () => {
    const old = await sendDossier(b, VO_NHAI);
    const newKid = await a.keys.rotate('receipt');
    expect((await sendDossier(a, VO_NHAI)).receipt.kid).toBe(newKid);
    await b.keys.refresh();
    const fresh = await sendDossier(b, VO_NHAI);
    expect(fresh.receipt.kid).toBe(newKid);
    const listed = await keysOf(b);
    expect(listed.map((k) => k.kid)).toEqual([newKid, old.receipt.kid]);
    expect(await keysOf(a)).toEqual(listed);
    expect(await verifyDocument(old.receipt, listed)).toMatchObject({ kind: 'valid', kid: old.receipt.kid });
    expect(await verifyDocument(fresh.receipt, await keysOf(a))).toMatchObject({ kind: 'valid', kid: newKid });
  });

  test('a node reads the key set again by itself within its refresh interval', async () => {
    const c = await node({ keyRefreshMs: 50 });
    const newKid = await a.keys.rotate('receipt');
    const deadline = Date.now() + 5000;
    while (c.keys.currentKid !== newKid && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await sendDossier(c, VO_NHAI)).receipt.kid).toBe(newKid);
  });

  test('private keys are stored sealed (AES-256-GCM), never as PEM', async () => {
    const store = harness.open() as KyselyStore;
    try {
      const rows = await store.db.selectFrom('key_set' as never).selectAll().execute();
      const text = JSON.stringify(rows);
      expect(text).not.toContain('PRIVATE KEY');
      for (const r of rows as { sealed_private_key: string | null }[]) if (r.sealed_private_key) expect(r.sealed_private_key).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    } finally {
      await store.close();
    }
  });

  test('a node with another KEK, or none, refuses to start, saying why', async () => {
    await expect(node({ keyEncryptionKey: randomBytes(32) })).rejects.toThrow(/sealed with another KEY_ENCRYPTION_KEY.*give every node the same KEY_ENCRYPTION_KEY/);
    await expect(buildApp({ dataDir: dir(), webRoot: null, store: harness.open() })).rejects.toThrow(/^Missing environment variable KEY_ENCRYPTION_KEY: it is required with DATABASE_URL/);
  });

  test('legacy key files of each node are imported: one becomes current, every node’s receipts stay verifiable', async () => {
    // Nodes of an older version, each with keys in its own data directory, moving to this database.
    const fresh = await harness.fresh();
    try {
      const l1 = legacyDir();
      const l2 = legacyDir();
      const n1 = await buildApp({ dataDir: l1.dataDir, webRoot: null, now: fixedClock(TUESDAY_MORNING), keyEncryptionKey: TEST_KEK, store: fresh.store });
      const n2 = await buildApp({ dataDir: l2.dataDir, webRoot: null, now: fixedClock(TUESDAY_MORNING), keyEncryptionKey: TEST_KEK, store: await reopen(fresh) });
      try {
        const listed = await keysOf(n2);
        expect(listed[0]!.kid).toBe(l1.currentKid);
        expect(listed.map((k) => k.kid).sort()).toEqual([l1.currentKid, l1.oldKid, l2.currentKid, l2.oldKid].sort());
        await n1.keys.refresh();
        expect(await keysOf(n1)).toEqual(listed);
        for (const l of [l1, l2]) for (const s of l.signed) expect(await verifySignature(s, listed)).toMatchObject({ kind: 'valid' });
        expect(await vapidOf(n2)).toBe(l1.vapid.publicKey);
      } finally {
        await n1.close();
        await n2.close();
      }
    } finally {
      await fresh.dispose();
    }
  });
});

/** A second store on the fresh database `fresh` (as another node's). */
async function reopen(fresh: { store: KyselyStore }): Promise<KyselyStore> {
  // Same database, another handle: the harness's fresh() gives one; a pool of its own here.
  const { openPostgresStore } = await import('../src/store/postgres.ts');
  const { rows } = await import('kysely').then(({ sql }) => sql<{ schema: string }>`select current_schema() as schema`.execute(fresh.store.db));
  const { POSTGRES_URL } = await import('./support/stores.ts');
  return openPostgresStore({ connectionString: POSTGRES_URL, searchPath: rows[0]!.schema, maxConnections: 2 });
}

interface LegacyDir {
  dataDir: string;
  currentKid: string;
  oldKid: string;
  /** Receipts the old server signed with its current and its retired key. */
  signed: SignatureFields[];
  vapid: { publicKey: string; privateKey: string };
}

/** DATA_DIR/keys as the server wrote it before the key set moved to the database. */
function legacyDir(): LegacyDir {
  const dataDir = dir();
  const k = keysDir(dataDir);
  mkdirSync(k, { recursive: true, mode: 0o700 });
  const signed: SignatureFields[] = [];
  const kids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    const kid = kidOf(raw);
    kids.push(kid);
    writeFileSync(join(k, `receipt-${kid}.pem`), privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), { mode: 0o600 });
    writeFileSync(join(k, `receipt-${kid}.pub`), base64urlEncode(raw) + '\n', { mode: 0o600 });
    const s = encodeSigned(signingPayload({ ...receipt, code: `${receipt.code}-${i}` }));
    signed.push({ signed: s, signature: base64urlEncode(new Uint8Array(sign(null, base64urlDecode(s), privateKey))), kid });
  }
  writeFileSync(join(k, 'receipt-current'), kids[1] + '\n', { mode: 0o600 });
  const vapid = webpush.generateVAPIDKeys();
  writeFileSync(join(k, 'vapid.json'), JSON.stringify(vapid), { mode: 0o600 });
  return { dataDir, currentKid: kids[1]!, oldKid: kids[0]!, signed, vapid };
}

describe('one machine (SQLite)', () => {
  test('without KEY_ENCRYPTION_KEY a KEK file is made once in DATA_DIR/keys (0600, folder 0700) and used again', async () => {
    const d = dir();
    let app = await buildApp({ dataDir: d, webRoot: null, now: fixedClock(TUESDAY_MORNING) });
    const kek = readFileSync(join(keysDir(d), 'kek'), 'utf8');
    expect(parseKek(kek)).toHaveLength(32);
    expect(statSync(join(keysDir(d), 'kek')).mode & 0o777).toBe(0o600);
    expect(statSync(keysDir(d)).mode & 0o777).toBe(0o700);
    const keys = await keysOf(app);
    await app.close();
    app = await buildApp({ dataDir: d, webRoot: null, now: fixedClock(TUESDAY_MORNING) });
    apps.push(app);
    expect(await keysOf(app)).toEqual(keys);
    expect(readFileSync(join(keysDir(d), 'kek'), 'utf8')).toBe(kek);
  });

  test('a pilot’s key files are imported at the first start of this version: same current key, old receipts verify, same VAPID key', async () => {
    const l = legacyDir();
    const app = await buildApp({ dataDir: l.dataDir, webRoot: null, demo: true, now: fixedClock(TUESDAY_MORNING) });
    apps.push(app);
    const listed = await keysOf(app);
    expect(listed.map((k) => k.kid)).toEqual([l.currentKid, l.oldKid]);
    for (const s of l.signed) expect(await verifySignature(s, listed)).toMatchObject({ kind: 'valid' });
    // Receipts go on being signed with the key the pilot used.
    expect((await sendDossier(app, VO_NHAI)).receipt.kid).toBe(l.currentKid);
    expect(await vapidOf(app)).toBe(l.vapid.publicKey);
    // Only the current key's private half was taken, sealed.
    const store = openSqliteStore(l.dataDir);
    try {
      const rows = (await store.db.selectFrom('key_set' as never).selectAll().execute()) as { kid: string; sealed_private_key: string | null; source: string }[];
      expect(rows.filter((r) => r.sealed_private_key).map((r) => r.kid).sort()).toEqual([l.currentKid, kidOf(base64urlDecode(l.vapid.publicKey))].sort());
      expect(rows.every((r) => r.source === 'imported')).toBe(true);
    } finally {
      await store.close();
    }
    // The imported private key is the pilot's own (the public half derived from it matches).
    const pem = readFileSync(join(keysDir(l.dataDir), `receipt-${l.currentKid}.pem`));
    expect(kidOf(rawPublicKey(createPublicKey(createPrivateKey(pem))))).toBe(l.currentKid);
  });
});

describe('KEY_ENCRYPTION_KEY in the environment', () => {
  const good = randomBytes(32);
  test('32 bytes in base64, standard or URL-safe, padded or not', () => {
    expect(loadConfig({ KEY_ENCRYPTION_KEY: good.toString('base64') }).keyEncryptionKey).toEqual(good);
    expect(loadConfig({ KEY_ENCRYPTION_KEY: good.toString('base64url') }).keyEncryptionKey).toEqual(good);
    expect(loadConfig({}).keyEncryptionKey).toBeUndefined();
  });

  test.each([['short', 'c2hvcnQ='], ['31 bytes', randomBytes(31).toString('base64')], ['33 bytes', randomBytes(33).toString('base64')], ['not base64', '!'.repeat(44)]])(
    'malformed (%s): Invalid environment variable, without repeating the value',
    (_what, value) => {
      const run = () => loadConfig({ KEY_ENCRYPTION_KEY: value });
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(/^Invalid environment variable KEY_ENCRYPTION_KEY: must be 32 bytes in base64/);
      try {
        run();
      } catch (e) {
        expect((e as Error).message).not.toContain(value);
      }
    },
  );

  test('DATABASE_URL without it stops the start with what to do', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/hsc' })).toThrow(/^Missing environment variable KEY_ENCRYPTION_KEY: it is required with DATABASE_URL.*openssl rand -base64 32/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/hsc', KEY_ENCRYPTION_KEY: good.toString('base64') }).keyEncryptionKey).toEqual(good);
  });
});
