import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import viStaff from '../locales/vi/staff.json';
import { VN_HOLIDAYS } from './holidays.ts';
import {
  availableActions,
  deadlineBadge,
  FINAL_STATUSES,
  LIFECYCLE_RULES,
  supplementDeadline,
  supplementRestriction,
  transition,
  type Actor,
  type ActionName,
  type LifecycleAction,
  type LifecycleState,
  type TransitionContext,
} from './lifecycle.ts';
import { calendar, dueAt, vnInstant, vnLocal } from './workdays.ts';

const cal = calendar(VN_HOLIDAYS);
const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (d: Date) => d.toISOString();
const DAYS = 3;

function registered(at: Date, days = DAYS): LifecycleState {
  return { status: 'registered', clockFrom: iso(at), dueAt: iso(dueAt(at, days, cal)), rescheduled: false, resultId: null, supplements: 0 };
}
const ctx = (actor: Actor, now: Date, processingDays = DAYS): TransitionContext => ({ actor, now, calendar: cal, processingDays });

function run(state: LifecycleState, steps: [Actor, LifecycleAction][], now: Date): LifecycleState {
  let s = state;
  for (const [actor, action] of steps) {
    const r = transition(s, action, ctx(actor, now));
    if (!r.ok) throw new Error(`${action.action} by ${actor} from ${s.status}: ${r.error}`);
    s = r.state;
  }
  return s;
}

const TUESDAY = vn('2026-03-10T09:00:00');
const RESULT = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

