// Handover of a dossier between the staff of its unit (Circular 01/2018, Mẫu 05): who holds
// it, whom they may hand it to, the steps with their due times, and the control sheet. Only the
// holder acts on a dossier; one nobody was handed stays with the receiving desk as before (any
// officer or leader of the unit acts). The rules are shared/src/handover.ts.
import { randomUUID } from 'node:crypto';
import {
  handoverSteps,
  isFinal,
  mayHandTo,
  stepDueAt,
  type ControlSheet,
  type DeskDossier,
  type DeskHandover,
  type HandoverFact,
  type HandoverRequest,
  type LifecycleError,
  type StaffUser,
  type WorkCalendar,
} from '@hsc/shared';
import { DEFAULT_LANGUAGE, translate } from './texts.ts';
import type { HandoverRecord } from '../store/kysely-handover.ts';
import type { DossierRecord, Store } from '../store/store.ts';
import { staffAudit, visibleDossier, type Viewer } from './access.ts';
import type { CalendarService } from './calendar.ts';
import { bodyOf, type DeskService } from './desk.ts';

export type HandOutcome = { kind: 'ok'; dossier: DeskDossier } | { kind: 'not_found' } | { kind: 'refused'; error: LifecycleError };

/** Whether the viewer may act on the dossier now: they hold it, or nobody was handed it. */
export async function holderRefusal(store: Store, v: StaffUser, dossierId: string): Promise<'not_holder' | undefined> {
  const current = await store.handovers.current(dossierId);
  return current && current.toStaffId !== v.id ? 'not_holder' : undefined;
}

async function facts(store: Store, records: readonly HandoverRecord[]): Promise<HandoverFact[]> {
  const names = new Map<string, string>();
  const person = async (id: string) => {
    if (!names.has(id)) names.set(id, (await store.staff.byId(id))?.displayName ?? id);
    return { id, name: names.get(id)! };
  };
  const out: HandoverFact[] = [];
  for (const r of records) out.push({ seq: r.seq, from: await person(r.fromStaffId), to: await person(r.toStaffId), at: r.at, dueAt: r.dueAt, note: r.note });
  return out;
}

/** The handover part of a dossier as this viewer reads it, and whether they may act on it. */
export async function handoverView(store: Store, d: DossierRecord, v: StaffUser, cal: WorkCalendar): Promise<DeskHandover & { mayAct: boolean }> {
  const records = await store.handovers.list(d.id);
  const steps = handoverSteps(d.receivedAt, await facts(store, records), cal);
  const open = records.find((r) => r.endedAt === null);
  const holder = open ? steps.at(-1)!.to : null;
  const mayAct = !open || open.toStaffId === v.id;
  let recipients: DeskHandover['recipients'] = [];
  if (mayAct && !isFinal(d.status) && (v.role === 'officer' || v.role === 'leader') && v.unitCode === d.unitCode) {
    const me = await store.handovers.member(v.id);
    if (me) {
      recipients = (await store.handovers.unitStaff(d.unitCode))
        .filter((m) => mayHandTo(me, m))
        .map((m) => ({ id: m.id, name: m.name, role: m.role, specialist: m.specialist }));
    }
  }
  return { holder, mine: !!open && open.toStaffId === v.id, steps, recipients, mayAct };
}

export class HandoverService {
  constructor(
    private readonly store: Store,
    private readonly calendar: CalendarService,
    private readonly desk: DeskService,
    private readonly now: () => Date,
  ) {}

  /** Hands the dossier to `req.to`: only its holder (or the desk, nobody holding it) may. */
  async hand(v: Viewer, id: string, req: HandoverRequest): Promise<HandOutcome> {
    const d = await visibleDossier(this.store, v, id);
    if (!d) return { kind: 'not_found' };
    if (isFinal(d.status)) return { kind: 'refused', error: 'handover_closed' };
    const [current, me, to] = await Promise.all([this.store.handovers.current(d.id), this.store.handovers.member(v.id), this.store.handovers.member(req.to)]);
    if (current && current.toStaffId !== v.id) return { kind: 'refused', error: 'not_holder' };
    if (!me || me.unitCode !== d.unitCode || !to || !mayHandTo(me, to)) return { kind: 'refused', error: 'handover_recipient' };
    const now = this.now();
    const cal = await this.calendar.current();
    const h: HandoverRecord = {
      id: randomUUID(),
      dossierId: d.id,
      seq: (current?.seq ?? 0) + 1,
      fromStaffId: v.id,
      toStaffId: to.id,
      at: now.toISOString(),
      dueAt: stepDueAt(d.dueAt, to.role, now, cal),
      note: req.note || null,
      endedAt: null,
    };
    const audit = staffAudit(v, now, {
      action: 'handover',
      dossierId: d.id,
      details: { seq: h.seq, from: h.fromStaffId, to: h.toStaffId, dueAt: h.dueAt, ...(h.note ? { note: h.note } : {}) },
    });
    // Another handover came first: the viewer no longer holds it.
    if (!(await this.store.handovers.hand(h, audit))) return { kind: 'refused', error: 'not_holder' };
    const after = await this.store.getDossier(d.id);
    return { kind: 'ok', dossier: await this.desk.view(after!, v, cal) };
  }

  /** Mẫu 05 from the recorded steps (the read is audited). */
  async controlSheet(v: Viewer, id: string): Promise<ControlSheet | undefined> {
    const d = await visibleDossier(this.store, v, id);
    if (!d) return undefined;
    const now = this.now();
    const cal = await this.calendar.current();
    const [unit, procedure, records] = await Promise.all([
      this.store.getUnit(d.unitCode),
      this.store.catalog.getVersion(d.procedureCode, d.procedureVersion),
      this.store.handovers.list(d.id),
    ]);
    const a = bodyOf(d).applicant;
    await this.store.audit.append(staffAudit(v, now, { action: 'read_control_sheet', dossierId: d.id }));
    const unitName = unit?.name ?? d.unitCode;
    return {
      kind: '05',
      issuedAt: now.toISOString(),
      dossierId: d.id,
      dossierCode: d.code,
      lookupCode: d.lookupCode,
      status: d.status,
      agency: { unitCode: d.unitCode, unitName, desk: translate(DEFAULT_LANGUAGE, 'forms.desk', { unit: unitName }) },
      applicant: { fullName: a.fullName, address: a.address, phone: a.phone, ...(a.email ? { email: a.email } : {}), ...(a.noPhone ? { noPhone: true as const } : {}) },
      procedure: { code: d.procedureCode, name: procedure?.name.vi ?? d.procedureCode },
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      steps: handoverSteps(d.receivedAt, await facts(this.store, records), cal),
    };
  }
}
