// Handing a dossier from one officer of a unit to another (Circular 01/2018, Mẫu 05 "Phiếu
// kiểm soát quá trình giải quyết hồ sơ"): the receiving desk hands it to a specialist
// (chuyên viên), who hands it back or on to the leader for signature. Each step has a due time;
// the control sheet lists the steps and whether each was handed on in time. The rules are pure
// here so the server applies them and the console shows only what can succeed.
import { z } from 'zod';
import { DossierStatus } from './schemas.ts';
import { StaffRole } from './staff.ts';
import { dueAt as statutoryDueAt, isWorkingDay, vnInstant, vnLocal, type WorkCalendar } from './workdays.ts';

/** Body of `POST /api/staff/dossiers/:id/handover`: the staff member who gets it, and a note. */
export const HandoverRequest = z.object({ to: z.string().min(1).max(100), note: z.string().trim().max(500).optional() });
export type HandoverRequest = z.infer<typeof HandoverRequest>;

export const HandoverPerson = z.object({ id: z.string(), name: z.string() });
export type HandoverPerson = z.infer<typeof HandoverPerson>;

/** Handed on before the due day (trước hạn), on the due day in time (đúng hạn), after it (quá hạn). */
export const StepTiming = z.enum(['early', 'on_time', 'late']);
export type StepTiming = z.infer<typeof StepTiming>;

/**
 * One step of the dossier's way through the unit: who handed it to whom, when, its due time and
 * when it was handed on. Step 0 is the reception: from the applicant to the receiving desk (the
 * officer who first handed it on, or null while the desk holds it).
 */
export const HandoverStep = z.object({
  seq: z.number().int().min(0),
  /** Null: the applicant (step 0). */
  from: HandoverPerson.nullable(),
  /** Null: the receiving desk, no one named yet. */
  to: HandoverPerson.nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  /** Null while this step's holder still holds the dossier. */
  handedOnAt: z.string().nullable(),
  /** Null while the step is open. */
  timing: StepTiming.nullable(),
  note: z.string().optional(),
});
export type HandoverStep = z.infer<typeof HandoverStep>;

export const HandoverRecipient = z.object({ id: z.string(), name: z.string(), role: StaffRole, specialist: z.boolean() });
export type HandoverRecipient = z.infer<typeof HandoverRecipient>;

/** The handover part of a dossier as the desk reads it. */
export const DeskHandover = z.object({
  /** Who holds the dossier; null: the receiving desk (nobody was handed it: any desk officer acts). */
  holder: HandoverPerson.nullable(),
  /** The signed-in staff member holds it (or the desk does and they are of the desk). */
  mine: z.boolean(),
  steps: z.array(HandoverStep),
  /** Whom the signed-in staff member may hand it to now (empty: they may not). */
  recipients: z.array(HandoverRecipient),
});
export type DeskHandover = z.infer<typeof DeskHandover>;

/** Mẫu 05 as data: the dossier, and every step. Not stored: it is read from the steps when printed. */
export const ControlSheet = z.object({
  kind: z.literal('05'),
  /** When it was printed. */
  issuedAt: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  lookupCode: z.string(),
  status: DossierStatus,
  agency: z.object({ unitCode: z.string(), unitName: z.string(), desk: z.string() }),
  applicant: z.object({ fullName: z.string(), address: z.string(), phone: z.string(), email: z.string().optional(), noPhone: z.literal(true).optional() }),
  procedure: z.object({ code: z.string(), name: z.string() }),
  receivedAt: z.string(),
  dueAt: z.string(),
  steps: z.array(HandoverStep),
});
export type ControlSheet = z.infer<typeof ControlSheet>;

/** Who may be handed a dossier (an officer or leader of the dossier's unit). */
export interface HandoverCandidate {
  id: string;
  role: StaffRole;
  unitCode: string | null;
  specialist: boolean;
  disabled: boolean;
}

/**
 * Whether `sender` may hand the dossier to `to`: someone else of the same unit, officer or
 * leader, still active. A desk officer (not a specialist) hands only to a specialist: the desk
 * passes a dossier to the one who examines it, never straight to the leader. A specialist or
 * a leader may hand it to anyone of the unit (back to the desk or a specialist, on to the leader).
 */
export function mayHandTo(sender: Pick<HandoverCandidate, 'id' | 'role' | 'unitCode' | 'specialist'>, to: HandoverCandidate): boolean {
  if (to.disabled || to.id === sender.id || !to.unitCode || to.unitCode !== sender.unitCode) return false;
  if (to.role !== 'officer' && to.role !== 'leader') return false;
  if (sender.role === 'officer' && !sender.specialist) return to.specialist && to.role === 'officer';
  return true;
}

function previousWorkingDay(date: string, cal: WorkCalendar): string {
  let d = date;
  do d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  while (!isWorkingDay(d, cal));
  return d;
}

/**
 * The due time of a step handed on at `now`. The leader's step: the dossier's due date (the
 * leader signs, the desk returns the result the same day). Anyone else's: one working day
 * before the dossier's due date, at the same hour, so the leader has a working day to sign; but
 * never before the handover itself: a dossier handed over that late is due by its own due date.
 */
export function stepDueAt(dossierDueAt: string, toRole: StaffRole, now: Date, cal: WorkCalendar): string {
  const due = new Date(dossierDueAt);
  if (toRole === 'leader') return due.toISOString();
  const { date, minutes } = vnLocal(due);
  const before = vnInstant(previousWorkingDay(date, cal), minutes);
  return (before.getTime() > now.getTime() ? before : due).toISOString();
}

/**
 * The receiving desk's step (step 0) is due at office closing of the day the dossier counts as
 * received: the desk hands it on the same working day, or the next one after 15:00 (Decree
 * 61/2018, art. 19).
 */
export const deskStepDueAt = (receivedAt: string, cal: WorkCalendar): string => statutoryDueAt(new Date(receivedAt), 0, cal).toISOString();

/** Early: handed on before the due day; on time: by the due time; late: after it. */
export function stepTiming(handedOnAt: string | null, dueAt: string): StepTiming | null {
  if (!handedOnAt) return null;
  const at = new Date(handedOnAt);
  const due = new Date(dueAt);
  if (at.getTime() > due.getTime()) return 'late';
  return vnLocal(at).date < vnLocal(due).date ? 'early' : 'on_time';
}

/** A recorded handover, as the steps are built from it. */
export interface HandoverFact {
  seq: number;
  from: HandoverPerson;
  to: HandoverPerson;
  at: string;
  dueAt: string;
  note: string | null;
}

/** The steps of a dossier: the reception, then one per handover; each ends when the next begins. */
export function handoverSteps(receivedAt: string, facts: readonly HandoverFact[], cal: WorkCalendar): HandoverStep[] {
  const first = facts[0];
  const reception: HandoverStep = {
    seq: 0,
    from: null,
    to: first ? first.from : null,
    receivedAt,
    dueAt: deskStepDueAt(receivedAt, cal),
    handedOnAt: first?.at ?? null,
    timing: stepTiming(first?.at ?? null, deskStepDueAt(receivedAt, cal)),
  };
  return [
    reception,
    ...facts.map((f, i): HandoverStep => {
      const next = facts[i + 1]?.at ?? null;
      return { seq: f.seq, from: f.from, to: f.to, receivedAt: f.at, dueAt: f.dueAt, handedOnAt: next, timing: stepTiming(next, f.dueAt), ...(f.note ? { note: f.note } : {}) };
    }),
  ];
}
