// Staff sign-in: the cookie and its attributes, the CSRF token, logout, the rate limit on
// failed logins, demo accounts, and account creation by the admin.
import type { ApiError, StaffAccount, StaffSession } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { login, movableClock, VO_NHAI } from './support/desk.ts';
import { TUESDAY_MORNING } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let store: KyselyStore;
const clock = movableClock(TUESDAY_MORNING);
beforeAll(async () => {
  const dir = tempDir();
  store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
});
afterAll(() => t.close());

const loginReq = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, remoteAddress: ip });

describe('sign in', () => {
  test('login sets an httpOnly, SameSite=Strict cookie on /api and returns the user and the CSRF token', async () => {
    const res = await loginReq('demo.officer', 'demo1234');
    expect(res.statusCode).toBe(200);
    const body = res.json<StaffSession>();
    expect(body.user).toEqual({ id: expect.any(String), username: 'demo.officer', displayName: expect.any(String), role: 'officer', unitCode: VO_NHAI });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === 'hsc_staff')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api', maxAge: 12 * 3600 });
    expect(cookie.secure).toBeFalsy(); // plain HTTP in this test
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    // Only the token's hash is stored.
    const rows = await store.db.selectFrom('staff_sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(cookie.value);
  });

  test('me answers the same shape with the cookie, 401 without', async () => {
    const agent = await login(t.app, 'demo.leader');
    const me = await agent.get('/api/staff/me');
    expect(me.json()).toEqual(agent.session);
    const anon = await t.app.inject('/api/staff/me');
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ error: 'unauthenticated' });
    const forged = await t.app.inject({ url: '/api/staff/me', cookies: { hsc_staff: 'x'.repeat(43) } });
    expect(forged.statusCode).toBe(401);
  });

  test('logout needs the CSRF token, then ends the session', async () => {
    const agent = await login(t.app, 'demo.officer');
    expect((await agent.req({ method: 'POST', url: '/api/staff/logout', csrf: false })).statusCode).toBe(403);
    expect((await agent.req({ method: 'POST', url: '/api/staff/logout', headers: { 'x-csrf-token': 'wrong' } })).json()).toMatchObject({ error: 'csrf' });
    const out = await agent.post('/api/staff/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'hsc_staff')?.value).toBe('');
    expect((await agent.get('/api/staff/me')).statusCode).toBe(401);
  });

  test('the session expires after 12 hours', async () => {
    const agent = await login(t.app, 'demo.province');
    clock.set(new Date(TUESDAY_MORNING.getTime() + 12 * 3600_000 - 1000));
    expect((await agent.get('/api/staff/me')).statusCode).toBe(200);
    clock.set(new Date(TUESDAY_MORNING.getTime() + 12 * 3600_000));
    expect((await agent.get('/api/staff/me')).statusCode).toBe(401);
    clock.set(TUESDAY_MORNING);
  });

  test('behind a TLS proxy (TRUST_PROXY=1, one hop) the cookie is Secure', async () => {
    const proxied = await testApp({ demo: true, trustProxy: 1 });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { username: 'demo.admin', password: 'demo1234' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.cookies.find((c) => c.name === 'hsc_staff')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await loginReq('demo.leader', 'nope-nope', '10.0.0.2');
    const unknown = await loginReq('nobody.here', 'nope-nope', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json<ApiError>().error).toBe('bad_credentials');
  });

  test('5 failures for a username within 15 minutes: 429, even with the right password, until the window passes', async () => {
    clock.set(new Date(TUESDAY_MORNING.getTime() + 3600_000));
    for (let i = 0; i < 5; i++) expect((await loginReq('demo.officer2', 'wrong-pass', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await loginReq('demo.officer2', 'demo1234', '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'rate_limited' });
    clock.set(new Date(TUESDAY_MORNING.getTime() + 3600_000 + 15 * 60_000 + 1000));
    expect((await loginReq('demo.officer2', 'demo1234', '10.1.0.99')).statusCode).toBe(200);
    clock.set(TUESDAY_MORNING);
  });

  test('20 failures from one IP block that IP for every username', async () => {
    clock.set(new Date(TUESDAY_MORNING.getTime() + 2 * 3600_000));
    for (let i = 0; i < 20; i++) expect((await loginReq(`guess${i}`, 'wrong-pass', '10.9.9.9')).statusCode).toBe(401);
    expect((await loginReq('demo.leader', 'demo1234', '10.9.9.9')).statusCode).toBe(429);
    expect((await loginReq('demo.leader', 'demo1234', '10.9.9.10')).statusCode).toBe(200);
    clock.set(TUESDAY_MORNING);
  });

  test('passwords are stored as argon2id hashes; logins are in the audit log', async () => {
    const row = await store.db.selectFrom('staff').select('password_hash').where('username', '=', 'demo.admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const actions = (await store.audit.list({ limit: 10_000 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'login_failed', 'login_rate_limited', 'logout']));
  });
});

describe('accounts', () => {
  test('demo seeding is idempotent: a restart keeps the six accounts', async () => {
    const again = await testApp({ dataDir: t.dataDir, store: openSqliteStore(t.dataDir), demo: true });
    try {
      const admin = await login(again.app, 'demo.admin');
      const { staff } = (await admin.get('/api/admin/staff')).json<{ staff: StaffAccount[] }>();
      expect(staff.filter((s) => s.username.startsWith('demo.')).map((s) => [s.username, s.role, s.unitCode])).toEqual([
        ['demo.admin', 'admin', null],
        ['demo.leader', 'leader', '05716'],
        ['demo.officer', 'officer', '05716'],
        ['demo.officer2', 'officer', '05533'],
        ['demo.province', 'province', null],
        ['demo.specialist', 'officer', '05716'],
      ]);
    } finally {
      await again.app.close();
    }
  });

  test('the admin creates an account; the new user signs in; a taken username is 409; a unit role needs a unit', async () => {
    const admin = await login(t.app, 'demo.admin');
    const created = await admin.post('/api/admin/staff', { username: 'lan.tt', displayName: 'Trần Thị Lan', role: 'leader', unitCode: '05533', password: 'mat-khau-dai' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'lan.tt', role: 'leader', unitCode: '05533' });
    expect((await login(t.app, 'lan.tt', 'mat-khau-dai')).session.user.role).toBe('leader');
    const taken = await admin.post('/api/admin/staff', { username: 'lan.tt', displayName: 'X', role: 'officer', unitCode: '05533', password: 'mat-khau-dai' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: 'username_taken' });
    const noUnit = await admin.post('/api/admin/staff', { username: 'minh.v', displayName: 'Minh', role: 'officer', password: 'mat-khau-dai' });
    expect(noUnit.statusCode).toBe(400);
    const unknownUnit = await admin.post('/api/admin/staff', { username: 'minh.v', displayName: 'Minh', role: 'officer', unitCode: '99999', password: 'mat-khau-dai' });
    expect(unknownUnit.json()).toMatchObject({ error: 'invalid', fields: [{ path: 'unitCode' }] });
  });
});
