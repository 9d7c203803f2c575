// Stateless nodes on PostgreSQL: two app instances, each with its own empty data directory, on
// one schema, as two API machines behind a load balancer with no shared disk. Uploads begun on
// one continue on the other, the same PATCH sent to both at once never gives a 5xx and the
// file arrives intact, pages and results stored through one download byte for byte through
// the other, the completion refuses bytes that do not match (460) and keeps nothing, stored
// files stream a row at a time, and the purge clears expired parts and orphan pages.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, type AppConfig } from '../src/app.ts';
import { PgBlobStore } from '../src/blobs/pg-blob-store.ts';
import type { BlobTables } from '../src/blobs/pg-tables.ts';
import { PgLocker } from '../src/blobs/pg-upload-area.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { actAll, login, MARITAL, movableClock, VO_NHAI, type Agent } from './support/desk.ts';
import { injectUpload, newSecret, putDossier, sha256, submission, testFile, uploadMetadata, type TestFile } from './support/fixtures.ts';
import { postgresHarness, tempDir, type StoreHarness } from './support/stores.ts';

const TUS = { 'tus-resumable': '1.0.0' };
const clock = movableClock(new Date());
// Every node of a deployment on PostgreSQL shares the key that unlocks the signing keys kept in
// the database; the nodes here too (an unknown option where that is not so yet).
const sharedKeys = { keyEncryptionKey: randomBytes(32) } as unknown as Partial<AppConfig>;
let harness: StoreHarness;
const nodes: { app: FastifyInstance; base: string; dataDir: string; store: KyselyStore }[] = [];
let a: (typeof nodes)[number];
let b: (typeof nodes)[number];
let officerA: Agent;
let officerB: Agent;

beforeAll(async () => {
  harness = await postgresHarness();
  for (let i = 0; i < 2; i++) {
    const dataDir = tempDir();
    const store = harness.open() as KyselyStore;
    const app = await buildApp({ ...sharedKeys, dataDir, webRoot: null, demo: true, now: clock.now, store, retention: { uploadHours: 24, withdrawnDays: 30, recordYears: 10 } });
    nodes.push({ app, base: await app.listen({ host: '127.0.0.1', port: 0 }), dataDir, store });
  }
  [a, b] = nodes as [typeof a, typeof b];
  officerA = await login(a.app, 'demo.officer');
  officerB = await login(b.app, 'demo.officer');
}, 60_000);

afterAll(async () => {
  for (const n of nodes) {
    await n.app.close();
    rmSync(n.dataDir, { recursive: true, force: true });
  }
  await harness?.close();
});

const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Files each node wrote under its data directory (its temporary result copies are deleted). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.startsWith('keys') ? [] : [path];
  });
}

async function create(node: typeof a, dossierId: string, file: TestFile): Promise<string> {
  const res = await fetch(`${node.base}/api/uploads`, { method: 'POST', headers: { ...TUS, 'upload-length': String(file.bytes.length), 'upload-metadata': uploadMetadata(dossierId, file.ref) } });
  expect(res.status).toBe(201);
  return new URL(res.headers.get('location')!, node.base).pathname;
}

const patch = (node: typeof a, path: string, offset: number, chunk: Uint8Array) =>
  fetch(`${node.base}${path}`, { method: 'PATCH', headers: { ...TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: chunk });

async function head(node: typeof a, path: string): Promise<{ status: number; offset: number }> {
  const res = await fetch(`${node.base}${path}`, { method: 'HEAD', headers: TUS });
  return { status: res.status, offset: Number(res.headers.get('upload-offset')) };
}

/** A tus client's retry: ask where the upload stands (on either node) and send the rest. */
async function resume(nodesInTurn: (typeof a)[], path: string, bytes: Buffer): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const node = nodesInTurn[attempt % nodesInTurn.length]!;
    const at = await head(node, path);
    expect(at.status).toBe(200);
    if (at.offset === bytes.length) return;
    const res = await patch(node, path, at.offset, bytes.subarray(at.offset));
    expect(res.status, await res.text()).toBeLessThan(500);
  }
  throw new Error('upload never completed');
}

