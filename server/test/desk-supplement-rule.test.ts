// The supplement rule through the API: one request, listing everything, within 3 working days
// of receipt; outside it only a leader with a written reason, which the audit log and the
// supplement keep. The refusal is a 409 in the reader's language.
import type { DeskDossier } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { detail, login, movableClock, sendDossier, vn, VO_NHAI, type Agent } from './support/desk.ts';
import { injectUpload, testFile } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
const clock = movableClock(vn('2026-03-10T09:00:00'));
const items = [{ slot: 'idCard', label: 'Căn cước công dân', reason: 'Ảnh mờ, không đọc được số' }];
const REASON = 'Khi thẩm định phát hiện giấy xác nhận cư trú đã hết hạn';

/** Sessions last 12 hours: after the clock jumps days ahead, staff sign in again. */
async function at(local: string): Promise<{ officer: Agent; leader: Agent }> {
  clock.set(vn(local));
  return { officer: await login(t.app, 'demo.officer'), leader: await login(t.app, 'demo.leader') };
}

beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
});
afterAll(() => t.close());

describe('the supplement rule', () => {
  test('within 3 working days an officer may request; the day after, only a leader with a written reason', async () => {
    // Received Tuesday 10/3/2026 09:00: the window is Wed 11, Thu 12, Fri 13 (last day).
    let staff = await at('2026-03-10T09:00:00');
    const inTime = await sendDossier(t.app, VO_NHAI);
    const late = await sendDossier(t.app, VO_NHAI);
    expect((await detail(staff.officer, late.id)).supplementRule).toEqual({ until: '2026-03-13', restriction: null });

    staff = await at('2026-03-13T16:30:00');
    expect((await staff.officer.act(inTime.id, { action: 'request_supplement', items })).statusCode).toBe(200);

    // Saturday and Sunday do not count: Monday 16/3 is the 4th working day.
    staff = await at('2026-03-16T08:00:00');
    expect((await detail(staff.officer, late.id)).supplementRule).toEqual({ until: '2026-03-13', restriction: 'supplement_too_late' });
    const refused = await staff.officer.act(late.id, { action: 'request_supplement', items });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'supplement_too_late', message: expect.stringContaining('3 ngày làm việc') });
    const inEnglish = await staff.officer.req({ method: 'POST', url: `/api/staff/dossiers/${late.id}/actions`, payload: { action: 'request_supplement', items }, headers: { 'accept-language': 'en' } });
    expect(inEnglish.json()).toMatchObject({ error: 'supplement_too_late', message: expect.stringContaining('3 working days') });
    expect((await staff.leader.act(late.id, { action: 'request_supplement', items })).json()).toMatchObject({ error: 'supplement_too_late' });
    expect((await staff.officer.act(late.id, { action: 'request_supplement', items, overrideReason: REASON })).json()).toMatchObject({ error: 'override_leader_only' });
    expect((await staff.leader.act(late.id, { action: 'request_supplement', items, overrideReason: '  ' })).statusCode).toBe(400);

    const ok = await staff.leader.act(late.id, { action: 'request_supplement', items, overrideReason: REASON });
    expect(ok.statusCode).toBe(200);
    const { dossier } = ok.json<{ dossier: DeskDossier }>();
    expect(dossier.status).toBe('supplement_requested');
    expect(dossier.supplements).toHaveLength(1);
    expect(dossier.supplements[0]!.overrideReason).toBe(REASON);
    const audit = await store.audit.list({ dossierId: late.id });
    expect(audit.find((e) => e.action === 'request_supplement')?.details).toMatchObject({ overrideReason: REASON, overrides: 'supplement_too_late' });
  });

  test('once: after the resubmission a second request needs a leader’s reason, even within the new window', async () => {
    let staff = await at('2026-03-17T09:00:00');
    const d = await sendDossier(t.app, VO_NHAI);
    const first = await staff.officer.act(d.id, { action: 'request_supplement', items });
    expect(first.statusCode).toBe(200);
    const page = testFile('idCard');
    expect(await injectUpload(t.app, d.id, page)).toBe(201);
    const supplementId = first.json<{ dossier: DeskDossier }>().dossier.supplements[0]!.id;
    const back = await t.app.inject({ method: 'PUT', url: `/api/dossiers/${d.id}/supplements/${supplementId}`, headers: { 'x-dossier-secret': d.secret }, payload: { attachments: [page.ref] } });
    expect(back.statusCode).toBe(201);

    staff = await at('2026-03-17T11:00:00');
    expect((await detail(staff.officer, d.id)).supplementRule).toMatchObject({ restriction: 'supplement_already_requested' });
    const again = await staff.officer.act(d.id, { action: 'request_supplement', items });
    expect([again.statusCode, again.json<{ error: string }>().error]).toEqual([409, 'supplement_already_requested']);
    expect(again.json<{ message: string }>().message).toContain('một lần');
    expect((await staff.leader.act(d.id, { action: 'request_supplement', items })).json()).toMatchObject({ error: 'supplement_already_requested' });
    const second = await staff.leader.act(d.id, { action: 'request_supplement', items, overrideReason: REASON });
    expect(second.statusCode).toBe(200);
    const supplements = second.json<{ dossier: DeskDossier }>().dossier.supplements;
    expect(supplements.map((s) => s.overrideReason)).toEqual([undefined, REASON]);
    const logged = (await store.audit.list({ dossierId: d.id })).filter((e) => e.action === 'request_supplement').map((e) => e.details);
    expect(logged[0]).not.toHaveProperty('overrideReason');
    expect(logged[1]).toMatchObject({ overrideReason: REASON, overrides: 'supplement_already_requested' });
  });

  test('an officer’s reason on a request that keeps the rule is not recorded as an override', async () => {
    const staff = await at('2026-03-18T09:00:00');
    const d = await sendDossier(t.app, VO_NHAI);
    const res = await staff.officer.act(d.id, { action: 'request_supplement', items, overrideReason: REASON });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ dossier: DeskDossier }>().dossier.supplements[0]).not.toHaveProperty('overrideReason');
    const logged = (await store.audit.list({ dossierId: d.id })).find((e) => e.action === 'request_supplement')?.details;
    expect(logged).not.toHaveProperty('overrideReason');
  });
});
