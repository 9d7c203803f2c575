// The Desk issue's part of the Store contract, on every adapter: the append-only audit log
// (enforced by the database itself), staff, sessions and login failures, the holiday
// calendar, a lifecycle step written all-or-nothing, the queue's search, and a database
// written by migration 0001 opened by the current version.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEED_PROCEDURES } from '@hsc/shared';
import { seed } from '../../src/services/seed.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { migrateTo } from '../../src/store/migrations.ts';
import { searchText } from '../../src/store/search.ts';
import type { DossierChange, DossierRecord, NewDossier } from '../../src/store/store.ts';
import type { StoreHarness } from '../support/stores.ts';

const NOW = '2026-03-10T02:00:00.000Z';

function dossier(over: Partial<NewDossier> = {}): NewDossier {
  const id = randomUUID();
  const attachmentId = randomUUID();
  return {
    id,
    agencyId: `D.${randomUUID().slice(0, 8)}`,
    day: '2026-03-10',
    lookupCode: 'ABCD',
    unitCode: '05716',
    procedureCode: '1.004873',
    procedureVersion: 1,
    status: 'registered',
    body: '{}',
    bodyHash: 'h',
    secretHash: 's',
    receivedAt: NOW,
    dueAt: '2026-03-13T10:00:00.000Z',
    channel: 'online',
    documents: [{ attachmentId, slot: 'idCard' }],
    search: (code) => searchText(code, { applicant: { fullName: 'Lường Văn Đức', phone: '0912 345 678', citizenId: '019123456789', address: '' } }),
    issue: (n) => ({ code: `X-${id}-${n}`, receipt: '{}' }),
    ...over,
  };
}

async function created(store: KyselyStore, over: Partial<NewDossier> = {}): Promise<DossierRecord> {
  const r = await store.createDossier(dossier(over));
  if (!r.created) throw new Error('not created');
  return r.dossier;
}

function step(d: DossierRecord, over: Partial<DossierChange> = {}): DossierChange {
  return {
    dossierId: d.id,
    expected: { status: d.status, dueAt: d.dueAt, rescheduled: d.rescheduled },
    set: { status: 'accepted', dueAt: d.dueAt, clockFrom: d.clockFrom, rescheduled: false, resultId: null, finishedAt: null, payment: null },
    timeline: { at: NOW },
    audit: { at: NOW, actorKind: 'staff', staffId: 'st', dossierId: d.id, action: 'accept', fromStatus: d.status, toStatus: 'accepted', ip: '1.2.3.4', userAgent: 'ua', details: { x: 'Đức' } },
    ...over,
  };
}

