// Fees paid by VietQR, through the API on SQLite: each unit's account set by an administrator
// (admin only, CSRF), the payload built when a fee is requested and carried by the device status,
// the officer marking it paid (timeline, audit log, figures).
import { parseVietQr, type DossierStatusResponse, type ReportResponse, type UnitPayeeResponse } from '@hsc/shared';
import { resourceDifferences } from '@hsc/shared/i18n-parity';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadedResources } from '../src/http/texts.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { actAll, BA_XUYEN, detail, login, sendDossier, vn, VO_NHAI, type Agent } from './support/desk.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
let admin: Agent;
let officer: Agent;
let leader: Agent;

beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: () => vn('2026-03-10T09:00:00') });
  [admin, officer, leader] = [await login(t.app, 'demo.admin'), await login(t.app, 'demo.officer'), await login(t.app, 'demo.leader')];
});
afterAll(() => t.close());

const status = async (id: string, secret: string) =>
  (await t.app.inject({ url: `/api/dossiers/${id}/status`, headers: { 'x-dossier-secret': secret } })).json<DossierStatusResponse>();
const ACCOUNT = { bankBin: '970436', accountNumber: '0123456789', accountName: 'UBND XA VO NHAI' };

describe('payee account per unit', () => {
  test('DEMO=1 seeds a fictitious account for the demo units, named as a test', async () => {
    const res = await admin.get(`/api/admin/units/${BA_XUYEN}/payee`);
    expect(res.statusCode).toBe(200);
    expect(res.json<UnitPayeeResponse>().payee).toMatchObject({ bankBin: '970405', bankName: 'Agribank', accountName: 'UBND PHUONG BA XUYEN (THU NGHIEM)' });
  });

  test('an administrator sets it (audited); every other role, no session or no CSRF token is refused', async () => {
    const put: InjectOptions = { method: 'PUT', url: `/api/admin/units/${VO_NHAI}/payee`, payload: ACCOUNT };
    for (const who of [officer, leader, await login(t.app, 'demo.province')]) {
      expect((await who.req(put)).statusCode).toBe(403);
      expect((await who.get(`/api/admin/units/${VO_NHAI}/payee`)).statusCode).toBe(403);
    }
    expect((await t.app.inject(put)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: put.url })).statusCode).toBe(401);
    expect((await admin.req({ ...put, csrf: false })).statusCode).toBe(403);
    expect((await admin.req({ ...put, payload: { ...ACCOUNT, bankBin: '97043' } })).statusCode).toBe(400);
    expect((await admin.req({ ...put, url: '/api/admin/units/99999/payee' })).statusCode).toBe(404);

    const res = await admin.req(put);
    expect(res.statusCode, res.body).toBe(200);
    const expected = { unitCode: VO_NHAI, payee: { ...ACCOUNT, bankName: 'Vietcombank', updatedAt: '2026-03-10T02:00:00.000Z' } };
    expect(res.json()).toEqual(expected);
    expect((await admin.get(`/api/admin/units/${VO_NHAI}/payee`)).json()).toEqual(expected);
    expect((await store.audit.list({ limit: 1000 })).filter((e) => e.action === 'payee_put').map((e) => e.details)).toEqual([{ unitCode: VO_NHAI, ...ACCOUNT }]);
  });
});