describe('transition: the legal path', () => {
  it('accept → process → fee → finish with a result → return', () => {
    const s = run(
      registered(TUESDAY),
      [
        ['officer', { action: 'accept' }],
        ['officer', { action: 'start_processing' }],
        ['officer', { action: 'request_payment', amount: 20_000 }],
        ['officer', { action: 'payment_received' }],
        ['leader', { action: 'finish', resultId: RESULT }],
        ['officer', { action: 'return_result' }],
      ],
      TUESDAY,
    );
    expect(s).toMatchObject({ status: 'returned', resultId: RESULT });
  });

  it('refuses actions of the wrong role, from the wrong status, out of a final status', () => {
    const s = registered(TUESDAY);
    expect(transition(s, { action: 'accept' }, ctx('province', TUESDAY))).toEqual({ ok: false, error: 'forbidden_role' });
    expect(transition(s, { action: 'accept' }, ctx('admin', TUESDAY))).toEqual({ ok: false, error: 'forbidden_role' });
    expect(transition(s, { action: 'accept' }, ctx('citizen', TUESDAY))).toEqual({ ok: false, error: 'forbidden_role' });
    expect(transition(s, { action: 'withdraw' }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'forbidden_role' });
    expect(transition(s, { action: 'finish', resultId: RESULT }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'invalid_transition' });
    expect(transition(s, { action: 'return_result' }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'invalid_transition' });
    const refused = run(s, [['officer', { action: 'refuse', reasons: ['Sai thủ tục'] }]], TUESDAY);
    expect(transition(refused, { action: 'withdraw' }, ctx('citizen', TUESDAY))).toEqual({ ok: false, error: 'invalid_transition' });
  });

  it('a supplement request must list at least one item, each with a label and a reason', () => {
    const s = registered(TUESDAY);
    expect(transition(s, { action: 'request_supplement', items: [] }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'items_required' });
    expect(transition(s, { action: 'request_supplement', items: [{ label: 'CCCD', reason: ' ' }] }, ctx('officer', TUESDAY))).toEqual({
      ok: false,
      error: 'items_required',
    });
    expect(transition(s, { action: 'refuse', reasons: [] }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'reasons_required' });
  });

  it('a supplement is requested once, within 3 working days of receipt, unless a leader gives a written reason', () => {
    const items = [{ slot: 'idCard', label: 'CCCD', reason: 'Ảnh mờ' }];
    // Received Friday 24/4/2026 at 10:00: Monday 27/4 (Giỗ Tổ), 30/4 and 1/5 are off, so the
    // three working days are Tue 28/4, Wed 29/4 and Mon 4/5.
    const s = registered(vn('2026-04-24T10:00:00'));
    expect(supplementDeadline(s.clockFrom, cal)).toBe('2026-05-04');
    const lastDay = vn('2026-05-04T16:59:00');
    expect(transition(s, { action: 'request_supplement', items }, ctx('officer', lastDay))).toMatchObject({ ok: true, state: { status: 'supplement_requested', supplements: 1 } });
    const late = vn('2026-05-05T08:00:00');
    expect(supplementRestriction(s, late, cal)).toBe('supplement_too_late');
    expect(transition(s, { action: 'request_supplement', items }, ctx('officer', late))).toEqual({ ok: false, error: 'supplement_too_late' });
    expect(transition(s, { action: 'request_supplement', items }, ctx('leader', late))).toEqual({ ok: false, error: 'supplement_too_late' });
    const override = { action: 'request_supplement' as const, items, overrideReason: 'Phát hiện giấy tờ giả khi thẩm định' };
    expect(transition(s, override, ctx('officer', late))).toEqual({ ok: false, error: 'override_leader_only' });
    expect(transition(s, override, ctx('leader', late))).toMatchObject({ ok: true, state: { status: 'supplement_requested', supplements: 1 } });

    // Once: after the resubmission a second request is refused even inside the new window.
    const once = run(s, [['officer', { action: 'request_supplement', items }], ['citizen', { action: 'supplement_submitted' }]], vn('2026-04-28T09:00:00'));
    expect(once).toMatchObject({ status: 'registered', supplements: 1 });
    const again = vn('2026-04-28T10:00:00');
    expect(supplementRestriction(once, again, cal)).toBe('supplement_already_requested');
    expect(transition(once, { action: 'request_supplement', items }, ctx('officer', again))).toEqual({ ok: false, error: 'supplement_already_requested' });
    expect(transition(once, override, ctx('officer', again))).toEqual({ ok: false, error: 'override_leader_only' });
    expect(transition(once, override, ctx('leader', again))).toMatchObject({ ok: true, state: { supplements: 2 } });
  });

  it('the supplement window and the badges count a make-up Saturday as a working day', () => {
    const swapped = calendar(VN_HOLIDAYS, ['2026-01-10']);
    // Received Wednesday 7/1/2026: Thu 8, Fri 9, and Saturday 10/1 (worked for Friday 2/1).
    expect(supplementDeadline(iso(vn('2026-01-07T09:00:00')), swapped)).toBe('2026-01-10');
    expect(supplementDeadline(iso(vn('2026-01-07T09:00:00')), cal)).toBe('2026-01-12');
    const due = iso(vn('2026-01-12T17:00:00'));
    expect(deadlineBadge(due, vn('2026-01-08T09:00:00'), swapped)).toEqual({ kind: 'days_left', days: 3 });
    expect(deadlineBadge(due, vn('2026-01-08T09:00:00'), cal)).toEqual({ kind: 'days_left', days: 2 });
  });

  it('the supplement window follows the 15:00 rule', () => {
    // Received Tuesday 10/3 at 15:30: counts from Wednesday, so the window ends Monday 16/3.
    expect(supplementDeadline(iso(vn('2026-03-10T15:30:00')), cal)).toBe('2026-03-16');
    expect(supplementDeadline(iso(vn('2026-03-10T14:59:00')), cal)).toBe('2026-03-13');
  });

  it('stop and reschedule are the leader’s', () => {
    const s = run(registered(TUESDAY), [['officer', { action: 'accept' }], ['officer', { action: 'start_processing' }]], TUESDAY);
    expect(transition(s, { action: 'stop', reason: 'Hồ sơ giả mạo' }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'forbidden_role' });
    expect(transition(s, { action: 'stop', reason: 'Hồ sơ giả mạo' }, ctx('leader', TUESDAY))).toMatchObject({ ok: true, state: { status: 'stopped' } });
  });

  it('availableActions offers what can succeed, for each role', () => {
    const s = run(registered(TUESDAY), [['officer', { action: 'accept' }]], TUESDAY);
    expect(availableActions(s, 'officer')).toEqual(['request_supplement', 'refuse', 'start_processing']);
    expect(availableActions(s, 'leader')).toEqual(['request_supplement', 'refuse', 'start_processing', 'reschedule']);
    expect(availableActions(s, 'province')).toEqual([]);
    expect(availableActions(s, 'citizen')).toEqual(['withdraw']);
    expect(availableActions({ ...s, rescheduled: true }, 'leader')).not.toContain('reschedule');
  });
});

