// The authorization matrix: each role × own unit / other unit × each staff endpoint and each
// lifecycle action, plus no session (401) and no CSRF token (403). Another unit's dossier
// answers exactly like one that does not exist; the province viewer reads but never acts;
// the admin sees no dossier.
import { randomUUID } from 'node:crypto';
import type { ActionName, StaffActionRequest } from '@hsc/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp, type TestApp } from './support/app.ts';
import { actAll, BA_XUYEN, login, PDF, sendDossier, toProcessingWithResult, uploadResult, vn, VO_NHAI, type Agent, type SentDossier } from './support/desk.ts';
import { injectUpload, submission, testFile } from './support/fixtures.ts';

type Role = 'officer' | 'leader' | 'officer2' | 'leader2' | 'province' | 'admin';
const ROLES: Role[] = ['officer', 'leader', 'officer2', 'leader2', 'province', 'admin'];
/** Võ Nhai staff are "own unit" for the dossier under test; Bá Xuyên staff are "other unit". */
const OWN: Role[] = ['officer', 'leader'];
const OTHER: Role[] = ['officer2', 'leader2'];

let t: TestApp;
const agents = {} as Record<Role, Agent>;
let d: SentDossier; // registered, Võ Nhai
let processing: SentDossier; // processing, with an uploaded result and a Mẫu 01
let resultId: string;
let formId: string;

beforeAll(async () => {
  t = await testApp({ demo: true, now: () => vn('2026-03-10T09:00:00') });
  const admin = await login(t.app, 'demo.admin');
  expect((await admin.post('/api/admin/staff', { username: 'leader2', displayName: 'Lãnh đạo Bá Xuyên', role: 'leader', unitCode: BA_XUYEN, password: 'mat-khau-dai' })).statusCode).toBe(201);
  const names: Record<Role, [string, string?]> = {
    officer: ['demo.officer'],
    leader: ['demo.leader'],
    officer2: ['demo.officer2'],
    leader2: ['leader2', 'mat-khau-dai'],
    province: ['demo.province'],
    admin: ['demo.admin'],
  };
  for (const r of ROLES) agents[r] = await login(t.app, ...names[r]);
  d = await sendDossier(t.app, VO_NHAI);
  processing = await sendDossier(t.app, VO_NHAI);
  resultId = await toProcessingWithResult(agents.leader, processing.id);
  formId = (await detailOf(processing.id)).forms[0]!.id;
});
afterAll(() => t.close());

const detailOf = async (id: string) => (await agents.leader.get(`/api/staff/dossiers/${id}`)).json<{ dossier: { status: string; forms: { id: string }[] } }>().dossier;

const anonymous = (app: FastifyInstance, opts: InjectOptions) => app.inject(opts);
const NOT_FOUND = { error: 'not_found', message: 'Không tìm thấy.' };

/** Requests on the dossier under test (or another id) that only read. */
const READS = ['detail', 'file', 'result'] as const;
const reads = (id: string): Record<(typeof READS)[number], InjectOptions> => ({
  detail: { method: 'GET', url: `/api/staff/dossiers/${id}` },
  file: { method: 'GET', url: `/api/staff/dossiers/${id}/files/${id === processing.id ? processing.files[0]!.ref.id : randomUUID()}` },
  result: { method: 'GET', url: `/api/staff/dossiers/${id}/results/${id === processing.id ? resultId : randomUUID()}` },
});

