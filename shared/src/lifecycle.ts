// The legal lifecycle of a dossier (Decree 61/2018, Circular 01/2018; Decree 118/2025) as one
// pure state machine: the server applies it in the transaction that writes the timeline and
// audit entries, the staff console uses it to show only the actions that can succeed.
// Statuses are the national portal's (schemas.ts DossierStatus).
import { z } from 'zod';
import { SupplementItem, Uuid, type DossierStatus } from './schemas.ts';
import type { StaffRole } from './staff.ts';
import { dueAt as statutoryDueAt, effectiveReceivedAt, isWorkingDay, nextWorkingDay, vnLocal, type WorkCalendar } from './workdays.ts';

export const FINAL_STATUSES: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped', 'returned'];
export const isFinal = (s: DossierStatus) => FINAL_STATUSES.includes(s);

/** Statuses in which the processing clock runs, so a deadline badge means something. */
export const CLOCK_STATUSES: readonly DossierStatus[] = ['registered', 'accepted', 'processing', 'financial_requested'];

/** Who acts: a staff role, or the citizen (through the device secret of the dossier). */
export type Actor = StaffRole | 'citizen';

/** An ISO-8601 instant; offsets are accepted and the server stores it as UTC. */
export const Instant = z.iso.datetime({ offset: true });

const Reason = z.string().trim().min(1).max(2000);
/** Optional id made by the client: the same action sent twice is applied once. */
const ActionId = Uuid.optional();

/** Body of `POST /api/staff/dossiers/:id/actions`. */
export const StaffActionRequest = z.discriminatedUnion('action', [
  /** Mẫu 01. `dueAt` corrects the appointment (never earlier than the current one). */
  z.object({ action: z.literal('accept'), dueAt: Instant.optional(), actionId: ActionId }),
  /**
   * Mẫu 02. `overrideReason`: a leader's written reason for a request outside the rule (after
   * the 3-working-day window, or a second request); kept with the supplement and audited.
   */
  z.object({ action: z.literal('request_supplement'), items: z.array(SupplementItem).min(1).max(50), overrideReason: Reason.optional(), actionId: ActionId }),
  /** Mẫu 03. */
  z.object({ action: z.literal('refuse'), reasons: z.array(Reason).min(1).max(20), actionId: ActionId }),
  z.object({ action: z.literal('start_processing'), actionId: ActionId }),
  /** Amount in VND. */
  z.object({ action: z.literal('request_payment'), amount: z.number().int().min(0).max(1_000_000_000), note: z.string().trim().max(1000).optional(), actionId: ActionId }),
  /** `amount` (VND) as received, the requested one when left out; `reference`: the bank's transaction reference or receipt number. */
  z.object({ action: z.literal('payment_received'), amount: z.number().int().min(0).max(1_000_000_000).optional(), reference: z.string().trim().max(100).optional(), actionId: ActionId }),
  /** `resultId` from `POST /api/staff/dossiers/:id/result`. */
  z.object({ action: z.literal('finish'), resultId: Uuid, actionId: ActionId }),
  z.object({ action: z.literal('return_result'), actionId: ActionId }),
  /** Mẫu 04: apology and a later due date; leader only, once per dossier. */
  z.object({ action: z.literal('reschedule'), newDueAt: Instant, reason: Reason, actionId: ActionId }),
  z.object({ action: z.literal('stop'), reason: Reason, actionId: ActionId }),
]);
export type StaffActionRequest = z.infer<typeof StaffActionRequest>;
export type StaffActionName = StaffActionRequest['action'];

export type CitizenAction = { action: 'withdraw' } | { action: 'supplement_submitted' };
/** What the machine takes: a staff action without its client id, or a citizen action. */
export type LifecycleAction = DistributiveOmit<StaffActionRequest, 'actionId'> | CitizenAction;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export const ActionName = z.enum([
  'accept',
  'request_supplement',
  'refuse',
  'start_processing',
  'request_payment',
  'payment_received',
  'finish',
  'return_result',
  'reschedule',
  'stop',
  'withdraw',
  'supplement_submitted',
]);
export type ActionName = z.infer<typeof ActionName>;
export const ACTION_NAMES: readonly ActionName[] = ActionName.options;
// Compile-time check that the names and the action types agree both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<ActionName, LifecycleAction['action']> = true;
void namesMatch;

/** The form each action produces (Mẫu 01-04 of Circular 01/2018). */
export const FORM_OF_ACTION: Partial<Record<ActionName, '01' | '02' | '03' | '04'>> = {
  accept: '01',
  request_supplement: '02',
  refuse: '03',
  reschedule: '04',
};

const DESK: readonly Actor[] = ['officer', 'leader'];
const NOT_FINAL: readonly DossierStatus[] = ['registered', 'accepted', 'processing', 'supplement_requested', 'financial_requested', 'processed'];

