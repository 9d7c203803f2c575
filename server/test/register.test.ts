// The case register (Mẫu 06), the day's receipts and the exports through the API, on SQLite
// and PostgreSQL (the register's queries have subqueries and plain SQL of their own):
// who may read them, what the rows hold, and that the XLSX and CSV read back (exceljs) with the
// rows and the Vietnamese text as they were.
import type { FormBatchResponse, RegisterResponse } from '@hsc/shared/register';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { testApp, type TestApp } from './support/app.ts';
import { actAll, BA_XUYEN, login, movableClock, sendDossier, toProcessingWithResult, vn, VO_NHAI, type Agent } from './support/desk.ts';
import { TEST_KEK } from './support/keys.ts';
import { postgresHarness, sqliteHarness, tempDir, type StoreHarness } from './support/stores.ts';

async function readXlsx(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v instanceof Date ? v.toISOString() : v === undefined || v === null ? '' : String(v))));
  });
  return rows;
}

/** A small CSV reader (quotes, doubled quotes, CRLF) for the test. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

function describeRegister(name: string, makeHarness: () => StoreHarness | Promise<StoreHarness>) {
describe(name, () => {
  let t: TestApp;
  let store: KyselyStore;
  let officer: Agent;
  let leader: Agent;
  let province: Agent;
  let otherOfficer: Agent;
  const TUESDAY = vn('2026-03-10T09:00:00');
  const clock = movableClock(TUESDAY);
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  let harness: StoreHarness;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    harness = await makeHarness();
    const fresh = await harness.fresh();
    store = fresh.store;
    dispose = fresh.dispose;
    t = await testApp({ dataDir: tempDir(), store, demo: true, now: clock.now, keyEncryptionKey: TEST_KEK });
    [officer, leader, province, otherOfficer] = [await login(t.app, 'demo.officer'), await login(t.app, 'demo.leader'), await login(t.app, 'demo.province'), await login(t.app, 'demo.officer2')];
    const names = { a: 'Hoàng Thị Ngọc Ánh', b: 'Đặng Văn Dũng, "Út"', c: 'Lường Thị Xuân' };
    for (const [k, fullName] of Object.entries(names)) {
      const d = await sendDossier(t.app, VO_NHAI, { fullName });
      ids[k] = d.id;
      codes[k] = d.receipt.code;
    }
    ids.other = (await sendDossier(t.app, BA_XUYEN, { fullName: 'Phạm Quốc Bảo' })).id;
    // a: accepted (Mẫu 01), finished and returned the same day; b: accepted; c: refused.
    const resultId = await toProcessingWithResult(officer, ids.a!);
    await actAll(officer, ids.a!, [{ action: 'finish', resultId }, { action: 'return_result' }]);
    await actAll(officer, ids.b!, [{ action: 'accept' }]);
    // b is handed to the commune's specialist: the register's "handed to".
    const specialist = (await store.staff.byUsername('demo.specialist'))!;
    const handed = await officer.post(`/api/staff/dossiers/${ids.b}/handover`, { to: specialist.id });
    expect(handed.statusCode, handed.body).toBe(200);
    await actAll(officer, ids.c!, [{ action: 'refuse', reasons: ['Không thuộc thẩm quyền của xã'] }]);
  });
  afterAll(async () => {
    await t?.close();
    await dispose?.();
    await harness?.close();
  });

  describe('the case register (Mẫu 06)', () => {
    test('a day of the unit: its dossiers in the order received, with the dates and who received them', async () => {
      const res = await officer.get('/api/staff/register?day=2026-03-10');
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<RegisterResponse>();
      expect(r).toMatchObject({ period: '2026-03-10', unit: VO_NHAI, unitName: expect.stringContaining('Võ Nhai') });
      expect(r.rows.map((x) => [x.no, x.code, x.applicantName])).toEqual([
        [1, codes.a, 'Hoàng Thị Ngọc Ánh'],
        [2, codes.b, 'Đặng Văn Dũng, "Út"'],
        [3, codes.c, 'Lường Thị Xuân'],
      ]);
      const [a, b, c] = r.rows;
      expect(a).toMatchObject({ procedureName: 'Cấp giấy xác nhận tình trạng hôn nhân', address: 'Tổ 5, phường Sông Công', status: 'returned', receivedBy: expect.any(String) });
      expect(a!.finishedAt).toBeTruthy();
      expect(a!.returnedAt).toBeTruthy();
      expect(b).toMatchObject({ status: 'accepted', finishedAt: null, returnedAt: null, handedTo: 'Chuyên viên xã Võ Nhai (demo)' });
      expect(a!.handedTo).toBeNull();
      expect(c).toMatchObject({ status: 'refused', receivedBy: null });
      // The month holds the same dossiers; another day none.
      expect((await leader.get('/api/staff/register?month=2026-03')).json<RegisterResponse>().rows).toHaveLength(3);
      expect((await officer.get('/api/staff/register?day=2026-03-11')).json<RegisterResponse>().rows).toEqual([]);
    });

    test('officer and leader read their unit, the province any; others are refused; every read is audited', async () => {
      expect((await officer.get(`/api/staff/register?day=2026-03-10&unit=${BA_XUYEN}`)).statusCode).toBe(403);
      const admin = await login(t.app, 'demo.admin');
      expect((await admin.get('/api/staff/register?day=2026-03-10')).statusCode).toBe(403);
      expect((await officer.get('/api/staff/register?day=2026-03-10&month=2026-03')).statusCode).toBe(400);
      expect((await officer.get('/api/staff/register')).statusCode).toBe(400);
      const all = (await province.get('/api/staff/register?day=2026-03-10')).json<RegisterResponse>();
      expect(all.unit).toBeNull();
      expect(all.rows).toHaveLength(4);
      expect((await province.get(`/api/staff/register?day=2026-03-10&unit=${BA_XUYEN}`)).json<RegisterResponse>().rows.map((x) => x.applicantName)).toEqual(['Phạm Quốc Bảo']);
      const entries = await store.audit.list({ staffId: province.session.user.id, limit: 1000 });
      expect(entries.at(-1)).toMatchObject({ action: 'read_register', details: { period: '2026-03-10', unit: BA_XUYEN, format: 'json', ids: [ids.other] } });
      expect((await otherOfficer.get('/api/staff/register?day=2026-03-10')).json<RegisterResponse>().rows.map((x) => x.applicantName)).toEqual(['Phạm Quốc Bảo']);
    });

    test('as XLSX: a sheet with the title, the columns and the rows in Vietnamese', async () => {
      const res = await officer.get('/api/staff/register?day=2026-03-10&format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="so-theo-doi-ho-so-${VO_NHAI}-2026-03-10.xlsx"; filename*=UTF-8''so-theo-doi-ho-so-${VO_NHAI}-2026-03-10.xlsx`);
      const rows = await readXlsx(res.rawPayload);
      expect(rows[0]![0]).toBe('SỔ THEO DÕI HỒ SƠ');
      expect(rows[2]![0]).toBe('Ngày 10/03/2026');
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows[header]).toEqual([
        'STT',
        'Mã hồ sơ',
        'Tên thủ tục hành chính',
        'Tên cá nhân, tổ chức',
        'Địa chỉ, số điện thoại',
        'Ngày, giờ nhận hồ sơ',
        'Ngày, giờ hẹn trả kết quả',
        'Người tiếp nhận',
        'Chuyển cho',
        'Ngày có kết quả',
        'Ngày trả kết quả',
        'Ghi chú',
      ]);
      const data = rows.slice(header + 1);
      expect(data.map((r) => [r[0], r[1], r[3]])).toEqual([
        ['1', codes.a, 'Hoàng Thị Ngọc Ánh'],
        ['2', codes.b, 'Đặng Văn Dũng, "Út"'],
        ['3', codes.c, 'Lường Thị Xuân'],
      ]);
      expect(data[0]![2]).toBe('Cấp giấy xác nhận tình trạng hôn nhân');
      expect(data[0]![4]).toBe('Tổ 5, phường Sông Công; 0912345678');
      // Dates are spreadsheet dates in Vietnamese wall-clock time: 09:00 is 09:00.
      expect(data[0]![5]).toBe('2026-03-10T09:00:00.000Z');
      expect(data[2]![11]).toContain('Không tiếp nhận');
    });

    test('as CSV: UTF-8 with a byte order mark, quoted where needed, the same rows', async () => {
      const res = await leader.get('/api/staff/register?month=2026-03&format=csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(`so-theo-doi-ho-so-${VO_NHAI}-2026-03.csv`);
      const bytes = res.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = readCsv(bytes.subarray(3).toString('utf8'));
      expect(rows[0]![0]).toBe('STT');
      expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[5]])).toEqual([
        ['1', codes.a, 'Hoàng Thị Ngọc Ánh', '09:00 10/03/2026'],
        ['2', codes.b, 'Đặng Văn Dũng, "Út"', '09:00 10/03/2026'],
        ['3', codes.c, 'Lường Thị Xuân', '09:00 10/03/2026'],
      ]);
      const entries = await store.audit.list({ staffId: leader.session.user.id, limit: 1000 });
      expect(entries.at(-1)).toMatchObject({ action: 'read_register', details: { period: '2026-03', format: 'csv' } });
    });
  });

  describe('the day’s receipts', () => {
    test('every Mẫu 01 the unit issued that day, as stored, in issue order', async () => {
      const res = await officer.get('/api/staff/forms?kind=01&day=2026-03-10');
      expect(res.statusCode, res.body).toBe(200);
      const batch = res.json<FormBatchResponse>();
      expect(batch.forms.map((f) => [f.kind, f.dossierCode])).toEqual([
        ['01', codes.a],
        ['01', codes.b],
      ]);
      const entries = await store.audit.list({ staffId: officer.session.user.id, limit: 1000 });
      expect(entries.at(-1)).toMatchObject({ action: 'read_forms', details: { kind: '01', day: '2026-03-10', unit: VO_NHAI, ids: [ids.a, ids.b] } });
      // Byte for byte what GET /api/staff/forms/:id serves.
      const one = await officer.get(`/api/staff/forms/${batch.forms[0]!.id}`);
      expect(JSON.parse(one.body)).toEqual(batch.forms[0]);
      expect((await officer.get('/api/staff/forms?kind=01&day=2026-03-11')).json<FormBatchResponse>().forms).toEqual([]);
      expect((await officer.get(`/api/staff/forms?kind=01&day=2026-03-10&unit=${BA_XUYEN}`)).statusCode).toBe(403);
      expect((await officer.get('/api/staff/forms?kind=02&day=2026-03-10')).statusCode).toBe(400);
    });
  });

  describe('the figures as files', () => {
    test('XLSX and CSV of GET /api/staff/reports, for the leader and the province; not the officer', async () => {
      expect((await officer.get('/api/staff/reports/export?from=2026-03&to=2026-03&format=xlsx')).statusCode).toBe(403);
      const x = await leader.get('/api/staff/reports/export?from=2026-03&to=2026-03&format=xlsx');
      expect(x.statusCode, x.body).toBe(200);
      expect(x.headers['content-disposition']).toContain('so-lieu-');
      const rows = await readXlsx(x.rawPayload);
      expect(rows[0]![0]).toBe('SỐ LIỆU TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ');
      const header = rows.findIndex((r) => r[0] === 'Tháng');
      expect(rows[header]!.slice(0, 4)).toEqual(['Tháng', 'Xã, phường', 'Mã thủ tục', 'Tiếp nhận']);
      expect(rows[header + 1]!.slice(0, 4)).toEqual(['03/2026', VO_NHAI, '1.004873', '3']);
      expect(rows.at(-1)!.slice(0, 4)).toEqual(['Tổng cộng', '', '', '3']);
      const c = await province.get('/api/staff/reports/export?from=2026-03&to=2026-03&format=csv');
      expect([...c.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = readCsv(c.rawPayload.subarray(3).toString('utf8'));
      expect(csv[0]!.slice(0, 4)).toEqual(['Tháng', 'Xã, phường', 'Mã thủ tục', 'Tiếp nhận']);
      expect(csv.at(-1)!.slice(0, 4)).toEqual(['Tổng cộng', '', '', '4']);
      expect((await province.get('/api/staff/reports/export?from=2026-03&to=2026-03&format=pdf')).statusCode).toBe(400);
    });
  });

});
}

describeRegister('SQLite', sqliteHarness);
describeRegister('PostgreSQL', postgresHarness);
