// Make-up working days ("ngày làm bù") through the API: seeded from the shared list, edited by
// an admin (weekend dates only, audited), and counted by every due date: the receipt's dueAt,
// the queue's badge, the supplement window.
import type { DossierListResponse, HolidayList } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { detail, login, movableClock, sendDossier, vn, VO_NHAI } from './support/desk.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
// Thursday 12/3/2026: with Saturday 14/3 worked, 3 working days end on Monday 16/3.
const clock = movableClock(vn('2026-03-12T09:00:00'));

beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
});
afterAll(() => t.close());

const calendarNow = async () => (await t.app.inject('/api/holidays')).json<HolidayList>();

describe('make-up working days', () => {
  test('the shipped make-up Saturday (10/1/2026, for Friday 2/1) is in the public calendar', async () => {
    const cal = await calendarNow();
    expect(cal.workdays?.map((d) => d.date)).toContain('2026-01-10');
    expect(cal.holidays.map((d) => d.date)).toContain('2026-01-02');
    expect(cal.holidays.map((d) => d.date)).not.toContain('2026-01-10');
  });

  test('an admin declares a Saturday worked: due dates, badges and the supplement window count it', async () => {
    const admin = await login(t.app, 'demo.admin');
    const officer = await login(t.app, 'demo.officer');
    const before = await sendDossier(t.app, VO_NHAI);
    expect(before.receipt.dueAt).toBe(vn('2026-03-17T17:00:00').toISOString());

    const put = await admin.req({ method: 'PUT', url: '/api/admin/workdays/2026-03-14', payload: { name: 'Làm bù (thử)' } });
    expect([put.statusCode, put.json()]).toEqual([200, { date: '2026-03-14', name: 'Làm bù (thử)' }]);
    expect((await calendarNow()).workdays).toContainEqual({ date: '2026-03-14', name: 'Làm bù (thử)' });
    expect((await store.audit.list({})).some((e) => e.action === 'workday_put' && (e.details as { date: string }).date === '2026-03-14')).toBe(true);

    const d = await sendDossier(t.app, VO_NHAI);
    expect(d.receipt.dueAt).toBe(vn('2026-03-16T17:00:00').toISOString());
    const list = (await officer.get('/api/staff/dossiers')).json<DossierListResponse>();
    // From Thursday: Friday 13, Saturday 14 (worked) and Monday 16.
    expect(list.items.find((i) => i.id === d.id)?.badge).toEqual({ kind: 'days_left', days: 3 });
    expect((await detail(officer, d.id)).supplementRule?.until).toBe('2026-03-16');

    expect((await admin.req({ method: 'DELETE', url: '/api/admin/workdays/2026-03-14' })).statusCode).toBe(204);
    expect((await admin.req({ method: 'DELETE', url: '/api/admin/workdays/2026-03-14' })).statusCode).toBe(404);
    expect((await sendDossier(t.app, VO_NHAI)).receipt.dueAt).toBe(vn('2026-03-17T17:00:00').toISOString());
    expect((await detail(officer, d.id)).supplementRule?.until).toBe('2026-03-17');
  });

  test('only a weekend date can be a make-up working day; only an admin declares one', async () => {
    const admin = await login(t.app, 'demo.admin');
    const weekday = await admin.req({ method: 'PUT', url: '/api/admin/workdays/2026-03-18', payload: {} });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json()).toMatchObject({ error: 'invalid', fields: [{ path: 'date', message: expect.stringContaining('thứ bảy hoặc chủ nhật') }] });
    expect((await admin.req({ method: 'PUT', url: '/api/admin/workdays/2026-02-30', payload: {} })).statusCode).toBe(400);
    const officer = await login(t.app, 'demo.officer');
    expect((await officer.req({ method: 'PUT', url: '/api/admin/workdays/2026-03-21', payload: {} })).statusCode).toBe(403);
  });

  test('a seeded make-up day an admin removed is not brought back by the next start', async () => {
    const admin = await login(t.app, 'demo.admin');
    expect((await admin.req({ method: 'DELETE', url: '/api/admin/workdays/2026-01-10' })).statusCode).toBe(204);
    const restarted = await testApp({ dataDir: t.dataDir, store: openSqliteStore(t.dataDir) });
    try {
      expect((await restarted.app.inject('/api/holidays')).json<HolidayList>().workdays?.map((d) => d.date)).not.toContain('2026-01-10');
    } finally {
      await restarted.app.close();
    }
  });
});