interface Rule {
  from: readonly DossierStatus[];
  /** `null`: the status stays (a reschedule only moves the due date). */
  to: DossierStatus | null;
  by: readonly Actor[];
}

export const LIFECYCLE_RULES: Record<ActionName, Rule> = {
  accept: { from: ['registered'], to: 'accepted', by: DESK },
  request_supplement: { from: ['registered', 'accepted', 'processing'], to: 'supplement_requested', by: DESK },
  refuse: { from: ['registered', 'accepted'], to: 'refused', by: DESK },
  start_processing: { from: ['accepted'], to: 'processing', by: DESK },
  request_payment: { from: ['processing'], to: 'financial_requested', by: DESK },
  payment_received: { from: ['financial_requested'], to: 'processing', by: DESK },
  finish: { from: ['processing'], to: 'processed', by: DESK },
  return_result: { from: ['processed'], to: 'returned', by: DESK },
  reschedule: { from: ['accepted', 'processing', 'financial_requested'], to: null, by: ['leader'] },
  stop: { from: ['processing'], to: 'stopped', by: ['leader'] },
  withdraw: { from: NOT_FINAL, to: 'withdrawn', by: ['citizen'] },
  supplement_submitted: { from: ['supplement_requested'], to: 'registered', by: ['citizen'] },
};

/** What the machine needs to know of a dossier. Instants are ISO strings. */
export interface LifecycleState {
  status: DossierStatus;
  /** When the current processing clock started: the receipt, or the last resubmission. */
  clockFrom: string;
  dueAt: string;
  /** The due date was moved by a Mẫu 04 (allowed once per dossier). */
  rescheduled: boolean;
  /** The result document, set by `finish`. */
  resultId: string | null;
  /** Supplement requests made so far (the rule allows one). */
  supplements: number;
}

export interface TransitionContext {
  actor: Actor;
  now: Date;
  calendar: WorkCalendar;
  /** The procedure's statutory time in working days, for the clock restart. */
  processingDays: number;
}

export const LifecycleError = z.enum([
  'forbidden_role',
  'invalid_transition',
  'items_required',
  'reasons_required',
  'reason_required',
  'result_required',
  'already_rescheduled',
  'reschedule_too_late',
  'due_not_later',
  'due_not_working_day',
  'supplement_too_late',
  'supplement_already_requested',
  'override_leader_only',
  // Handover (handover.ts): another staff member holds the dossier; not someone it may be
  // handed to; a dossier that is closed is handed to no one.
  'not_holder',
  'handover_recipient',
  'handover_closed',
]);
export type LifecycleError = z.infer<typeof LifecycleError>;

export type TransitionResult = { ok: true; state: LifecycleState } | { ok: false; error: LifecycleError };

const fail = (error: LifecycleError): TransitionResult => ({ ok: false, error });
const blank = (s: string | undefined) => !s || s.trim() === '';

/** A moved due date must be later than the current one and fall on a working day. */
function checkNewDue(newDue: string, state: LifecycleState, cal: WorkCalendar): LifecycleError | null {
  const t = Date.parse(newDue);
  if (Number.isNaN(t) || t <= Date.parse(state.dueAt)) return 'due_not_later';
  return isWorkingDay(vnLocal(new Date(t)).date, cal) ? null : 'due_not_working_day';
}

/** Working days after receipt within which the supplement request must be made. */
export const SUPPLEMENT_WINDOW_DAYS = 3;

/**
 * The last Vietnamese date on which a supplement may be requested: the 3rd working day after
 * the day the current clock started (the receipt, or the last resubmission, under the 15:00 rule).
 */
export function supplementDeadline(clockFrom: string, cal: WorkCalendar): string {
  let day = vnLocal(effectiveReceivedAt(new Date(clockFrom), cal)).date;
  for (let i = 0; i < SUPPLEMENT_WINDOW_DAYS; i++) day = nextWorkingDay(day, cal);
  return day;
}

export type SupplementRestriction = Extract<LifecycleError, 'supplement_too_late' | 'supplement_already_requested'>;

/**
 * Why a supplement request now would break the rule (one request, listing everything, within 3
 * working days of receipt), or null when it keeps it. Only a leader's written reason overrides.
 */
export function supplementRestriction(state: LifecycleState, now: Date, cal: WorkCalendar): SupplementRestriction | null {
  if ((state.supplements ?? 0) > 0) return 'supplement_already_requested';
  return vnLocal(now).date > supplementDeadline(state.clockFrom, cal) ? 'supplement_too_late' : null;
}

/** Whether the actor may try this action in this status (payload rules aside). */
export function canAttempt(status: DossierStatus, action: ActionName, actor: Actor): boolean {
  const rule = LIFECYCLE_RULES[action];
  return rule.by.includes(actor) && rule.from.includes(status);
}