describe('reads', () => {
  test.each(READS)('%s: own unit and province 200; other unit 404 like a missing id; admin 403; no session 401', async (name) => {
    const on = reads(processing.id)[name];
    const missing = reads(randomUUID())[name];
    for (const r of [...OWN, 'province' as const]) expect((await agents[r].req(on)).statusCode, `${r} ${name}`).toBe(200);
    for (const r of OTHER) {
      const res = await agents[r].req(on);
      expect(res.statusCode, `${r} ${name}`).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND);
      expect(res.body).toBe((await agents[r].req(missing)).body);
    }
    expect((await agents.admin.req(on)).statusCode).toBe(403);
    expect((await anonymous(t.app, on)).statusCode).toBe(401);
  });

  test('forms: the same rule', async () => {
    const on = { method: 'GET' as const, url: `/api/staff/forms/${formId}` };
    for (const r of [...OWN, 'province' as const]) expect((await agents[r].req(on)).statusCode).toBe(200);
    for (const r of OTHER) expect((await agents[r].req(on)).json()).toEqual(NOT_FOUND);
    expect((await agents.officer.get(`/api/staff/forms/${randomUUID()}`)).json()).toEqual(NOT_FOUND);
    expect((await agents.admin.req(on)).statusCode).toBe(403);
    expect((await anonymous(t.app, on)).statusCode).toBe(401);
  });

  test('the queue: unit roles see their unit only and may not ask for another; the province sees all; admin 403', async () => {
    const units = async (a: Agent, q = '') => {
      const res = await a.get(`/api/staff/dossiers${q}`);
      return res.statusCode === 200 ? new Set(res.json<{ items: { unitCode: string }[] }>().items.map((i) => i.unitCode)) : res.statusCode;
    };
    await sendDossier(t.app, BA_XUYEN);
    expect(await units(agents.officer)).toEqual(new Set([VO_NHAI]));
    expect(await units(agents.leader2)).toEqual(new Set([BA_XUYEN]));
    expect(await units(agents.officer, `?unit=${BA_XUYEN}`)).toBe(403);
    expect(await units(agents.officer, `?unit=${VO_NHAI}`)).toEqual(new Set([VO_NHAI]));
    expect(await units(agents.province)).toEqual(new Set([VO_NHAI, BA_XUYEN]));
    expect(await units(agents.admin)).toBe(403);
    expect((await anonymous(t.app, { url: '/api/staff/dossiers' })).statusCode).toBe(401);
  });

  test('reports: leaders (own unit) and the province; officers and admin 403', async () => {
    const q = '/api/staff/reports?from=2026-03&to=2026-03';
    expect((await agents.leader.get(q)).statusCode).toBe(200);
    expect((await agents.leader.get(`${q}&unit=${BA_XUYEN}`)).statusCode).toBe(403);
    expect((await agents.province.get(`${q}&unit=${BA_XUYEN}`)).statusCode).toBe(200);
    for (const r of ['officer', 'officer2', 'admin'] as const) expect((await agents[r].get(q)).statusCode).toBe(403);
    expect((await anonymous(t.app, { url: q })).statusCode).toBe(401);
  });

  test("the leader's daily summary: leaders (their own unit); officers, province and admin 403", async () => {
    expect((await agents.leader.get('/api/staff/daily')).json()).toMatchObject({ unitCode: VO_NHAI });
    expect((await agents.leader2.get('/api/staff/daily')).json()).toMatchObject({ unitCode: BA_XUYEN });
    for (const r of ['officer', 'officer2', 'province', 'admin'] as const) expect((await agents[r].get('/api/staff/daily')).statusCode, r).toBe(403);
    expect((await anonymous(t.app, { url: '/api/staff/daily' })).statusCode).toBe(401);
  });

  test('the queue\'s daily views keep the unit rule', async () => {
    expect((await agents.officer.get(`/api/staff/dossiers?view=overdue&unit=${BA_XUYEN}`)).statusCode).toBe(403);
    expect((await agents.admin.get('/api/staff/dossiers?view=overdue')).statusCode).toBe(403);
    expect((await agents.officer.get('/api/staff/dossiers?view=nonsense')).statusCode).toBe(400);
  });
});

