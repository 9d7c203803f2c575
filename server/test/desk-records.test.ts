// The desk's records through the API, on SQLite: the holiday calendar as data, walk-in
// dossiers, the monthly figures, and the audit trail the database keeps append-only.
import type { Receipt, ReportResponse } from '@hsc/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
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
  sendDossier,
  toProcessingWithResult,
  vn,
  VO_NHAI,
  type Agent,
} from './support/desk.ts';
import { injectUpload, newSecret, submission, testFile } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
let officer: Agent;
let province: Agent;
const TUESDAY = vn('2026-03-10T09:00:00');
const clock = movableClock(TUESDAY);

/** Sessions last 12 hours: after the clock jumps days ahead, staff sign in again. */
async function jump(at: Date) {
  clock.set(at);
  [officer, province] = [await login(t.app, 'demo.officer'), await login(t.app, 'demo.province')];
}

beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
});
beforeEach(() => jump(TUESDAY));
afterAll(() => t.close());

describe('the holiday calendar', () => {
  test('the holiday calendar is data: an admin adds a day off and new due dates skip it', async () => {
    const admin = await login(t.app, 'demo.admin');
    expect((await t.app.inject('/api/holidays')).json<{ holidays: { date: string }[] }>().holidays.map((h) => h.date)).toContain('2026-09-02');
    const put = await admin.req({ method: 'PUT', url: '/api/admin/holidays/2026-03-11', payload: { name: 'Nghỉ bù (thử)' } });
    expect(put.statusCode).toBe(200);
    try {
      const d = await sendDossier(t.app, VO_NHAI); // Tuesday; Wednesday is now off: Tue + 3 working days = Monday
      expect(d.receipt.dueAt).toBe(vn('2026-03-16T17:00:00').toISOString());
    } finally {
      expect((await admin.req({ method: 'DELETE', url: '/api/admin/holidays/2026-03-11' })).statusCode).toBe(204);
    }
    expect((await admin.req({ method: 'DELETE', url: '/api/admin/holidays/2026-03-11' })).statusCode).toBe(404);
    expect((await admin.req({ method: 'PUT', url: '/api/admin/holidays/2026-02-30', payload: {} })).statusCode).toBe(400);
    // A removed seed holiday is not brought back by the next start's seeding.
    expect((await admin.req({ method: 'DELETE', url: '/api/admin/holidays/2027-09-03' })).statusCode).toBe(204);
    const restarted = await testApp({ dataDir: t.dataDir, store: openSqliteStore(t.dataDir) });
    try {
      expect((await restarted.app.inject('/api/holidays')).json<{ holidays: { date: string }[] }>().holidays.map((h) => h.date)).not.toContain('2027-09-03');
    } finally {
      await restarted.app.close();
    }
  });
});

