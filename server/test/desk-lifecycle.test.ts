// The desk through the API, on SQLite: the queue and its search, a dossier's detail with the
// bytes re-verified, the whole lifecycle with the supplement round trip and the result the
// citizen downloads, the stored forms, reschedule rules, action ids, result uploads.
import { writeFileSync } from 'node:fs';
import type { ActionResponse, DossierListResponse, DossierStatusResponse, Receipt } from '@hsc/shared';
import { verifySignature, type PublicKeyEntry } from '@hsc/shared/receipt-signing';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FileBlobStore, filesDir } from '../src/blobs/file-blob-store.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import {
  actAll,
  BA_XUYEN,
  detail,
  login,
  MARITAL,
  movableClock,
  PDF,
  PNG,
  sendDossier,
  toProcessingWithResult,
  uploadResult,
  vn,
  VO_NHAI,
  type Agent,
} from './support/desk.ts';
import { injectUpload, newSecret, sha256, testFile } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
let officer: Agent;
let leader: Agent;
let province: Agent;
const TUESDAY = vn('2026-03-10T09:00:00');
const clock = movableClock(TUESDAY);

/** Sessions last 12 hours: after the clock jumps days ahead, staff sign in again. */
async function jump(at: Date) {
  clock.set(at);
  [officer, leader, province] = [await login(t.app, 'demo.officer'), await login(t.app, 'demo.leader'), await login(t.app, 'demo.province')];
}

beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
});
beforeEach(() => jump(TUESDAY));
afterAll(() => t.close());

const status = async (id: string, secret: string) =>
  (await t.app.inject({ url: `/api/dossiers/${id}/status`, headers: { 'x-dossier-secret': secret } })).json<DossierStatusResponse>();

