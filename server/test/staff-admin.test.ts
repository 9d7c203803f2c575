// The administrator's tools: edit, disable / enable, reset a password (and the forced change
// that follows), lift a sign-in lockout, read the audit log; the lockout's minutes at sign-in.
import { randomUUID } from 'node:crypto';
import type { AuditPage, LockoutList, ResetPasswordResponse, StaffAccount, StaffList } from '@hsc/shared';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateTo } from '../src/store/migrations.ts';
import { testApp, type TestApp } from './support/app.ts';
import { login, movableClock, sendDossier, VO_NHAI, type Agent } from './support/desk.ts';
import { TUESDAY_MORNING } from './support/fixtures.ts';
import { sqliteHarness } from './support/stores.ts';

let t: TestApp;
let admin: Agent;
const clock = movableClock(TUESDAY_MORNING);
beforeAll(async () => {
  t = await testApp({ demo: true, now: clock.now });
  admin = await login(t.app, 'demo.admin');
});
afterAll(() => t.close());

const loginReq = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, remoteAddress: ip });
const accounts = async () => (await admin.get('/api/admin/staff')).json<StaffList>().staff;
const create = async (username: string, extra: object = {}) => {
  const res = await admin.post('/api/admin/staff', { username, displayName: username, role: 'officer', unitCode: VO_NHAI, password: 'mat-khau-dai', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<StaffAccount>();
};

describe('editing an account', () => {
  test('the desk phone and the specialist flag change; null clears the phone; a leader is never a specialist; unknown id 404', async () => {
    const a = await create('edit.me');
    const res = await admin.req({ method: 'PATCH', url: `/api/admin/staff/${a.id}`, payload: { phone: '0208 3 123 456', specialist: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '0208 3 123 456', specialist: true });
    const cleared = await admin.req({ method: 'PATCH', url: `/api/admin/staff/${a.id}`, payload: { phone: null, specialist: false } });
    expect(cleared.json<StaffAccount>().phone).toBeUndefined();
    expect(cleared.json<StaffAccount>().specialist).toBeUndefined();
    expect((await admin.req({ method: 'PATCH', url: `/api/admin/staff/${a.id}`, payload: { phone: 'abc' } })).statusCode).toBe(400);
    const leader = (await accounts()).find((s) => s.username === 'demo.leader')!;
    const refused = await admin.req({ method: 'PATCH', url: `/api/admin/staff/${leader.id}`, payload: { specialist: true } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid', fields: [{ path: 'specialist' }] });
    expect((await admin.req({ method: 'PATCH', url: '/api/admin/staff/nope', payload: {} })).statusCode).toBe(404);
  });
});

describe('disable and enable', () => {
  test('disabling ends the sessions and refuses sign-in; enabling lets the account back in; an admin cannot disable themself', async () => {
    const a = await create('leaving.soon');
    const agent = await login(t.app, 'leaving.soon', 'mat-khau-dai');
    const off = await admin.post(`/api/admin/staff/${a.id}/disable`);
    expect(off.statusCode).toBe(200);
    expect(off.json<StaffAccount>().disabledAt).toBe(TUESDAY_MORNING.toISOString());
    expect((await agent.get('/api/staff/me')).statusCode).toBe(401);
    expect((await loginReq('leaving.soon', 'mat-khau-dai', '10.2.0.1')).statusCode).toBe(401);
    expect((await accounts()).find((s) => s.id === a.id)?.disabledAt).toBeDefined();
    const on = await admin.post(`/api/admin/staff/${a.id}/enable`);
    expect(on.json<StaffAccount>().disabledAt).toBeUndefined();
    expect((await loginReq('leaving.soon', 'mat-khau-dai', '10.2.0.1')).statusCode).toBe(200);
    const self = await admin.post(`/api/admin/staff/${admin.session.user.id}/disable`);
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ error: 'cannot_disable_self' });
    expect((await admin.post('/api/admin/staff/nope/disable')).statusCode).toBe(404);
  });
});

describe('password reset and the forced change', () => {
  test('a one-time temporary password; the old password and sessions end; until the change only me, logout and the change answer', async () => {
    const a = await create('forgot.it');
    const old = await login(t.app, 'forgot.it', 'mat-khau-dai');
    const res = await admin.post(`/api/admin/staff/${a.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword, account } = res.json<ResetPasswordResponse>();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
    expect(account.mustChangePassword).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await old.get('/api/staff/me')).statusCode).toBe(401);
    expect((await loginReq('forgot.it', 'mat-khau-dai', '10.3.0.1')).statusCode).toBe(401);

    const fresh = await login(t.app, 'forgot.it', temporaryPassword);
    expect(fresh.session.user.mustChangePassword).toBe(true);
    expect((await fresh.get('/api/staff/me')).json()).toMatchObject({ user: { mustChangePassword: true } });
    const blocked = await fresh.get('/api/staff/dossiers');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: 'password_change_required' });
    // The CSRF token is still required for the change.
    expect((await fresh.req({ method: 'POST', url: '/api/staff/password', payload: { currentPassword: temporaryPassword, newPassword: 'mat-khau-moi' }, csrf: false })).statusCode).toBe(403);
    expect((await fresh.post('/api/staff/password', { currentPassword: 'wrong-one', newPassword: 'mat-khau-moi' })).json()).toMatchObject({ error: 'wrong_password' });
    expect((await fresh.post('/api/staff/password', { currentPassword: temporaryPassword, newPassword: temporaryPassword })).json()).toMatchObject({ error: 'same_password' });
    expect((await fresh.post('/api/staff/password', { currentPassword: temporaryPassword, newPassword: 'short' })).statusCode).toBe(400);
    const changed = await fresh.post('/api/staff/password', { currentPassword: temporaryPassword, newPassword: 'mat-khau-moi' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ user: { username: 'forgot.it' } });
    expect(changed.json().user.mustChangePassword).toBeUndefined();
    // The same session goes on, now with everything open.
    expect((await fresh.get('/api/staff/dossiers')).statusCode).toBe(200);
    expect((await loginReq('forgot.it', temporaryPassword, '10.3.0.2')).statusCode).toBe(401);
    expect((await loginReq('forgot.it', 'mat-khau-moi', '10.3.0.2')).statusCode).toBe(200);
    const audit = (await admin.get('/api/admin/audit?action=staff_password_reset')).json<AuditPage>();
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    expect(audit.items[0]).toMatchObject({ staffUsername: 'demo.admin', details: { username: 'forgot.it' } });
  });
});

describe('lockouts', () => {
  test('the refusal says how many minutes remain; the admin lists and lifts a username lockout and an IP lockout', async () => {
    clock.set(new Date(TUESDAY_MORNING.getTime() + 3600_000));
    await create('locked.out');
    for (let i = 0; i < 5; i++) expect((await loginReq('locked.out', 'wrong-pass', `10.4.0.${i}`)).statusCode).toBe(401);
    clock.set(new Date(TUESDAY_MORNING.getTime() + 3600_000 + 4 * 60_000 + 30_000));
    const refused = await loginReq('locked.out', 'mat-khau-dai', '10.4.0.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: 'rate_limited', message: 'Bạn đã thử sai quá nhiều lần. Hãy thử lại sau 11 phút.' });
    expect(refused.headers['retry-after']).toBe(String(10 * 60 + 30));
    const en = await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'locked.out', password: 'x' }, headers: { 'accept-language': 'en' } });
    expect(en.json().message).toBe('Too many wrong attempts. Please try again in 11 minutes.');

    const { lockouts } = (await admin.get('/api/admin/lockouts')).json<LockoutList>();
    expect(lockouts).toContainEqual({ kind: 'user', value: 'locked.out', failures: 7, until: new Date(TUESDAY_MORNING.getTime() + 3600_000 + 15 * 60_000).toISOString() });
    expect((await admin.post('/api/admin/unlock', { kind: 'user', value: 'Locked.Out' })).statusCode).toBe(204);
    expect((await loginReq('locked.out', 'mat-khau-dai', '10.4.0.99')).statusCode).toBe(200);

    for (let i = 0; i < 20; i++) await loginReq(`guess${i}`, 'wrong-pass', '10.5.5.5');
    expect((await loginReq('demo.leader', 'demo1234', '10.5.5.5')).statusCode).toBe(429);
    expect((await admin.get('/api/admin/lockouts')).json<LockoutList>().lockouts).toContainEqual(expect.objectContaining({ kind: 'ip', value: '10.5.5.5' }));
    expect((await admin.post('/api/admin/unlock', { kind: 'ip', value: '10.5.5.5' })).statusCode).toBe(204);
    expect((await loginReq('demo.leader', 'demo1234', '10.5.5.5')).statusCode).toBe(200);
    expect((await admin.get('/api/admin/audit?action=login_unlocked')).json<AuditPage>().total).toBe(2);
    clock.set(TUESDAY_MORNING);
  });
});

describe('the audit log', () => {
  test('filters by who, action, dossier code or id and dates; pages newest first; the read is audited', async () => {
    const d = await sendDossier(t.app, VO_NHAI);
    const officer = await login(t.app, 'demo.officer');
    expect((await officer.get(`/api/staff/dossiers/${d.id}`)).statusCode).toBe(200);
    const byCode = (await admin.get(`/api/admin/audit?dossier=${d.receipt.code}`)).json<AuditPage>();
    expect(byCode.items.length).toBeGreaterThan(0);
    expect(byCode.items.every((i) => i.dossierId === d.id && i.dossierCode === d.receipt.code)).toBe(true);
    expect((await admin.get(`/api/admin/audit?dossier=${d.id}`)).json<AuditPage>().total).toBe(byCode.total);
    const mine = (await admin.get(`/api/admin/audit?staff=${officer.session.user.id}`)).json<AuditPage>();
    expect(mine.items.every((i) => i.staffId === officer.session.user.id && i.staffName === officer.session.user.displayName)).toBe(true);
    expect(mine.items.map((i) => i.action)).toContain('login');
    expect(mine.items[0]!.ip).toBeTruthy();
    // TUESDAY_MORNING's Vietnamese date, and the day before (nothing).
    const day = new Date(TUESDAY_MORNING.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const prev = new Date(TUESDAY_MORNING.getTime() - 17 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.get(`/api/admin/audit?from=${day}&to=${day}`)).json<AuditPage>().total).toBeGreaterThan(0);
    expect((await admin.get(`/api/admin/audit?from=${prev}&to=${prev}`)).json<AuditPage>().total).toBe(0);
    const p1 = (await admin.get('/api/admin/audit')).json<AuditPage>();
    expect(p1.pageSize).toBe(50);
    expect(p1.items[0]!.id).toBeGreaterThan(p1.items[1]!.id);
    // Page 2 goes on where page 1 stopped (one line later: reading page 1 added a line on top).
    expect(p1.total).toBeGreaterThan(50);
    expect((await admin.get('/api/admin/audit?page=2')).json<AuditPage>().items[0]!.id).toBe(p1.items.at(-1)!.id);
    const reads = (await admin.get('/api/admin/audit?action=audit_read')).json<AuditPage>();
    expect(reads.items[0]).toMatchObject({ action: 'audit_read', staffUsername: 'demo.admin' });
    expect((await admin.get('/api/admin/audit?from=2026-13-01')).statusCode).toBe(400);
  });
});

describe('migration 0017_admin', () => {
  test('on a database written by 0016: the accounts are there, none waits for a new password, a reset is kept', async () => {
    const { store: old, dispose } = await sqliteHarness().fresh();
    try {
      await migrateTo(old.db as unknown as Kysely<unknown>, '0016_handover');
      const id = randomUUID();
      await old.db.insertInto('staff').values({ id, username: 'old.one', display_name: 'Cũ', role: 'officer', unit_code: null, password_hash: 'x', created_at: TUESDAY_MORNING.toISOString(), disabled_at: null, phone: null }).execute();
      await old.migrate();
      expect((await old.staff.byId(id))?.passwordResetAt).toBeUndefined();
      await old.staff.update(id, { passwordResetAt: TUESDAY_MORNING.toISOString() });
      expect((await old.staff.byId(id))?.passwordResetAt).toBe(TUESDAY_MORNING.toISOString());
    } finally {
      await dispose();
    }
  });
});
