// A staff account's optional desk phone: given by the admin, listed, and printed on the Mẫu 02
// the officer issues, so the citizen knows whom to call about a supplement request.
import type { ActionResponse, FormDocument, StaffList } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { login, movableClock, sendDossier, vn, VO_NHAI } from './support/desk.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
const clock = movableClock(vn('2026-03-10T09:00:00'));
const items = [{ slot: 'idCard', label: 'Căn cước công dân', reason: 'Ảnh mờ' }];

beforeAll(async () => {
  const dir = tempDir();
  t = await testApp({ dataDir: dir, store: openSqliteStore(dir), demo: true, now: clock.now });
});
afterAll(() => t.close());

describe('the officer’s phone on Mẫu 02', () => {
  test('an admin gives an officer a phone; their supplement request prints it; without one, the name alone', async () => {
    const admin = await login(t.app, 'demo.admin');
    const account = { username: 'hoa.nguyen', displayName: 'Nguyễn Thị Hoa', role: 'officer', unitCode: VO_NHAI, password: 'mat-khau-dai', phone: '0208 3820 111' };
    const created = await admin.post('/api/admin/staff', account);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'hoa.nguyen', phone: '0208 3820 111' });
    expect((await admin.get('/api/admin/staff')).json<StaffList>().staff.find((s) => s.username === 'hoa.nguyen')?.phone).toBe('0208 3820 111');
    expect((await admin.post('/api/admin/staff', { ...account, username: 'bad.phone', phone: 'gọi tôi' })).statusCode).toBe(400);

    const hoa = await login(t.app, 'hoa.nguyen', 'mat-khau-dai');
    const d = await sendDossier(t.app, VO_NHAI);
    const res = await hoa.act(d.id, { action: 'request_supplement', items });
    expect(res.statusCode).toBe(200);
    const form = res.json<ActionResponse>().form as FormDocument;
    expect(form).toMatchObject({ kind: '02', officer: { name: 'Nguyễn Thị Hoa', phone: '0208 3820 111' } });
    // The stored form is what prints.
    expect((await hoa.get(`/api/staff/forms/${form.id}`)).json<FormDocument>().officer.phone).toBe('0208 3820 111');

    const officer = await login(t.app, 'demo.officer');
    const other = await sendDossier(t.app, VO_NHAI);
    const plain = (await officer.act(other.id, { action: 'request_supplement', items })).json<ActionResponse>().form as FormDocument;
    expect(plain.officer).not.toHaveProperty('phone');
  });
});