describe('the queue', () => {
  test('lists the unit’s dossiers by due date with badges; searches tone-insensitively by name, phone, citizen ID, code', async () => {
    const a = await sendDossier(t.app, VO_NHAI, { fullName: 'Hoàng Văn Đức', phone: '0987111222', citizenId: '019111222333' });
    const b = await sendDossier(t.app, VO_NHAI, { fullName: 'Lường Thị Mến', phone: '0912333444', citizenId: '019244555666' });
    await sendDossier(t.app, BA_XUYEN, { fullName: 'Hoàng Văn Đức' });
    const list = (await officer.get('/api/staff/dossiers?status=registered')).json<DossierListResponse>();
    expect(list.items.every((i) => i.unitCode === VO_NHAI)).toBe(true);
    expect(list.items.find((i) => i.id === a.id)).toEqual({
      id: a.id,
      code: a.receipt.code,
      status: 'registered',
      channel: 'online',
      procedureCode: MARITAL,
      unitCode: VO_NHAI,
      applicantName: 'Hoàng Văn Đức',
      phone: '0987111222',
      receivedAt: a.receipt.receivedAt,
      dueAt: a.receipt.dueAt,
      badge: { kind: 'days_left', days: 3 },
      holder: null,
    });
    const search = async (q: string) => (await officer.get(`/api/staff/dossiers?q=${encodeURIComponent(q)}`)).json<DossierListResponse>().items.map((i) => i.id);
    expect(await search('hoang van duc')).toEqual([a.id]);
    expect(await search('Mến')).toEqual([b.id]);
    expect(await search('0912 333 444')).toEqual([b.id]);
    expect(await search('019244555666')).toEqual([b.id]);
    expect(await search(b.receipt.code)).toEqual([b.id]);
    expect(await search('duc men')).toEqual([]);
    // The province sees both units and may filter one.
    const all = (await province.get('/api/staff/dossiers?q=hoang%20duc')).json<DossierListResponse>().items;
    expect(new Set(all.map((i) => i.unitCode))).toEqual(new Set([VO_NHAI, BA_XUYEN]));
    expect((await province.get(`/api/staff/dossiers?q=hoang%20duc&unit=${BA_XUYEN}`)).json<DossierListResponse>().items).toHaveLength(1);
  });

  test('pages with a cursor, most urgent first', async () => {
    for (let i = 0; i < 3; i++) await sendDossier(t.app, VO_NHAI);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await officer.get(`/api/staff/dossiers?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json<DossierListResponse>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => `${i.dueAt}|${i.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('the detail shows fields and pages with "bytes verified", and notices a damaged file', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    const view = await detail(officer, d.id);
    expect(view).toMatchObject({ id: d.id, status: 'registered', procedureName: 'Cấp giấy xác nhận tình trạng hôn nhân', unitName: 'Xã Võ Nhai', fields: { currentStatus: 'single' } });
    expect(view.attachments.map((a) => [a.slot, a.version, a.current, a.verified])).toEqual([
      ['declaration', 1, true, true],
      ['idCard', 1, true, true],
    ]);
    expect(view.actions).toEqual(['accept', 'request_supplement', 'refuse']);
    // The page's bytes, inline, never sniffed.
    const file = await officer.get(`/api/staff/dossiers/${d.id}/files/${d.files[0]!.ref.id}`);
    expect(file.statusCode).toBe(200);
    expect(sha256(file.rawPayload)).toBe(d.files[0]!.ref.sha256);
    expect(file.headers).toMatchObject({ 'content-type': 'image/jpeg', 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
    expect(file.headers['content-disposition']).toMatch(/^inline; /);
    expect((await store.audit.list({ dossierId: d.id })).map((e) => [e.action, e.staffId, e.details])).toContainEqual([
      'read_file',
      officer.session.user.id,
      { attachmentId: d.files[0]!.ref.id },
    ]);
    // Damage one stored file: the mark goes.
    const blobs = new FileBlobStore(filesDir(t.dataDir));
    writeFileSync(blobs.pathOf(blobs.keyFor(d.files[1]!.ref.id, d.files[1]!.ref.sha256)), Buffer.alloc(d.files[1]!.ref.size));
    expect((await detail(officer, d.id)).attachments.map((a) => a.verified)).toEqual([true, false]);
  });
});

describe('the lifecycle', () => {
  test('accept → supplement request → citizen resubmits → accept → process → finish with a result → return; the citizen downloads it', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    // Request a supplement: every missing or wrong document, at once (Mẫu 02).
    const items = [
      { slot: 'idCard', label: 'Căn cước', reason: 'Ảnh chụp bị mờ, không đọc được số' },
      { slot: 'divorcePapers', label: 'Quyết định ly hôn', reason: 'Còn thiếu' },
    ];
    const asked = await officer.act(d.id, { action: 'request_supplement', items });
    expect(asked.statusCode, asked.body).toBe(200);
    const { dossier: afterAsk, form: form02 } = asked.json<ActionResponse>();
    expect(afterAsk.status).toBe('supplement_requested');
    expect(afterAsk.badge).toBeNull();
    expect(form02).toMatchObject({ kind: '02', number: '1/2026', dossierCode: d.receipt.code, items, officer: { name: 'Cán bộ một cửa (demo)' } });

    // The citizen's next sync shows exactly what to add and why.
    const st = await status(d.id, d.secret);
    expect(st.status).toBe('supplement_requested');
    expect(st.supplement).toEqual({ id: afterAsk.supplements[0]!.id, requestedAt: TUESDAY.toISOString(), items });

    // Two days later, after 15:00, the citizen sends the new pages (uploaded first with tus).
    const back = vn('2026-03-12T16:00:00');
    await jump(back);
    const newPages = [testFile('idCard'), testFile('divorcePapers')];
    for (const f of newPages) expect(await injectUpload(t.app, d.id, f)).toBe(201);
    const url = `/api/dossiers/${d.id}/supplements/${st.supplement!.id}`;
    const payload = { attachments: newPages.map((f) => f.ref), fields: { purpose: 'Kết hôn với người nước ngoài' } };
    const resent = await t.app.inject({ method: 'PUT', url, headers: { 'x-dossier-secret': d.secret }, payload });
    expect(resent.statusCode, resent.body).toBe(201);
    const receipt = resent.json<{ receipt: Receipt }>().receipt;
    // The clock restarts from zero: Friday 07:30 counts as the start, three working days → Wednesday.
    expect(receipt).toMatchObject({ code: d.receipt.code, status: 'registered', receivedAt: back.toISOString(), dueAt: vn('2026-03-18T17:00:00').toISOString(), supplementId: st.supplement!.id });
    expect(receipt.documents.map((x) => x.attachmentId)).toEqual(newPages.map((f) => f.ref.id));
    // Idempotent by the request's id; other content is a 409 naming the difference.
    const again = await t.app.inject({ method: 'PUT', url, headers: { 'x-dossier-secret': d.secret }, payload });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(resent.body);
    const changed = await t.app.inject({ method: 'PUT', url, headers: { 'x-dossier-secret': d.secret }, payload: { ...payload, fields: {} } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ error: 'conflict', differences: ['fields.purpose'] });

    // Every version is kept: the old ID card page stays, the new pages are version 2.
    const view = await detail(officer, d.id);
    expect(view.status).toBe('registered');
    expect(view.dueAt).toBe(receipt.dueAt);
    expect(view.clockFrom).toBe(back.toISOString());
    expect(view.receivedAt).toBe(d.receipt.receivedAt);
    expect(view.fields.purpose).toBe('Kết hôn với người nước ngoài');
    expect(view.attachments.map((a) => [a.slot, a.version, a.current, a.verified])).toEqual([
      ['declaration', 1, true, true],
      ['idCard', 1, false, true],
      ['idCard', 2, true, true],
      ['divorcePapers', 2, true, true],
    ]);
    expect(view.supplements[0]).toMatchObject({ answeredAt: back.toISOString(), fields: { purpose: 'Kết hôn với người nước ngoài' }, receipt });

    // Accept (Mẫu 01), process, finish with a result, return.
    await jump(vn('2026-03-13T08:00:00'));
    const accepted = (await officer.act(d.id, { action: 'accept' })).json<ActionResponse>();
    expect(accepted.form).toMatchObject({
      kind: '01',
      channel: 'online',
      dueAt: receipt.dueAt,
      receivedAt: back.toISOString(),
      applicant: { fullName: 'Nguyễn Thị Hoa' },
      procedure: { code: MARITAL, name: 'Cấp giấy xác nhận tình trạng hôn nhân' },
      agency: { unitCode: VO_NHAI, unitName: 'Xã Võ Nhai', agencyId: `H19.${VO_NHAI}` },
      documents: [
        { slot: 'declaration', pages: 1, version: 1 },
        { slot: 'idCard', pages: 1, version: 2 },
        { slot: 'divorcePapers', pages: 1, version: 2 },
      ],
    });
    // What the officer prints is the stored text, byte for byte.
    const printed = await officer.get(`/api/staff/forms/${accepted.form!.id}`);
    expect(printed.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(printed.body)).toEqual(accepted.form);
    const stored = await store.db.selectFrom('forms').select('body').where('id', '=', accepted.form!.id).executeTakeFirstOrThrow();
    expect(printed.body).toBe(stored.body);

    await actAll(officer, d.id, [{ action: 'start_processing' }]);
    const finishEarly = await officer.act(d.id, { action: 'finish', resultId: crypto.randomUUID() });
    expect(finishEarly.statusCode).toBe(409);
    expect(finishEarly.json()).toMatchObject({ error: 'result_required' });
    const up = await uploadResult(officer, d.id);
    expect(up.statusCode, up.body).toBe(201);
    const { resultId, sha256: resultHash } = up.json<{ resultId: string; sha256: string }>();
    expect(resultHash).toBe(sha256(PDF));
    const finished = (await officer.act(d.id, { action: 'finish', resultId })).json<ActionResponse>();
    expect(finished.dossier.result).toMatchObject({ id: resultId, fileName: 'Giấy xác nhận.pdf', mediaType: 'application/pdf', size: PDF.length, verified: true });

    const processed = await status(d.id, d.secret);
    expect(processed.status).toBe('processed');
    expect(processed.result).toEqual({ fileName: 'Giấy xác nhận.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: resultHash });
    const download = await t.app.inject({ url: `/api/dossiers/${d.id}/result`, headers: { 'x-dossier-secret': d.secret } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Gi%E1%BA%A5y");
    expect((await t.app.inject({ url: `/api/dossiers/${d.id}/result`, headers: { 'x-dossier-secret': newSecret() } })).statusCode).toBe(404);

    const returned = (await officer.act(d.id, { action: 'return_result' })).json<ActionResponse>();
    expect(returned.dossier.status).toBe('returned');
    expect(returned.dossier.actions).toEqual([]);
    expect(returned.dossier.timeline.map((e) => e.status)).toEqual(['registered', 'supplement_requested', 'registered', 'accepted', 'processing', 'processed', 'returned']);
    // A final status takes no more actions, not even the citizen's withdrawal.
    const withdraw = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/withdraw`, headers: { 'x-dossier-secret': d.secret } });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json()).toMatchObject({ error: 'invalid_transition' });

    // Every step is in the audit log with actor, status change, IP and device; reads too.
    const log = await store.audit.list({ dossierId: d.id });
    expect(log.map((e) => [e.actorKind, e.action, e.fromStatus, e.toStatus])).toEqual(
      expect.arrayContaining([
        ['citizen', 'submit', null, 'registered'],
        ['staff', 'request_supplement', 'registered', 'supplement_requested'],
        ['citizen', 'supplement_submitted', 'supplement_requested', 'registered'],
        ['staff', 'accept', 'registered', 'accepted'],
        ['staff', 'finish', 'processing', 'processed'],
        ['citizen', 'read_result', null, null],
        ['staff', 'return_result', 'processed', 'returned'],
        ['staff', 'read_dossier', null, null],
        ['staff', 'read_form', null, null],
        ['staff', 'result_uploaded', null, null],
      ]),
    );
    expect(log.find((e) => e.action === 'accept')).toMatchObject({ staffId: officer.session.user.id, ip: '127.0.0.1', userAgent: 'lightMyRequest' });
  });

  test('a supplement that leaves a required document out, or brings a page of another dossier, is refused', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    const { dossier } = await actAll(officer, d.id, [{ action: 'request_supplement', items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Mờ' }] }]);
    const url = `/api/dossiers/${d.id}/supplements/${dossier.supplements[0]!.id}`;
    const put = (payload: object, secret = d.secret) => t.app.inject({ method: 'PUT', url, headers: { 'x-dossier-secret': secret }, payload });
    const page = testFile('idCard');
    // Not uploaded yet: 422 names it; nothing changes.
    expect((await put({ attachments: [page.ref] })).json()).toMatchObject({ error: 'attachments_missing', missing: [page.ref.id] });
    // An old page sent again as new, an unknown field: 400.
    expect((await put({ attachments: [d.files[1]!.ref] })).json()).toMatchObject({ error: 'invalid', fields: [{ path: 'documents.idCard', code: 'duplicateAttachment' }] });
    expect((await put({ attachments: [], fields: { nope: 'x' } })).json()).toMatchObject({
      fields: [{ path: 'documents.idCard', code: 'missingDocument' }, { path: 'fields.nope', code: 'unknownField' }],
    });
    // Every slot the request names must come back with a page.
    const declaration = testFile('declaration');
    expect(await injectUpload(t.app, d.id, declaration)).toBe(201);
    expect((await put({ attachments: [declaration.ref] })).json()).toMatchObject({ error: 'invalid', fields: [{ path: 'documents.idCard', code: 'missingDocument' }] });
    // Wrong secret or unknown request: the same 404 as for an unknown dossier.
    expect((await put({ attachments: [] }, newSecret())).statusCode).toBe(404);
    const unknown = await t.app.inject({ method: 'PUT', url: `/api/dossiers/${d.id}/supplements/${crypto.randomUUID()}`, headers: { 'x-dossier-secret': d.secret }, payload: { attachments: [] } });
    expect(unknown.statusCode).toBe(404);
    expect((await status(d.id, d.secret)).status).toBe('supplement_requested');
    // Then the honest one.
    expect(await injectUpload(t.app, d.id, page)).toBe(201);
    expect((await put({ attachments: [page.ref] })).statusCode).toBe(201);
  });

  test('refuse (Mẫu 03) needs reasons; a withdrawn dossier stays withdrawn', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    expect((await officer.act(d.id, { action: 'refuse', reasons: [] })).statusCode).toBe(400);
    const refused = (await officer.act(d.id, { action: 'refuse', reasons: ['Không thuộc thẩm quyền của xã'] })).json<ActionResponse>();
    expect(refused.form).toMatchObject({ kind: '03', reasons: ['Không thuộc thẩm quyền của xã'] });
    expect(refused.dossier.status).toBe('refused');

    const w = await sendDossier(t.app, VO_NHAI);
    const headers = { 'x-dossier-secret': w.secret };
    const first = await t.app.inject({ method: 'POST', url: `/api/dossiers/${w.id}/withdraw`, headers });
    expect(first.statusCode).toBe(200);
    expect(first.json<DossierStatusResponse>().status).toBe('withdrawn');
    expect((await t.app.inject({ method: 'POST', url: `/api/dossiers/${w.id}/withdraw`, headers })).statusCode).toBe(200);
    expect((await officer.act(w.id, { action: 'accept' })).json()).toMatchObject({ error: 'invalid_transition' });
  });

  test('reschedule (Mẫu 04): leader only, once, to a later working day, at least one day before the due date', async () => {
    const d = await sendDossier(t.app, VO_NHAI); // due Friday 13/3 17:00
    await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }]);
    const apology = { action: 'reschedule' as const, newDueAt: vn('2026-03-18T17:00:00').toISOString(), reason: 'Cần xác minh tại nơi cư trú trước' };
    expect((await officer.act(d.id, apology)).json()).toMatchObject({ error: 'forbidden_role' });
    await jump(vn('2026-03-13T08:00:00'));
    expect((await leader.act(d.id, apology)).json()).toMatchObject({ error: 'reschedule_too_late' });
    await jump(vn('2026-03-12T16:00:00'));
    const moved = await leader.act(d.id, apology);
    expect(moved.statusCode, moved.body).toBe(200);
    const { dossier, form } = moved.json<ActionResponse>();
    expect(dossier).toMatchObject({ dueAt: apology.newDueAt, rescheduled: true });
    expect(form).toMatchObject({ kind: '04', previousDueAt: d.receipt.dueAt, newDueAt: apology.newDueAt, reason: apology.reason });
    expect((await status(d.id, d.secret)).dueAt).toBe(apology.newDueAt);
    const twice = await leader.act(d.id, { ...apology, newDueAt: vn('2026-03-20T17:00:00').toISOString() });
    expect(twice.json()).toMatchObject({ error: 'already_rescheduled', message: expect.stringContaining('một lần') });
  });

  test('the citizen status carries the signed forms exactly as stored, verifying against the published keys', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    expect((await status(d.id, d.secret)).decisions).toBeUndefined();
    const accepted = (await officer.act(d.id, { action: 'accept' })).json<ActionResponse>();
    const { decisions } = await status(d.id, d.secret);
    expect(decisions).toHaveLength(1);
    const [decision] = decisions!;
    const stored = JSON.parse((await store.db.selectFrom('forms').select('body').where('id', '=', accepted.form!.id).executeTakeFirstOrThrow()).body);
    expect(decision).toEqual({ formId: accepted.form!.id, kind: '01', issuedAt: accepted.form!.issuedAt, signed: stored.signed, signature: stored.signature, kid: stored.kid });
    const { keys } = (await t.app.inject('/api/receipts/keys')).json<{ keys: PublicKeyEntry[] }>();
    const verdict = await verifySignature(decision!, keys);
    expect(verdict).toMatchObject({ kind: 'valid', kid: stored.kid, payload: { id: accepted.form!.id, kind: '01', dossierId: d.id } });
    const tampered = { ...decision!, signed: decision!.signed.slice(0, -2) + (decision!.signed.endsWith('A') ? 'BB' : 'AA') };
    expect((await verifySignature(tampered, keys)).kind).not.toBe('valid');
  });

  test('an action id makes an action idempotent; reusing it for another action is a 409', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    const actionId = crypto.randomUUID();
    const first = await officer.act(d.id, { action: 'accept', actionId });
    const again = await officer.act(d.id, { action: 'accept', actionId });
    expect(again.statusCode).toBe(200);
    expect(again.json<ActionResponse>().form).toEqual(first.json<ActionResponse>().form);
    expect((await officer.act(d.id, { action: 'start_processing', actionId })).json()).toMatchObject({ error: 'action_id_conflict' });
    expect((await store.audit.list({ dossierId: d.id })).filter((e) => e.action === 'accept')).toHaveLength(1);
  });

  test('result upload: only while processing, PDF/JPEG/PNG whose bytes match the type, at most 20 MB', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    expect((await uploadResult(officer, d.id)).json()).toMatchObject({ error: 'invalid_transition' });
    await toProcessingWithResult(officer, d.id);
    expect((await uploadResult(officer, d.id, PNG, 'image/png', 'ket-qua.png')).statusCode).toBe(201);
    expect((await uploadResult(officer, d.id, PNG, 'application/pdf')).statusCode).toBe(415);
    expect((await uploadResult(officer, d.id, Buffer.from('<html><script>alert(1)</script>'), 'text/html')).statusCode).toBe(415);
    const big = await officer.req({
      method: 'POST',
      url: `/api/staff/dossiers/${d.id}/result`,
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'big.pdf' },
      payload: Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    const noName = await officer.req({ method: 'POST', url: `/api/staff/dossiers/${d.id}/result`, headers: { 'content-type': 'application/pdf' }, payload: PDF });
    expect(noName.statusCode).toBe(400);
  });

});

describe('supplement pages before they are sent', () => {
  test('may be replaced by the device (a re-taken photo) until the resubmission holds them; then never', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    const { dossier } = await actAll(officer, d.id, [{ action: 'request_supplement', items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Mờ' }] }]);
    const first = testFile('idCard');
    expect(await injectUpload(t.app, d.id, first)).toBe(201);
    const retaken = { ...testFile('idCard'), ref: { ...first.ref } };
    retaken.ref = { ...first.ref, sha256: sha256(retaken.bytes), size: retaken.bytes.length };
    expect(await injectUpload(t.app, d.id, retaken)).toBe(201);
    const url = `/api/dossiers/${d.id}/supplements/${dossier.supplements[0]!.id}`;
    expect((await t.app.inject({ method: 'PUT', url, headers: { 'x-dossier-secret': d.secret }, payload: { attachments: [retaken.ref] } })).statusCode).toBe(201);
    const impostor = { ...testFile('idCard'), ref: { ...first.ref } };
    impostor.ref = { ...first.ref, sha256: sha256(impostor.bytes), size: impostor.bytes.length };
    expect(await injectUpload(t.app, d.id, impostor)).toBe(422);
    expect((await detail(officer, d.id)).attachments.find((a) => a.id === first.ref.id)).toMatchObject({ sha256: retaken.ref.sha256, verified: true });
  });
});
