// Handover between the staff of a unit (Mẫu 05) through the API, on SQLite and PostgreSQL: whom the desk, a
// specialist and the leader may hand a dossier to, the step due times, only the holder acts,
// another unit's staff see nothing, the queue's holder and "mine", the history and the control
// sheet, the audit entries.
import { randomUUID } from 'node:crypto';
import type { ControlSheet, DeskDossier, DossierListResponse } from '@hsc/shared';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandoverRecord } from '../src/store/kysely-handover.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { migrateTo } from '../src/store/migrations.ts';
import type { Store } from '../src/store/store.ts';
import { testApp, type TestApp } from './support/app.ts';
import { TEST_KEK } from './support/keys.ts';
import { detail, lastingSession, login, movableClock, sendDossier, uploadResult, vn, VO_NHAI, type Agent } from './support/desk.ts';
import { postgresHarness, sqliteHarness, tempDir, type StoreHarness } from './support/stores.ts';

describe.each([
  ['SQLite', async () => sqliteHarness()],
  ['PostgreSQL', postgresHarness],
] as const)('handover on %s', (_name, makeHarness) => {
  let harness: StoreHarness;

  let t: TestApp;
  let store: KyselyStore;
  let officer: Agent;
  let officerB: Agent;
  let specialist: Agent;
  let leader: Agent;
  let otherUnit: Agent;
  let province: Agent;
  const TUESDAY = vn('2026-03-10T09:00:00');
  const clock = movableClock(TUESDAY);

  beforeAll(async () => {
    const dir = tempDir();
    harness = await makeHarness();
    store = harness.open() as KyselyStore;
    t = await testApp({ dataDir: dir, store, demo: true, now: clock.now, keyEncryptionKey: TEST_KEK });
    // A second desk officer of the unit, who was handed nothing.
    await store.staff.create({ id: randomUUID(), username: 'desk.b', displayName: 'Cán bộ B', role: 'officer', unitCode: VO_NHAI, passwordHash: 'x', createdAt: TUESDAY.toISOString(), disabledAt: null, phone: null });
    // Sessions that outlast the clock's jumps; one real sign-in checks the demo specialist's password.
    await login(t.app, 'demo.specialist');
    [officer, specialist, leader, otherUnit, province, officerB] = await Promise.all(
      ['demo.officer', 'demo.specialist', 'demo.leader', 'demo.officer2', 'demo.province', 'desk.b'].map((u) => lastingSession(t.app, store, u)),
    ) as [Agent, Agent, Agent, Agent, Agent, Agent];
  });
  afterAll(async () => {
    await t?.close();
    await harness?.close();
  });

  const hand = (agent: Agent, id: string, to: string, note?: string) => agent.post(`/api/staff/dossiers/${id}/handover`, { to, ...(note ? { note } : {}) });
  const idOf = (a: Agent) => a.session.user.id;
  const mine = async (agent: Agent) => (await agent.get('/api/staff/dossiers?holder=me')).json<DossierListResponse>().items.map((i) => i.id);

  describe('handover', () => {
    test('desk → specialist → leader: the recipients, the due times, only the holder acts, the queue says who holds it', async () => {
      const d = await sendDossier(t.app, VO_NHAI, { fullName: 'Nông Văn Ba' });
      // Nobody was handed it: the desk holds it, every desk officer acts as before.
      const seen = await detail(officer, d.id);
      expect(seen.handover?.holder).toBeNull();
      expect(seen.actions).toContain('accept');
      expect((await detail(officerB, d.id)).actions).toContain('accept');
      // The desk hands to a specialist only.
      expect(seen.handover?.recipients.map((r) => r.id)).toEqual([idOf(specialist)]);
      const toLeader = await hand(officer, d.id, idOf(leader));
      expect(toLeader.statusCode).toBe(409);
      expect(toLeader.json().error).toBe('handover_recipient');
      expect((await hand(officer, d.id, idOf(officer))).json().error).toBe('handover_recipient');

      const first = await hand(officer, d.id, idOf(specialist), 'Kiểm tra giấy xác nhận');
      expect(first.statusCode, first.body).toBe(200);
      const afterFirst = first.json<{ dossier: DeskDossier }>().dossier;
      expect(afterFirst.handover?.holder).toEqual({ id: idOf(specialist), name: 'Chuyên viên xã Võ Nhai (demo)' });
      // The handing officer holds it no more: read-only, and the answer says who holds it.
      expect(afterFirst.actions).toEqual([]);
      expect(afterFirst.handover?.recipients).toEqual([]);
      // The specialist's step: one working day before the dossier's due date (Friday 17:00 → Thursday 17:00).
      expect(d.receipt.dueAt).toBe(vn('2026-03-13T17:00:00').toISOString());
      expect(afterFirst.handover?.steps.at(-1)).toMatchObject({ seq: 1, dueAt: vn('2026-03-12T17:00:00').toISOString(), handedOnAt: null, timing: null, note: 'Kiểm tra giấy xác nhận' });

      // Other staff of the unit read it but may not act or hand it on.
      for (const other of [officer, officerB, leader]) {
        const res = await other.act(d.id, { action: 'accept' });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toBe('not_holder');
        expect((await hand(other, d.id, idOf(specialist))).json().error).toBe('not_holder');
        expect((await detail(other, d.id)).actions).toEqual([]);
      }

      // The queue: who holds each, and "mine" for the holder.
      const list = (await officer.get('/api/staff/dossiers?status=registered')).json<DossierListResponse>();
      expect(list.items.find((i) => i.id === d.id)?.holder).toEqual({ id: idOf(specialist), name: 'Chuyên viên xã Võ Nhai (demo)' });
      expect(await mine(specialist)).toContain(d.id);
      expect(await mine(officer)).not.toContain(d.id);

      // The specialist hands it on to the leader (or could hand it back to the desk).
      const asSpecialist = await detail(specialist, d.id);
      expect(asSpecialist.actions).toContain('accept');
      expect(asSpecialist.handover?.recipients.map((r) => r.id).sort()).toEqual([idOf(officer), idOf(leader), idOf(officerB)].sort());
      clock.set(vn('2026-03-11T10:00:00'));
      const second = await hand(specialist, d.id, idOf(leader));
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json<{ dossier: DeskDossier }>().dossier.handover?.steps.at(-1)).toMatchObject({ seq: 2, dueAt: d.receipt.dueAt });
      expect(await mine(specialist)).not.toContain(d.id);
      expect(await mine(leader)).toContain(d.id);
      expect((await specialist.act(d.id, { action: 'accept' })).json().error).toBe('not_holder');

      // The leader accepts.
      const accepted = await leader.act(d.id, { action: 'accept' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().form.kind).toBe('01');

      // The history on the dossier: the reception, then each handover, the open step last.
      const steps = (await detail(leader, d.id)).handover!.steps;
      expect(steps.map((s) => [s.from?.name ?? null, s.to?.name ?? null, s.timing])).toEqual([
        [null, 'Cán bộ một cửa (demo)', 'on_time'],
        ['Cán bộ một cửa (demo)', 'Chuyên viên xã Võ Nhai (demo)', 'early'],
        ['Chuyên viên xã Võ Nhai (demo)', 'Lãnh đạo xã Võ Nhai (demo)', null],
      ]);
      expect(steps[1]!.handedOnAt).toBe(vn('2026-03-11T10:00:00').toISOString());

      // Each handover is in the audit log, with who handed to whom.
      const audit = (await store.audit.list({ dossierId: d.id })).filter((e) => e.action === 'handover');
      expect(audit.map((e) => [e.staffId, (e.details as { to: string }).to])).toEqual(
        expect.arrayContaining([
          [idOf(officer), idOf(specialist)],
          [idOf(specialist), idOf(leader)],
        ]),
      );
      clock.set(TUESDAY);
    });

    test('Mẫu 05: every step with from, to, received, due, handed on and on time; readable by the unit and the province', async () => {
      const d = await sendDossier(t.app, VO_NHAI, { fullName: 'Ma Thị Cúc' });
      expect((await hand(officer, d.id, idOf(specialist))).statusCode).toBe(200);
      clock.set(vn('2026-03-13T16:00:00')); // after the specialist's Thursday due time
      expect((await hand(specialist, d.id, idOf(leader))).statusCode).toBe(200);
      const res = await officerB.get(`/api/staff/dossiers/${d.id}/control-sheet`);
      expect(res.statusCode, res.body).toBe(200);
      const sheet = res.json<ControlSheet>();
      expect(sheet).toMatchObject({ kind: '05', dossierCode: d.receipt.code, applicant: { fullName: 'Ma Thị Cúc' }, agency: { unitCode: VO_NHAI }, dueAt: d.receipt.dueAt });
      expect(sheet.steps.map((s) => ({ from: s.from?.id ?? null, to: s.to?.id ?? null, timing: s.timing, handed: !!s.handedOnAt }))).toEqual([
        { from: null, to: idOf(officer), timing: 'on_time', handed: true },
        { from: idOf(officer), to: idOf(specialist), timing: 'late', handed: true },
        { from: idOf(specialist), to: idOf(leader), timing: null, handed: false },
      ]);
      expect(sheet.steps[0]!.dueAt).toBe(vn('2026-03-10T17:00:00').toISOString());
      expect((await province.get(`/api/staff/dossiers/${d.id}/control-sheet`)).statusCode).toBe(200);
      expect((await store.audit.list({ dossierId: d.id })).some((e) => e.action === 'read_control_sheet')).toBe(true);
      clock.set(TUESDAY);
    });

    test('another unit: its staff see a 404, and nobody is handed a dossier outside their unit; the province hands nothing', async () => {
      const d = await sendDossier(t.app, VO_NHAI);
      expect((await hand(otherUnit, d.id, idOf(specialist))).statusCode).toBe(404);
      expect((await otherUnit.get(`/api/staff/dossiers/${d.id}/control-sheet`)).statusCode).toBe(404);
      const outside = await hand(officer, d.id, idOf(otherUnit));
      expect(outside.statusCode).toBe(409);
      expect(outside.json().error).toBe('handover_recipient');
      expect((await hand(officer, d.id, randomUUID())).json().error).toBe('handover_recipient');
      expect((await hand(province, d.id, idOf(specialist))).statusCode).toBe(403);
      expect((await hand(officer, 'nope', idOf(specialist))).statusCode).toBe(404);
    });

    test('a leader hands back to a specialist; only the holder uploads a result; a closed dossier is handed to no one', async () => {
      const d = await sendDossier(t.app, VO_NHAI);
      expect((await hand(officer, d.id, idOf(specialist))).statusCode).toBe(200);
      expect((await hand(specialist, d.id, idOf(leader))).statusCode).toBe(200);
      expect((await leader.act(d.id, { action: 'accept' })).statusCode).toBe(200);
      expect((await leader.act(d.id, { action: 'start_processing' })).statusCode).toBe(200);
      const back = await hand(leader, d.id, idOf(specialist));
      expect(back.statusCode, back.body).toBe(200);
      // The specialist's step due one working day before the due date again.
      expect(back.json<{ dossier: DeskDossier }>().dossier.handover?.steps.at(-1)?.dueAt).toBe(vn('2026-03-12T17:00:00').toISOString());
      const notHolder = await uploadResult(leader, d.id);
      expect(notHolder.statusCode).toBe(409);
      expect(notHolder.json().error).toBe('not_holder');
      expect((await uploadResult(specialist, d.id)).statusCode).toBe(201);
      // Refused by its holder: closed, handed to no one.
      const d2 = await sendDossier(t.app, VO_NHAI);
      expect((await hand(officer, d2.id, idOf(specialist))).statusCode).toBe(200);
      expect((await specialist.act(d2.id, { action: 'refuse', reasons: ['Thiếu giấy tờ'] })).statusCode).toBe(200);
      const closed = await hand(specialist, d2.id, idOf(leader));
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error).toBe('handover_closed');
      expect((await detail(specialist, d2.id)).handover?.recipients).toEqual([]);
    });

    test('an administrator makes an officer a specialist (never a leader); the list says who is one', async () => {
      const admin = await lastingSession(t.app, store, 'demo.admin');
      const body = { username: `chuyen.vien.${randomUUID().slice(0, 8)}`, displayName: 'Chuyên viên mới', role: 'officer', unitCode: VO_NHAI, password: 'mat-khau-dai', specialist: true };
      const created = await admin.post('/api/admin/staff', body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ username: body.username, specialist: true });
      expect((await admin.post('/api/admin/staff', { ...body, username: `${body.username}x`, role: 'leader' })).statusCode).toBe(400);
      const { staff } = (await admin.get('/api/admin/staff')).json<{ staff: { username: string; specialist?: boolean }[] }>();
      expect(staff.filter((s) => s.specialist).map((s) => s.username).sort()).toEqual(['demo.specialist', body.username].sort());
      // The new specialist is someone the desk may hand dossiers to.
      const d = await sendDossier(t.app, VO_NHAI);
      expect((await detail(officer, d.id)).handover?.recipients.map((r) => r.name).sort()).toEqual(['Chuyên viên mới', 'Chuyên viên xã Võ Nhai (demo)']);
    });

    test('a handover changes the queue version an open console polls, so "Của tôi" is read again', async () => {
      const d = await sendDossier(t.app, VO_NHAI);
      const version = async () => (await specialist.get('/api/staff/queue')).json<{ version: string }>().version;
      const before = await version();
      expect(await version()).toBe(before);
      expect((await hand(officer, d.id, idOf(specialist))).statusCode).toBe(200);
      expect(await version()).not.toBe(before);
    });

    test('two first handovers at once (another node): one is recorded, the other refused', async () => {
      const d = await sendDossier(t.app, VO_NHAI);
      const other: Store = harness.concurrentWriters ? harness.open() : store;
      const step = (to: string): HandoverRecord => ({ id: randomUUID(), dossierId: d.id, seq: 1, fromStaffId: idOf(officer), toStaffId: to, at: TUESDAY.toISOString(), dueAt: d.receipt.dueAt, note: null, endedAt: null });
      const audit = { at: TUESDAY.toISOString(), actorKind: 'staff' as const, staffId: idOf(officer), action: 'handover', dossierId: d.id };
      const results = await Promise.all([store.handovers.hand(step(idOf(specialist)), audit), other.handovers.hand(step(idOf(leader)), audit)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.handovers.list(d.id)).toHaveLength(1);
      // Closing a step that is no longer open fails too.
      expect(await store.handovers.hand({ ...step(idOf(leader)), seq: 3 }, audit)).toBe(false);
      if (other !== store) await other.close();
    });

    test('0016 on a database written by 0015: every existing account is no specialist', async () => {
      const { store: old, dispose } = await harness.fresh();
      try {
        await migrateTo(old.db as unknown as Kysely<unknown>, '0015_integration');
        const id = randomUUID();
        await old.db.insertInto('staff').values({ id, username: 'old.one', display_name: 'Cũ', role: 'officer', unit_code: null, password_hash: 'x', created_at: TUESDAY.toISOString(), disabled_at: null, phone: null }).execute();
        await old.migrate();
        expect(await old.handovers.member(id)).toMatchObject({ id, specialist: false, disabled: false });
        await old.handovers.setSpecialist(id, true);
        expect((await old.handovers.member(id))?.specialist).toBe(true);
      } finally {
        await dispose();
      }
    });
  });
});
