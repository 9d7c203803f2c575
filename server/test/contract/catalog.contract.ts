// The managed catalog through the HTTP API, on each store: drafts and versions, the catalog file
// (round trip, refusals by path, all-or-nothing), deltas for the phones, dossiers pinned to the
// version they were filled in, retired procedures, templates. Runs on a database of its own,
// since it retires and changes procedures other suites rely on.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SEED_PROCEDURES, type AdminProcedure, type Catalog, type CatalogFile, type CatalogImportResult, type DeskDossier, type ProcedureDef, type TemplateRef } from '@hsc/shared';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { login, MARITAL, PDF, sendDossier, VO_NHAI, type Agent } from '../support/desk.ts';
import { fixedClock, injectUpload, newSecret, putDossier, submission, testFile, TUESDAY_MORNING } from '../support/fixtures.ts';
import { tempDir, type StoreHarness } from '../support/stores.ts';
import { TEST_KEK } from '../support/keys.ts';

/** Chứng thực chữ ký: one text field, two required slots. */
const SIGNATURE = '2.000884';
const seedDef = (code: string): ProcedureDef => structuredClone(SEED_PROCEDURES.find((p) => p.code === code)!);

export function describeCatalogContract(harness: () => StoreHarness) {
  let app: FastifyInstance;
  let store: KyselyStore;
  let admin: Agent;
  let dispose: () => Promise<void>;
  const dataDir = tempDir();

  beforeAll(async () => {
    const fresh = await harness().fresh();
    store = fresh.store;
    dispose = fresh.dispose;
    app = await buildApp({ dataDir, webRoot: null, demo: true, now: fixedClock(TUESDAY_MORNING), keyEncryptionKey: TEST_KEK, store });
    admin = await login(app, 'demo.admin');
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const catalogVersion = async () => (await app.inject('/api/procedures')).json<Catalog>().version;
  const exported = async () => (await admin.get('/api/admin/catalog/export')).json<CatalogFile>();
  const importFile = (file: unknown, dryRun: boolean) => admin.req({ method: 'POST', url: `/api/admin/catalog/import${dryRun ? '?dryRun=true' : ''}`, payload: file as object });
  const saveDraft = (def: ProcedureDef) => admin.req({ method: 'PUT', url: `/api/admin/procedures/${def.code}/draft`, payload: def });
  const publish = (code: string) => admin.post(`/api/admin/procedures/${code}/publish`);

  /** Sends a signature-certification dossier (its two pages uploaded first); answers the PUT. */
  async function sendSignature(over: Parameters<typeof submission>[1] = {}) {
    const files = [testFile('idCard'), testFile('document')];
    const id = randomUUID();
    for (const f of files) expect(await injectUpload(app, id, f)).toBe(201);
    return { id, res: await putDossier(app, id, submission(files, over), newSecret()) };
  }

  describe('Catalog contract', () => {
    test('export then import changes nothing: the file round-trips', async () => {
      const before = await catalogVersion();
      const file = await exported();
      expect(file).toMatchObject({ format: 'hosocong-catalog', formatVersion: 1 });
      expect(file.procedures.map((p) => p.code)).toEqual(SEED_PROCEDURES.map((p) => p.code));
      const dry = await importFile(file, true);
      expect(dry.json()).toEqual({ added: [], changed: [], retired: [], unchanged: SEED_PROCEDURES.length, errors: [] });
      const real = await importFile(file, false);
      expect(real.statusCode).toBe(200);
      expect(real.json<CatalogImportResult>()).toMatchObject({ added: [], changed: [], retired: [], unchanged: SEED_PROCEDURES.length, version: before });
      expect(await catalogVersion()).toBe(before);
    });

    test('a file with errors changes nothing and names every problem by path, in the language asked', async () => {
      const before = await catalogVersion();
      const file = await exported();
      const bad = structuredClone(file) as unknown as { procedures: Record<string, unknown>[] };
      (bad.procedures[3]!['fields'] as Record<string, unknown>[])[0]!['type'] = 'colour';
      bad.procedures[5]!['code'] = bad.procedures[4]!['code'];
      delete (bad.procedures[7]!['name'] as Record<string, unknown>)['en'];
      const dry = await importFile(bad, true);
      expect(dry.statusCode).toBe(200);
      const paths = dry.json<CatalogImportResult>().errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['procedures[3].fields[0].type', 'procedures[7].name.en']));
      const real = await admin.req({ method: 'POST', url: '/api/admin/catalog/import', payload: bad, headers: { 'accept-language': 'en' } });
      expect(real.statusCode).toBe(400);
      const errors = real.json<CatalogImportResult>().errors;
      expect(errors.find((e) => e.path === 'procedures[7].name.en')?.message).toBe('This is missing.');
      // The duplicate code is found once the shapes are right.
      const dup = structuredClone(file);
      dup.procedures[5]!.code = dup.procedures[4]!.code;
      const dupAnswer = await importFile(dup, false);
      expect(dupAnswer.statusCode).toBe(400);
      expect(dupAnswer.json<CatalogImportResult>().errors).toEqual([{ path: 'procedures[5].code', message: `Mã thủ tục "${dup.procedures[4]!.code}" xuất hiện hai lần trong tệp.` }]);
      expect((await importFile({ format: 'other', procedures: [] }, true)).json<CatalogImportResult>().errors.map((e) => e.path)).toEqual(['format', 'formatVersion']);
      expect(await catalogVersion()).toBe(before);
    });

    test('an import that fails in the middle of publishing changes nothing', async () => {
      const before = await catalogVersion();
      const file = await exported();
      const added = { ...seedDef(SIGNATURE), code: 'T.0001', name: { vi: 'Thủ tục thử', en: 'Trial procedure' } };
      const changedCode = file.procedures[6]!.code;
      file.procedures.unshift(added);
      file.procedures[7]!.processingDays = 9;
      // A row in the way of the changed procedure's next version: its insert fails after the new one's.
      const next = (await store.catalog.get(changedCode))!.version! + 1;
      await store.db.insertInto('procedure_versions').values({ code: changedCode, version: next, body: '{}', published_at: 'x', catalog_version: 0 }).execute();
      const res = await importFile(file, false);
      expect(res.statusCode).toBe(500);
      expect(await store.catalog.get('T.0001')).toBeUndefined();
      expect(await catalogVersion()).toBe(before);
      expect((await app.inject(`/api/procedures/${changedCode}`)).json()).toEqual(await app.inject(`/api/procedures/${changedCode}?version=${next - 1}`).then((r) => r.json()));
      await sql`delete from procedure_versions where code = ${changedCode} and version = ${next}`.execute(store.db);
    });

    test('drafts, publish and the problems of a draft by path; only an administrator, with CSRF', async () => {
      const def: ProcedureDef = {
        ...seedDef(SIGNATURE),
        code: 'T.0002',
        fields: [
          { key: 'members', type: 'group', required: true, label: { vi: 'Thành viên', en: 'Members' }, minRows: 1, maxRows: 5, fields: [{ key: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } }] },
          { key: 'hasCar', type: 'yesNo', required: true, label: { vi: 'Có xe?', en: 'A car?' } },
          { key: 'plate', type: 'text', required: true, label: { vi: 'Biển số', en: 'Plate' }, showIf: { field: 'hasCar', equals: 'yes' } },
        ],
      };
      const invalid = structuredClone(def);
      invalid.fields[1] = { ...invalid.fields[1]!, type: 'choice' };
      const refused = await saveDraft(invalid);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([{ path: 'fields.1.options', code: 'invalid', message: 'Mục chọn cần có ít nhất một lựa chọn.' }]);
      expect((await admin.get('/api/admin/procedures/T.0002')).statusCode).toBe(404);

      const saved = await saveDraft(def);
      expect(saved.statusCode).toBe(200);
      expect(saved.json<AdminProcedure>()).toMatchObject({ code: 'T.0002', status: 'draft', version: null });
      expect((await app.inject('/api/procedures/T.0002')).statusCode).toBe(404);
      const before = Number(await catalogVersion());
      const published = await publish('T.0002');
      expect(published.json<AdminProcedure>()).toMatchObject({ status: 'published', version: 1 });
      expect(published.json<AdminProcedure>().draft).toBeUndefined();
      expect(Number(await catalogVersion())).toBe(before + 1);
      expect((await publish('T.0002')).statusCode).toBe(409);
      // Publishing again what phones already have makes no new version.
      expect((await saveDraft(def)).json<AdminProcedure>().draft).toBeDefined();
      const same = (await publish('T.0002')).json<AdminProcedure>();
      expect(same).toMatchObject({ status: 'published', version: 1 });
      expect(same.draft).toBeUndefined();
      expect(Number(await catalogVersion())).toBe(before + 1);
      expect((await app.inject('/api/procedures/T.0002')).json()).toMatchObject({ code: 'T.0002', version: 1, fields: def.fields });

      expect((await admin.req({ method: 'POST', url: '/api/admin/procedures/T.0002/retire', csrf: false })).statusCode).toBe(403);
      const officer = await login(app, 'demo.officer');
      expect((await officer.get('/api/admin/procedures')).statusCode).toBe(403);
      expect((await officer.req({ method: 'PUT', url: '/api/admin/procedures/T.0002/draft', payload: def })).statusCode).toBe(403);
    });

    test('group rows and conditional fields reach the desk and the signed Mẫu 01 as people read them', async () => {
      const fields = { members: [{ name: 'Lò Văn Páo' }, { name: 'Lò Thị Mai' }], hasCar: 'yes', plate: '20A-123.45' };
      const sent = await sendSignature({ procedureCode: 'T.0002', procedureVersion: 1, unitCode: '05533', fields });
      expect(sent.res.statusCode, sent.res.body).toBe(201);
      const missingRow = await sendSignature({ procedureCode: 'T.0002', procedureVersion: 1, unitCode: '05533', fields: { members: [], hasCar: 'no' } });
      expect(missingRow.res.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(['fields.members:required']);

      const officer = await login(app, 'demo.officer2');
      expect((await officer.get(`/api/staff/dossiers/${sent.id}`)).json<{ dossier: DeskDossier }>().dossier.fields).toEqual(fields);
      const accepted = (await officer.act(sent.id, { action: 'accept' })).json<{ form: { kind: string; fields: unknown } }>();
      expect(accepted.form.kind).toBe('01');
      expect(accepted.form.fields).toEqual([
        { key: 'members', label: 'Thành viên', rows: [[{ label: 'Họ tên', value: 'Lò Văn Páo' }], [{ label: 'Họ tên', value: 'Lò Thị Mai' }]] },
        { key: 'hasCar', label: 'Có xe?', value: 'Có' },
        { key: 'plate', label: 'Biển số', value: '20A-123.45' },
      ]);
    });

    test('a phone asks for what changed since its version: changed procedures and retired codes only', async () => {
      const full = await app.inject('/api/procedures');
      const { version } = full.json<Catalog>();
      expect(full.headers.etag).toBe(`"${version}"`);
      expect((await app.inject({ url: '/api/procedures', headers: { 'if-none-match': `"${version}"` } })).statusCode).toBe(304);
      expect((await app.inject(`/api/procedures?since=${version}`)).json()).toEqual({ version, procedures: [], retired: [], delta: true });

      const changed = { ...seedDef('1.004194'), processingDays: 4 };
      expect((await saveDraft(changed)).statusCode).toBe(200);
      await publish('1.004194');
      await admin.post('/api/admin/procedures/1.004222/retire');
      const delta = (await app.inject(`/api/procedures?since=${version}`)).json<Catalog>();
      expect(delta).toMatchObject({ version: String(Number(version) + 2), retired: ['1.004222'], delta: true });
      expect(delta.procedures.map((p) => [p.code, p.version, p.processingDays])).toEqual([['1.004194', 2, 4]]);
      for (const since of ['0', 'abc', String(Number(version) + 99)]) {
        const answer = (await app.inject(`/api/procedures?since=${since}`)).json<Catalog>();
        expect(answer.delta).toBe(false);
        expect(answer.procedures.some((p) => p.code === '1.004222')).toBe(false);
        expect(answer.procedures.length).toBeGreaterThan(5);
      }
      await admin.post('/api/admin/procedures/1.004222/restore');
      expect((await app.inject(`/api/procedures?since=${delta.version}`)).json<Catalog>().procedures.map((p) => p.code)).toEqual(['1.004222']);
    });

    test('the catalog goes out compressed to a phone that accepts it, and plain to one that does not', async () => {
      const plain = await app.inject('/api/procedures');
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const encoding of ['br', 'gzip'] as const) {
        const packed = await app.inject({ url: '/api/procedures', headers: { 'accept-encoding': encoding } });
        expect(packed.headers['content-encoding']).toBe(encoding);
        const body = encoding === 'br' ? brotliDecompressSync(packed.rawPayload) : gunzipSync(packed.rawPayload);
        expect(JSON.parse(body.toString())).toEqual(plain.json());
        expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      }
    });

    test('a dossier is validated, stored and shown against the version it was filled in', async () => {
      const v1 = (await app.inject(`/api/procedures/${SIGNATURE}`)).json<{ version: number }>().version;
      const v2 = { ...seedDef(SIGNATURE), fields: [...seedDef(SIGNATURE).fields, { key: 'copies', type: 'number' as const, required: true, label: { vi: 'Số bản', en: 'Copies' }, min: 1 }] };
      expect((await saveDraft(v2)).statusCode).toBe(200);
      expect((await publish(SIGNATURE)).json<AdminProcedure>().version).toBe(v1 + 1);

      const pinned = await sendSignature({ procedureVersion: v1, unitCode: '05533' });
      expect(pinned.res.statusCode, pinned.res.body).toBe(201);
      const unpinned = await sendSignature();
      expect(unpinned.res.statusCode).toBe(400);
      expect(unpinned.res.json().fields).toEqual([{ path: 'fields.copies', code: 'required', message: 'Vui lòng điền mục này.' }]);
      const unknown = await sendSignature({ procedureVersion: 99 });
      expect(unknown.res.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(['procedureVersion:procedureVersion']);

      const officer = await login(app, 'demo.officer2');
      const seen = (await officer.get(`/api/staff/dossiers/${pinned.id}`)).json<{ dossier: DeskDossier }>().dossier;
      expect(seen.procedureVersion).toBe(v1);
      expect((await officer.act(pinned.id, { action: 'accept' })).statusCode).toBe(200);
    });

    test('a retired procedure refuses new dossiers in plain words and still processes the ones it has', async () => {
      const sent = await sendDossier(app, VO_NHAI);
      await admin.post(`/api/admin/procedures/${MARITAL}/retire`);
      const files = [testFile('declaration'), testFile('idCard')];
      const id = randomUUID();
      for (const f of files) await injectUpload(app, id, f);
      const refused = await putDossier(app, id, submission(files, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: { currentStatus: 'single', purpose: 'Kết hôn' } }), newSecret());
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([{ path: 'procedureCode', code: 'procedureRetired', message: 'Thủ tục này đã ngừng nhận hồ sơ mới. Hãy hỏi xã, phường về thủ tục thay thế.' }]);
      const officer = await login(app, 'demo.officer');
      expect((await officer.act(sent.id, { action: 'accept' })).statusCode).toBe(200);
      expect((await app.inject(`/api/procedures/${MARITAL}`)).statusCode).toBe(404);
      await admin.post(`/api/admin/procedures/${MARITAL}/restore`);
    });

    test('a procedure offered by some units only refuses a dossier for another unit', async () => {
      const def = { ...seedDef(SIGNATURE), code: 'T.0003', units: ['05533'] };
      await saveDraft(def);
      await publish('T.0003');
      const other = await sendSignature({ procedureCode: 'T.0003', procedureVersion: 1 });
      expect(other.res.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(['unitCode:unitNotOffered']);
      expect((await sendSignature({ procedureCode: 'T.0003', procedureVersion: 1, unitCode: '05533' })).res.statusCode).toBe(201);
    });

    test('a blank form template is uploaded by the administrator and downloadable by anyone', async () => {
      const up = await admin.req({ method: 'POST', url: '/api/admin/catalog/templates', headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('Tờ khai.pdf') }, payload: PDF });
      expect(up.statusCode, up.body).toBe(201);
      const ref = up.json<{ id: string; size: number; fileName: string }>();
      expect(ref).toMatchObject({ fileName: 'Tờ khai.pdf', size: PDF.length });
      const down = await app.inject(`/api/catalog/templates/${ref.id}`);
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(PDF)).toBe(true);
      expect(down.headers['cache-control']).toContain('immutable');
      const wrong = await admin.req({ method: 'POST', url: '/api/admin/catalog/templates', headers: { 'content-type': 'application/pdf', 'x-file-name': 'x.pdf' }, payload: Buffer.from('not a pdf') });
      expect(wrong.statusCode).toBe(415);
      // A catalog file may name only templates the server holds.
      const file = await exported();
      file.procedures[0]!.documents[0]!.template = { ...up.json<TemplateRef>(), id: randomUUID() };
      expect((await importFile(file, true)).json<CatalogImportResult>().errors.map((e) => e.path)).toEqual(['procedures[0].documents[0].template']);
    });
  });
}