/** A Võ Nhai dossier with pages big enough to span several 256 KB rows. */
function bigDossier() {
  const files = [testFile('declaration', 600_000), testFile('idCard', 300_001)];
  const body = submission(files, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: { currentStatus: 'single', purpose: 'Kết hôn' } });
  return { id: randomUUID(), secret: newSecret(), files, body };
}

/** Every page of the dossier downloads through both nodes with the SHA-256 it was sent with. */
async function expectPagesEverywhere(dossierId: string, files: TestFile[]) {
  for (const officer of [officerA, officerB]) {
    for (const f of files) {
      const res = await officer.get(`/api/staff/dossiers/${dossierId}/files/${f.ref.id}`);
      expect(res.statusCode).toBe(200);
      expect(hash(res.rawPayload)).toBe(f.ref.sha256);
    }
    const d = (await officer.get(`/api/staff/dossiers/${dossierId}`)).json<{ dossier: { attachments: { verified: boolean }[] } }>().dossier;
    expect(d.attachments.every((x) => x.verified)).toBe(true);
  }
}

describe('Stateless nodes on PostgreSQL', () => {
  test('an upload begun on A continues and finishes on B; both answer HEAD "complete"; the dossier is accepted', async () => {
    const d = bigDossier();
    const [page, other] = d.files as [TestFile, TestFile];
    const path = await create(a, d.id, page);
    const first = await patch(a, path, 0, page.bytes.subarray(0, 400_000));
    expect(first.status).toBe(204);
    expect(await head(b, path)).toEqual({ status: 200, offset: 400_000 });
    const last = await patch(b, path, 400_000, page.bytes.subarray(400_000));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(page.bytes.length));
    // "Finished" is in the database: the node that never saw the last byte knows it too.
    expect(await head(a, path)).toEqual({ status: 200, offset: page.bytes.length });
    expect(await injectUpload(b.app, d.id, other)).toBe(201);

    const put = await putDossier(a.app, d.id, d.body, d.secret);
    expect(put.statusCode, put.body).toBe(201);
    await expectPagesEverywhere(d.id, d.files);
    // Nothing of it on either node's disk.
    for (const n of nodes) expect(filesUnder(n.dataDir).filter((p) => !p.includes(`${n.dataDir}/keys`))).toEqual([]);
  });

  test('the same PATCH sent to A and B at once: no 5xx, and after the client retries the upload is intact', async () => {
    for (let round = 0; round < 4; round++) {
      const d = bigDossier();
      for (const f of d.files) {
        const path = await create(round % 2 ? b : a, d.id, f);
        if (round < 2) {
          // The whole file twice at once.
          const answers = await Promise.all([patch(a, path, 0, f.bytes), patch(b, path, 0, f.bytes)]);
          for (const r of answers) expect([204, 409, 423], `${r.status} ${await r.text()}`).toContain(r.status);
        } else {
          // Both halves twice at once, each half to both nodes.
          const half = 256 * 1024 + 17;
          for (const [from, to] of [[0, half], [half, f.bytes.length]] as const) {
            const answers = await Promise.all([patch(a, path, from, f.bytes.subarray(from, to)), patch(b, path, from, f.bytes.subarray(from, to))]);
            for (const r of answers) expect([204, 409, 423], `${r.status} ${await r.text()}`).toContain(r.status);
            await resume([a, b], path, f.bytes.subarray(0, to) as Buffer).catch(() => undefined);
          }
        }
        await resume([b, a], path, f.bytes);
      }
      const put = await putDossier((round % 2 ? a : b).app, d.id, d.body, d.secret);
      expect(put.statusCode, put.body).toBe(201);
      await expectPagesEverywhere(d.id, d.files);
    }
  }, 60_000);

  test('a PATCH stalled on A (the phone moved to another network) lets go when the client resumes on B', async () => {
    const d = bigDossier();
    const page = d.files[0]!;
    const path = await create(a, d.id, page);
    const cut = 300_000;
    const stop = new AbortController();
    // 300 000 bytes, then nothing more, and the connection stays open.
    const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(page.bytes.subarray(0, cut)) });
    const stalled = fetch(`${a.base}${path}`, {
      method: 'PATCH',
      headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(page.bytes.length) },
      body,
      duplex: 'half',
      signal: stop.signal,
    } as RequestInit).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    // B asks A (through the database) to let go; A keeps what it received and stops.
    const started = Date.now();
    expect(await head(b, path)).toEqual({ status: 200, offset: cut });
    expect(Date.now() - started).toBeLessThan(8_000);
    const rest = await patch(b, path, cut, page.bytes.subarray(cut));
    expect(rest.status).toBe(204);
    expect(rest.headers.get('upload-offset')).toBe(String(page.bytes.length));
    stop.abort();
    await stalled;
    expect(await injectUpload(a.app, d.id, d.files[1]!)).toBe(201);
    expect((await putDossier(b.app, d.id, d.body, d.secret)).statusCode).toBe(201);
    await expectPagesEverywhere(d.id, d.files);
  }, 30_000);

  test('a page uploaded via A and the PUT via B: 201; the result uploaded on A downloads on B, for staff and for the citizen', async () => {
    const d = bigDossier();
    for (const f of d.files) expect(await injectUpload(a.app, d.id, f)).toBe(201);
    const put = await putDossier(b.app, d.id, d.body, d.secret);
    expect(put.statusCode, put.body).toBe(201);
    await expectPagesEverywhere(d.id, d.files);

    await actAll(officerB, d.id, [{ action: 'accept' }, { action: 'start_processing' }]);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(700_000), Buffer.from('\n%%EOF\n')]);
    const up = await officerA.req({ method: 'POST', url: `/api/staff/dossiers/${d.id}/result`, headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('Kết quả.pdf') }, payload: pdf });
    expect(up.statusCode, up.body).toBe(201);
    const { resultId } = up.json<{ resultId: string }>();
    await actAll(officerB, d.id, [{ action: 'finish', resultId }]);
    for (const [node, officer] of [[a, officerA], [b, officerB]] as const) {
      const staff = await officer.get(`/api/staff/dossiers/${d.id}/results/${resultId}`);
      expect(staff.statusCode).toBe(200);
      expect(sha256(staff.rawPayload)).toBe(hash(pdf));
      const citizen = await node.app.inject({ url: `/api/dossiers/${d.id}/result`, headers: { 'x-dossier-secret': d.secret } });
      expect(citizen.statusCode).toBe(200);
      expect(sha256(citizen.rawPayload)).toBe(hash(pdf));
    }
    for (const n of nodes) expect(filesUnder(join(n.dataDir, 'uploads'))).toEqual([]);
  });

  test('the completion on PostgreSQL: bytes not matching the declared SHA-256 get 460 and nothing is kept; a stored attachment sent again changes nothing', async () => {
    const db = a.store.db as unknown as Kysely<BlobTables>;
    const d = bigDossier();
    const page = d.files[0]!;
    const res = await fetch(`${a.base}/api/uploads`, {
      method: 'POST',
      headers: { ...TUS, 'upload-length': String(page.bytes.length), 'upload-metadata': uploadMetadata(d.id, page.ref, 'e'.repeat(64)), 'content-type': 'application/offset+octet-stream' },
      body: page.bytes,
    });
    expect(res.status).toBe(460);
    expect(JSON.parse(await res.text())).toMatchObject({ error: 'corrupt_upload' });
    const path = new URL(res.headers.get('location')!, a.base).pathname;
    expect((await head(b, path)).status).toBe(404); // the part is gone: a retry starts afresh
    expect(await db.selectFrom('upload_parts').select('id').where('id', '=', path.split('/').pop()!).execute()).toEqual([]);
    expect(await a.store.getAttachment(page.ref.id)).toBeUndefined();

    expect(await injectUpload(a.app, d.id, page)).toBe(201);
    const stored = await db.selectFrom('blobs').select(['key', 'stored_at']).where('key', 'like', `%${page.ref.id}%`).execute();
    expect(stored).toHaveLength(1);
    expect(await injectUpload(b.app, d.id, page)).toBe(201); // sent again through the other node
    expect(await db.selectFrom('blobs').select(['key', 'stored_at']).where('key', 'like', `%${page.ref.id}%`).execute()).toEqual(stored);
  });

  test('a stored file is read one row at a time, never whole', async () => {
    const d = bigDossier();
    const page = d.files[0]!; // 600 000 bytes: rows of 262 144, 262 144 and 75 712
    expect(await injectUpload(b.app, d.id, page)).toBe(201);
    const blobs = new PgBlobStore(a.store.db as unknown as Kysely<BlobTables>);
    const sizes: number[] = [];
    const hashed = createHash('sha256');
    for await (const chunk of blobs.read((await a.store.getAttachment(page.ref.id))!.path)) {
      sizes.push((chunk as Buffer).length);
      hashed.update(chunk as Buffer);
    }
    expect(sizes).toEqual([262_144, 262_144, 75_712]);
    expect(hashed.digest('hex')).toBe(page.ref.sha256);
    await expect(async () => {
      for await (const _ of blobs.read('no/such.key')) void _;
    }).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('the lock: a holder is asked to let go; one that does not gets the other a 423; a dead node\'s lease runs out', async () => {
    const db = a.store.db as unknown as Kysely<BlobTables>;
    const quick = { leaseMs: 300, renewMs: 50, waitMs: 400, pollMs: 20 };
    const locker = new PgLocker(db, quick);
    const id = randomUUID();
    const never = new AbortController().signal;

    // Held by a request that lets go when asked (as tus's PATCH does): the next one gets it.
    const first = locker.newLock(id);
    await first.lock(never, () => void first.unlock());
    const second = locker.newLock(id);
    await second.lock(never, () => undefined);

    // Held by one that never lets go: 423, the answer tus clients retry.
    await expect(locker.newLock(id).lock(never, () => undefined)).rejects.toMatchObject({ status_code: 423 });
    await second.unlock();

    // A node that died holding a lease (no renewals): taken over once it has run out.
    const dead = new PgLocker(db, { ...quick, renewMs: 60_000 }).newLock(id);
    await dead.lock(never, () => undefined);
    const started = Date.now();
    const next = new PgLocker(db, { ...quick, waitMs: 2_000 }).newLock(id);
    await next.lock(never, () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await next.unlock();
    await dead.unlock();
  });

  // Last: the purge sweeps the whole schema.
  test('the purge removes expired parts and orphan pages from PostgreSQL', async () => {
    const db = a.store.db as unknown as Kysely<BlobTables>;
    const orphan = bigDossier();
    const [page, other] = orphan.files as [TestFile, TestFile];
    expect(await injectUpload(b.app, orphan.id, page)).toBe(201); // stored, but no dossier ever comes
    const partial = await create(a, orphan.id, other);
    expect((await patch(a, partial, 0, other.bytes.subarray(0, 300_000))).status).toBe(204);
    const key = (await a.store.getAttachment(page.ref.id))!.path;
    const finishedRow = () => db.selectFrom('upload_parts').select('id').where('metadata', 'like', `%${page.ref.id}%`).where('finished_at', 'is not', null).execute();
    expect(await finishedRow()).toHaveLength(1);
    expect(await db.selectFrom('blob_chunks').select('pos').where('key', '=', key).execute()).toHaveLength(3);

    clock.set(new Date(clock.now().getTime() + 25 * 3_600_000));
    const report = await b.app.purge.run();
    expect(report.uploadParts).toBeGreaterThanOrEqual(1);
    expect(report.attachments).toBeGreaterThanOrEqual(1);
    expect((await head(a, partial)).status).toBe(404);
    expect((await head(b, partial)).status).toBe(404);
    expect(await db.selectFrom('blobs').select('key').where('key', '=', key).execute()).toEqual([]);
    expect(await finishedRow()).toEqual([]);
    expect(await db.selectFrom('blob_chunks').select('pos').where('key', '=', key).execute()).toEqual([]);
    const partialId = partial.split('/').pop()!;
    expect(await db.selectFrom('upload_chunks').select('pos').where('upload_id', '=', partialId).execute()).toEqual([]);
    const late = await putDossier(a.app, orphan.id, orphan.body, orphan.secret);
    expect(late.statusCode).toBe(422);
  });
});