/** How to bring a fresh Võ Nhai dossier to a status where the action is legal, and its payload. */
const SETUP: Record<Exclude<ActionName, 'withdraw' | 'supplement_submitted'>, { before: StaffActionRequest[]; result?: boolean; payload: (resultId: string) => StaffActionRequest }> = {
  accept: { before: [], payload: () => ({ action: 'accept' }) },
  request_supplement: { before: [], payload: () => ({ action: 'request_supplement', items: [{ label: 'Căn cước', reason: 'Mờ' }] }) },
  refuse: { before: [], payload: () => ({ action: 'refuse', reasons: ['Không thuộc thẩm quyền'] }) },
  start_processing: { before: [{ action: 'accept' }], payload: () => ({ action: 'start_processing' }) },
  reschedule: { before: [{ action: 'accept' }], payload: () => ({ action: 'reschedule', newDueAt: vn('2026-03-18T17:00:00').toISOString(), reason: 'Cần xác minh' }) },
  request_payment: { before: [{ action: 'accept' }, { action: 'start_processing' }], payload: () => ({ action: 'request_payment', amount: 20_000 }) },
  stop: { before: [{ action: 'accept' }, { action: 'start_processing' }], payload: () => ({ action: 'stop', reason: 'Giấy tờ giả' }) },
  finish: { before: [{ action: 'accept' }, { action: 'start_processing' }], result: true, payload: (id) => ({ action: 'finish', resultId: id }) },
  payment_received: { before: [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_payment', amount: 1 }], payload: () => ({ action: 'payment_received' }) },
  return_result: { before: [{ action: 'accept' }, { action: 'start_processing' }], result: true, payload: () => ({ action: 'return_result' }) },
};
const LEADER_ONLY = new Set<ActionName>(['reschedule', 'stop']);

describe('actions', () => {
  test.each(Object.keys(SETUP) as (keyof typeof SETUP)[])('%s', async (name) => {
    const setup = SETUP[name];
    const fresh = async () => {
      const x = await sendDossier(t.app, VO_NHAI);
      await actAll(agents.leader, x.id, setup.before);
      let rid: string = randomUUID();
      if (setup.result) {
        const up = await uploadResult(agents.leader, x.id, PDF);
        rid = up.json<{ resultId: string }>().resultId;
        if (name === 'return_result') await actAll(agents.leader, x.id, [{ action: 'finish', resultId: rid }]);
      }
      return { x, payload: setup.payload(rid) };
    };
    const { x, payload } = await fresh();
    const url = `/api/staff/dossiers/${x.id}/actions`;
    const before = (await detailOf(x.id)).status;
    // Nobody outside the unit, and no read-only role, changes anything.
    expect((await anonymous(t.app, { method: 'POST', url, payload })).statusCode).toBe(401);
    expect((await agents.officer.req({ method: 'POST', url, payload, csrf: false })).json()).toMatchObject({ error: 'csrf' });
    for (const r of OTHER) {
      const res = await agents[r].act(x.id, payload);
      expect(res.json(), r).toEqual(NOT_FOUND);
      expect(res.body).toBe((await agents[r].act(randomUUID(), payload)).body);
    }
    for (const r of ['province', 'admin'] as const) expect((await agents[r].act(x.id, payload)).json(), r).toMatchObject({ error: 'forbidden' });
    expect((await detailOf(x.id)).status).toBe(before);
    // The officer: allowed, except the leader's actions.
    const byOfficer = await agents.officer.act(x.id, payload);
    if (LEADER_ONLY.has(name)) {
      expect(byOfficer.statusCode).toBe(409);
      expect(byOfficer.json()).toMatchObject({ error: 'forbidden_role' });
    } else {
      expect(byOfficer.statusCode, byOfficer.body).toBe(200);
    }
    // The leader: allowed (on a fresh dossier).
    const second = await fresh();
    const byLeader = await agents.leader.act(second.x.id, second.payload);
    expect(byLeader.statusCode, byLeader.body).toBe(200);
  });
});

describe('writes besides actions', () => {
  test('result upload: own unit only; province, admin 403; no session 401; no CSRF 403', async () => {
    const x = await sendDossier(t.app, VO_NHAI);
    await actAll(agents.officer, x.id, [{ action: 'accept' }, { action: 'start_processing' }]);
    for (const r of OTHER) expect((await uploadResult(agents[r], x.id)).json()).toEqual(NOT_FOUND);
    for (const r of ['province', 'admin'] as const) expect((await uploadResult(agents[r], x.id)).statusCode).toBe(403);
    const raw: InjectOptions = { method: 'POST', url: `/api/staff/dossiers/${x.id}/result`, headers: { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, payload: PDF };
    expect((await anonymous(t.app, raw)).statusCode).toBe(401);
    expect((await agents.officer.req({ ...raw, csrf: false })).statusCode).toBe(403);
    expect((await uploadResult(agents.officer, x.id)).statusCode).toBe(201);
  });

  test('walk-in PUT: officers and leaders for their own unit only', async () => {
    const files = [testFile('declaration'), testFile('idCard')];
    const body = submission(files, { procedureCode: '1.004873', unitCode: VO_NHAI, fields: { currentStatus: 'single', purpose: 'x' } });
    const id = randomUUID();
    for (const f of files) await injectUpload(t.app, id, f);
    const put = (a: Agent, csrf = true) => a.req({ method: 'PUT', url: `/api/staff/dossiers/${id}`, payload: body, csrf });
    for (const r of [...OTHER, 'province', 'admin'] as const) expect((await put(agents[r])).statusCode, r).toBe(403);
    expect((await anonymous(t.app, { method: 'PUT', url: `/api/staff/dossiers/${id}`, payload: body })).statusCode).toBe(401);
    expect((await put(agents.leader, false)).statusCode).toBe(403);
    expect((await put(agents.leader)).statusCode).toBe(201);
  });

  test('admin routes: admin only', async () => {
    const calls: [string, (a: Agent) => Promise<LightMyRequestResponse>, InjectOptions][] = [
      ['list staff', (a) => a.get('/api/admin/staff'), { method: 'GET', url: '/api/admin/staff' }],
      ['create staff', (a) => a.post('/api/admin/staff', { username: `u${randomUUID().slice(0, 8)}`, displayName: 'X', role: 'province', password: 'mat-khau-dai' }), { method: 'POST', url: '/api/admin/staff', payload: {} }],
      ['put holiday', (a) => a.req({ method: 'PUT', url: '/api/admin/holidays/2030-01-02', payload: {} }), { method: 'PUT', url: '/api/admin/holidays/2030-01-02', payload: {} }],
      ['delete holiday', (a) => a.req({ method: 'DELETE', url: '/api/admin/holidays/2030-01-02' }), { method: 'DELETE', url: '/api/admin/holidays/2030-01-02' }],
      ['edit staff', (a) => a.req({ method: 'PATCH', url: `/api/admin/staff/${agents.officer2.session.user.id}`, payload: {} }), { method: 'PATCH', url: `/api/admin/staff/${agents.officer2.session.user.id}`, payload: {} }],
      // Enable only: disabling or resetting a matrix agent would end its session for the tests after.
      ['enable staff', (a) => a.post(`/api/admin/staff/${agents.officer2.session.user.id}/enable`), { method: 'POST', url: `/api/admin/staff/${agents.officer2.session.user.id}/enable` }],
      ['disable staff', (a) => a.post(`/api/admin/staff/${randomUUID()}/disable`), { method: 'POST', url: `/api/admin/staff/${randomUUID()}/disable` }],
      ['reset password', (a) => a.post(`/api/admin/staff/${randomUUID()}/reset-password`), { method: 'POST', url: `/api/admin/staff/${randomUUID()}/reset-password` }],
      ['lockouts', (a) => a.get('/api/admin/lockouts'), { method: 'GET', url: '/api/admin/lockouts' }],
      ['unlock', (a) => a.post('/api/admin/unlock', { kind: 'ip', value: '10.0.0.9' }), { method: 'POST', url: '/api/admin/unlock', payload: {} }],
      ['audit', (a) => a.get('/api/admin/audit'), { method: 'GET', url: '/api/admin/audit' }],
    ];
    for (const [name, call, raw] of calls) {
      for (const r of ROLES.filter((x) => x !== 'admin')) expect((await call(agents[r])).statusCode, `${r} ${name}`).toBe(403);
      expect((await anonymous(t.app, raw)).statusCode, name).toBe(401);
      if (raw.method !== 'GET') expect((await agents.admin.req({ ...raw, csrf: false })).statusCode, name).toBe(403);
      // An unknown account is 404 to the admin: past the gate and the role.
      expect((await call(agents.admin)).statusCode, name).toBeLessThan(name === 'disable staff' || name === 'reset password' ? 405 : 300);
    }
  });

  test('an unauthenticated request is refused before its body is read or validated', async () => {
    const res = await anonymous(t.app, { method: 'POST', url: `/api/staff/dossiers/${d.id}/actions`, payload: { action: 'nonsense' } });
    expect(res.statusCode).toBe(401);
    expect((await agents.officer.req({ method: 'POST', url: `/api/staff/dossiers/${d.id}/actions`, payload: { action: 'nonsense' }, csrf: false })).statusCode).toBe(403);
  });
});