export function describeDeskStoreContract(harness: () => StoreHarness) {
  let store: KyselyStore;
  beforeAll(() => {
    store = harness().open() as KyselyStore;
  });
  afterAll(() => store.close());

  describe('Desk store contract', () => {
    test('the audit log is appended to and read back; the database refuses UPDATE and DELETE', async () => {
      const dossierId = randomUUID();
      await store.audit.append({ at: NOW, actorKind: 'citizen', dossierId, action: 'withdraw', fromStatus: 'registered', toStatus: 'withdrawn', ip: '::1', userAgent: 'phone', details: { a: [1] } });
      await store.audit.append({ at: NOW, actorKind: 'staff', staffId: 'x', dossierId, action: 'read_dossier', actionId: `a-${dossierId}` });
      const entries = await store.audit.list({ dossierId });
      expect(entries.map((e) => [e.actorKind, e.action, e.fromStatus, e.toStatus, e.details])).toEqual([
        ['citizen', 'withdraw', 'registered', 'withdrawn', { a: [1] }],
        ['staff', 'read_dossier', null, null, null],
      ]);
      expect(entries[1]!.id).toBeGreaterThan(entries[0]!.id);
      expect((await store.audit.byActionId(`a-${dossierId}`))?.action).toBe('read_dossier');
      await expect(store.db.updateTable('audit_log').set({ action: 'forged' }).where('dossier_id', '=', dossierId).execute()).rejects.toThrow(/append-only/);
      await expect(store.db.deleteFrom('audit_log').where('dossier_id', '=', dossierId).execute()).rejects.toThrow(/append-only/);
      if (store.kind === 'postgres') await expect(sql`truncate audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await store.audit.list({ dossierId })).toEqual(entries);
    });

    test('staff: unique usernames, sessions that expire', async () => {
      const username = `u.${randomUUID().slice(0, 8)}`;
      const staff = { id: randomUUID(), username, displayName: 'Hoa', role: 'officer' as const, unitCode: '05716', passwordHash: '$argon2id$x', createdAt: NOW, disabledAt: null, phone: '0208 3820 111' };
      expect(await store.staff.create(staff)).toBe(true);
      expect(await store.staff.create({ ...staff, id: randomUUID() })).toBe(false);
      expect(await store.staff.byUsername(username)).toEqual(staff);
      const session = { tokenHash: randomUUID(), staffId: staff.id, csrfToken: 'c', userAgent: 'ua', ip: '1.1.1.1', createdAt: NOW, expiresAt: '2026-03-10T14:00:00.000Z' };
      await store.staff.createSession(session);
      expect(await store.staff.session(session.tokenHash, '2026-03-10T13:59:59.000Z')).toEqual({ session, staff });
      expect(await store.staff.session(session.tokenHash, '2026-03-10T14:00:00.000Z')).toBeUndefined();
      await store.staff.deleteExpiredSessions('2026-03-10T14:00:00.000Z');
      expect(await store.staff.session(session.tokenHash, NOW)).toBeUndefined();
    });

    test('staff: the administrator\'s changes; ending the sessions of one account (but one)', async () => {
      const staff = { id: randomUUID(), username: `u.${randomUUID().slice(0, 8)}`, displayName: 'Lan', role: 'officer' as const, unitCode: '05716', passwordHash: 'h1', createdAt: NOW, disabledAt: null, phone: null };
      await store.staff.create(staff);
      expect(await store.staff.update(staff.id, { phone: '0208 3820 222', disabledAt: NOW, passwordHash: 'h2', passwordResetAt: NOW })).toBe(true);
      expect(await store.staff.byId(staff.id)).toEqual({ ...staff, phone: '0208 3820 222', disabledAt: NOW, passwordHash: 'h2', passwordResetAt: NOW });
      await store.staff.update(staff.id, { disabledAt: null, passwordResetAt: null });
      expect(await store.staff.byId(staff.id)).toEqual({ ...staff, phone: '0208 3820 222', passwordHash: 'h2' });
      expect(await store.staff.update(randomUUID(), { phone: null })).toBe(false);
      const s = (tokenHash: string) => ({ tokenHash, staffId: staff.id, csrfToken: 'c', userAgent: null, ip: null, createdAt: NOW, expiresAt: '2099-01-01T00:00:00.000Z' });
      const [a, b] = [randomUUID(), randomUUID()];
      await store.staff.createSession(s(a));
      await store.staff.createSession(s(b));
      await store.staff.deleteSessionsOf(staff.id, b);
      expect(await store.staff.session(a, NOW)).toBeUndefined();
      expect(await store.staff.session(b, NOW)).toBeDefined();
      await store.staff.deleteSessionsOf(staff.id);
      expect(await store.staff.session(b, NOW)).toBeUndefined();
    });

    test('audit search: filters, newest first, a page and the total', async () => {
      const staffId = randomUUID();
      for (let i = 0; i < 5; i++) await store.audit.append({ at: `2026-03-1${i}T01:00:00.000Z`, actorKind: 'staff', staffId, action: i % 2 ? 'odd' : 'even' });
      const all = await store.audit.search({ staffId, offset: 0, limit: 2 });
      expect(all.total).toBe(5);
      expect(all.items.map((x) => x.at)).toEqual(['2026-03-14T01:00:00.000Z', '2026-03-13T01:00:00.000Z']);
      expect((await store.audit.search({ staffId, offset: 4, limit: 2 })).items.map((x) => x.at)).toEqual(['2026-03-10T01:00:00.000Z']);
      expect((await store.audit.search({ staffId, action: 'odd', offset: 0, limit: 10 })).total).toBe(2);
      expect((await store.audit.search({ staffId, fromAt: '2026-03-11T00:00:00.000Z', toAt: '2026-03-13T00:00:00.000Z', offset: 0, limit: 10 })).total).toBe(2);
    });

    test('counters: the running windows under a prefix with at least so many hits (the lockouts)', async () => {
      const p = `lock:${randomUUID().slice(0, 8)}:`;
      const t0 = Date.parse(NOW);
      for (let i = 0; i < 5; i++) await store.counters.hit(`${p}a`, 60_000, t0);
      await store.counters.hit(`${p}b`, 60_000, t0);
      await store.counters.hit(`other:${p}a`, 60_000, t0, 9);
      expect(await store.counters.active(p, 5, t0 + 1000)).toEqual([{ key: `${p}a`, count: 5, resetAt: t0 + 60_000 }]);
      expect(await store.counters.active(p, 5, t0 + 60_000)).toEqual([]);
    });

    test('counters (rate limits, login throttles): a window from the first hit, atomic under concurrent hits, released, reset, pruned', async () => {
      const key = `test:${randomUUID()}`;
      const t0 = Date.parse(NOW);
      expect(await store.counters.hit(key, 60_000, t0)).toEqual({ count: 1, resetAt: t0 + 60_000 });
      expect(await store.counters.hit(key, 60_000, t0 + 59_999)).toEqual({ count: 2, resetAt: t0 + 60_000 });
      expect(await store.counters.peek(key, t0 + 1)).toEqual({ count: 2, resetAt: t0 + 60_000 });
      await store.counters.release(key, t0 + 2);
      expect((await store.counters.peek(key, t0 + 2)).count).toBe(1);
      // The window ended: the next hit starts a new one at its own instant.
      expect(await store.counters.hit(key, 60_000, t0 + 60_000)).toEqual({ count: 1, resetAt: t0 + 120_000 });
      expect(await store.counters.peek(key, t0 + 120_000)).toEqual({ count: 0, resetAt: 0 });
      // Hits at once each get their own number (one statement per hit, no read-then-write).
      const other = `test:${randomUUID()}`;
      const counts = await Promise.all(Array.from({ length: 20 }, () => store.counters.hit(other, 60_000, t0)));
      expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      await store.counters.reset(other);
      expect((await store.counters.peek(other, t0)).count).toBe(0);
      // The prune deletes ended windows only.
      const live = `test:${randomUUID()}`;
      await store.counters.hit(live, 600_000, t0 + 100_000);
      expect(await store.counters.prune(t0 + 120_000)).toBeGreaterThanOrEqual(1);
      expect((await store.counters.peek(key, t0 + 60_001)).count).toBe(0);
      expect((await store.counters.peek(live, t0 + 120_000)).count).toBe(1);
    });

    test('holidays: seeded once, edited, and a removed seed date stays removed', async () => {
      await store.holidays.seed(['2031-01-01', '2031-04-30'], NOW);
      await store.holidays.put('2031-01-02', 'Nghỉ bù', NOW);
      expect(await store.holidays.remove('2031-04-30', NOW)).toBe(true);
      expect(await store.holidays.remove('2031-04-30', NOW)).toBe(false);
      await store.holidays.seed(['2031-01-01', '2031-04-30'], NOW);
      const in2031 = (await store.holidays.list()).filter((h) => h.date.startsWith('2031'));
      expect(in2031).toEqual([
        { date: '2031-01-01', name: null },
        { date: '2031-01-02', name: 'Nghỉ bù' },
      ]);
      await store.holidays.put('2031-04-30', null, NOW);
      expect((await store.holidays.list()).map((h) => h.date)).toContain('2031-04-30');
    });

    test('a lifecycle step writes the dossier, timeline, audit entry and a numbered form together', async () => {
      const d = await created(store);
      const counter = `form01:${randomUUID()}`;
      const form = (id: string) => ({ id, kind: '01' as const, counter, year: '2026', issuedAt: NOW, staffId: 'st', build: (n: string) => JSON.stringify({ n, note: 'Giấy tiếp nhận ✓' }) });
      const r = await store.desk.apply(step(d, { form: form(randomUUID()), audit: { ...step(d).audit, actionId: `act-${d.id}` } }));
      expect(r.ok && r.dossier.status).toBe('accepted');
      expect(r.ok && r.form).toMatchObject({ number: '1/2026', body: '{"n":"1/2026","note":"Giấy tiếp nhận ✓"}' });
      expect((await store.timeline(d.id)).map((e) => e.status)).toEqual(['registered', 'accepted']);
      expect((await store.audit.list({ dossierId: d.id })).map((e) => e.action)).toEqual(['accept']);
      expect((await store.desk.forms(d.id)).map((f) => f.number)).toEqual(['1/2026']);
      // Computed from a state that has moved on: nothing is written.
      expect(await store.desk.apply(step(d, { form: form(randomUUID()) }))).toEqual({ ok: false, reason: 'stale' });
      // The same action id again is reported as such (the unique index holds across processes).
      const next = (await store.getDossier(d.id))!;
      const again = step(next, { set: { ...step(next).set, status: 'processing' }, audit: { ...step(next).audit, actionId: `act-${d.id}` } });
      expect(await store.desk.apply(again)).toEqual({ ok: false, reason: 'duplicate_action' });
      expect((await store.timeline(d.id)).map((e) => e.status)).toEqual(['registered', 'accepted']);
      expect((await store.desk.forms(d.id)).map((f) => f.number)).toEqual(['1/2026']);
      // Numbers count per counter and year.
      const other = await created(store);
      const r2 = await store.desk.apply(step(other, { form: form(randomUUID()) }));
      expect(r2.ok && r2.form?.number).toBe('2/2026');
    });

    test('a step that fails half-way leaves nothing behind (a page already held by another dossier)', async () => {
      const a = await created(store);
      const b = await created(store);
      const taken = dossier().documents[0]!.attachmentId;
      await store.desk.apply(step(a, { newDocuments: [{ attachmentId: taken, slot: 'idCard', version: 2, supplementId: null, position: 0 }] }));
      await expect(
        store.desk.apply(step(b, { newDocuments: [{ attachmentId: taken, slot: 'idCard', version: 2, supplementId: null, position: 0 }] })),
      ).rejects.toThrow();
      expect((await store.getDossier(b.id))?.status).toBe('registered');
      expect(await store.timeline(b.id)).toHaveLength(1);
      expect(await store.audit.list({ dossierId: b.id })).toEqual([]);
      expect(await store.desk.isHeld(taken)).toBe(true);
    });

    test('supplements: requested, answered once', async () => {
      const d = await created(store);
      const id = randomUUID();
      const request = step(d, {
        set: { ...step(d).set, status: 'supplement_requested' },
        newSupplement: { id, dossierId: d.id, seq: 1, requestedAt: NOW, requestedBy: 'st', items: '[]', formId: 'f', answeredAt: null, fields: null, bodyHash: null, body: null, receipt: null, overrideReason: null },
      });
      expect((await store.desk.apply(request)).ok).toBe(true);
      const asked = (await store.getDossier(d.id))!;
      const answer = { id, answeredAt: NOW, fields: null, bodyHash: 'h', body: '{}', receipt: '{"r":1}' };
      expect((await store.desk.apply(step(asked, { set: { ...step(asked).set, status: 'registered' }, answerSupplement: answer }))).ok).toBe(true);
      expect(await store.desk.supplement(id)).toMatchObject({ answeredAt: NOW, receipt: '{"r":1}' });
      const back = (await store.getDossier(d.id))!;
      expect(await store.desk.apply(step(back, { set: { ...step(back).set, status: 'registered' }, answerSupplement: answer }))).toEqual({ ok: false, reason: 'stale' });
    });

    test('the queue: by unit and status, every word a prefix of the folded search text, paged by due date', async () => {
      const unit = '05533';
      const mine = [await created(store, { unitCode: unit, dueAt: '2026-04-01T10:00:00.000Z' }), await created(store, { unitCode: unit, dueAt: '2026-04-02T10:00:00.000Z' })];
      const list = (f: Partial<Parameters<KyselyStore['desk']['list']>[0]> = {}) =>
        store.desk.list({ units: [unit], words: [], limit: 100, ...f }).then((r) => r.map((x) => x.id));
      expect((await list()).slice(-2)).toEqual(mine.map((m) => m.id));
      expect(await list({ words: ['luong', 'duc'] })).toEqual(expect.arrayContaining(mine.map((m) => m.id)));
      expect(await list({ words: ['uong'] })).toEqual([]);
      expect(await list({ words: ['0912345678'] })).toEqual(expect.arrayContaining(mine.map((m) => m.id)));
      expect(await list({ statuses: ['processing'] })).toEqual([]);
      expect(await store.desk.list({ units: [], words: [], limit: 10 })).toEqual([]);
      const after = await list({ after: { rank: 1, dueAt: mine[0]!.dueAt, id: mine[0]!.id } });
      expect(after).toContain(mine[1]!.id);
      expect(after).not.toContain(mine[0]!.id);
    });

    test("the queue's state per unit: counts per status and steps that grow with every change", async () => {
      const unit = '05533';
      const before = await store.desk.queueSummary([unit]);
      const d = await created(store, { unitCode: unit });
      const added = await store.desk.queueSummary([unit]);
      expect(added.counts.registered).toBe((before.counts.registered ?? 0) + 1);
      expect(added.steps).toBe(before.steps + 1);
      expect(await store.desk.apply(step(d))).toMatchObject({ ok: true });
      const moved = await store.desk.queueSummary([unit]);
      expect([moved.counts.registered, moved.counts.accepted]).toEqual([before.counts.registered ?? 0, (before.counts.accepted ?? 0) + 1]);
      expect(moved.steps).toBe(before.steps + 2);
      expect(moved.lastStepAt).not.toBeNull();
      expect((await store.desk.queueSummary(null)).steps).toBeGreaterThanOrEqual(moved.steps);
      expect(await store.desk.queueSummary([])).toEqual({ counts: {}, steps: 0, lastStepAt: null });
    });

    test('a code tail finds its dossiers whatever the words, cut only at a separator, ahead of word matches and across pages', async () => {
      const unit = '05716';
      const coded = (code: string, dueAt: string) => created(store, { unitCode: unit, dueAt, issue: () => ({ code, receipt: '{}' }) });
      const late = await coded('T7.05716-260310-0010', '2026-06-02T10:00:00.000Z');
      const early = await coded('T7.05716-260311-0010', '2026-06-01T10:00:00.000Z');
      await coded('T7.05716-260310-1010', '2026-05-01T10:00:00.000Z');
      const list = (f: Partial<Parameters<KyselyStore['desk']['list']>[0]>) => store.desk.list({ units: [unit], words: [], limit: 100, ...f });
      const ids = async (f: Partial<Parameters<KyselyStore['desk']['list']>[0]>) => (await list(f)).map((x) => x.id);

      expect(await ids({ codeTail: '260310-0010', words: ['2603100010'] })).toEqual([late.id]);
      expect(await ids({ codeTail: '05716-260310-0010', words: ['057162603100010'] })).toEqual([late.id]);
      expect(await ids({ codeTail: 'T7.05716-260310-0010', words: ['t7', '05716', '260310', '0010'] })).toEqual([late.id]);
      // Every dossier of the unit has this phone: the two code matches first, by due date, then the rest.
      const all = await list({ codeTail: '0010', words: ['0912345678'] });
      expect(all.slice(0, 2).map((x) => x.id)).toEqual([early.id, late.id]);
      expect(all.slice(0, 2).map((x) => x.rank)).toEqual([0, 0]);
      expect(all.slice(2).every((x) => x.rank === 1 && x.id !== early.id && x.id !== late.id)).toBe(true);
      // One per page: the cursor carries the rank across the boundary.
      const pages: string[] = [];
      let after: { rank: number; dueAt: string; id: string } | undefined;
      for (let i = 0; i < 3; i++) {
        const [row] = await list({ codeTail: '0010', words: ['0912345678'], limit: 1, ...(after ? { after } : {}) });
        pages.push(row!.id);
        after = { rank: row!.rank, dueAt: row!.dueAt, id: row!.id };
      }
      expect(pages).toEqual(all.slice(0, 3).map((x) => x.id));
    });

    test('a database written by migration 0001 opens with the current version, its dossiers carried over', async () => {
      const { store: old, dispose } = await harness().fresh();
      try {
        await migrateTo(old.db as unknown as Kysely<unknown>, '0001_initial');
        // Units and a procedure as 0001 kept them: the body without a version.
        const raw0 = old.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
        await old.upsertUnits([{ code: '05716', name: 'Xã Võ Nhai', type: 'commune' }], (c) => `H19.${c}`);
        const marital = SEED_PROCEDURES.find((p) => p.code === '1.004873')!;
        await raw0.insertInto('procedures').values({ code: marital.code, position: 0, body: JSON.stringify(marital), source: 'seed', updated_at: NOW }).execute();
        // Written with 0001's columns only, as that version did.
        const raw = old.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
        const id = randomUUID();
        const page = randomUUID();
        const body = { procedureCode: '1.004873', unitCode: '05716', applicant: { fullName: 'Hà Thị Én', phone: '0912000111', citizenId: '019000111222', address: 'Võ Nhai' }, fields: {}, attachments: [{ id: page, slot: 'idCard', fileName: 'a.jpg', mediaType: 'image/jpeg', size: 1, sha256: 'a'.repeat(64) }] };
        await raw
          .insertInto('dossiers')
          .values({ id, code: 'H19.05716-260101-0001', lookup_code: 'ABCD', unit_code: '05716', procedure_code: '1.004873', status: 'registered', body: JSON.stringify(body), body_hash: 'h', secret_hash: 's', receipt: '{"kept":"as is"}', received_at: NOW, due_at: NOW })
          .execute();
        await old.migrate();
        await seed(old, new Date(NOW));
        const d = await old.getDossier(id);
        expect(d).toMatchObject({ channel: 'online', clockFrom: NOW, rescheduled: false, resultId: null, receipt: '{"kept":"as is"}', procedureVersion: 1 });
        // The procedure it was filled against became version 1, kept as it was.
        expect(await old.catalog.getVersion('1.004873', 1)).toEqual({ ...marital, version: 1 });
        expect((await old.desk.list({ units: ['05716'], words: ['en', '0912000111'], limit: 5 })).map((x) => x.id)).toEqual([id]);
        expect(await old.desk.isHeld(page)).toBe(true);
        expect((await old.holidays.list()).length).toBe(0); // the calendar is seeded by the app's start, not the migration
      } finally {
        await dispose();
      }
    });
  });
}
