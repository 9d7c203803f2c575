// The leader's daily summary: each figure is computed with the working-day calendar, for the
// leader's unit only, and lists the same dossiers as the queue's view of the same name.
import type { DailySummary, DossierListResponse } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { tempDir } from './support/stores.ts';
import { actAll, BA_XUYEN, lastingSession, movableClock, sendDossier, vn, VO_NHAI, type Agent, type SentDossier } from './support/desk.ts';

const clock = movableClock(vn('2026-03-10T09:00:00')); // a Tuesday
let t: TestApp;
let store: KyselyStore;
let leader: Agent;
let a: SentDossier;
let b: SentDossier;
beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
  leader = await lastingSession(t.app, store, 'demo.leader');
  a = await sendDossier(t.app, VO_NHAI);
  b = await sendDossier(t.app, VO_NHAI);
  await sendDossier(t.app, BA_XUYEN);
  await actAll(leader, b.id, [{ action: 'request_supplement', items: [{ label: 'Căn cước', reason: 'Mờ' }] }]);
});
afterAll(() => t.close());

const daily = async () => {
  const res = await leader.get('/api/staff/daily');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DailySummary>();
};
const view = async (v: string) => (await leader.get(`/api/staff/dossiers?view=${v}`)).json<DossierListResponse>().items.map((i) => i.id);

describe("the leader's day", () => {
  test('today: what the unit received (not the other unit), what waits on the citizen', async () => {
    expect(await daily()).toEqual({ unitCode: VO_NHAI, date: '2026-03-10', nextWorkday: '2026-03-11', receivedToday: 2, dueTomorrow: 0, overdue: 0, waitingCitizen: 1 });
    expect(new Set(await view('received_today'))).toEqual(new Set([a.id, b.id]));
    expect(await view('waiting')).toEqual([b.id]);
    // A status asked for as well narrows the view.
    expect(await leader.get('/api/staff/dossiers?view=received_today&status=registered').then((r) => r.json<DossierListResponse>().items.map((i) => i.id))).toEqual([a.id]);
  });

  test('the day before the due day: due on the next working day (over a weekend too); after it: overdue', async () => {
    const due = new Date((await leader.get(`/api/staff/dossiers/${a.id}`)).json<{ dossier: { dueAt: string } }>().dossier.dueAt);
    const dueDay = new Date(due.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(`${dueDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    clock.set(vn(`${dayBefore}T09:00:00`));
    const s = await daily();
    expect(s).toMatchObject({ date: dayBefore, nextWorkday: dueDay, receivedToday: 0, dueTomorrow: 1, overdue: 0 });
    expect(await view('due_next')).toEqual([a.id]);
    clock.set(new Date(due.getTime() + 60_000));
    expect(await daily()).toMatchObject({ dueTomorrow: 0, overdue: 1, waitingCitizen: 1 });
    expect(await view('overdue')).toEqual([a.id]);
    clock.set(vn('2026-03-10T09:00:00'));
  });

  test('leaders only: officers, the province and the admin are refused', async () => {
    for (const u of ['demo.officer', 'demo.province', 'demo.admin']) expect((await (await lastingSession(t.app, store, u)).get('/api/staff/daily')).statusCode, u).toBe(403);
    expect((await t.app.inject('/api/staff/daily')).statusCode).toBe(401);
  });
});