describe('fee by VietQR', () => {
  test('a fee request carries a payload for the unit account; marking it paid is in the timeline, the audit log and the figures', async () => {
    expect((await admin.req({ method: 'PUT', url: `/api/admin/units/${VO_NHAI}/payee`, payload: ACCOUNT })).statusCode).toBe(200);
    const d = await sendDossier(t.app, VO_NHAI);
    await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_payment', amount: 50000, note: 'Lệ phí đăng ký kết hôn' }]);

    const st = await status(d.id, d.secret);
    expect(st.status).toBe('financial_requested');
    expect(st.payment).toMatchObject({ amount: 50000, purpose: 'Lệ phí đăng ký kết hôn', payee: { ...ACCOUNT, bankName: 'Vietcombank' } });
    expect(st.payment?.paidAt).toBeUndefined();
    const qr = parseVietQr(st.payment!.vietqr!);
    expect(qr).toMatchObject({ crcValid: true, initiation: '12', guid: 'A000000727', service: 'QRIBFTTA', bankBin: '970436', accountNumber: '0123456789', amount: 50000, currency: '704', country: 'VN' });
    expect(qr!.purpose!.startsWith(d.receipt.code)).toBe(true);
    expect(qr!.purpose!.length).toBeLessThanOrEqual(25);

    // A later change of account leaves the code the person already holds as it was.
    expect((await admin.req({ method: 'PUT', url: `/api/admin/units/${VO_NHAI}/payee`, payload: { ...ACCOUNT, accountNumber: '999' } })).statusCode).toBe(200);
    expect((await status(d.id, d.secret)).payment?.vietqr).toBe(st.payment!.vietqr);

    await actAll(officer, d.id, [{ action: 'payment_received', amount: 50000, reference: 'FT26069123456' }]);
    const paid = await status(d.id, d.secret);
    expect(paid.status).toBe('processing');
    expect(paid.payment).toMatchObject({ amount: 50000, paidAt: '2026-03-10T02:00:00.000Z', vietqr: st.payment!.vietqr });
    expect(paid.timeline.at(-1)).toMatchObject({ status: 'processing', note: '50.000 VND · FT26069123456' });
    const log = await store.audit.list({ dossierId: d.id });
    expect(log.find((e) => e.action === 'payment_received')).toMatchObject({ staffId: officer.session.user.id, details: { action: 'payment_received', amount: 50000, reference: 'FT26069123456' } });

    expect((await detail(officer, d.id)).payment).toEqual({
      amount: 50000,
      note: 'Lệ phí đăng ký kết hôn',
      paidAt: '2026-03-10T02:00:00.000Z',
      paidAmount: 50000,
      reference: 'FT26069123456',
      // The desk's fee notice prints the same code the phone shows.
      vietqr: st.payment!.vietqr,
      payee: { ...ACCOUNT, bankName: 'Vietcombank' },
    });

    const report = (await leader.get('/api/staff/reports?from=2026-03&to=2026-03')).json<ReportResponse>();
    expect(report.fees).toEqual([{ month: '2026-03', unitCode: VO_NHAI, paid: 1, amount: 50000 }]);
  });

  test('/tra-cuu shows the fee, what for and the account as text (no script, no QR), in vi and en; then that it was paid', async () => {
    expect((await admin.req({ method: 'PUT', url: `/api/admin/units/${VO_NHAI}/payee`, payload: ACCOUNT })).statusCode).toBe(200);
    const d = await sendDossier(t.app, VO_NHAI);
    await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_payment', amount: 50000, note: 'Lệ phí <kết hôn>' }]);
    const look = async () => {
      const res = await t.app.inject({ method: 'POST', url: '/tra-cuu', payload: `ma=${encodeURIComponent(d.receipt.code)}&tra=${d.receipt.lookupCode}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(200);
      return res.body;
    };
    const page = await look();
    const purpose = parseVietQr((await status(d.id, d.secret)).payment!.vietqr!)!.purpose!;
    for (const words of [
      'Cần nộp phí, lệ phí: 50.000 đồng',
      'Fee to pay: 50,000 VND',
      'Nộp để: Lệ phí &#60;kết hôn&#62;',
      'Ngân hàng: Vietcombank',
      'Số tài khoản: 0123456789',
      'Tên tài khoản: UBND XA VO NHAI',
      `Nội dung chuyển khoản: ${purpose}`,
      'Transfer message:',
    ]) expect(page).toContain(words);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<kết hôn>');

    await actAll(officer, d.id, [{ action: 'payment_received', reference: 'FT1' }]);
    const after = await look();
    expect(after).toContain('Xã đã nhận tiền phí 50.000 đồng');
    expect(after).not.toContain('Số tài khoản');
  });

  test('the fee words of /tra-cuu say the same in vi and en', () => {
    expect(resourceDifferences(loadedResources.vi!.server!.payment, loadedResources.en!.server!.payment)).toEqual([]);
  });

  test('a unit without an account still tells the amount and what for, without a code', async () => {
    await store.db.deleteFrom('unit_payees').where('unit_code', '=', BA_XUYEN).execute();
    const d = await sendDossier(t.app, BA_XUYEN);
    const officer2 = await login(t.app, 'demo.officer2');
    await actAll(officer2, d.id, [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_payment', amount: 8000 }]);
    expect((await status(d.id, d.secret)).payment).toEqual({ amount: 8000, purpose: '' });
    // Received without an amount typed: the requested one counts.
    await actAll(officer2, d.id, [{ action: 'payment_received' }]);
    expect((await status(d.id, d.secret)).timeline.at(-1)?.note).toBe('8.000 VND');
  });
});