describe('walk-in dossiers (channel desk)', () => {
  test('an officer sends a walk-in dossier for their unit: same receipt shape, idempotent, channel desk', async () => {
    const files = [testFile('declaration'), testFile('idCard')];
    const body = submission(files, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: { currentStatus: 'widowed', purpose: 'Bổ sung hồ sơ' } });
    const id = crypto.randomUUID();
    for (const f of files) expect(await injectUpload(t.app, id, f)).toBe(201);
    const put = (payload: object) => officer.req({ method: 'PUT', url: `/api/staff/dossiers/${id}`, payload });
    const first = await put(body);
    expect(first.statusCode, first.body).toBe(201);
    const { receipt } = first.json<{ receipt: Receipt }>();
    expect(receipt).toMatchObject({ dossierId: id, unitCode: VO_NHAI, status: 'registered' });
    const again = await put(body);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect((await put({ ...body, fields: { ...body.fields, purpose: 'Khác' } })).json()).toMatchObject({ error: 'conflict', differences: ['fields.purpose'] });
    expect((await detail(officer, id)).channel).toBe('desk');
    expect((await store.audit.list({ dossierId: id }))[0]).toMatchObject({ actorKind: 'staff', staffId: officer.session.user.id, action: 'submit_desk', toStatus: 'registered' });
    // Another unit's dossier cannot be typed in; the citizen's own PUT of that id conflicts.
    expect((await put({ ...body, unitCode: BA_XUYEN })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/dossiers/${id}`, headers: { 'x-dossier-secret': newSecret() }, payload: body })).statusCode).toBe(409);
  });
});

describe('a walk-in with no phone', () => {
  test('the desk PUT takes "no phone" with an empty number, Mẫu 01 says so; the citizen\'s own PUT refuses it', async () => {
    const files = [testFile('declaration'), testFile('idCard')];
    const base = submission(files, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: { currentStatus: 'single', purpose: 'Kết hôn' } });
    const body = { ...base, applicant: { ...base.applicant, phone: '', noPhone: true } };
    const id = crypto.randomUUID();
    for (const f of files) expect(await injectUpload(t.app, id, f)).toBe(201);
    const put = await officer.req({ method: 'PUT', url: `/api/staff/dossiers/${id}`, payload: body });
    expect(put.statusCode, put.body).toBe(201);
    expect((await detail(officer, id)).applicant).toMatchObject({ phone: '', noPhone: true });
    const list = (await officer.get(`/api/staff/dossiers?q=${encodeURIComponent(body.applicant.fullName)}`)).json<{ items: { id: string; noPhone?: true }[] }>();
    expect(list.items.find((x) => x.id === id)).toMatchObject({ noPhone: true });
    const accepted = await actAll(officer, id, [{ action: 'accept' }]);
    expect(accepted.form).toMatchObject({ kind: '01', applicant: { phone: '', noPhone: true } });
    // The register (Mẫu 06) and the control sheet (Mẫu 05) carry it too.
    const register = (await officer.get('/api/staff/register?day=2026-03-10')).json<{ rows: { dossierId: string; phone: string; noPhone?: true }[] }>();
    expect(register.rows.find((r) => r.dossierId === id)).toMatchObject({ phone: '', noPhone: true });
    expect((await officer.get('/api/staff/register?day=2026-03-10&format=csv')).body).toContain(`${body.applicant.address}; không có điện thoại`);
    expect((await officer.get(`/api/staff/dossiers/${id}/control-sheet`)).json()).toMatchObject({ applicant: { phone: '', noPhone: true } });

    // A number made up next to "no phone" is refused, at the desk too.
    const other = crypto.randomUUID();
    const otherFiles = [testFile('declaration'), testFile('idCard')];
    for (const f of otherFiles) expect(await injectUpload(t.app, other, f)).toBe(201);
    const otherBody = { ...submission(otherFiles, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: base.fields }), applicant: body.applicant };
    const withNumber = await officer.req({ method: 'PUT', url: `/api/staff/dossiers/${other}`, payload: { ...otherBody, applicant: { ...body.applicant, phone: '0912345678' } } });
    expect(withNumber.statusCode).toBe(400);
    expect(withNumber.json()).toMatchObject({ error: 'invalid', fields: [{ path: 'applicant.phone', code: 'noPhoneWithNumber' }] });

    // The citizen's own dossier must give a phone: nothing is created.
    const online = crypto.randomUUID();
    const onlineFiles = [testFile('declaration'), testFile('idCard')];
    for (const f of onlineFiles) expect(await injectUpload(t.app, online, f)).toBe(201);
    const onlineBody = { ...submission(onlineFiles, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: base.fields }), applicant: body.applicant };
    const refused = await t.app.inject({ method: 'PUT', url: `/api/dossiers/${online}`, headers: { 'x-dossier-secret': newSecret() }, payload: onlineBody });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid', fields: [{ path: 'applicant.phone', code: 'noPhoneDeskOnly' }] });
    expect(await store.getDossier(online)).toBeUndefined();
  });
});

describe('figures', () => {
  test('per month, unit and procedure: received by channel, online share, finished on time', async () => {
    const app = await testApp({ demo: true, now: clock.now });
    try {
      clock.set(vn('2026-05-05T09:00:00'));
      const o = await login(app.app, 'demo.officer');
      const late = await sendDossier(app.app, VO_NHAI); // due Friday 8/5
      const onTime = await sendDossier(app.app, VO_NHAI);
      await sendDossier(app.app, VO_NHAI); // still open
      await sendDossier(app.app, BA_XUYEN);
      const files = [testFile('declaration'), testFile('idCard')];
      const walkIn = crypto.randomUUID();
      for (const f of files) await injectUpload(app.app, walkIn, f);
      const body = submission(files, { procedureCode: MARITAL, unitCode: VO_NHAI, fields: { currentStatus: 'single', purpose: 'x' } });
      expect((await o.req({ method: 'PUT', url: `/api/staff/dossiers/${walkIn}`, payload: body })).statusCode).toBe(201);
      const r1 = await toProcessingWithResult(o, onTime.id);
      await actAll(o, onTime.id, [{ action: 'finish', resultId: r1 }]);
      const r2 = await toProcessingWithResult(o, late.id);
      clock.set(vn('2026-05-11T09:00:00'));
      await actAll(await login(app.app, 'demo.officer'), late.id, [{ action: 'finish', resultId: r2 }]);
      clock.set(vn('2026-06-01T09:00:00'));
      await sendDossier(app.app, VO_NHAI); // June
      const l = await login(app.app, 'demo.leader');
      const p = await login(app.app, 'demo.province');

      const report = (await l.get('/api/staff/reports?from=2026-05&to=2026-06')).json<ReportResponse>();
      expect(report.unit).toBe(VO_NHAI);
      expect(report.rows).toEqual([
        { month: '2026-05', unitCode: VO_NHAI, procedureCode: MARITAL, received: 4, online: 3, desk: 1, onlineShare: 0.75, finished: 2, onTime: 1, onTimeRate: 0.5 },
        { month: '2026-06', unitCode: VO_NHAI, procedureCode: MARITAL, received: 1, online: 1, desk: 0, onlineShare: 1, finished: 0, onTime: 0, onTimeRate: null },
      ]);
      expect(report.total).toMatchObject({ received: 5, online: 4, desk: 1, finished: 2, onTime: 1 });
      const all = (await p.get('/api/staff/reports?from=2026-05&to=2026-05')).json<ReportResponse>();
      expect(all.unit).toBeNull();
      expect(all.rows.map((r) => [r.unitCode, r.received])).toEqual([
        [BA_XUYEN, 1],
        [VO_NHAI, 4],
      ]);
      expect(all.months).toEqual([{ month: '2026-05', received: 5, online: 4, desk: 1, onlineShare: 0.8, finished: 2, onTime: 1, onTimeRate: 0.5 }]);
      expect((await p.get('/api/staff/reports?from=2026-06&to=2026-05')).statusCode).toBe(400);
      expect((await p.get('/api/staff/reports?from=2020-01&to=2026-05')).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});

describe('the audit log', () => {
  test('cannot be changed: the database refuses UPDATE and DELETE', async () => {
    await detail(officer, (await sendDossier(t.app, VO_NHAI)).id);
    await expect(store.db.updateTable('audit_log').set({ action: 'nothing' }).execute()).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect((await store.audit.list({ limit: 100_000 })).some((e) => e.action === 'nothing')).toBe(false);
  });

  test('list reads record who saw which dossiers', async () => {
    const before = (await store.audit.list({ staffId: province.session.user.id, limit: 100_000 })).length;
    await province.get(`/api/staff/dossiers?q=hoa`);
    const entries = await store.audit.list({ staffId: province.session.user.id, limit: 100_000 });
    expect(entries.slice(before).at(-1)).toMatchObject({ action: 'list_dossiers', details: { q: 'hoa', ids: expect.any(Array) } });
  });
});