/** The actions to offer in the console for a dossier. */
export function availableActions(state: LifecycleState, actor: Actor): ActionName[] {
  return ACTION_NAMES.filter((a) => canAttempt(state.status, a, actor) && !(a === 'reschedule' && state.rescheduled));
}

export function transition(state: LifecycleState, action: LifecycleAction, ctx: TransitionContext): TransitionResult {
  const rule = LIFECYCLE_RULES[action.action];
  if (!rule.by.includes(ctx.actor)) return fail('forbidden_role');
  if (!rule.from.includes(state.status)) return fail('invalid_transition');
  const next: LifecycleState = { ...state, status: rule.to ?? state.status };

  switch (action.action) {
    case 'accept': {
      if (action.dueAt === undefined) return { ok: true, state: next };
      // Confirming keeps the date; correcting may only give the citizen more time, since the
      // automatic receipt already promised this one. Later moves need a Mẫu 04.
      if (Date.parse(action.dueAt) === Date.parse(state.dueAt)) return { ok: true, state: next };
      const problem = checkNewDue(action.dueAt, state, ctx.calendar);
      if (problem) return fail(problem);
      return { ok: true, state: { ...next, dueAt: new Date(action.dueAt).toISOString() } };
    }
    case 'request_supplement': {
      if (action.items.length === 0 || action.items.some((i) => blank(i.label) || blank(i.reason))) return fail('items_required');
      const restriction = supplementRestriction(state, ctx.now, ctx.calendar);
      if (restriction) {
        if (blank(action.overrideReason)) return fail(restriction);
        if (ctx.actor !== 'leader') return fail('override_leader_only');
      }
      return { ok: true, state: { ...next, supplements: (state.supplements ?? 0) + 1 } };
    }
    case 'refuse':
      if (action.reasons.length === 0 || action.reasons.some(blank)) return fail('reasons_required');
      return { ok: true, state: next };
    case 'finish':
      if (blank(action.resultId)) return fail('result_required');
      return { ok: true, state: { ...next, resultId: action.resultId } };
    case 'return_result':
      // Defensive: `processed` is only reachable through `finish`, which sets the result.
      if (!state.resultId) return fail('result_required');
      return { ok: true, state: next };
    case 'reschedule': {
      if (state.rescheduled) return fail('already_rescheduled');
      if (blank(action.reason)) return fail('reason_required');
      // The apology must reach the citizen at least one day before the due date: no later
      // than the (Vietnamese) calendar day before it.
      if (vnLocal(ctx.now).date >= vnLocal(new Date(state.dueAt)).date) return fail('reschedule_too_late');
      const problem = checkNewDue(action.newDueAt, state, ctx.calendar);
      if (problem) return fail(problem);
      return { ok: true, state: { ...next, dueAt: new Date(action.newDueAt).toISOString(), rescheduled: true } };
    }
    case 'stop':
      if (blank(action.reason)) return fail('reason_required');
      return { ok: true, state: next };
    case 'supplement_submitted':
      // The clock restarts from zero at the resubmission, under the 15:00 and working-day rules.
      return {
        ok: true,
        state: { ...next, clockFrom: ctx.now.toISOString(), dueAt: statutoryDueAt(ctx.now, ctx.processingDays, ctx.calendar).toISOString() },
      };
    case 'start_processing':
    case 'request_payment':
    case 'payment_received':
    case 'withdraw':
      return { ok: true, state: next };
  }
}

// Deadline badges of Thái Nguyên's system: "Quá hạn", "Đến hạn", "Còn N ngày".
export const DeadlineBadge = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue') }),
  z.object({ kind: z.literal('due_today') }),
  z.object({ kind: z.literal('days_left'), days: z.number().int().min(1) }),
]);
export type DeadlineBadge = z.infer<typeof DeadlineBadge>;

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Working days left are counted from tomorrow up to and including the due day (Vietnamese dates). */
export function deadlineBadge(dueAt: string | Date, now: Date, cal: WorkCalendar): DeadlineBadge {
  const due = new Date(dueAt);
  if (now.getTime() > due.getTime()) return { kind: 'overdue' };
  const today = vnLocal(now).date;
  const dueDay = vnLocal(due).date;
  if (dueDay <= today) return { kind: 'due_today' };
  let days = 0;
  // Bounded: a due date years away still ends the loop (and says "many days").
  for (let d = nextDate(today), i = 0; d <= dueDay && i < 4000; d = nextDate(d), i++) if (isWorkingDay(d, cal)) days++;
  return { kind: 'days_left', days: Math.max(1, days) };
}

/** The badge of a dossier, or null when its clock is not running (waiting for a supplement, done). */
export function badgeFor(status: DossierStatus, dueAt: string, now: Date, cal: WorkCalendar): DeadlineBadge | null {
  return CLOCK_STATUSES.includes(status) ? deadlineBadge(dueAt, now, cal) : null;
}