describe('due dates', () => {
  it('the 15:00 rule: a dossier received at 15:00 counts from the next working day', () => {
    expect(registered(vn('2026-03-10T14:59:00')).dueAt).toBe(iso(vn('2026-03-13T17:00:00')));
    expect(registered(vn('2026-03-10T15:00:00')).dueAt).toBe(iso(vn('2026-03-16T17:00:00')));
  });

  it('weekends and holidays are skipped (Giỗ Tổ Monday 27/4 and 30/4-1/5/2026)', () => {
    expect(registered(vn('2026-04-24T10:00:00')).dueAt).toBe(iso(vn('2026-05-04T17:00:00')));
    expect(registered(vn('2026-04-25T10:00:00'), 0).dueAt).toBe(iso(vn('2026-04-28T17:00:00')));
  });

  it('accept may confirm the due date, or correct it to a later working day, never earlier', () => {
    const s = registered(TUESDAY);
    expect(transition(s, { action: 'accept', dueAt: s.dueAt }, ctx('officer', TUESDAY))).toMatchObject({ ok: true, state: { dueAt: s.dueAt } });
    const later = iso(vn('2026-03-17T17:00:00'));
    expect(transition(s, { action: 'accept', dueAt: later }, ctx('officer', TUESDAY))).toMatchObject({ ok: true, state: { dueAt: later } });
    expect(transition(s, { action: 'accept', dueAt: iso(vn('2026-03-12T17:00:00')) }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'due_not_later' });
    expect(transition(s, { action: 'accept', dueAt: iso(vn('2026-03-14T17:00:00')) }, ctx('officer', TUESDAY))).toEqual({ ok: false, error: 'due_not_working_day' });
  });

  it('a supplement restarts the clock from zero at the resubmission (15:00 rule included)', () => {
    const requested = run(registered(TUESDAY), [['officer', { action: 'request_supplement', items: [{ slot: 'idCard', label: 'CCCD', reason: 'Ảnh mờ' }] }]], TUESDAY);
    expect(requested.status).toBe('supplement_requested');
    const back = vn('2026-03-20T16:00:00'); // Friday after 15:00: the clock starts Monday
    const r = transition(requested, { action: 'supplement_submitted' }, ctx('citizen', back));
    expect(r).toEqual({ ok: true, state: { ...requested, status: 'registered', clockFrom: iso(back), dueAt: iso(vn('2026-03-26T17:00:00')) } });
  });

  it('reschedule: leader only, once, a later working day, at least one day before the due date', () => {
    const s = run(registered(TUESDAY), [['officer', { action: 'accept' }], ['officer', { action: 'start_processing' }]], TUESDAY);
    expect(s.dueAt).toBe(iso(vn('2026-03-13T17:00:00')));
    const newDue = iso(vn('2026-03-18T17:00:00'));
    const apology = { action: 'reschedule' as const, newDueAt: newDue, reason: 'Cần xác minh thêm' };
    const thursday = vn('2026-03-12T16:59:00');
    expect(transition(s, apology, ctx('officer', thursday))).toEqual({ ok: false, error: 'forbidden_role' });
    expect(transition(s, apology, ctx('leader', vn('2026-03-13T08:00:00')))).toEqual({ ok: false, error: 'reschedule_too_late' });
    expect(transition(s, { ...apology, newDueAt: s.dueAt }, ctx('leader', thursday))).toEqual({ ok: false, error: 'due_not_later' });
    expect(transition(s, { ...apology, newDueAt: iso(vn('2026-03-15T17:00:00')) }, ctx('leader', thursday))).toEqual({ ok: false, error: 'due_not_working_day' });
    expect(transition(s, { ...apology, reason: '  ' }, ctx('leader', thursday))).toEqual({ ok: false, error: 'reason_required' });
    const moved = transition(s, apology, ctx('leader', thursday));
    expect(moved).toEqual({ ok: true, state: { ...s, dueAt: newDue, rescheduled: true } });
    if (!moved.ok) return;
    const again = transition(moved.state, { ...apology, newDueAt: iso(vn('2026-03-25T17:00:00')) }, ctx('leader', TUESDAY));
    expect(again).toEqual({ ok: false, error: 'already_rescheduled' });
  });
});

describe('deadline badges', () => {
  const due = iso(vn('2026-03-13T17:00:00')); // Friday
  it('counts working days left from tomorrow to the due day', () => {
    expect(deadlineBadge(due, vn('2026-03-10T09:00:00'), cal)).toEqual({ kind: 'days_left', days: 3 });
    expect(deadlineBadge(due, vn('2026-03-12T23:00:00'), cal)).toEqual({ kind: 'days_left', days: 1 });
    expect(deadlineBadge(iso(vn('2026-03-16T17:00:00')), vn('2026-03-13T10:00:00'), cal)).toEqual({ kind: 'days_left', days: 1 });
  });
  it('is "due today" on the due day until the due instant, then overdue', () => {
    expect(deadlineBadge(due, vn('2026-03-13T07:00:00'), cal)).toEqual({ kind: 'due_today' });
    expect(deadlineBadge(due, vn('2026-03-13T17:00:00'), cal)).toEqual({ kind: 'due_today' });
    expect(deadlineBadge(due, vn('2026-03-13T17:01:00'), cal)).toEqual({ kind: 'overdue' });
  });
  it('has the Thái Nguyên labels', () => {
    // The words are staff.json's; the console fills `days_left` with i18next (its queue test).
    expect(viStaff.badge.overdue).toBe('Quá hạn');
    expect(viStaff.badge.due_today).toBe('Đến hạn');
    expect(viStaff.badge.days_left_other).toBe('Còn {{count}} ngày');
  });
});

// ---- Properties: random sequences of actions by random actors at random times ----

interface Command {
  actor: Actor;
  action: ActionName;
  /** Days added to the current due date for dates in the payload (may be ≤ 0: invalid). */
  dayShift: number;
  /** Send an empty list / blank text where the payload needs one. */
  blank: boolean;
  /** Time passing before the command, in minutes. */
  wait: number;
  /** Pick among the actions the machine offers this actor (index `pick`), so walks go deep. */
  guided: boolean;
  pick: number;
}

const command = fc.record({
  // Desk actors most often, so that walks reach processing and beyond.
  actor: fc.oneof(
    { arbitrary: fc.constant<Actor>('officer'), weight: 4 },
    { arbitrary: fc.constant<Actor>('leader'), weight: 4 },
    { arbitrary: fc.constant<Actor>('province'), weight: 1 },
    { arbitrary: fc.constant<Actor>('admin'), weight: 1 },
    { arbitrary: fc.constant<Actor>('citizen'), weight: 1 },
  ),
  action: fc.constantFrom<ActionName>(...(Object.keys(LIFECYCLE_RULES) as ActionName[])),
  dayShift: fc.integer({ min: -3, max: 12 }),
  blank: fc.boolean(),
  wait: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  guided: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  pick: fc.nat(),
});

/** The command's action: random, or (guided) one of those offered in this state. */
function chosen(c: Command, s: LifecycleState): Command {
  const offered = availableActions(s, c.actor);
  return c.guided && offered.length > 0 ? { ...c, action: offered[c.pick % offered.length]! } : c;
}

function toAction(c: Command, s: LifecycleState): LifecycleAction {
  const dueDay = vnLocal(new Date(s.dueAt)).date;
  const shifted = iso(vnInstant(new Date(Date.parse(`${dueDay}T00:00:00Z`) + c.dayShift * 86_400_000).toISOString().slice(0, 10), 17 * 60));
  const text = c.blank ? ' ' : 'Lý do';
  switch (c.action) {
    case 'accept':
      return c.dayShift === 0 ? { action: 'accept' } : { action: 'accept', dueAt: shifted };
    case 'request_supplement':
      return { action: 'request_supplement', items: c.blank ? [] : [{ label: 'CCCD', reason: 'Ảnh mờ' }], ...(c.dayShift % 2 === 1 ? { overrideReason: 'Lý do' } : {}) };
    case 'refuse':
      return { action: 'refuse', reasons: c.blank ? [] : ['Không thuộc thẩm quyền'] };
    case 'request_payment':
      return { action: 'request_payment', amount: 10_000 };
    case 'finish':
      return { action: 'finish', resultId: c.blank ? '' : RESULT };
    case 'reschedule':
      return { action: 'reschedule', newDueAt: shifted, reason: text };
    case 'stop':
      return { action: 'stop', reason: text };
    default:
      return { action: c.action } as LifecycleAction;
  }
}

describe('properties (fast-check)', () => {
  it('no sequence of actions reaches a state the rules forbid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 120 }), fc.array(command, { maxLength: 40 }), (startMinutes, commands) => {
        let now = new Date(vn('2026-01-05T07:00:00').getTime() + startMinutes * 60_000);
        let s = registered(now);
        let reschedules = 0;
        for (const c of commands) {
          now = new Date(now.getTime() + c.wait * 60_000);
          const before = s;
          const action = toAction(chosen(c, s), s);
          const r = transition(s, action, ctx(c.actor, now));
          if (!r.ok) continue;
          s = r.state;
          const rule = LIFECYCLE_RULES[action.action];
          // Nothing leaves a final status; every step is in the table, by an allowed actor.
          expect(FINAL_STATUSES).not.toContain(before.status);
          expect(rule.from).toContain(before.status);
          expect(rule.by).toContain(c.actor);
          expect(['province', 'admin']).not.toContain(c.actor);
          expect(s.status).toBe(rule.to ?? before.status);
          // Returned only from processed; processed only with a result.
          if (s.status === 'returned') expect(before.status).toBe('processed');
          if (s.status === 'processed' || s.status === 'returned') expect(s.resultId).toBeTruthy();
          // The due date moves earlier only when the clock restarts on a resubmission.
          if (action.action === 'supplement_submitted') {
            expect(s.clockFrom).toBe(iso(now));
            expect(s.dueAt).toBe(iso(dueAt(now, DAYS, cal)));
          } else {
            expect(Date.parse(s.dueAt)).toBeGreaterThanOrEqual(Date.parse(before.dueAt));
            expect(s.clockFrom).toBe(before.clockFrom);
          }
          // Rescheduled at most once, at least a day ahead, to a later working day.
          if (action.action === 'reschedule') {
            reschedules++;
            expect(vnLocal(now).date < vnLocal(new Date(before.dueAt)).date).toBe(true);
            expect(Date.parse(s.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
          }
          expect(reschedules).toBeLessThanOrEqual(1);
          // A second supplement request, or one after the window, only on a leader's reason.
          if (action.action === 'request_supplement') {
            expect(s.supplements).toBe(before.supplements + 1);
            if (supplementRestriction(before, now, cal)) expect([c.actor, 'overrideReason' in action]).toEqual(['leader', true]);
          } else expect(s.supplements).toBe(before.supplements);
          expect(s.rescheduled).toBe(reschedules === 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every status is reachable, and availableActions never offers an action that fails for lack of state', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let now = TUESDAY;
        let s = registered(now);
        seen.add(s.status);
        for (const c of commands) {
          now = new Date(now.getTime() + c.wait * 60_000);
          for (const a of availableActions(s, c.actor)) {
            const r = transition(s, toAction({ ...c, action: a, blank: false, dayShift: 5 }, s), ctx(c.actor, now));
            // Only date rules (too late, weekend) and the once-only supplement may still refuse an
            // offered action: the console then says why and lets a leader give a reason.
            if (!r.ok) expect(['reschedule_too_late', 'due_not_working_day', 'supplement_too_late', 'supplement_already_requested', 'override_leader_only']).toContain(r.error);
          }
          const r = transition(s, toAction(chosen(c, s), s), ctx(c.actor, now));
          if (r.ok) s = r.state;
          seen.add(s.status);
        }
      }),
      { numRuns: 1000, seed: 20260310 }, // fixed: the reachability count below must not depend on luck
    );
    expect([...seen].sort()).toEqual(
      ['accepted', 'financial_requested', 'processed', 'processing', 'refused', 'registered', 'returned', 'stopped', 'supplement_requested', 'withdrawn'],
    );
  });
});
